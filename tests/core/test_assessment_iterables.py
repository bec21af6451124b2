"""Principles may pass facts and signals as generators: each is read once, nothing lost."""

from __future__ import annotations

import collabrules
from collabrules.model.signals import SignalBook
from collabrules.model.vocab import Outcome
from collabrules.pipeline.assessment import Assessment

from ..conftest import EXAMPLES


def test_generator_facts_and_signals_are_kept_on_an_unknown_condition() -> None:
    engine = collabrules.default_engine()
    case = engine.load(EXAMPLES / "office-cleaning.yaml")
    assessment = Assessment(case, SignalBook(case, engine.signals))
    facts = (assessment.fact(path, None) for path in ("$.delivery.x", "$.delivery.y"))
    signals = (name for name in ("own_benefit",))
    assessment.check("c", None, collabrules.Text("c", "c"), facts=facts, signals=signals)
    condition = assessment._conditions[0]
    assert condition.outcome is Outcome.UNKNOWN
    assert [f.path for f in condition.facts] == ["$.delivery.x", "$.delivery.y"]
    assert [s.name for s in condition.signals] == ["own_benefit"]
    assert condition.decided_by == ("$.delivery.x", "$.delivery.y")
