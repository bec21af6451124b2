"""Waivers: a finding accepted for one relationship, with a reason, an owner and an expiry.

A waiver matches a finding by case id and principle code. An active waiver keeps the
finding visible, marked as waived, and the CLI's ``--fail-on`` ignores it; an expired
waiver is shown on the finding but no longer waives it (the finding resurfaces); a
waiver that matched no violated or at-risk finding is reported in the report's notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._version import __version__
from ..host.hookspecs import hookimpl
from ..model.case import Case
from ..model.finding import Finding
from ..model.records import shared_repr
from ..model.report import Note, Report
from ..model.text import Text
from ..model.vocab import Status

Today = Callable[[], dt.date]
WAIVABLE = (Status.VIOLATED, Status.AT_RISK)


@attrs.frozen(kw_only=True)
@shared_repr
class Waiver:
    """Acceptance of one finding (principle ``code``) for one relationship (``case``)."""

    case: str
    code: str
    reason: str
    owner: str
    expires: dt.date
    active: bool = True

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The waiver as it appears on a finding in the JSON report."""
        return {"reason": self.reason, "owner": self.owner, "expires": self.expires.isoformat(),
                "status": "active" if self.active else "expired"}

    def describe(self, lang: str = "en") -> str:
        """One line for the text report."""
        template = _ACTIVE if self.active else _EXPIRED
        return template.format(owner=self.owner, expires=self.expires.isoformat(),
                               reason=self.reason).get(lang)


_ACTIVE = Text("WAIVED by {owner} until {expires}: {reason}",
               "VRIJGESTELD door {owner} tot {expires}: {reason}")
_EXPIRED = Text("Waiver by {owner} EXPIRED on {expires}, so this finding counts again: {reason}",
                "Vrijstelling door {owner} VERLOPEN op {expires}, dus deze bevinding telt weer "
                "mee: {reason}")
_UNUSED = Text(
    "The waiver for {code} ({owner}, until {expires}) matched no violated or at-risk finding "
    "of this case; remove it if it is no longer needed.",
    "De vrijstelling voor {code} ({owner}, tot {expires}) past op geen bevinding van deze "
    "casus die geschonden of in gevaar is; verwijder haar als ze niet meer nodig is.")


class WaiverPlugin:
    """Engine-side plugin that applies waivers to findings (built from configuration).

    ``today`` returns the date expiry is compared with (injectable for tests).
    """

    collabrules_distribution = "collabrules (waivers)"
    collabrules_version = __version__

    def __init__(self, waivers: Iterable[Waiver], today: Today = dt.date.today) -> None:
        self.waivers = tuple(waivers)
        self.today = today

    def _for(self, case_id: str | None) -> list[Waiver]:
        return [w for w in self.waivers if w.case == case_id]

    @hookimpl
    def collabrules_adjust_finding(self, finding: Finding, case: Case) -> Finding | None:
        """Attach the matching waiver (active or expired) to a violated or at-risk finding."""
        if finding.status not in WAIVABLE:
            return None
        for waiver in self._for(case.id):
            if waiver.code == finding.code:
                active = self.today() <= waiver.expires
                return attrs.evolve(finding, waiver=attrs.evolve(waiver, active=active))
        return None

    @hookimpl
    def collabrules_adjust_report(self, report: Report) -> Report | None:
        """Note the waivers of this case that matched no finding."""
        used = {f.code for f in report.findings if f.waiver is not None}
        notes = [Note(id=f"waiver-unused-{w.code}", text=_UNUSED.format(
                     code=w.code, owner=w.owner, expires=w.expires.isoformat()))
                 for w in self._for(report.case_id) if w.code not in used]
        if not notes:
            return None
        return attrs.evolve(report, notes=(*report.notes, *notes))
