"""An interrupted portfolio run continues with --resume: done cases are not evaluated again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ..core.cli import run_here

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
    full = run_here(*args, cwd=tmp_path)
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
    resumed = run_here(*args, "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "".join(expected)
    assert not partial.exists()
    assert len(lines) == 3


def test_resume_needs_json_and_an_output(tmp_path: Path) -> None:
    portfolio(tmp_path)
    result = run_here("evaluate", "cases.jsonl", "--resume", cwd=tmp_path)
    assert result.returncode == 2
    assert "--resume needs --format json and --output" in result.stderr
    assert "Traceback" not in result.stderr


def test_resuming_holds_one_line_of_the_partial_file_not_what_is_done(tmp_path: Path) -> None:
    import tracemalloc

    from collabrules.io.inputs import RawDocument
    from collabrules.io.resume import PartialRun

    count = 10_000
    partial = tmp_path / "out.jsonl.partial"
    with partial.open("w", encoding="utf-8") as handle:
        handle.write('{"kind": "catalogue"}\n')
        for number in range(1, count + 1):
            handle.write(json.dumps({"case": {"source": f"cases.jsonl:{number}"}}) + "\n")
        handle.write('{"case": {"sour')  # torn
    items = (RawDocument(b"{}", f"cases.jsonl:{n}") for n in range(1, count + 6))
    tracemalloc.start()
    try:
        run = PartialRun(partial)
        left = [item.source for item in run.skip_done(items)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert left == [f"cases.jsonl:{n}" for n in range(count + 1, count + 6)]
    assert run.has_header and run.has_lines and run.unmatched() is None
    assert partial.read_bytes().endswith(b"}}\n")  # the torn line is cut off
    # Keeping every done source (about 70 bytes each, set slots besides) would take more than
    # 700 kB here; one line of the partial file and a read buffer take a few kB.
    assert peak < 100_000, peak


def test_a_partial_file_from_other_inputs_is_not_continued(tmp_path: Path) -> None:
    portfolio(tmp_path)
    args = ("evaluate", "cases.jsonl", "--format", "json", "-o", "out.jsonl", "--fail-on",
            "never")
    assert run_here(*args, cwd=tmp_path).returncode == 0
    written = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "out.jsonl").write_text("before\n", encoding="utf-8")
    # The interrupted run had the cases in another order: the second case's result came first.
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text(written[0] + written[2] + written[1], encoding="utf-8")
    resumed = run_here(*args, "--resume", cwd=tmp_path)
    assert resumed.returncode == 2
    assert "result for cases.jsonl:1," in resumed.stderr
    assert "without --resume" in resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "before\n"
    assert partial.exists()


@pytest.mark.slow
def test_resume_with_two_jobs_writes_what_one_uninterrupted_run_writes(tmp_path: Path) -> None:
    cases = portfolio(tmp_path)
    lines = cases.read_text(encoding="utf-8").splitlines()
    cases.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")  # twelve cases
    args = ("evaluate", "cases.jsonl", "--format", "json", "-o", "out.jsonl", "--fail-on",
            "never")
    assert run(*args, cwd=tmp_path).returncode == 0
    expected = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    (tmp_path / "out.jsonl").unlink()
    kept = expected.splitlines(keepends=True)[:6]  # provenance and five results
    (tmp_path / "out.jsonl.partial").write_text("".join(kept), encoding="utf-8")
    resumed = run(*args, "--resume", "--jobs", "2", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == expected
