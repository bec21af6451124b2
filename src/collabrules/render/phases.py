"""A report's phase plan in words: the actions for the current phase, then the next phase's."""

from __future__ import annotations

import attrs

from ..lifecycle import Advice, PhasePlan, iso_stages_of, phase_plan, stage_of
from ..report import Report
from ..text import Text

NOW = Text("Actions for this phase: {phase} (stage: {stage}; ISO 44001: {iso})",
           "Acties voor deze fase: {phase} (stadium: {stage}; ISO 44001: {iso})")
LATER = Text("What the next phase ({phase}) will need",
             "Wat de volgende fase ({phase}) nodig heeft")
NOTHING_NOW = Text("No open action belongs to this phase.",
                   "Geen openstaande actie hoort bij deze fase.")


@attrs.frozen
class PhaseSection:
    """The words of a phase plan, ready for any format."""

    heading: str
    now: tuple[tuple[str, str], ...]
    """(principle code and title, action) for the current phase."""
    later_heading: str | None
    later: tuple[tuple[str, str], ...]


def _items(advice: tuple[Advice, ...], lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{a.code} {a.title.get(lang)}", a.action.get(lang)) for a in advice)


def phase_section(report: Report, lang: str) -> PhaseSection | None:
    """The phase plan of a report in one language; ``None`` when the case has no phase."""
    plan: PhasePlan | None = phase_plan(report.findings, report.phase)
    if plan is None:
        return None
    phase = plan.phase
    heading = NOW.format(phase=phase.label.get(lang), stage=stage_of(phase).label.get(lang),
                         iso=", ".join(s.label.get(lang) for s in iso_stages_of(phase)))
    later_heading = (LATER.format(phase=plan.next.label.get(lang)).get(lang)
                     if plan.next is not None and plan.later else None)
    return PhaseSection(heading=heading.get(lang), now=_items(plan.now, lang),
                        later_heading=later_heading, later=_items(plan.later, lang))
