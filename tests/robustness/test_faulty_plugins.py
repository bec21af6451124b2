"""Faulty plugins: each fault names distribution, entry point and code; the rest completes.

The plugins are a real distribution on disk (``faulty.py``) found through entry points
by a ``collabrules evaluate`` subprocess.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from collabrules.model.problems import Problem, ProblemKind

from .conftest import run_cli
from .faulty import DIST, VERSION, write_faulty_dist

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"


@pytest.fixture(scope="module")
def faulty_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, Any], str]:
    folder = write_faulty_dist(tmp_path_factory.mktemp("faulty"))
    path = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    result = run_cli("evaluate", str(EXAMPLE), "--format", "json", "--fail-on", "never",
                     env={"PYTHONPATH": path, "COLLABRULES_PRINCIPLE_BUDGET": "0.1"})
    return result.returncode, json.loads(result.stdout), result.stderr


def _problems(report: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [p for p in report["problems"] if p["kind"] == kind]


def _origin(entry_point: str) -> str:
    return f"{DIST} {VERSION}, entry point {entry_point} = collabrules_faulty.{entry_point}"


def test_exit_code_is_3_and_no_traceback(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    code, _, stderr = faulty_report
    assert code == 3
    assert "Traceback" not in stderr


def test_every_other_principle_completes(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = faulty_report
    status = {f["code"]: f["status"] for f in report["findings"]}
    assert status["CR01"] == "upheld"
    assert status["FX01"] == "error"
    assert status["FX02"] == "error"
    assert status["FX05"] == "upheld"   # slow is reported, the finding still counts


def test_raising_principle(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, stderr = faulty_report
    [problem] = _problems(report, "assess_error")
    assert (problem["plugin"], problem["code"]) == ("raising", "FX01")
    assert problem["origin"] == _origin("raising")
    assert "RuntimeError: the faulty plugin exploded" in problem["message"]
    assert problem["message"] in stderr


def test_wrong_type(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = faulty_report
    [problem] = _problems(report, "wrong_type")
    assert (problem["plugin"], problem["code"]) == ("wrongtype", "FX02")
    assert problem["origin"] == _origin("wrongtype")
    assert "expected None, got int" in problem["message"]


def test_import_failure(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = faulty_report
    [problem] = _problems(report, "plugin_load")
    assert problem["plugin"] == "broken"
    assert problem["origin"] == _origin("broken")
    assert "collabrules_no_such_module_anywhere" in problem["message"]
    assert "--block broken" in problem["message"]


def test_duplicate_code(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = faulty_report
    [problem] = _problems(report, "duplicate")
    assert problem["code"] == "CR01"
    # Ties are broken by plugin name, whatever the load order: "duplicate" < "reciprocity".
    assert problem["plugin"] == "reciprocity"
    assert _origin("duplicate") in problem["message"]
    assert "collabrules.standard.principles.CR01" in problem["message"]
    [cr01] = [f for f in report["findings"] if f["code"] == "CR01"]
    assert cr01["title"] == "A faulty principle"


def test_slow_principle(faulty_report: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = faulty_report
    slow = {p["code"]: p for p in _problems(report, "slow")}
    assert "FX05" in slow
    assert slow["FX05"]["origin"] == _origin("slow")
    assert "over the budget of 0.1 s" in slow["FX05"]["message"]


def test_blocking_the_faulty_plugins_gives_a_clean_run(tmp_path: Path) -> None:
    folder = write_faulty_dist(tmp_path)
    blocks = [arg for name in ("raising", "wrongtype", "broken", "duplicate", "slow")
              for arg in ("--block", name)]
    result = run_cli("evaluate", str(EXAMPLE), "--format", "json", "--fail-on", "never",
                     *blocks, env={"PYTHONPATH": str(folder)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["problems"] == []


def test_slow_problem_speaks_both_languages() -> None:
    problem = Problem.slow("slow", "slow 1.0 (slow_dist)", "FX05", 2.345, 2.0)
    assert problem.kind is ProblemKind.SLOW
    assert problem.message.en.endswith("is slow: it took 2.35 s of CPU time on one case, "
                                       "over the budget of 2 s.")
    assert problem.message.nl.endswith("is traag: het kostte 2.35 s CPU-tijd op één casus, "
                                       "boven het budget van 2 s.")
    assert "took" not in problem.message.nl
