"""A report's phase plan in words: the actions for the current phase, then the next phase's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..model.lifecycle import (
    Advice,
    PhasePlan,
    PhaseTag,
    PhaseTags,
    iso_stages_of,
    next_phase,
    phase_plan,
    stage_of,
)
from ..model.principle import Principle
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.vocab import Phase

NOW = Text("Actions for this phase: {phase} (stage: {stage}; ISO 44001: {iso})",
           "Acties voor deze fase: {phase} (stadium: {stage}; ISO 44001: {iso})")
LATER = Text("What the next phase ({phase}) will need",
             "Wat de volgende fase ({phase}) nodig heeft")
NOTHING_NOW = Text("No open action belongs to this phase.",
                   "Geen openstaande actie hoort bij deze fase.")


@attrs.frozen
@shared_repr
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
    plan: PhasePlan | None = phase_plan(report.findings, report.phase, report.phase_tags)
    if plan is None:
        return None
    phase = plan.phase
    heading = NOW.format(phase=phase.label.get(lang), stage=stage_of(phase).label.get(lang),
                         iso=", ".join(s.label.get(lang) for s in iso_stages_of(phase)))
    later_heading = (LATER.format(phase=plan.next.label.get(lang)).get(lang)
                     if plan.next is not None and plan.later else None)
    return PhaseSection(heading=heading.get(lang), now=_items(plan.now, lang),
                        later_heading=later_heading, later=_items(plan.later, lang))


PHASE_LINE = Text("Phase: {phase} (stage: {stage}; ISO 44001: {iso})",
                  "Fase: {phase} (stadium: {stage}; ISO 44001: {iso})")
NEXT_LINE = Text("Next phase: {phase}", "Volgende fase: {phase}")
UNTAGGED = Text("every phase (its actions are not tagged with phases)",
                "elke fase (de acties zijn niet aan fasen gekoppeld)")


@attrs.frozen
@shared_repr
class PhaseListing:
    """The principles and the checks that matter in one phase, in one language."""

    phase: Phase
    lang: str
    rows: tuple[tuple[Principle, tuple[tuple[str, PhaseTag], ...]], ...]

    def text(self) -> str:
        """The listing as plain text."""
        iso = ", ".join(s.label.get(self.lang) for s in iso_stages_of(self.phase))
        out = [PHASE_LINE.format(phase=self.phase.label, stage=stage_of(self.phase).label,
                                 iso=iso).get(self.lang)]
        following = next_phase(self.phase)
        if following is not None:
            out.append(NEXT_LINE.format(phase=following.label).get(self.lang))
        for principle, checks in self.rows:
            out += ["", f"{principle.code} {principle.title.get(self.lang)}"]
            out += [f"  - {tag.label.get(self.lang)} ({key})" for key, tag in checks] or \
                [f"  - {UNTAGGED.get(self.lang)}"]
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The listing as a JSON-ready mapping."""
        following = next_phase(self.phase)
        return {"phase": self.phase.value, "stage": stage_of(self.phase).id,
                "iso44001": [{"id": s.id, "number": s.number, "label": s.label.get(self.lang)}
                             for s in iso_stages_of(self.phase)],
                "next_phase": following.value if following else None,
                "principles": [{"code": p.code, "title": p.title.get(self.lang),
                                "tagged": bool(checks),
                                "checks": [{"id": key, "label": tag.label.get(self.lang)}
                                           for key, tag in checks]}
                               for p, checks in self.rows]}


def phase_listing(principles: Iterable[Principle], tags: PhaseTags, phase: Phase,
                  lang: str) -> PhaseListing:
    """The principles whose checks matter in ``phase`` (a principle without tags: all)."""
    rows = []
    for principle in sorted(principles, key=lambda p: p.code):
        if tags.checks_for(principle.code) and not tags.checks_for(principle.code, phase):
            continue
        rows.append((principle, tags.checks_for(principle.code, phase)))
    return PhaseListing(phase=phase, lang=lang, rows=tuple(rows))
