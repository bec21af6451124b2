"""An interrupted portfolio run continues with --resume: done cases are not evaluated again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collabrules", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def portfolio(tmp_path: Path) -> Path:
    lines = []
    for name in ("office-cleaning", "bespoke-software", "aggressive-monopolist"):
        lines.append(json.dumps(yaml.safe_load((ROOT / "examples" / f"{name}.yaml")
                                               .read_text(encoding="utf-8"))))
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_resume_skips_done_cases_and_cuts_a_torn_line(tmp_path: Path) -> None:
    cases = portfolio(tmp_path)
    args = ("evaluate", "cases.jsonl", "--format", "json", "-o", "out.jsonl", "--fail-on",
            "never")
    full = run(*args, cwd=tmp_path)
    assert full.returncode == 0, full.stderr
    expected = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(expected) == 4  # the run's provenance line, then one line per case
    (tmp_path / "out.jsonl").unlink()
    # An interrupted run left the provenance line, the first result and half of the second.
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text("".join(expected[:2]) + expected[2][:40], encoding="utf-8")
    # Make the first case unevaluable: if --resume evaluated it again, the run would fail.
    lines = cases.read_text(encoding="utf-8").splitlines()
    assert json.loads(expected[1])["case"]["source"] == "cases.jsonl:1"
    cases.write_text("\n".join(['{"schema_version": "1.0"}', *lines[1:]]) + "\n",
                     encoding="utf-8")
    resumed = run(*args, "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "".join(expected)
    assert not partial.exists()
    assert len(lines) == 3


def test_resume_needs_json_and_an_output(tmp_path: Path) -> None:
    portfolio(tmp_path)
    result = run("evaluate", "cases.jsonl", "--resume", cwd=tmp_path)
    assert result.returncode == 2
    assert "--resume needs --format json and --output" in result.stderr
    assert "Traceback" not in result.stderr
