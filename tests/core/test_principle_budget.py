"""The per-principle budget counts the CPU time a principle spends, not the time that
passes: a principle that waits past the budget is not slow, one that computes past it is
(docs/reliability.md, "Slow principles")."""

from __future__ import annotations

import time

from collabrules.model.principle import Principle
from collabrules.model.problems import ProblemKind
from collabrules.pipeline.assessment import Assessment
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.settings import Settings

from ..conftest import EXAMPLES
from .plugins import hold, plugin, principle

BUDGET = 0.05


def _waits(a: Assessment) -> None:
    time.sleep(4 * BUDGET)  # as a principle on a busy machine, or one waiting for a file
    hold(a)


def _spins(a: Assessment) -> None:
    end = time.thread_time() + 4 * BUDGET
    while time.thread_time() < end:
        pass
    hold(a)


def _slow_codes(*principles: Principle) -> list[str | None]:
    engine = Engine(plugins=[plugin("timed", *principles)], entry_points=False,
                    settings=Settings(principle_budget=BUDGET))
    report = engine.evaluate(EXAMPLES / "office-cleaning.yaml")
    return [p.code for p in report.problems if p.kind is ProblemKind.SLOW]


def test_a_principle_that_waits_past_the_budget_is_not_slow() -> None:
    assert _slow_codes(principle("HW1", _waits)) == []


def test_a_principle_that_computes_past_the_budget_is_slow() -> None:
    assert _slow_codes(principle("HW1", _waits), principle("HW2", _spins)) == ["HW2"]
