"""Bounded cost: comparing goals is linear in the number of goals, not quadratic.

A case may hold 50 parties with 1,000 goals and 1,000 departmental targets each; the
pairwise comparison took tens of seconds on such a case. Counted, not timed.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from collabrules.model.signals import SignalBook
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.structure import structure_case
from collabrules.standard import party_signals as standard_signals
from collabrules.standard.goals import (
    aims,
    explicit_oppositions,
    opposed,
    party_goals,
    shared,
)
from collabrules.standard.signal_values import GoalAlignment
from collabrules.standard.topic_axes import standard_vocabulary

from ..strategies import valid_cases

ENGINE = Engine()


def _big_case(parties: int, goals: int) -> dict[str, Any]:
    return {"schema_version": "1.0", "perspective": "p0", "parties": [
        {"id": f"p{i}", "name": "x", "role": "customer" if i % 2 else "supplier",
         "goals": [{"topic": f"t{j}", "direction": "maximise" if (i + j) % 2 else "minimise"}
                   for j in range(goals)],
         "departmental_targets": [{"department": "d", "target": "t", "topic": f"t{j}",
                                   "direction": "minimise"} for j in range(goals)]}
        for i in range(parties)]}


def test_goal_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]

    def counted(function: Any) -> Any:
        def wrapper(a: Any, b: Any) -> bool:
            calls[0] += 1
            return bool(function(a, b))
        return wrapper

    monkeypatch.setattr(standard_signals, "shared", counted(shared))
    monkeypatch.setattr(standard_signals, "opposed", counted(opposed))
    case = structure_case(_big_case(parties=50, goals=200))
    book = SignalBook(case, ENGINE.signals)
    assert book["goal_alignment"].value is not None
    assert book["departmental_conflicts"].value
    own_aims = 2 * 200
    assert calls[0] <= 3 * own_aims * 3   # at most 3 pushes per axis, 3 comparisons per aim


@given(valid_cases())
def test_goal_alignment_matches_the_pairwise_definition(data: dict[str, Any]) -> None:
    for party in data["parties"]:  # few topics, so that goals meet
        for item in party.get("goals", []) + party.get("departmental_targets", []):
            if "topic" in item:
                item["topic"] = ("price", "margin", "quality")[len(item["topic"]) % 3]
    case = structure_case(data)
    words = standard_vocabulary()
    mine = aims(case.own, case.path_of(case.own), words)
    theirs = [a for p in case.others for a in aims(p, case.path_of(p), words)]
    value = SignalBook(case, ENGINE.signals)["goal_alignment"].value
    if any(p.goals is None for p in case.parties) or any(
            g.direction is None or g.topic is None
            for p in case.parties for _, g in party_goals(p, case.path_of(p))):
        assert value is None  # a goal pushing an unknown way leaves the alignment unknown
        return
    links = {f"{ours} / {their}" for ours, their, _ in explicit_oppositions(case)}
    assert value == GoalAlignment(
        shared=tuple(sorted({a.axis for a in mine for b in theirs if shared(a, b)})),
        conflicting=tuple(sorted({a.axis for a in mine for b in theirs if opposed(a, b)}
                                 | links)),
    )
