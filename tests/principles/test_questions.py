"""Questions to ask: every case field has one in both languages, naming parties, not paths."""

from __future__ import annotations

import re
from typing import Any

import pytest

from collabrules.io.serialize import report_to_dict
from collabrules.model.glossary import FIELDS as GLOSSARY
from collabrules.pipeline.questions import label, question
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.structure import structure_case

from .helpers import engine, patched

CASE = structure_case({
    "schema_version": "1.0", "perspective": "us",
    "parties": [{"id": "us", "name": "Acme", "role": "customer",
                 "goals": [{"topic": "price"}], "interests": [{"description": "speed"}],
                 "departmental_targets": [{"department": "Buying", "target": "20% off"}]},
                {"id": "fuel", "name": "Fuel Co", "role": "supplier"}],
    "relationship": {"resistance": [{"who": "IT", "against": "the tool"}]},
    "charter": {"endorsements": [{"stakeholder": "Board"}]},
})


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _fields(schema: dict[str, Any], node: dict[str, Any], path: str) -> list[str]:
    """Every property of the case schema as a JSON path (list items at index 0)."""
    node = _resolve(schema, node)
    found = []
    for key, sub in node.get("properties", {}).items():
        here = f"{path}.{key}"
        found.append(here)
        sub = _resolve(schema, sub)
        if sub.get("type") == "object":
            found += _fields(schema, sub, here)
        elif sub.get("type") == "array" and _resolve(schema, sub["items"]).get("type") == "object":
            found += _fields(schema, sub["items"], f"{here}[0]")
    return found


FIELDS = _fields(load_schema("case"), load_schema("case"), "$")


@pytest.mark.parametrize("path", FIELDS)
def test_every_case_field_gets_a_question_in_both_languages(path: str) -> None:
    asked = question(path, CASE)
    assert asked.en.endswith("?") and asked.nl.endswith("?"), asked
    assert asked.en != asked.nl
    for text in (asked.en, asked.nl):
        assert "$." not in text and "[0]" not in text and "{" not in text, text
        assert "_" not in text, text  # a field key, not a written label


def test_every_case_field_has_a_written_label() -> None:
    keys = {re.sub(r"\[\d+\]", "[]", p)[2:] for p in FIELDS}
    assert sorted(keys - {key for key, field in GLOSSARY.items() if field.phrase}) == []


def test_questions_name_the_party_and_list_the_choices() -> None:
    assert question("$.parties[1].attitude", CASE).en == (
        "What is Fuel Co's attitude towards this relationship: cooperative, neutral, "
        "opportunistic or hostile?")
    assert question("$.parties[0].goals[0].disclosed", CASE).en == (
        'Does the other side know Acme\'s goal "price"?')
    assert question("$.parties[0].goals[0].disclosed", CASE).nl == (
        'Kent de andere kant het doel "price" van Acme?')
    assert label("$.extensions.audit.passed").en == 'the organisation\'s fact "audit.passed"'


def test_the_report_ranks_questions_by_the_verdicts_they_would_settle() -> None:
    report = engine().evaluate(patched("office-cleaning",
                                       {"relationship.safeguards.exit_plan": True},
                                       removes=["delivery.risk", "delivery.uncertainty",
                                                "relationship.trust",
                                                "relationship.safeguards.price_guarantee"]))
    counts = [len(q.verdicts) for q in report.questions]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1] >= 1
    for q in report.questions:
        for code in q.verdicts:
            if code != "model":
                finding = report.finding(code)
                assert finding.status.value in ("undetermined", "at_risk")
                assert q.path in finding.missing
    data = report_to_dict(report, "nl")
    assert data["questions"][0]["question"] == report.questions[0].text.nl


def test_a_finding_asks_only_for_facts_that_could_change_it() -> None:
    # Complexity refines only a configurable delivery: it cannot decide the depth a
    # standard one calls for, so tailoring does not ask for it.
    cleaning = engine().evaluate(patched("office-cleaning", removes=[
        "delivery.complexity", "delivery.risk", "relationship.model"])).finding("CR06")
    assert cleaning.status.value == "undetermined"
    assert "$.delivery.risk" in cleaning.missing
    assert "$.delivery.complexity" not in cleaning.missing
    # A bespoke delivery under a collaborative model is aimed at collaborative depth
    # whatever its risk: the missing process alone decides "it takes time".
    software = engine().evaluate(patched(
        "bespoke-software", {"relationship.model": "collaborative"},
        ["delivery.risk", "relationship.development"])).finding("CR09")
    assert software.status.value == "undetermined"
    assert "$.relationship.development.structured_process" in software.missing
    assert "$.delivery.risk" not in software.missing


def test_trust_asks_only_for_facts_that_could_change_it() -> None:
    # Bespoke, high-risk work needs high trust whatever its complexity: the missing trust
    # alone decides whether trust fits, so CR05 does not ask for the complexity.
    software = engine().evaluate(patched(
        "bespoke-software", removes=["relationship.trust", "delivery.complexity"])
    ).finding("CR05")
    assert software.status.value == "undetermined"
    assert "$.relationship.trust" in software.missing
    assert "$.delivery.complexity" not in software.missing
    # A model that is not deep settles "no trust-based model where a guarantee would do",
    # whatever the delivery calls for; and a missing guarantee is asked for together with
    # the trust that would make it irrelevant.
    cleaning = engine().evaluate(patched("office-cleaning", removes=[
        "delivery.standardisation", "relationship.trust",
        "relationship.safeguards.price_guarantee"])).finding("CR05")
    outcomes = {c.id: (c.outcome.value, c.decided_by) for c in cleaning.conditions}
    assert outcomes["no_trust_model_where_guarantee_suffices"] == ("held", ())
    assert "$.relationship.trust" in outcomes["guarantees_cover"][1]
