"""The evidence appendix: every JSON path and raw value a report cites, numbered.

The body of a text, Markdown or HTML report speaks in words; each condition that used
case fields or signals carries a number that points here, where the paths and values are
listed as the JSON report has them; only the long lists of the perception signals are
summed up (counts and the views that matter).
"""

from __future__ import annotations

import json

import attrs

from ..model.finding import Condition
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from .perception_evidence import summary

HEADING = Text("Evidence", "Onderbouwing")
MISSING = Text("facts that would decide it", "feiten die de doorslag geven")
MODEL = Text("recommended collaboration model", "aanbevolen samenwerkingsmodel")
INTRO = Text("The case fields (JSON paths) and signals behind each numbered reference in the "
             "report, with their values as the JSON report has them.",
             "De velden van de casus (JSON-paden) en de signalen achter elke genummerde "
             "verwijzing in het rapport, met hun waarden zoals het JSON-rapport ze heeft.")


@attrs.frozen
@shared_repr
class Item:
    """One numbered entry: what it belongs to, and its ``path = value`` lines."""

    number: int
    owner: str
    lines: tuple[str, ...]
    about: Text | None = None


def citations(condition: Condition, lang: str = "en") -> tuple[str, ...]:
    """A condition's facts and signals as ``path = value`` (values as JSON; a perception
    signal's list summed up in words, :mod:`.perception_evidence`)."""
    return (tuple(f"{f.path} = {_json(f.value)}" for f in condition.facts)
            + tuple(f"{s.name} = {summary(s.name, s.value, lang) or _json(s.value)}"
                    for s in condition.signals))


@attrs.frozen
@shared_repr
class Evidence:
    """The numbered evidence of one report, in the order the body cites it."""

    items: tuple[Item, ...]
    _conditions: dict[tuple[str, int], int]
    _missing: dict[str, int]
    recommendation: int | None

    @classmethod
    def of(cls, report: Report, lang: str = "en") -> Evidence:
        """Number every condition with evidence, each finding's missing facts, the model."""
        items: list[Item] = []
        conditions: dict[tuple[str, int], int] = {}
        missing: dict[str, int] = {}
        for finding in report.findings:
            for index, condition in enumerate(finding.conditions):
                lines = citations(condition, lang)
                if lines:
                    conditions[(finding.code, index)] = len(items) + 1
                    items.append(Item(len(items) + 1, finding.code, lines))
            if finding.missing:
                missing[finding.code] = len(items) + 1
                items.append(Item(len(items) + 1, finding.code, tuple(finding.missing), MISSING))
        rec = report.recommendation
        number = None
        if rec is not None:
            number = len(items) + 1
            lines = (f"recommendation.model = {_json(rec.model)}",
                     f"recommendation.current = {_json(rec.current)}", *rec.facts)
            items.append(Item(number, "", lines, MODEL))
        return cls(tuple(items), conditions, missing, number)

    def condition(self, code: str, index: int) -> int | None:
        """The number of a finding's condition (by position), if it cites anything."""
        return self._conditions.get((code, index))

    def missing(self, code: str) -> int | None:
        """The number of a finding's list of deciding facts, if it has one."""
        return self._missing.get(code)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
