"""A standard principle's summary is derived from the conditions it declares, and every
condition it records is declared: the summary cannot drift from what is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from collabrules.model.principle import Check, Principle, summary
from collabrules.model.text import Text
from collabrules.pipeline.loading import Document

from .helpers import ROOT, SCENARIOS, base, engine

CASEBOOK = sorted((ROOT / "tests" / "casebook" / "cases").glob("*.yaml"))


PERCEPTIONS = Path(__file__).resolve().parents[2] / "examples" / "bespoke-software-perceptions.yaml"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = [(name, base(name)) for name in SCENARIOS]
    cases.append(("perceptions", yaml.safe_load(PERCEPTIONS.read_text("utf-8"))))
    cases += [(path.stem, yaml.safe_load(path.read_text("utf-8"))["case"]) for path in CASEBOOK]
    return cases


def _standard() -> list[Principle]:
    return [p for p in engine().principles if p.source == "collabrules"]


def test_every_recorded_condition_is_declared_with_its_text() -> None:
    declared = {p.code: {c.id: c for c in p.conditions} for p in _standard()}
    seen: set[tuple[str, str]] = set()
    for name, data in _cases():
        report = engine().evaluate(engine().structure(Document(data, name)))
        for finding in report.findings:
            if finding.code not in declared:
                continue
            for condition in finding.conditions:
                check = declared[finding.code].get(condition.id)
                assert check is not None, f"{finding.code} records undeclared {condition.id}"
                assert check.text == condition.text, (finding.code, condition.id)
                assert check.applicability is condition.applicability, condition.id
                seen.add((finding.code, condition.id))
    every = {(p.code, c.id) for p in _standard() for c in p.conditions}
    assert every - seen == set(), "declared conditions no case records"


@pytest.mark.parametrize("principle", _standard(), ids=lambda p: p.code)
def test_the_summary_lists_every_declared_condition(principle: Principle) -> None:
    assert principle.conditions
    for check in principle.conditions:
        assert check.text.en in principle.checks.en
        assert check.text.nl in principle.checks.nl


def test_summary_names_applicability_first() -> None:
    when = Check("w", Text("it is raining", "het regent"), applicability=True)
    rule = Check("c", Text("an umbrella is open", "een paraplu is open"))
    text = summary([when.text], [rule.text])
    assert text.en == "Applies when it is raining. Checks: an umbrella is open."
    assert text.nl == "Geldt als het regent. Toetst: een paraplu is open."
    assert summary([], [rule.text, rule.text]).en == "an umbrella is open; an umbrella is open"


def test_a_hand_written_summary_still_wins() -> None:
    principle = _standard()[0]
    own = attrs.evolve(principle, checks=Text("mine", "de mijne"))
    assert own.checks.en == "mine"
    assert principle.checks.en != "mine"
