"""A case with almost no facts: every principle answers, none guesses, none fails."""

from __future__ import annotations

from typing import Any

from .helpers import engine

MINIMAL: dict[str, Any] = {
    "schema_version": "1.0",
    "perspective": "us",
    "parties": [
        {"id": "us", "name": "Us", "role": "customer"},
        {"id": "them", "name": "Them", "role": "supplier"},
        {"id": "others", "name": "Others", "role": "supplier"},
    ],
}


def test_a_case_without_facts_is_undetermined_everywhere() -> None:
    report = engine().evaluate(MINIMAL)
    assert not report.problems
    assert {f.status.value for f in report.findings} == {"undetermined"}
    for finding in report.findings:
        assert finding.missing, finding.code
        assert all(path.startswith("$.") for path in finding.missing)


def test_a_case_without_facts_gets_no_model_and_no_move() -> None:
    rec = engine().evaluate(MINIMAL).recommendation
    assert rec is not None
    assert rec.model is None
    assert rec.current is None
    assert rec.path == ()
    assert "No move is advised" in rec.gap.en
    assert "$.delivery.risk" in rec.missing
