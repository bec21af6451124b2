"""The charter: the principle set an organisation adopted, and who endorsed it.

An endorsement names a stakeholder, a role, a date and the digest of the principle set
they endorsed (the ``principle_set.digest`` every report prints). Endorsements come from
``collabrules.toml`` (the organisation's charter) and from a case's ``charter`` (for one
relationship). The report says whether the set in use was endorsed, never endorsed,
or changed after endorsement.

An endorsement may record the lifecycle phase it was given in. When the case's phase
differs from the phase of a stakeholder's latest endorsement, the relationship changed
phase after that stakeholder last confirmed the charter, and the report says so (ADR 0023).
Endorsements that record no phase are never flagged: their phase is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._version import __version__
from ..host.hookspecs import hookimpl
from ..model.case import Case, Endorsement
from ..model.report import Note, Report
from ..model.text import Text, join
from ..model.vocab import Phase

_ENDORSED = Text("The principle set in use was endorsed by {who}.",
                 "De gebruikte principeset is onderschreven door {who}.")
_NEVER = Text(
    "The principle set in use was never endorsed: no stakeholder gave it their fiat. Record "
    "endorsements (stakeholder, role, date, digest {digest}) in the charter.",
    "De gebruikte principeset is nooit onderschreven: geen belanghebbende gaf zijn fiat. "
    "Leg instemming (belanghebbende, rol, datum, digest {digest}) vast in het charter.")
_CHANGED = Text(
    "The principle set changed after it was endorsed by {who}: the set in use has digest "
    "{digest}. Ask the stakeholders to endorse the new set.",
    "De principeset is veranderd nadat {who} haar onderschreef: de gebruikte set heeft "
    "digest {digest}. Vraag de belanghebbenden de nieuwe set te onderschrijven.")

_PHASE_CHANGED = Text(
    "The relationship is now in phase {phase}, but the charter was not re-confirmed since: "
    "{who}. Ask them to confirm the principle set for this phase.",
    "De relatie zit nu in de fase {phase}, maar het charter is sindsdien niet opnieuw "
    "bevestigd: {who}. Vraag hen de principeset voor deze fase te bevestigen.")
_LAST = Text("{stakeholder} (last endorsed in phase {phase}{date})",
             "{stakeholder} (laatst ingestemd in fase {phase}{date})")


def unconfirmed(endorsements: Iterable[Endorsement], phase: Phase) -> tuple[Endorsement, ...]:
    """Each stakeholder's latest endorsement when it was given in another phase than ``phase``.

    "Latest" is by date (undated ones count as oldest, then file order); a stakeholder whose
    latest endorsement records no phase is left out.
    """
    latest: dict[str, Endorsement] = {}
    for endorsement in sorted(endorsements, key=lambda e: e.date or ""):
        latest[endorsement.stakeholder] = endorsement
    return tuple(e for e in latest.values() if e.phase is not None and e.phase is not phase)


def _phase_note(endorsements: Iterable[Endorsement], phase: Phase) -> Note | None:
    stale = unconfirmed(endorsements, phase)
    if not stale:
        return None
    who = [_LAST.format(stakeholder=e.stakeholder, phase=e.phase.label,  # type: ignore[union-attr]
                        date=f", {e.date}" if e.date else "")
           for e in stale]
    return Note(id="charter-phase", text=_PHASE_CHANGED.format(phase=phase.label,
                                                               who=join(who, "; ")))


def _who(endorsements: Iterable[Endorsement]) -> str:
    parts = []
    for e in endorsements:
        extra = ", ".join(x for x in (e.role, e.date) if x)
        parts.append(f"{e.stakeholder} ({extra})" if extra else e.stakeholder)
    return "; ".join(parts)


class CharterPlugin:
    """Engine-side plugin that records in each report whether the set was endorsed.

    ``endorsements`` are the organisation's; a case's own ``charter`` adds to them.
    With ``required=False`` and no endorsement anywhere, the report stays silent.
    """

    collabrules_distribution = "collabrules (charter)"
    collabrules_version = __version__

    def __init__(self, endorsements: Iterable[Endorsement] = (), *, required: bool = True
                 ) -> None:
        self.endorsements = tuple(endorsements)
        self.required = required

    @hookimpl
    def collabrules_adjust_report(self, report: Report, case: Case) -> Report | None:
        """Set ``principle_set.endorsed`` and add a note saying why."""
        found = list(self.endorsements)
        if case.charter is not None and case.charter.endorsements:
            found.extend(case.charter.endorsements)
        if not found and not self.required:
            return None
        record = report.provenance.principle_set
        current = [e for e in found if e.digest == record.digest]
        if current:
            endorsed, note = True, _ENDORSED.format(who=_who(current))
        elif found:
            endorsed, note = False, _CHANGED.format(who=_who(found), digest=record.digest)
        else:
            endorsed, note = False, _NEVER.format(digest=record.digest)
        provenance = attrs.evolve(report.provenance,
                                  principle_set=attrs.evolve(record, endorsed=endorsed))
        notes = [Note(id="charter", text=note)]
        phase_note = _phase_note(found, report.phase) if report.phase is not None else None
        if phase_note is not None:
            notes.append(phase_note)
        return attrs.evolve(report, provenance=provenance, notes=(*report.notes, *notes))
