"""Portfolios: JSON Lines and folders in, per-case lines and a summary out, --jobs, skips."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pexpect
import pytest
import yaml

from .generator import write_portfolio
from .helpers import ROOT, run_cli, run_cli_here


def _recount(lines: list[str]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for line in lines:
        for finding in json.loads(line)["findings"]:
            counts.setdefault(finding["code"], Counter())[finding["status"]] += 1
    return counts


def test_bad_cases_are_reported_and_skipped(tmp_path: Path) -> None:
    portfolio = tmp_path / "cases.jsonl"
    bad = write_portfolio(portfolio, 60, bad_every=20)
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    result = run_cli_here("evaluate", str(portfolio), "--format", "json", "-o", str(out),
                          "--summary", str(summary), "--fail-on", "never")
    assert result.returncode == 2  # bad input, but every other case was evaluated
    for number in bad:
        assert f"{portfolio}:{number}" in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()[1:]  # after the run's provenance
    assert len(lines) == 60 - len(bad)
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["cases"] == len(lines) and data["skipped"] == len(bad)
    assert [s["source"] for s in data["skipped_inputs"]] == [f"{portfolio}:{n}" for n in bad]
    assert {c: Counter(v["counts"]) for c, v in data["per_principle"].items()} == {
        c: Counter({**dict.fromkeys(data["per_principle"][c]["counts"], 0), **v})
        for c, v in _recount(lines).items()}
    scores = [a["score"] for a in data["attention"]]
    assert scores == sorted(scores, reverse=True) and len(scores) <= 10


def test_jobs_give_identical_output(tmp_path: Path) -> None:
    portfolio = tmp_path / "cases.jsonl"
    write_portfolio(portfolio, 300, seed=11, bad_every=97)
    outputs = []
    for jobs in ("1", "2"):
        out, summary = tmp_path / f"out{jobs}.jsonl", tmp_path / f"sum{jobs}.md"
        result = run_cli("evaluate", str(portfolio), "--format", "json", "-o", str(out),
                         "--summary", str(summary), "--jobs", jobs, "--lang", "nl")
        outputs.append((out.read_bytes(), summary.read_bytes(), result.returncode,
                        result.stderr))
    assert outputs[0] == outputs[1]
    assert b"# Portefeuilleoverzicht" in outputs[0][1]


def test_folder_portfolio_in_markdown_and_html(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    shutil.copytree(ROOT / "examples", folder)
    result = run_cli_here("evaluate", str(folder), "--format", "markdown", "--fail-on", "never",
                          "--summary", str(tmp_path / "summary.html"))
    assert result.returncode == 0, result.stderr
    cases = len(list(folder.rglob("*.yaml")))  # the folder is walked recursively
    assert result.stdout.count("# Collaboration report:") == cases
    assert "\n---\n" in result.stdout
    html = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert "Relationships that need attention first" in html and "Bespoke" in html
    page = run_cli("evaluate", str(folder), "--format", "html", "--fail-on", "never",
                   "--jobs", "2")
    assert page.stdout.count("<!DOCTYPE html>") == 1
    assert page.stdout.count('<article class="report"') == cases


def test_no_progress_bar_without_a_terminal(tmp_path: Path) -> None:
    portfolio = tmp_path / "cases.jsonl"
    write_portfolio(portfolio, 50)
    result = run_cli("evaluate", str(portfolio), "--format", "json", "--fail-on", "never")
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1 + 50  # the run's provenance line first


@pytest.mark.slow
def test_ten_thousand_cases_with_progress_bar(tmp_path: Path) -> None:
    portfolio = tmp_path / "big.jsonl"
    # the bundled examples in turn: the bar, the workers and the summary are under test here,
    # not the completion rule (sparse generated cases cost ten times as much to evaluate)
    examples = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted((ROOT / "examples").glob("*.yaml"))]
    bad = write_portfolio(portfolio, 10_000, bad_every=1000, cycle=examples)
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    import sys

    child = pexpect.spawn(sys.executable, ["-m", "collabrules", "evaluate", str(portfolio),
                                           "--format", "json", "-o", str(out), "--summary",
                                           str(summary), "--jobs", "2", "--fail-on", "never"],
                          cwd=str(ROOT), encoding="utf-8", timeout=600,
                          dimensions=(24, 120))
    child.expect(r"\[#*-*\] \d+/10000 evaluated")  # the bar, drawn while running
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2  # ten bad lines
    assert "10000/10000 evaluated" in (child.before or "")
    lines = out.read_text(encoding="utf-8").splitlines()[1:]  # after the run's provenance
    assert len(lines) == 10_000 - len(bad)
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["cases"] == len(lines) and data["skipped"] == len(bad) == 10
    recount = _recount(lines)
    assert len({status for counts in recount.values() for status in counts}) >= 4
    for code, entry in data["per_principle"].items():
        assert {k: v for k, v in entry["counts"].items() if v} == dict(recount[code])
    assert sum(data["recommended_models"].values()) == len(lines)


def test_interrupted_run_leaves_complete_lines(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    portfolio = tmp_path / "cases.jsonl"
    write_portfolio(portfolio, 5000, seed=5)
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"  # the output appears only when the run completes
    process = subprocess.Popen([sys.executable, "-m", "collabrules", "evaluate", str(portfolio),
                                "--format", "json", "-o", str(out), "--fail-on", "never"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not partial.exists()
                                           or partial.stat().st_size < 20_000):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=120)
    assert not out.exists()
    text = partial.read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    assert lines and text.endswith("\n")
    assert json.loads(header)["kind"] == "catalogue"
    assert all(json.loads(line)["findings"] for line in lines)
    assert len(lines) < 5000  # it was really interrupted
