"""Validation lists every error at once, with path, line and did-you-mean hints."""

from __future__ import annotations

from pathlib import Path

import pytest

import collabrules
from collabrules.model.errors import InputError, Issue
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.loading import read_document
from collabrules.pipeline.validation import did_you_mean

from ..conftest import EXAMPLES

CASE = (EXAMPLES / "office-cleaning.yaml").read_text(encoding="utf-8")


def issues_of(text: str, tmp_path: Path) -> list[Issue]:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Engine().load(path)
    return list(caught.value.issues)


def test_did_you_mean() -> None:
    hint = did_you_mean("atitude", ["attitude", "power"])
    assert hint is not None
    assert hint.en == "did you mean 'attitude'?"
    assert hint.nl == "bedoelde u 'attitude'?"
    assert did_you_mean("zzz", ["attitude", "power"]) is None


def test_several_mistakes_are_all_listed_with_paths_lines_and_hints(tmp_path: Path) -> None:
    text = (CASE.replace("    attitude: cooperative\n    power: high",
                         "    atitude: cooperative\n    power: high", 1)
            .replace("  risk: low", "  risk: lwo")
            .replace("perspective: insurer", "perspective: insurr")
            .replace("  duration_months: 36", "  duration_months: -1"))
    found = issues_of(text, tmp_path)
    by_path = {i.path: i for i in found}
    assert set(by_path) == {"$.parties[0].atitude", "$.delivery.risk", "$.perspective",
                            "$.delivery.duration_months"}
    assert by_path["$.parties[0].atitude"].message.en == "unknown key 'atitude'"
    assert by_path["$.parties[0].atitude"].hint.en == "did you mean 'attitude'?"  # type: ignore[union-attr]
    assert by_path["$.delivery.risk"].message.en == '"lwo" is not one of: low, medium, high'
    assert by_path["$.delivery.risk"].hint.en == "did you mean 'low'?"  # type: ignore[union-attr]
    assert by_path["$.perspective"].hint.en == "did you mean 'insurer'?"  # type: ignore[union-attr]
    assert by_path["$.delivery.duration_months"].message.en == "-1 must be >= 0"
    lines = text.splitlines()
    for issue in found:
        assert issue.file.endswith("case.yaml")
        assert issue.line is not None
        key = issue.path.rsplit(".", 1)[-1]
        assert key in lines[issue.line - 1] or issue.path == "$.perspective"


def test_consistency_issue_has_a_line_when_the_schema_is_satisfied(tmp_path: Path) -> None:
    found = issues_of(CASE.replace("perspective: insurer", "perspective: nobody"), tmp_path)
    assert [(i.path, i.line) for i in found] == [("$.perspective", 5)]


def test_duplicate_party_ids_and_missing_role(tmp_path: Path) -> None:
    text = CASE.replace("id: cleaner", "id: insurer").replace("role: supplier", "role: customer")
    found = issues_of(text, tmp_path)
    messages = {(i.path, i.message.en) for i in found}
    assert ("$.parties[1].id",
            "the party id 'insurer' is already used by $.parties[0]") in messages
    assert ("$.parties", "no party has the role 'supplier'") in messages


def test_wrong_schema_version_and_type(tmp_path: Path) -> None:
    text = CASE.replace('schema_version: "1.0"', "schema_version: 1.0") \
        .replace("  annual_spend: 180000", "  annual_spend: lots")
    found = {(i.path, i.message.en) for i in issues_of(text, tmp_path)}
    assert found == {("$.schema_version", "1.0 is not of type text"),
                     ("$.delivery.annual_spend", '"lots" is not of type number')}


def test_missing_required_key(tmp_path: Path) -> None:
    text = CASE.replace("    name: Sparkle Facility Services\n", "")
    found = issues_of(text, tmp_path)
    assert [(i.path, i.message.en) for i in found] == [
        ("$.parties[1]", "the required key 'name' is missing")]


def test_a_mapping_without_a_source_is_validated_too() -> None:
    with pytest.raises(InputError) as caught:
        collabrules.evaluate({"schema_version": "1.0"})
    assert {i.message.en for i in caught.value.issues} == {
        "the required key 'perspective' is missing", "the required key 'parties' is missing"}
    assert {i.file for i in caught.value.issues} == {"<case>"}


def test_document_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]")
    with pytest.raises(InputError) as caught:
        Engine().evaluate(read_document(path))
    assert [(i.path, i.message.en) for i in caught.value.issues] == [
        ("$", "[1, 2] is not of type object (mapping)")]
