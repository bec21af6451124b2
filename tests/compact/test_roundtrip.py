"""Compact results render back to exactly the full report: examples, casebook, generated."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import collabrules
from collabrules.io.compact import Catalogue, CompactWriter, expand, read_compact
from collabrules.io.serialize import report_to_json
from collabrules.model.report import Report
from collabrules.pipeline.schemas import load_schema

from ..casebook.book import load
from ..conftest import EXAMPLES, ci_examples
from ..strategies import valid_cases

ENGINE = collabrules.default_engine()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
SCHEMA = jsonschema.Draft202012Validator(load_schema("results"))


def _same(original: Report, expanded: Report) -> None:
    """Equal field by field, and byte for byte as JSON in both languages."""
    for field in attrs.fields(Report):
        assert getattr(expanded, field.name) == getattr(original, field.name), field.name
    for lang in ("en", "nl"):
        assert report_to_json(expanded, lang) == report_to_json(original, lang)
        assert report_to_json(expanded, lang, indent=None) == report_to_json(
            original, lang, indent=None)


def _through_lines(reports: list[Report]) -> list[Report]:
    writer = CompactWriter(Catalogue.of(ENGINE))
    lines = [writer.header(), *(writer.line(r) for r in reports)]
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    for line in lines:
        SCHEMA.validate(json.loads(line))
    return list(read_compact(lines))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_expands_to_its_full_report(path: Any) -> None:
    report = ENGINE.evaluate(path)
    (expanded,) = _through_lines([report])
    _same(report, expanded)


def _partial_portfolio(count: int, seed: int) -> list[dict[str, Any]]:
    """The benchmark's partial-facts portfolio: the examples cycled, each optional field
    left out with probability one half."""
    benchmarks = str(Path(__file__).resolve().parents[2] / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    from cases import example_cases

    return list(example_cases(count, seed=seed, drop=0.5))


def test_partial_facts_cases_expand_as_one_portfolio() -> None:
    reports = [ENGINE.evaluate(document) for document in _partial_portfolio(12, seed=3)]
    assert any(f.status is collabrules.Status.UNDETERMINED or f.settled_over
               for r in reports for f in r.findings)  # the completion rule had work
    for original, expanded in zip(reports, _through_lines(reports), strict=True):
        _same(original, expanded)


def test_case_values_in_texts_are_parameters_not_new_texts() -> None:
    document = _partial_portfolio(1, seed=1)[0]
    renamed = json.loads(json.dumps(document).replace(
        document["parties"][0]["name"], "Zyx Renamed Holding"))
    writer = CompactWriter(Catalogue.of(ENGINE))
    writer.line(ENGINE.evaluate(document))
    second = json.loads(writer.line(ENGINE.evaluate(renamed)))
    assert "Zyx Renamed Holding" in json.dumps(second)  # the name is written as a parameter
    finished = [t for t in second.get("texts", {}).values() if isinstance(t, dict) and "en" in t]
    assert not [t for t in finished if "Zyx Renamed" in t["en"] + t["nl"]]


def test_the_casebook_expands_as_one_portfolio() -> None:
    reports = [ENGINE.evaluate(dict(entry.case)) for entry in load()]
    for original, expanded in zip(reports, _through_lines(reports), strict=True):
        _same(original, expanded)


@ci_examples(40)
@given(valid_cases())
def test_generated_cases_expand_to_their_full_reports(document: dict[str, Any]) -> None:
    report = ENGINE.evaluate(document)
    catalogue = Catalogue.of(ENGINE)
    record = collabrules.report_to_compact(report, catalogue)
    SCHEMA.validate(json.loads(json.dumps(record)))
    SCHEMA.validate(json.loads(json.dumps(catalogue.to_json())))
    reader = Catalogue.from_json(json.loads(json.dumps(catalogue.to_json())))
    _same(report, expand(json.loads(json.dumps(record)), reader))


def test_texts_are_defined_once_per_run() -> None:
    report = ENGINE.evaluate(EXAMPLE_FILES[0])
    writer = CompactWriter(Catalogue.of(ENGINE))
    first, second = json.loads(writer.line(report)), json.loads(writer.line(report))
    assert first["texts"]
    assert "texts" not in second
    assert "provenance" not in second and "provenance_digest" not in second
    assert set(second) >= {"findings", "input_digest"}
    assert all(isinstance(n, int) for n in second["findings"])


def test_a_report_with_other_provenance_carries_its_own() -> None:
    report = ENGINE.evaluate(EXAMPLE_FILES[0])
    other = attrs.evolve(report, provenance=attrs.evolve(report.provenance, taxonomy="other"))
    (expanded,) = _through_lines([other])
    _same(other, expanded)


def test_plugin_adjusted_texts_survive() -> None:
    report = ENGINE.evaluate(EXAMPLE_FILES[0])
    finding = report.findings[0]
    changed = attrs.evolve(finding, slug="renamed", title=collabrules.Text("T", "T nl"),
                           rationale=collabrules.Text("own", "eigen"))
    summary = attrs.evolve(report.summary, headline=collabrules.Text("h", "h nl"))
    adjusted = attrs.evolve(report, findings=(changed, *report.findings[1:]), summary=summary)
    (expanded,) = _through_lines([adjusted])
    _same(adjusted, expanded)


def test_a_line_out_of_order_is_an_input_error() -> None:
    report = ENGINE.evaluate(EXAMPLE_FILES[0])
    writer = CompactWriter(Catalogue.of(ENGINE))
    header, first, second = writer.header(), writer.line(report), writer.line(
        ENGINE.evaluate(EXAMPLE_FILES[1]))
    with pytest.raises(collabrules.InputError) as raised:
        list(read_compact([header, second, first], "run.jsonl"))
    issue = raised.value.issues[0]
    assert (issue.file, issue.line, issue.path) == ("run.jsonl", 2, "$.texts")
    assert "out of order" in issue.message.en and "volgorde" in issue.hint.nl  # type: ignore[union-attr]


def test_the_first_record_must_be_the_catalogue() -> None:
    report = ENGINE.evaluate(EXAMPLE_FILES[0])
    line = CompactWriter(Catalogue.of(ENGINE)).line(report)
    with pytest.raises(collabrules.InputError) as raised:
        list(read_compact([line], "run.jsonl"))
    assert raised.value.issues[0].path == "$.kind"
