"""The --jobs and streaming-memory benchmarks run end to end in a tiny mode, so they cannot
rot unnoticed; and ``--jobs 0`` counts the cores this process may use."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from collabrules.io import batch

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _script(name: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCHMARKS / name), *args], capture_output=True,
                          text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_the_jobs_benchmark_times_each_setting_with_its_workers() -> None:
    out = _script("jobs.py", "--cases", "12", "--rounds", "1", "--jobs", "1,2")
    rows = {line.split()[0]: line.split() for line in out.splitlines()
            if re.match(r"\s+[0-9]+\s+[0-9.]+\s", line)}
    assert set(rows) == {"1", "2"}
    # columns: jobs, wall, CPU, us CPU/case, own, workers, wall ratio, CPU ratio
    assert float(rows["1"][5]) == 0.0 < float(rows["2"][5])  # one job has no workers
    assert float(rows["1"][6]) == float(rows["1"][7]) == 1.0
    assert float(rows["2"][2]) >= float(rows["2"][4])  # in all >= the command's own


def test_the_memory_benchmark_streams_through_a_pipe_and_samples() -> None:
    out = _script("memory.py", "--cases", "40", "--every", "10")
    samples = [line for line in out.splitlines() if "cases  RSS" in line]
    assert [int(s.split()[0]) for s in samples] == [10, 20, 30, 40]
    peaks = [float(re.search(r"peak\s+([0-9.]+) MB", s).group(1))  # type: ignore[union-attr]
             for s in samples]
    assert all(10 < peak < 1000 for peak in peaks)
    assert "MB per 100k cases" in out and "1M cases extrapolated" in out


def test_the_memory_benchmark_feeds_distinct_valid_cases() -> None:
    from memory import case_lines

    lines = list(case_lines(9))
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == [str(n) for n in range(9)]
    assert all(line.endswith(b"\n") and line.count(b"\n") == 1 for line in lines)


def test_jobs_0_means_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert batch.usable_cores() == 1
    monkeypatch.delattr(os, "sched_getaffinity")
    assert batch.usable_cores() == 64
