"""Each principle against its fixture file (sqlfluff style): every status and boundary."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from collabrules.model.vocab import Outcome, Status

from .helpers import FIXTURES, engine, patched

CODES = [f"CR0{n}" for n in range(1, 10)]


def _load(code: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / f"{code}.yaml").read_text("utf-8"))
    return data


def _cases() -> list[Any]:
    found = []
    for path in sorted(FIXTURES.glob("CR*.yaml")):
        data = _load(path.stem)
        for case in data["cases"]:
            found.append(pytest.param(data["principle"], case,
                                      id=f"{data['principle']}-{case['name']}"))
    return found


def test_every_standard_principle_has_a_fixture_file() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("CR*.yaml")) == CODES
    assert sorted(p.code for p in engine().principles if p.source == "collabrules") == CODES


@pytest.mark.parametrize("code", CODES)
def test_fixture_reaches_every_declared_status(code: str) -> None:
    data = _load(code)
    declared = set(data["statuses"])
    assert declared <= {s.value for s in Status}
    assert {case["expect"] for case in data["cases"]} == declared
    assert {"upheld", "undetermined"} <= declared


@pytest.mark.parametrize(("code", "case"), _cases())
def test_fixture_case(code: str, case: dict[str, Any]) -> None:
    document = patched(case["base"], case.get("set"), case.get("remove"))
    report = engine().evaluate(document)
    finding = next(f for f in report.findings if f.code == code)
    explanation = [(c.id, c.outcome.value) for c in finding.conditions]
    assert finding.status.value == case["expect"], explanation
    if "failed" in case:
        failed = sorted(c.id for c in finding.conditions if c.outcome is Outcome.FAILED
                        and not c.applicability)
        assert failed == sorted(case["failed"])
    for condition in finding.conditions:
        for text in (condition.text, condition.action):
            for lang in ("en", "nl") if text else ():
                words = text.get(lang)
                assert "()" not in words and ": ." not in words and "  " not in words, words
    if finding.status is Status.UNDETERMINED:
        assert finding.missing, "an undetermined finding names the facts that would decide it"
    if finding.status in (Status.VIOLATED, Status.AT_RISK):
        assert finding.actions, "a failed principle recommends actions"
        assert all(a.en and a.nl and a.en != a.nl for a in finding.actions)
