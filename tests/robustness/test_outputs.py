"""Nothing lost: output written atomically, an input never overwritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from collabrules.io.atomic import atomic_writer

from ..core.cli import run_here
from .conftest import run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(EXAMPLE, case)
    before = case.read_bytes()
    result = run_here("evaluate", "case.yaml", "-o", "case.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert ("case.yaml: $: the output file is also an input (case.yaml); collabrules never "
            "overwrites an input (choose another --output path)") in result.stderr
    assert case.read_bytes() == before


def test_output_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    (tmp_path / "old.json").write_text(json.dumps({"schema_version": "1.0"}))
    before = (tmp_path / "old.json").read_bytes()
    result = run_here("evaluate", ".", "-o", "old.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "the output file is also an input" in result.stderr
    assert (tmp_path / "old.json").read_bytes() == before


def test_output_in_a_missing_folder_is_bad_usage(tmp_path: Path) -> None:
    result = run_here("evaluate", str(EXAMPLE), "-o", str(tmp_path / "nope" / "r.json"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "the output file cannot be written: No such file or directory" in result.stderr


def test_output_is_complete_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    result = run_here("evaluate", str(EXAMPLE), "--format", "json", "--fail-on", "never",
                      "-o", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "report.json").read_text())["case"]["id"] == "office-cleaning"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old and complete\n")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as handle:
        handle.write("half a rep")
        raise KeyboardInterrupt
    assert target.read_text() == "old and complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_missing_and_directory_inputs(tmp_path: Path) -> None:
    missing = run_here("validate", "nope.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "nope.yaml: $: the file does not exist (check the path)" in missing.stderr
    empty = run_here("validate", ".", cwd=tmp_path)
    assert empty.returncode == 2
    assert "the folder holds no case files" in empty.stderr


def test_bad_budget_setting_is_bad_usage() -> None:
    result = run_cli("evaluate", str(EXAMPLE), env={"COLLABRULES_PRINCIPLE_BUDGET": "soon"})
    assert result.returncode == 2
    assert "COLLABRULES_PRINCIPLE_BUDGET must be a number of seconds or 'off'" in result.stderr
