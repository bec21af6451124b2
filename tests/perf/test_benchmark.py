"""The benchmark script runs end to end in a tiny mode, so it cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
