"""Compact results render back to exactly the full report: examples, casebook, generated."""

from __future__ import annotations

import json
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
CASEBOOK = load()
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


def test_the_casebook_expands_as_one_portfolio() -> None:
    reports = [ENGINE.evaluate(dict(entry.case)) for entry in CASEBOOK]
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
    assert second["provenance_digest"] == writer.catalogue.provenance_digest
    assert "provenance" not in second


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
