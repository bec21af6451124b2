"""``collabrules eval EXPRESSION CASE``: value, outcome, fields read, missing ones marked."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.house.declarative import probe

from ..conftest import ci_examples
from .conftest import ROOT, minimal_case, run_cli, run_here, write_yaml

BESPOKE = str(ROOT / "examples" / "bespoke-software.yaml")


def test_eval_shows_value_outcome_and_reads() -> None:
    result = run_cli("eval", "delivery.risk == 'high' && relationship.trust != 'high'",
                     BESPOKE, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["value"] is True and data["outcome"] == "held"
    assert data["reads"] == [{"path": "$.delivery.risk", "value": "high", "missing": False},
                             {"path": "$.relationship.trust", "value": "low", "missing": False}]


def test_eval_marks_missing_fields_in_dutch(tmp_path: Path) -> None:
    case = write_yaml(tmp_path / "case.yaml", minimal_case())
    result = run_here("eval", "delivery.uncertainty == 'high'", str(case), "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "uitkomst: onbekend" in result.stdout
    assert "$.delivery.uncertainty = (ontbreekt)" in result.stdout


def test_eval_marks_a_missing_field_below_an_index() -> None:
    result = run_here("eval", "relationship.resistance[0].rational", BESPOKE, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["outcome"] == "unknown"
    assert data["reads"] == [{"path": "$.relationship.resistance[0].rational", "value": None,
                              "missing": True}]
    assert data["missing"] == ["$.relationship.resistance[0].rational"]


def test_eval_reads_signals_and_names_unknown_ones() -> None:
    result = run_here("eval", "signals.goal_alignment", BESPOKE, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["reads"][0]["path"] == "$.signals.goal_alignment"
    wrong = run_here("eval", "signals.goal_alignmnt", BESPOKE)
    assert wrong.returncode == 2 and "did you mean 'goal_alignment'?" in wrong.stderr
    bad = run_here("eval", "delivery.risk ==", BESPOKE)
    assert bad.returncode == 2 and "character 17" in bad.stderr


@ci_examples(30)
@given(field=st.sampled_from(["risk", "complexity", "uncertainty", "standardisation"]),
       level=st.sampled_from(["low", "medium", "high"]))
def test_probe_agrees_with_the_case(field: str, level: str) -> None:
    engine = collabrules.default_engine()
    case = engine.load(BESPOKE)
    result = probe(f"delivery.{field} == '{level}'", case, engine.signals)
    actual = getattr(case.delivery, field)
    actual = getattr(actual, "value", actual)
    if actual is None:
        assert result.held is None and result.missing == (f"$.delivery.{field}",)
    else:
        assert result.held is (actual == level) and result.value is (actual == level)
        assert [(r.path, r.value, r.missing) for r in result.reads] == [
            (f"$.delivery.{field}", actual, False)]
