"""The case's free-text notes (schema 1.1) shown in the report, never read by a principle.

Notes on a party or on the relationship are what the case's author wants a reader to
see next to the verdicts; they are written in the author's own words, so the English
and Dutch report show the same text.
"""

from __future__ import annotations

import attrs

from ..host.hookspecs import hookimpl
from ..model.case import Case
from ..model.report import Note, Report
from ..model.text import Text

_ABOUT = Text("Note on {who}: {text}", "Notitie bij {who}: {text}")
_RELATIONSHIP = Text("the relationship", "de relatie")


def case_notes(case: Case) -> tuple[Note, ...]:
    """One report note per note in the case, parties first."""
    notes = [Note(id=f"case-note-{p.id}", text=_ABOUT.format(who=p.name, text=p.notes))
             for p in case.parties if p.notes]
    if case.relationship and case.relationship.notes:
        notes.append(Note(id="case-note-relationship", text=_ABOUT.format(
            who=_RELATIONSHIP, text=case.relationship.notes)))
    return tuple(notes)


@hookimpl
def collabrules_adjust_report(report: Report, case: Case) -> Report | None:
    """Add the case's notes to the report's notes."""
    notes = case_notes(case)
    return attrs.evolve(report, notes=(*report.notes, *notes)) if notes else None
