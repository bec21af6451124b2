"""Property tests: any valid case gives a schema-valid, deterministic, monotone report."""

from __future__ import annotations

import copy
import json
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.io.serialize import report_to_json
from collabrules.pipeline.engine import case_validator
from collabrules.pipeline.loading import read_document
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.structure import consistency_issues, structure_case

from ..conftest import EXAMPLES, ci_examples
from ..strategies import optional_paths, valid_cases, without

CASE_SCHEMA = load_schema("case")
REPORT = jsonschema.Draft202012Validator(load_schema("report"))
REFERENCE = jsonschema.Draft202012Validator(CASE_SCHEMA)
FAST = jsonschema_rs.validator_for(CASE_SCHEMA)

STANDARD = [(ep.name, ep.load()) for ep in sorted(metadata.entry_points(group="collabrules"),
                                                  key=lambda ep: ep.name)
            if ep.value.startswith("collabrules.")]
FORWARD = Engine(plugins=STANDARD, entry_points=False)
BACKWARD = Engine(plugins=list(reversed(STANDARD)), entry_points=False)
DEFAULT = Engine()


def test_the_standard_plugins_were_found() -> None:
    assert {name for name, _ in STANDARD} >= {"signals", "reciprocity"}
    assert FORWARD.problems == ()


@given(valid_cases())
def test_strategy_documents_are_valid(document: dict[str, Any]) -> None:
    assert REFERENCE.is_valid(document)
    assert not consistency_issues(document, "<case>")


@given(valid_cases(), st.sampled_from(["en", "nl"]))
def test_report_is_schema_valid_deterministic_and_explained(
        document: dict[str, Any], lang: str) -> None:
    """Five claims on each drawn case, sharing its first evaluation (they were three
    properties, each evaluating it again; ADR 0024, item 19): the report is schema-valid,
    the same when evaluated again, by a fresh engine and in either plugin order; the
    structured case gives the document's report; every finding explains itself."""
    report = DEFAULT.evaluate(copy.deepcopy(document))
    first = report_to_json(report, lang)
    REPORT.validate(json.loads(first))
    assert report_to_json(DEFAULT.evaluate(copy.deepcopy(document)), lang) == first
    assert report_to_json(Engine().evaluate(copy.deepcopy(document)), lang) == first
    forward = report_to_json(FORWARD.evaluate(copy.deepcopy(document)), lang)
    backward = report_to_json(BACKWARD.evaluate(copy.deepcopy(document)), lang)
    assert forward == backward

    from_case = DEFAULT.evaluate(structure_case(copy.deepcopy(document)))
    assert from_case.provenance.input_digest == report.provenance.input_digest
    assert report_to_json(from_case) == report_to_json(attrs.evolve(report, source=None))

    assert not report.problems
    for finding in report.findings:
        assert finding.conditions, finding.code
        assert finding.rationale.en and finding.rationale.nl
        if finding.status.value == "undetermined":
            assert finding.missing, finding.code
            assert all(path.startswith("$") for path in finding.missing)


# The statuses of each document evaluated by the leave-one-key-out checks, by its canonical
# JSON: Hypothesis draws many documents that differ in one key, so the same smaller document
# comes up again (about a quarter of them, ADR 0024); the engine is deterministic (checked
# above), so each distinct document is evaluated once and checked every time.
_STATUSES: dict[str, dict[str, str]] = {}


def _statuses(document: dict[str, Any]) -> dict[str, str]:
    key = json.dumps(document, sort_keys=True)
    if key not in _STATUSES:
        _STATUSES[key] = {f.code: f.status.value for f in DEFAULT.evaluate(document).findings}
    return _STATUSES[key]


def _never_worse(document: dict[str, Any]) -> int:
    """Remove each optional key in turn; no finding may become violated. Returns the count."""
    before = _statuses(document)
    paths = optional_paths(document)
    for path in paths:
        smaller = without(document, path)
        assert case_validator().is_valid(smaller), path
        for code, status in _statuses(smaller).items():
            if status == "violated":
                assert before[code] == "violated", (code, path)
    return len(paths)


@ci_examples(50)
@given(valid_cases())
def test_leaving_out_an_optional_key_never_creates_a_violation(
        document: dict[str, Any]) -> None:
    _never_worse(document)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_leaving_out_any_optional_key_of_an_example_never_creates_a_violation(
        path: Path) -> None:
    assert _never_worse(read_document(path).data) > 50


def _mutations(document: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    def put(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
        result = copy.deepcopy(document)
        target: Any = result
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        return result

    spots = [("perspective",), ("schema_version",), ("parties",), ("parties", 0, "role"),
             ("parties", 0, "misspelt_key"), ("delivery",), ("unknown",)]
    spots += [p for p in optional_paths(document) if isinstance(p[-1], str)]
    junk = st.none() | st.booleans() | st.integers() | st.text(max_size=5) | \
        st.lists(st.integers(), max_size=2) | st.dictionaries(st.text(max_size=3),
                                                              st.integers(), max_size=2)
    return st.builds(put, st.sampled_from(spots), junk)


@given(valid_cases().flatmap(_mutations))
def test_fast_validator_agrees_with_the_reference_on_mutated_documents(
        document: dict[str, Any]) -> None:
    assert FAST.is_valid(document) == REFERENCE.is_valid(document)
    if not REFERENCE.is_valid(document):
        assert case_validator().issues(document, "<case>")


@given(valid_cases())
def test_fast_validator_agrees_on_valid_documents(document: dict[str, Any]) -> None:
    assert FAST.is_valid(document) is True
    assert case_validator().issues(document, "<case>") == []
