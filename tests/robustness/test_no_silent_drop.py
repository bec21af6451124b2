"""No silent drop: every case of a portfolio is either reported or named as bad input."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ..core.cli import run_here
from .conftest import run_cli
from .generated import BASE_YAML, GENERATED

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_bad_lines_in_a_portfolio_are_named_and_the_rest_evaluated(tmp_path: Path) -> None:
    good = [json.dumps(yaml.safe_load(p.read_text())) for p in sorted(EXAMPLES.glob("*.yaml"))]
    lines = [good[0], "{not json", good[1], '{"schema_version": "1.0"}', "", good[2]]
    portfolio = tmp_path / "portfolio.jsonl"
    portfolio.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_here("evaluate", "portfolio.jsonl", "--format", "json", "--fail-on", "never",
                      cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    run_line, *reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert run_line["kind"] == "catalogue"  # the run's provenance, once
    assert [r["case"]["source"] for r in reports] == [
        "portfolio.jsonl:1", "portfolio.jsonl:3", "portfolio.jsonl:6"]
    assert "portfolio.jsonl:2:2: $: this is not valid JSON: Expecting property name" \
        " enclosed in double quotes" in result.stderr
    assert "portfolio.jsonl:4: $: the required key 'parties' is missing" in result.stderr


def test_hostile_standard_input() -> None:
    result = run_cli("validate", "-", stdin=GENERATED["alias-bomb.yaml"]())
    assert result.returncode == 2
    assert ("<stdin>:2:10: $.a1[0]: YAML anchors and aliases are not allowed in case files"
            in result.stderr)
    ok = run_cli("validate", "-", stdin=BASE_YAML.encode())
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "<stdin>: valid\n"
