"""Acme's own tests, written with the collabrules plugin author kit (collabrules.testing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import collabrules_house_example as acme

from collabrules.plugin import case_with, evaluate_with, load_principles

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "fixtures" / "cases"


def test_acme01_violated_when_supplier_benefit_unknown() -> None:
    report = evaluate_with([("acme", acme)], CASES / "bespoke-software.yaml")
    finding = report.finding("ACME01")
    assert finding.status.value == "violated"
    assert "supplier_net_positive" in [c.id for c in finding.conditions]


def test_acme01_undetermined_when_benefit_left_out(collabrules_evaluate: Any) -> None:
    case = case_with(CASES / "office-cleaning.yaml",
                     lambda doc: [p.pop("expected_benefit", None) for p in doc["parties"]])
    report = collabrules_evaluate(case, plugins=[("acme", acme)], entry_points=False)
    assert report.finding("ACME01").status.value == "undetermined"


def test_stricter_cr01_replaces_the_standard_one(collabrules_engine: Any) -> None:
    engine = collabrules_engine(plugins=[("acme", acme)])
    assert engine.principle("CR01").severity.value == "critical"
    assert not engine.problems


def test_declarative_principles_compile() -> None:
    codes = {p.code for p in load_principles(acme.PRINCIPLES_FILE)}
    assert codes == {"ACME02", "ACME03"}


def test_fixtures_pass(collabrules_fixtures: Any) -> None:
    outcome = collabrules_fixtures(HERE.parent / "fixtures", plugins=[("acme", acme)])
    assert not outcome.failed, "\n".join(outcome.lines("en"))
