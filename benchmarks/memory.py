"""Streaming memory: resident memory of ``collabrules evaluate`` over a long portfolio.

Usage: ``.venv/bin/python benchmarks/memory.py [--cases N] [--every K] [--jobs J]``

The cases are made while the command runs and reach it through a named pipe
(``cases.jsonl``), so no portfolio file is written; the results come back on standard
output and are counted (and dropped) here. Every ``--every`` cases the resident memory of
the command and its worker processes is read from ``/proc/PID/status`` (``VmRSS`` now and
``VmHWM``, the peak so far), summed over the process tree. The slope is a least-squares fit
of the peak over the samples after the first (start-up and warming are not growth), in MB
per 100,000 cases; the 1M figure extrapolates it from the last sample.

The portfolio cycles the bundled examples, each with its own id: complete cases, the whole
pipeline (parse, checks, structuring, signals, nine principles, recommendation, the full
JSON report), about 4 ms a case on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def case_lines(count: int) -> Iterator[bytes]:
    """``count`` JSON lines cycling the examples, each with a fresh id."""
    templates = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["id"] = "\x00"
        head, tail = json.dumps(case, separators=(",", ":")).encode().split(b"\\u0000")
        templates.append((head, tail))
    for number in range(count):
        head, tail = templates[number % len(templates)]
        yield head + str(number).encode() + tail + b"\n"


def _feed(pipe: Path, count: int, release: threading.Event) -> None:
    with pipe.open("wb") as handle:
        for line in case_lines(count):
            handle.write(line)
        handle.flush()
        release.wait()  # the end of the input ends the command: not before the last sample


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from the parent ids in ``/proc/*/stat``)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(child for child, parent in parents.items() if parent == current)
    return found


def resident(pid: int) -> tuple[float, float, int]:
    """Resident MB now and peak MB, summed over the process tree, and its size."""
    now = peak = 0
    pids = _tree(pid)
    for member in pids:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                now += int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak += int(line.split()[1])
    return now / 1024, peak / 1024, len(pids)


def slope(samples: list[tuple[int, float]]) -> float:
    """Least-squares MB per 100,000 cases."""
    xs = [x for x, _ in samples]
    if len(set(xs)) < 2:  # one size of portfolio: no slope to fit
        return 0.0
    return 1e5 * statistics.linear_regression(xs, [y for _, y in samples]).slope


def main(argv: list[str] | None = None) -> int:
    """Stream the cases through the command line, sampling its memory; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=20_000)
    parser.add_argument("--jobs", default="1")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    samples: list[tuple[int, float, float, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="collabrules-memory-") as tmp:
        pipe = Path(tmp) / "cases.jsonl"
        os.mkfifo(pipe)
        process = subprocess.Popen(
            [sys.executable, "-m", "collabrules", "evaluate", str(pipe), "--format", "json",
             "--fail-on", "never", "--jobs", args.jobs], stdout=subprocess.PIPE)
        release = threading.Event()
        one = args.jobs == "1"
        if not one:  # workers take the last lines in a chunk that only the end fills, and
            release.set()  # the last results come while they stop: no sample there
        feeder = threading.Thread(target=_feed, args=(pipe, args.cases, release), daemon=True)
        feeder.start()
        assert process.stdout is not None
        done = -1  # the run's provenance line comes first
        for _ in process.stdout:
            done += 1
            if done and done % args.every == 0 and (one or done < args.cases):
                now, peak, size = resident(process.pid)
                samples.append((done, now, peak, size, os.getloadavg()[0]))
                print(f"{done:>9,} cases  RSS {now:6.1f} MB  peak {peak:6.1f} MB  "
                      f"({size} processes, load {samples[-1][4]:.1f}, "
                      f"{time.perf_counter() - start:.0f} s)", flush=True)
            if done == args.cases:
                release.set()
        release.set()
        _, status, usage = os.wait4(process.pid, 0)
        feeder.join()
    if os.waitstatus_to_exitcode(status) != 0 or done != args.cases:
        raise SystemExit(f"evaluate exited {os.waitstatus_to_exitcode(status)} after "
                         f"{done} of {args.cases} cases")
    cpu = usage.ru_utime + usage.ru_stime
    growth = slope([(n, peak) for n, _, peak, _, _ in samples[1:]]) if len(samples) > 2 else 0
    last = samples[-1]
    print(f"\n{args.cases:,} cases, --jobs {args.jobs}: {cpu:.0f} s CPU "
          f"({1e6 * cpu / args.cases:.0f} us/case), peak {max(s[2] for s in samples):.1f} MB; "
          f"slope of the peak {growth:+.2f} MB per 100k cases; 1M cases extrapolated: "
          f"{last[2] + growth * (1_000_000 - last[0]) / 1e5:.1f} MB (goal < 100 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
