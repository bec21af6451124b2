"""``collabrules evaluate`` streams: one result line per case, in input order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cases import write_json_lines

import collabrules
from collabrules.io.serialize import report_to_json

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"


def _evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collabrules", "evaluate", *args],
                          capture_output=True, text=True, check=False, timeout=300)


def test_one_result_line_per_case_in_order(tmp_path: Path) -> None:
    cases = write_json_lines(tmp_path / "cases.jsonl", 30, seed=3)
    out = tmp_path / "results.jsonl"
    done = _evaluate(str(cases), "--format", "json", "--output", str(out),
                     "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["case"]["id"] for line in lines] == [
        f"case-{n:07d}" for n in range(30)]


def test_a_bad_line_is_reported_and_the_rest_still_written(tmp_path: Path) -> None:
    cases = write_json_lines(tmp_path / "cases.jsonl", 4, seed=5)
    text = cases.read_text(encoding="utf-8").splitlines()
    cases.write_text("\n".join([*text[:2], '{"schema_version": "1.0"}', *text[2:]]) + "\n",
                     encoding="utf-8")
    done = _evaluate(str(cases), "--format", "json", "--fail-on", "never")
    assert done.returncode == 2
    assert f"{cases}:3" in done.stderr
    assert len(done.stdout.splitlines()) == 4


def test_a_single_report_is_indented_as_before(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    done = _evaluate(str(EXAMPLE), "--format", "json", "--output", str(out))
    expected = report_to_json(collabrules.default_engine().evaluate(EXAMPLE), "en")
    assert out.read_text(encoding="utf-8") == expected
    assert done.returncode in (0, 1)


def test_stdout_and_output_file_hold_the_same_bytes(tmp_path: Path) -> None:
    cases = write_json_lines(tmp_path / "cases.jsonl", 5, seed=9)
    out = tmp_path / "results.jsonl"
    to_file = _evaluate(str(cases), "--format", "json", "--output", str(out),
                        "--fail-on", "never")
    to_stdout = _evaluate(str(cases), "--format", "json", "--fail-on", "never")
    assert to_file.returncode == to_stdout.returncode == 0
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
