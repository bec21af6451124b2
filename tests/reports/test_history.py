"""``collabrules history``: dated assessments, the spiral rule, fact changes, every format."""

from __future__ import annotations

import json
import shutil
from itertools import pairwise
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from collabrules.io.history import WEIGHTS, history, score, spiral
from collabrules.io.trends import Snapshot, Verdict, compare
from collabrules.model.text import Text
from collabrules.model.vocab import Severity, Status
from collabrules.pipeline.schemas import load_schema

from ..conftest import ci_examples
from .helpers import LANGS, ROOT, check_golden, run_cli, run_cli_here

EXAMPLE = "examples/bespoke-software-history"
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt: str, lang: str) -> None:
    result = run_cli_here("history", EXAMPLE, "--format", fmt, "--lang", lang)
    assert result.returncode == 0, result.stderr
    check_golden(f"history/bespoke-software.{lang}.{FORMATS[fmt]}", result.stdout)


def test_bundled_example_turns_down_after_the_dispute() -> None:
    data = json.loads(run_cli("history", EXAMPLE, "--format", "json").stdout)
    jsonschema.validate(data, load_schema("history"))
    assert [a["assessed_on"] for a in data["assessments"]] == [
        "2026-02-02", "2026-06-15", "2026-11-20"]
    assert data["direction"] == "turning_down"
    cr05 = next(p for p in data["principles"] if p["code"] == "CR05")
    assert cr05["path"] == ["violated", "at_risk", "violated"]
    last = data["steps"][-1]
    move = next(m for m in last["moves"] if m["code"] == "CR05")
    assert {"path": "$.relationship.trust", "old": "medium", "new": "low"} in move["facts"]


def test_first_assessment_is_the_worked_scenario_dated() -> None:
    """The history starts from examples/bespoke-software.yaml; the two must not drift apart."""
    first = yaml.safe_load((ROOT / EXAMPLE / "1-contracting.yaml").read_text(encoding="utf-8"))
    scenario = yaml.safe_load((ROOT / "examples" / "bespoke-software.yaml").read_text(
        encoding="utf-8"))
    assert first.pop("assessed_on") == "2026-02-02"
    first.pop("schema_version"), scenario.pop("schema_version")
    assert first == scenario


def test_reports_in_json_lines_give_the_same_history(tmp_path: Path) -> None:
    lines = []
    for case in sorted((ROOT / EXAMPLE).glob("*.yaml"), reverse=True):  # order by date, not file
        out = tmp_path / f"{case.stem}.json"
        result = run_cli_here("evaluate", str(case.relative_to(ROOT)), "--format", "json",
                              "--fail-on", "never", "-o", str(out))
        assert result.returncode == 0, result.stderr
        lines.append(json.dumps(json.loads(out.read_text(encoding="utf-8"))))
    jsonl = tmp_path / "history.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from_reports = json.loads(run_cli_here("history", str(jsonl), "--format", "json").stdout)
    from_cases = json.loads(run_cli_here("history", EXAMPLE, "--format", "json").stdout)
    assert [a["source"] for a in from_reports["assessments"]] == [
        f"{jsonl}:3", f"{jsonl}:2", f"{jsonl}:1"]
    for key in ("direction", "principles", "steps"):
        assert from_reports[key] == from_cases[key]


def test_undated_assessment_is_located_in_both_languages(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    shutil.copytree(ROOT / EXAMPLE, folder)
    second = folder / "2-after-governance-change.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace(
        'assessed_on: "2026-06-15"\n', ""), encoding="utf-8")
    for lang, words in (("en", "this assessment has no date"),
                        ("nl", "deze beoordeling heeft geen datum")):
        result = run_cli_here("history", str(folder), "--lang", lang)
        assert result.returncode == 2
        assert f"{second}:" in result.stderr and f"$.assessed_on: {words}" in result.stderr
        assert "Traceback" not in result.stderr
    assert "assessed_on: YYYY-MM-DD" in run_cli_here("history", str(folder)).stderr


def test_mixed_relationships_are_located(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    shutil.copytree(ROOT / EXAMPLE, folder)
    other = folder / "3-after-dispute.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "id: bespoke-software\n", "id: office-cleaning\n"), encoding="utf-8")
    result = run_cli_here("history", str(folder), "--lang", "nl")
    assert result.returncode == 2
    line = next(n for n, text in enumerate(other.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("id:"))
    assert f"{other}:{line}: $.id: deze beoordeling gaat over relatie 'office-cleaning'" in \
        result.stderr
    assert "een geschiedenis volgt één relatie" in result.stderr


def test_one_assessment_is_not_a_history(tmp_path: Path) -> None:
    result = run_cli_here("history", f"{EXAMPLE}/1-contracting.yaml")
    assert result.returncode == 2
    assert "a history needs at least 2 assessments, found 1" in result.stderr


def _snap(statuses: dict[str, Status], date: str) -> Snapshot:
    return Snapshot(case_id="x", title=None, source=date, assessed_on=date, verdicts=tuple(
        Verdict(code=c, title=Text(c, c), status=s, severity=Severity.NONE)
        for c, s in statuses.items()))


def test_spiral_rule() -> None:
    assert spiral([20, 40, 60]) == "upward"
    assert spiral([60, 60, 40]) == "downward"
    assert spiral([50, 50]) == "stable"
    assert spiral([20, 90, 50]) == "turning_down"
    assert spiral([90, 20, 50]) == "turning_up"
    assert spiral([0, 90, 20, 40, 60]) == "upward", "only the last three count"
    assert spiral([None, 10, None]) == "unknown"
    assert score(_snap({"A": Status.UPHELD, "B": Status.VIOLATED,
                        "C": Status.NOT_APPLICABLE}, "2026-01-01")) == 50


SCALE = st.sampled_from(list(WEIGHTS))


@ci_examples(80)
@given(st.lists(st.floats(0, 100), min_size=2, max_size=6))
def test_reversing_time_mirrors_the_spiral(scores: list[float]) -> None:
    mirror = {"upward": "downward", "downward": "upward", "stable": "stable",
              "turning_up": "turning_up", "turning_down": "turning_down"}
    window = scores[-3:]
    assert spiral(list(reversed(window))) == mirror[spiral(window)]


@ci_examples(60)
@given(st.lists(st.dictionaries(st.sampled_from(["CR01", "CR02", "CR03"]), SCALE, min_size=1),
                min_size=2, max_size=5))
def test_history_steps_are_compare_of_neighbours(assessments: list[dict[str, Status]]) -> None:
    snaps = [_snap(s, f"2026-0{i + 1}-01") for i, s in enumerate(assessments)]
    found = history(reversed(snaps))
    assert [p.assessed_on for p in found.points] == [s.assessed_on for s in snaps]
    for step, (old, new) in zip(found.steps, pairwise(snaps)):
        assert step.moves == compare(old, new).moves
    for code in found.codes():
        assert found.path(code) == tuple(s.get(code) for s in assessments)


def test_assessed_on_needs_schema_1_2(tmp_path: Path) -> None:
    case = tmp_path / "old.yaml"
    case.write_text((ROOT / EXAMPLE / "1-contracting.yaml").read_text(encoding="utf-8").replace(
        'schema_version: "1.2"', 'schema_version: "1.1"'), encoding="utf-8")
    result = run_cli_here("validate", str(case), "--lang", "nl")
    assert result.returncode == 2
    assert "$.assessed_on: 'assessed_on' is nieuw in schema 1.2" in result.stderr + result.stdout
