"""``collabrules options`` through a real subprocess: filters, designs, errors, output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from collabrules.pipeline.schemas import load_schema

from ..reports.helpers import ROOT, run_cli, run_cli_here

CASE = "examples/bespoke-software.yaml"


def _json(*args: str) -> dict[str, object]:
    result = run_cli("options", CASE, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    jsonschema.validate(data, load_schema("options"))
    return data


def _keys(data: dict[str, object]) -> list[str]:
    columns = data["columns"]
    assert isinstance(columns, list)
    return [c["key"] for c in columns]


def test_model_limits_the_options_and_keeps_today_first() -> None:
    data = _json("--model", "defensive,collaborative")
    assert _keys(data) == ["today", "collaborative", "defensive"]


def test_an_unknown_model_is_a_usage_error_with_a_suggestion() -> None:
    result = run_cli_here("options", CASE, "--model", "colaborative", "--lang", "nl")
    assert result.returncode == 2
    assert "'colaborative'" in result.stderr and "bedoelde u 'collaborative'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_design_adds_a_column_that_changes_only_what_it_says(tmp_path: Path) -> None:
    design = tmp_path / "mixed.yaml"
    design.write_text("title: Mixed team and open books\nrelationship:\n"
                      "  governance: {mixed_teams: true, open_book: true}\n", encoding="utf-8")
    data = _json("--model", "collaborative", "--design", str(design))
    columns = data["columns"]
    assert isinstance(columns, list)
    extra = columns[-1]
    assert _keys(data)[-1] == f"design:{design}"
    assert extra["name"] == "Mixed team and open books" and extra["model"] is None
    assert [c["path"] for c in extra["changes"]] == [
        "$.relationship.governance.mixed_teams", "$.relationship.governance.open_book"]
    assert extra["verdicts"]["CR03"] == "upheld" != columns[0]["verdicts"]["CR03"]


def test_a_bad_design_names_file_line_and_path_in_both_languages(tmp_path: Path) -> None:
    design = tmp_path / "bad.yaml"
    design.write_text("relationship:\n  governance:\n    open_bok: true\n  trust: huge\n",
                      encoding="utf-8")
    for lang, words in (("en", "did you mean 'open_book'?"), ("nl", "bedoelde u 'open_book'?")):
        result = run_cli_here("options", CASE, "--design", str(design), "--lang", lang)
        assert result.returncode == 2, result.stdout
        assert f"{design}:3: $.relationship.governance.open_bok" in result.stderr
        assert f"{design}:4: $.relationship.trust" in result.stderr
        assert words in result.stderr


def test_an_empty_design_is_refused(tmp_path: Path) -> None:
    design = tmp_path / "empty.json"
    design.write_text('{"relationship": {}}', encoding="utf-8")
    result = run_cli_here("options", CASE, "--design", str(design))
    assert result.returncode == 2
    assert "$.relationship: the design changes nothing" in result.stderr


def test_a_bad_case_is_an_input_error(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("schema_version: '1.0'\nperspective: nobody\nparties: []\n",
                    encoding="utf-8")
    result = run_cli_here("options", str(case))
    assert result.returncode == 2 and str(case) in result.stderr
    assert "Traceback" not in result.stderr


def test_output_is_written_to_a_file_and_never_over_the_case(tmp_path: Path) -> None:
    target = tmp_path / "options.md"
    result = run_cli_here("options", CASE, "--format", "markdown", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert target.read_text("utf-8").startswith("# Options: Bespoke claims-handling platform")
    copy = tmp_path / "case.yaml"
    copy.write_text((ROOT / CASE).read_text("utf-8"), "utf-8")
    refused = run_cli_here("options", str(copy), "--output", str(copy))
    assert refused.returncode == 2 and "never overwrites an input" in refused.stderr


def test_the_options_schema_is_printed() -> None:
    result = run_cli_here("schema", "options")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "collabrules options view"
