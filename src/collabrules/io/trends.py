"""Trends: how a relationship moved between two versions, principle by principle.

Verdicts are ordered violated < at risk < upheld; a move along that scale is *up* or
*down*. A change to or from not applicable, undetermined or error is *changed*: it says
something happened without saying better or worse. More ups than downs (and no downs)
is an upward spiral; the reverse a downward one. Each move names the facts its principle
cited whose values changed between the versions: the changes that moved it.
``collabrules history`` strings several versions together with the same comparison.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.verdict import Verdict
from ..model.vocab import Severity, Status

SCALE = {Status.VIOLATED: 0, Status.AT_RISK: 1, Status.UPHELD: 2}


@attrs.frozen(kw_only=True)
@shared_repr
class Snapshot:
    """What a trend compares: a relationship's verdicts and models at one moment."""

    case_id: str | None
    title: str | None
    source: str
    verdicts: tuple[Verdict, ...]
    current_model: str | None = None
    recommended_model: str | None = None
    assessed_on: str | None = None
    phase: str | None = None
    parties: tuple[str, ...] = ()
    """The parties' names in case order (to name a party's facts)."""
    facts: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, eq=False)
    """Per principle code, the case facts (JSON path: value) its conditions cited."""

    def fact(self, path: str) -> Any:
        """The value of a fact any principle cited (``None``: unknown or not cited)."""
        for cited in self.facts.values():
            if path in cited:
                return cited[path]
        return None


@attrs.frozen
@shared_repr
class FactChange:
    """A fact a principle cited whose value differs between two versions (``None``: unknown)."""

    path: str
    old: Any
    new: Any


@attrs.frozen(kw_only=True)
@shared_repr
class Move:
    """How one principle moved: ``up``, ``down``, ``same``, ``changed``, ``added``, ``removed``."""

    code: str
    title: Text
    old: Status | None
    new: Status | None
    movement: str
    facts: tuple[FactChange, ...] = ()


@attrs.frozen(kw_only=True)
@shared_repr
class Trend:
    """The moves of every principle and the overall direction."""

    old: Snapshot
    new: Snapshot
    moves: tuple[Move, ...]

    def count(self, movement: str) -> int:
        """How many principles moved this way."""
        return sum(1 for m in self.moves if m.movement == movement)

    def steepest_drop(self) -> int:
        """The most steps one principle moved down (upheld > at risk > violated), or 0."""
        return max([0, *(SCALE[m.old] - SCALE[m.new] for m in self.moves
                         if m.old in SCALE and m.new in SCALE)])

    @property
    def direction(self) -> str:
        """``upward``, ``downward``, ``mixed``, ``shifted`` (off the scale) or ``stable``."""
        up, down = self.count("up"), self.count("down")
        if up and down:
            return "mixed"
        if up:
            return "upward"
        if down:
            return "downward"
        if any(m.movement != "same" for m in self.moves):
            return "shifted"
        return "stable"

    def to_dict(self) -> dict[str, Any]:
        """The trend as a JSON-ready mapping (texts in English; titles per version)."""
        return {
            "kind": "trend",
            "old": _snapshot(self.old),
            "new": _snapshot(self.new),
            "direction": self.direction,
            "counts": {k: self.count(k) for k in
                       ("up", "down", "same", "changed", "added", "removed")},
            "moves": [{"code": m.code, "old": m.old.value if m.old else None,
                       "new": m.new.value if m.new else None, "movement": m.movement,
                       "facts": [{"path": f.path, "old": f.old, "new": f.new}
                                 for f in m.facts]}
                      for m in self.moves],
        }


def _snapshot(snap: Snapshot) -> dict[str, Any]:
    return {"case_id": snap.case_id, "title": snap.title, "source": snap.source,
            "assessed_on": snap.assessed_on, "phase": snap.phase,
            "current_model": snap.current_model, "recommended_model": snap.recommended_model}


def movement(old: Status | None, new: Status | None) -> str:
    """The movement from one verdict to another."""
    if old is None:
        return "added"
    if new is None:
        return "removed"
    if old is new:
        return "same"
    if old in SCALE and new in SCALE:
        return "up" if SCALE[new] > SCALE[old] else "down"
    return "changed"


def compare(old: Snapshot, new: Snapshot) -> Trend:
    """Compare two snapshots of the same relationship."""
    before = {v.code: v for v in old.verdicts}
    after = {v.code: v for v in new.verdicts}
    moves = []
    for code in sorted(set(before) | set(after)):
        b, a = before.get(code), after.get(code)
        title = (a or b).title  # type: ignore[union-attr]
        moved = movement(b.status if b else None, a.status if a else None)
        moves.append(Move(code=code, title=title, old=b.status if b else None,
                          new=a.status if a else None, movement=moved,
                          facts=() if moved == "same" else changed_facts(old, new, code)))
    return Trend(old=old, new=new, moves=tuple(moves))


def changed_facts(old: Snapshot, new: Snapshot, code: str) -> tuple[FactChange, ...]:
    """The facts principle ``code`` cited in either version whose values differ."""
    paths = sorted({*old.facts.get(code, {}), *new.facts.get(code, {})})
    return tuple(FactChange(path, old.fact(path), new.fact(path)) for path in paths
                 if old.fact(path) != new.fact(path))


def _as_json(value: Any) -> Any:
    """A fact value as JSON would carry it, so case and report snapshots compare equal."""
    return json.loads(json.dumps(value, default=str))


def _cited(pairs: Iterable[tuple[str, Iterable[tuple[str, Any]]]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for code, facts in pairs:
        cited = found.setdefault(code, {})
        for path, value in facts:
            cited.setdefault(path, _as_json(value))
    return found


def snapshot_of_report(report: Report) -> Snapshot:
    """A snapshot from a freshly evaluated report (titles in both languages)."""
    rec = report.recommendation
    return Snapshot(
        case_id=report.case_id, title=report.title, source=report.source or "",
        verdicts=tuple(Verdict.of(f) for f in report.findings),
        current_model=rec.current if rec else None, recommended_model=rec.model if rec else None,
        assessed_on=report.assessed_on, phase=report.phase.value if report.phase else None,
        parties=tuple(p.name for p in report.parties),
        facts=_cited((f.code, ((fact.path, fact.value) for c in f.conditions
                               for fact in c.facts)) for f in report.findings))


def is_report_document(data: Any) -> bool:
    """Whether a parsed document is a JSON report rather than a case."""
    return isinstance(data, Mapping) and "findings" in data and "provenance" in data


def snapshot_of_json(data: Mapping[str, Any], source: str) -> Snapshot:
    """A snapshot from a report JSON document (its titles are in the report's language)."""
    case = data.get("case") or {}
    rec = data.get("recommendation") or {}
    verdicts = tuple(
        Verdict(code=str(f["code"]), title=Text(str(f.get("title", "")), str(f.get("title", ""))),
                status=Status(f["status"]), severity=Severity(f.get("severity", "none")))
        for f in data.get("findings", []))
    facts = _cited((str(f["code"]), ((str(fact["path"]), fact.get("value"))
                                      for c in f.get("conditions", ())
                                      for fact in c.get("facts", ())))
                   for f in data.get("findings", []))
    return Snapshot(case_id=case.get("id"), title=case.get("title"), source=source,
                    verdicts=verdicts, current_model=rec.get("current"),
                    recommended_model=rec.get("model"), assessed_on=case.get("assessed_on"),
                    phase=case.get("phase"), facts=facts)
