"""``--jobs`` scaling: wall and CPU time of ``--jobs 1``, ``--jobs 2`` and ``--jobs 0``.

Usage: ``.venv/bin/python benchmarks/jobs.py [--cases N] [--rounds R] [--jobs 1,2,0]``

The portfolio cycles the bundled examples (about 4 ms a case). The runs alternate
(1, 2, 0, 1, 2, 0, ...) so that a change in the machine's load falls on every setting
alike; each figure is the median over the rounds. CPU is the command's own and its worker
processes' (``os.wait4`` counts the children a process has waited for). The ratios are
one job's wall (or CPU) time over the other setting's: wall needs free cores to mean
anything, so the load average is printed next to the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import write_example_lines

# The command line run in a launcher that says, when it exits, how much CPU the command's
# own process used (reading, unpickling, the summary, writing) and how much its workers did.
LAUNCHER = """
import atexit, os, resource
def said():
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.write(2, f"cpu {own.ru_utime + own.ru_stime} {workers.ru_utime + workers.ru_stime}"
                .encode())
atexit.register(said)
from collabrules.cli import main
main()
"""


def run(arguments: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of one command: in all, its own process's and the workers'."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", LAUNCHER, *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    said = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"evaluate exited {os.waitstatus_to_exitcode(status)}: {said}")
    own, workers = (float(x) for x in said.rsplit("cpu ", 1)[1].split())
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "own": own,
            "workers": workers}


def measure(portfolio: Path, out: Path, jobs: list[str], rounds: int
            ) -> dict[str, dict[str, float]]:
    """Median seconds per ``--jobs`` value (wall, CPU, own and workers' CPU), the runs
    alternating."""
    times: dict[str, list[dict[str, float]]] = {j: [] for j in jobs}
    for _ in range(rounds):
        for job in jobs:
            times[job].append(run(["evaluate", str(portfolio), "--format", "json", "-o",
                                   str(out), "--fail-on", "never", "--jobs", job]))
    return {job: {key: statistics.median(t[key] for t in runs) for key in runs[0]}
            for job, runs in times.items()}


def main(argv: list[str] | None = None) -> int:
    """Time each ``--jobs`` value on one portfolio and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=4_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", default="1,2,0")
    args = parser.parse_args(argv)
    jobs = args.jobs.split(",")
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="collabrules-jobs-") as tmp:
        portfolio = write_example_lines(Path(tmp) / "cases.jsonl", args.cases)
        results = measure(portfolio, Path(tmp) / "out.jsonl", jobs, args.rounds)
    after = os.getloadavg()
    base = results[jobs[0]]
    print(f"--jobs scaling: {args.cases} cases (examples cycled), median of {args.rounds} "
          f"alternating rounds, {os.cpu_count()} cores; load average "
          f"{load[0]:.1f} before, {after[0]:.1f} after")
    print(f"{'--jobs':>7} {'wall s':>8} {'CPU s':>8} {'us CPU/case':>12} {'own':>6} "
          f"{'workers':>8} {'wall ratio':>11} {'CPU ratio':>10}")
    for job, row in results.items():
        print(f"{job:>7} {row['wall']:8.2f} {row['cpu']:8.2f} "
              f"{1e6 * row['cpu'] / args.cases:12.0f} {row['own']:6.2f} {row['workers']:8.2f} "
              f"{base['wall'] / row['wall']:11.2f} {row['cpu'] / base['cpu']:10.2f}")
    print("own / workers: CPU seconds of the command's process (start-up included) and of "
          "its worker processes; wall ratio: one job's wall time over this one's (goal >= 1.8 "
          "for 0 on 2 cores); CPU ratio: this CPU time over one job's (1.00 = no overhead)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
