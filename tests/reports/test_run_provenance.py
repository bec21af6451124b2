"""A JSON portfolio writes its provenance once, in its first line; `--provenance each` as before."""

from __future__ import annotations

import json

import jsonschema

from collabrules.pipeline.schemas import load_schema

from .helpers import check_golden, run_cli, run_cli_here

REPORT = jsonschema.Draft202012Validator(load_schema("report"))
RESULTS = jsonschema.Draft202012Validator(load_schema("results"))


SMALL = ("examples/aggressive-monopolist.yaml", "examples/bespoke-software.yaml",
         "examples/office-cleaning.yaml")
"""Three cases: a portfolio small enough to keep as a golden file."""


def test_a_small_portfolio_names_its_run_provenance() -> None:
    result = run_cli_here("evaluate", *SMALL, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    check_golden("portfolio.provenance-once.jsonl", result.stdout)
    header, *reports = [json.loads(line) for line in result.stdout.splitlines()]
    RESULTS.validate(header)
    assert header["kind"] == "catalogue"
    for report in reports:
        REPORT.validate(report)
        assert set(report["provenance"]) == {"run", "input_digest"}
        assert report["provenance"]["run"] == header["provenance_digest"]


def test_provenance_each_repeats_it_on_every_line() -> None:
    once = run_cli_here("evaluate", *SMALL, "--format", "json", "--fail-on", "never")
    each = run_cli_here("evaluate", *SMALL, "--format", "json", "--fail-on", "never",
                        "--provenance", "each")
    header, *named = [json.loads(line) for line in once.stdout.splitlines()]
    whole = [json.loads(line) for line in each.stdout.splitlines()]
    assert len(whole) == len(named) == 3
    for short, full in zip(named, whole, strict=True):
        REPORT.validate(full)
        expected = {**header["provenance"], "input_digest": short["provenance"]["input_digest"]}
        assert full["provenance"] == expected
        assert {**short, "provenance": full["provenance"]} == full


def test_one_case_keeps_its_provenance_inline() -> None:
    result = run_cli("evaluate", "examples/office-cleaning.yaml", "--format", "json")
    assert "engine_version" in json.loads(result.stdout)["provenance"]
