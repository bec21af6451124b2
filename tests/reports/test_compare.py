"""``collabrules compare``: movement per principle between two versions of a relationship."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.io.trends import SCALE, Snapshot, Verdict, compare, movement
from collabrules.model.text import Text
from collabrules.model.vocab import Severity, Status

from .helpers import DATA, ROOT, run_cli, run_cli_here

OLD = "examples/bespoke-software.yaml"
NEW = str((DATA / "bespoke-software.v2.yaml").relative_to(ROOT))


def test_upward_spiral_between_versions_text() -> None:
    result = run_cli("compare", OLD, NEW)
    assert result.returncode == 0, result.stderr
    assert "Overall: upward spiral" in result.stdout
    assert "CR01 Think they - we - I: at risk -> upheld (up)" in result.stdout
    assert "      commercial review: no -> yes" in result.stdout


def test_downward_spiral_in_dutch_json() -> None:
    result = run_cli_here("compare", NEW, OLD, "--format", "json", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["direction"] == "downward"
    (cr01,) = [m for m in data["moves"] if m["code"] == "CR01"]
    assert (cr01["old"], cr01["new"], cr01["movement"]) == ("upheld", "at_risk", "down")
    assert {"path": "$.relationship.governance.commercial_review", "old": True,
            "new": False} in cr01["facts"], "the facts that moved it are named"
    assert all(m["facts"] == [] for m in data["moves"] if m["movement"] == "same")
    assert all(move["movement"] in ("down", "same", "changed") for move in data["moves"])
    assert data["summary"][0].startswith("Totaal: neerwaartse spiraal")


def test_reports_as_inputs_and_html(tmp_path: Path) -> None:
    old_json, new_json = tmp_path / "old.json", tmp_path / "new.json"
    for case, out in ((OLD, old_json), (NEW, new_json)):
        result = run_cli_here("evaluate", case, "--format", "json", "--lang", "nl", "-o", str(out),
                              "--fail-on", "never")
        assert result.returncode == 0, result.stderr
    page = tmp_path / "trend.html"
    result = run_cli_here("compare", str(old_json), str(new_json), "--format", "html",
                          "-o", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert 'class="move-up"' in html and "direction-upward" in html
    assert "<script" not in html


def test_different_relationships_warn(tmp_path: Path) -> None:
    result = run_cli_here("compare", OLD, "examples/office-cleaning.yaml")
    assert result.returncode == 0
    assert "different relationships" in result.stderr


def test_bad_input_names_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: '1.0'\nparties: [\n", encoding="utf-8")
    result = run_cli_here("compare", OLD, str(broken))
    assert result.returncode == 2
    assert str(broken) in result.stderr and "Traceback" not in result.stderr


STATUSES = st.sampled_from(list(Status))


def _snap(statuses: dict[str, Status]) -> Snapshot:
    return Snapshot(case_id="x", title=None, source="s", verdicts=tuple(
        Verdict(code=c, title=Text(c, c), status=s, severity=Severity.LOW)
        for c, s in statuses.items()))


@given(st.dictionaries(st.sampled_from([f"CR0{i}" for i in range(1, 10)]), STATUSES),
       st.dictionaries(st.sampled_from([f"CR0{i}" for i in range(1, 10)]), STATUSES))
def test_reversing_a_trend_mirrors_it(old: dict[str, Status], new: dict[str, Status]) -> None:
    forward, backward = compare(_snap(old), _snap(new)), compare(_snap(new), _snap(old))
    assert forward.count("up") == backward.count("down")
    assert forward.count("added") == backward.count("removed")
    mirror = {"upward": "downward", "downward": "upward"}
    assert backward.direction == mirror.get(forward.direction, forward.direction)
    assert len(forward.moves) == len(set(old) | set(new))


@pytest.mark.parametrize(("old", "new", "expected"), [
    (Status.VIOLATED, Status.AT_RISK, "up"), (Status.UPHELD, Status.AT_RISK, "down"),
    (Status.UPHELD, Status.NOT_APPLICABLE, "changed"), (None, Status.UPHELD, "added"),
    (Status.ERROR, None, "removed"), (Status.UNDETERMINED, Status.UNDETERMINED, "same")])
def test_movement(old: Status | None, new: Status | None, expected: str) -> None:
    assert movement(old, new) == expected
    assert set(SCALE) == {Status.VIOLATED, Status.AT_RISK, Status.UPHELD}


def test_malformed_report_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "fake.json"
    fake.write_text(json.dumps({"findings": [{"code": "CR01", "status": "great"}],
                                "provenance": {}}), encoding="utf-8")
    result = run_cli_here("compare", str(fake), OLD, "--lang", "nl")
    assert result.returncode == 2
    assert f"{fake}: $.findings: dit rapport is misvormd" in result.stderr
