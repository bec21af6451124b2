"""``evaluate --format json --compact`` and ``expand``, run as real commands."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from collabrules.pipeline.schemas import load_schema

from ..conftest import EXAMPLES
from ..core.cli import run, run_here


def test_a_compact_portfolio_expands_to_the_full_portfolio(tmp_path: Path) -> None:
    compact = tmp_path / "results.jsonl"
    made = run("evaluate", EXAMPLES, "--format", "json", "--compact", "-o", compact)
    full = run("evaluate", EXAMPLES, "--format", "json", "--provenance", "each")
    assert made.returncode == full.returncode
    lines = compact.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["kind"] == "catalogue"
    cases = len(full.stdout.splitlines())  # one full report per case file under examples/
    assert cases >= 3
    assert [json.loads(line)["kind"] for line in lines[1:]] == ["case"] * cases
    assert len(compact.read_bytes()) < len(full.stdout.encode())  # both languages, even so
    expanded = run("expand", compact)
    assert expanded.returncode == 0, expanded.stderr
    assert expanded.stdout == full.stdout


def test_jobs_do_not_change_compact_output(tmp_path: Path) -> None:
    one = run("evaluate", EXAMPLES, "--format", "json", "--compact")
    two = run("evaluate", EXAMPLES, "--format", "json", "--compact", "--jobs", "2")
    assert one.stdout == two.stdout


def test_one_case_is_one_document_rendered_in_dutch_markdown(tmp_path: Path) -> None:
    case = EXAMPLES / "office-cleaning.yaml"
    made = run_here("evaluate", case, "--format", "json", "--compact")
    document = json.loads(made.stdout)
    assert set(document) == {"catalogue", "result"}
    jsonschema.Draft202012Validator(load_schema("results")).validate(document)
    path = tmp_path / "one.json"
    path.write_text(made.stdout, encoding="utf-8")
    expanded = run_here("expand", path, "--format", "markdown", "--lang", "nl")
    assert expanded.stdout == run_here("evaluate", case, "--format", "markdown",
                                       "--lang", "nl").stdout


def test_compact_needs_json_and_no_resume(tmp_path: Path) -> None:
    text = run_here("evaluate", EXAMPLES, "--compact")
    assert text.returncode == 2 and "--compact needs --format json" in text.stderr
    resumed = run_here("evaluate", EXAMPLES, "--format", "json", "--compact", "--resume",
                       "-o", tmp_path / "r.jsonl")
    assert resumed.returncode == 2 and "--resume" in resumed.stderr


def test_expand_names_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"kind": "catalogue"\n', encoding="utf-8")
    result = run_here("expand", path, "--lang", "nl")
    assert result.returncode == 2
    assert f"{path}:1: $: geen geldige compacte resultaten" in result.stderr
