"""The benchmark script runs end to end in a tiny mode, so it cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


def test_tiny_benchmark_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--cases", "20", "--quick",
                           "--repeats", "1", "--json", str(out)],
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["principles"] >= 1
    assert set(results["stages"]) >= {"parse", "validate", "structure", "signals", "principles",
                                      "report build", "serialise", "in-process total"}
    assert results["end_to_end"]["cases"] == 20
    assert results["end_to_end"]["jobs2_over_jobs1"] > 0
    assert [row["cases"] for row in results["case_scaling"]] == [20, 40]
    assert results["principle_scaling"][1]["us_per_added_principle"] is not None
    assert [row["principles"] for row in results["principle_scaling"]] == [9, 50]
    assert all(row["exit"] == 0 and row["peak_rss_mb"] > 0 for row in results["memory"])
    assert set(results["startup_ms"]) == {"collabrules --version",
                                          "collabrules evaluate examples/office-cleaning.yaml"}
    assert "end to end" in done.stdout
    table = {row["contender"].split(" (")[0]: row for row in results["table"]["rows"]}
    assert table["collabrules full explained report, JSON Lines"]["us_per_case"] > 0
    assert table["collabrules evaluate cases.jsonl --format json -o out.jsonl"][
        "us_per_case"] > 0
    assert table["partial facts: full explained report"]["us_per_case"] > 0
    assert table["ZEN, statuses + model only"]["note"] == "run with --peer"
    assert "contenders, end to end per case" in done.stdout


def test_the_peer_row_says_why_without_zen_engine(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    import contenders

    monkeypatch.setattr(contenders, "find_spec", lambda name: None)
    assert contenders.peer(tmp_path, 5) == {"available": False,
                                            "why": "zen-engine not installed"}


def test_the_partial_facts_portfolio_is_valid_and_leaves_out_half() -> None:
    from cases import example_cases

    import collabrules

    engine = collabrules.default_engine()
    whole = [len(json.dumps(c)) for c in example_cases(30, seed=3)]
    partial = list(example_cases(30, seed=3, drop=0.5))
    from collabrules.pipeline.loading import Document

    assert all(engine.validate(Document(c, c["id"])) for c in partial)  # raises if invalid
    assert sum(map(len, map(json.dumps, partial))) < 0.75 * sum(whole)
