"""The collabrules benchmark: per-stage costs, end-to-end throughput, start-up, memory.

Usage (see docs/performance.md)::

    .venv/bin/python benchmarks/run.py --quick            # about 2 minutes
    .venv/bin/python benchmarks/run.py                    # the full run (1M-case memory test)
    .venv/bin/python benchmarks/run.py --json results.json
    .venv/bin/python benchmarks/run.py --quick --peer     # with ZEN (zen-engine installed)

Every figure is the median of ``--repeats`` runs; ratios (jobs 2 / jobs 1, cost at 10k /
cost at 1k, ...) are printed next to the absolute numbers because a shared 2-core
machine is noisy. The end-to-end figure is the real user path:
``collabrules evaluate cases.jsonl --format json --output results.jsonl``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import iter_cases, write_example_lines, write_json_lines
from contenders import DEFAULT_BENCH, render_table
from contenders import measure as measure_contenders

from collabrules import __version__
from collabrules.io.serialize import report_to_json
from collabrules.model.signals import SignalBook
from collabrules.pipeline.assessment import Assessment
from collabrules.pipeline.engine import Engine, digest_of
from collabrules.pipeline.loading import parse_bytes
from collabrules.pipeline.structure import structure_case
from house import HousePlugin

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "office-cleaning.yaml"
Writer = Callable[[Path, int, int], Path]


def _median_time(action: Callable[[], object], repeats: int, *, collect: bool = True) -> float:
    """Median CPU seconds of ``repeats`` calls of ``action``.

    CPU time of this process, not wall time: on a shared machine other processes take
    turns on the cores, which wall time would count against collabrules. With
    ``collect=False`` the garbage collector is paused while timing (as ``timeit`` does):
    a stage measured over thousands of cases held in memory would otherwise pay for
    scanning them all, which the streaming command line never does.
    """
    times = []
    for _ in range(repeats):
        gc.collect()
        if not collect:
            gc.disable()
        try:
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _lines(count: int, seed: int) -> list[bytes]:
    return [json.dumps(case, separators=(",", ":")).encode() for case in iter_cases(count, seed)]


# -- in-process: the cost of each stage ----------------------------------------------------


def stage_costs(engine: Engine, lines: Sequence[bytes], repeats: int) -> dict[str, float]:
    """Microseconds per case of each pipeline stage (medians), measured stage by stage."""
    n = len(lines)
    sources = [f"cases.jsonl:{i + 1}" for i in range(n)]
    docs = [parse_bytes(line, src, fmt="json") for line, src in zip(lines, sources)]
    data = [engine.validate(d) for d in docs]
    cases = [structure_case(d, s) for d, s in zip(data, sources)]
    digests = [digest_of(d) for d in data]
    reports = [engine.run(c, g, s) for c, g, s in zip(cases, digests, sources)]

    def signals() -> None:
        names = list(engine.signals)
        for case in cases:
            book = SignalBook(case, engine.signals)
            for name in names:
                with contextlib.suppress(Exception):  # a failing signal still cost its time
                    book[name]

    def principles() -> None:
        for case in cases:
            book = SignalBook(case, engine.signals)
            for active in engine.active:
                assessment = Assessment(case, book)
                try:
                    active.principle.assess(assessment)
                    assessment.finish(active.principle, active.severity)
                except Exception:
                    pass

    def full() -> None:
        for line, src in zip(lines, sources):
            report = engine.evaluate(parse_bytes(line, src, fmt="json"))
            report_to_json(report, "en", indent=None)

    timed: dict[str, Callable[[], object]] = {
        "parse": lambda: [parse_bytes(line, s, fmt="json") for line, s in zip(lines, sources)],
        "validate": lambda: [engine.validate(d) for d in docs],
        "structure": lambda: [structure_case(d, s) for d, s in zip(data, sources)],
        "input digest": lambda: [digest_of(d) for d in data],
        "signals": signals,
        "principles+signals": principles,
        "engine.run": lambda: [engine.run(c, g, s) for c, g, s in zip(cases, digests, sources)],
        "serialise": lambda: [report_to_json(r, "en", indent=None) for r in reports],
        "in-process total": full,
    }
    us = {name: _median_time(action, repeats, collect=False) / n * 1e6
          for name, action in timed.items()}
    us["principles"] = max(us["principles+signals"] - us["signals"], 0.0)
    us["report build"] = max(us["engine.run"] - us["principles+signals"], 0.0)
    return us


def principle_scaling(lines: Sequence[bytes], totals: Sequence[int],
                      repeats: int) -> list[dict[str, Any]]:
    """In-process cost per case with the installed principles plus generated house ones."""
    installed = len(Engine().active)
    rows: list[dict[str, Any]] = []
    for total in totals:
        extra = max(total - installed, 0)
        engine = Engine(plugins=[HousePlugin(extra)] if extra else [])
        docs = [parse_bytes(line, "x", fmt="json") for line in lines]
        seconds = _median_time(
            lambda engine=engine, docs=docs: [  # type: ignore[misc]
                report_to_json(engine.evaluate(d), "en", indent=None) for d in docs], repeats)
        rows.append({"principles": len(engine.active),
                     "us_per_case": seconds / len(lines) * 1e6})
    base = rows[0]["us_per_case"]
    previous = None
    for row in rows:
        row["ratio"] = row["us_per_case"] / base if base > 0 else None
        # Linear means a fixed cost per case plus the same cost for each added principle.
        row["us_per_added_principle"] = None if previous is None else (
            (row["us_per_case"] - previous["us_per_case"])
            / (row["principles"] - previous["principles"]))
        previous = row
    return rows


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def case_scaling(counts: Sequence[int], seed: int, repeats: int, work: Path,
                 writer: Writer = write_json_lines) -> list[dict[str, Any]]:
    """CPU per case of the command line on portfolios of different sizes, start-up excluded."""
    start = statistics.median(_run(_cli("evaluate", "--format", "json", "--fail-on", "never",
                                        str(_empty(work))))[2] for _ in range(repeats))
    rows = []
    for count in counts:
        path = writer(work / f"scale{count}.jsonl", count, seed)
        command = _cli("evaluate", str(path), "--format", "json", "--output",
                       str(work / "scale.out"), "--fail-on", "never")
        cpu = statistics.median(_run(command)[2] for _ in range(repeats if count <= 10_000
                                                                 else 1))
        rows.append({"cases": count, "us_per_case": max(cpu - start, 0.0) / count * 1e6})
        path.unlink()
    base = rows[0]["us_per_case"]
    for row in rows:
        # With tiny portfolios start-up noise can swallow the whole cost: no ratio then.
        row["ratio"] = row["us_per_case"] / base if base > 0 else None
    return rows


def _empty(work: Path) -> Path:
    """A portfolio of no cases: the command's start-up alone."""
    path = work / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    return path


# -- the real command line ----------------------------------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "collabrules", *args]


# A small launcher measures peak memory: the resident size a child reports includes what
# it inherited from a large parent before ``exec``, which would be the benchmark's own.
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def _run(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, exit code and CPU seconds (user + system) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, process.returncode, usage.ru_utime + usage.ru_stime


def _peak_memory(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, exit code and peak resident memory (MiB) of one command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], capture_output=True,
                          text=True, check=True)
    wall = time.perf_counter() - start
    peak_kib, code = done.stdout.split()
    return wall, int(code), int(peak_kib) / 1024


def startup(repeats: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU milliseconds of ``--version`` and of evaluating one example."""
    commands = {
        "collabrules --version": _cli("--version"),
        "collabrules evaluate examples/office-cleaning.yaml": _cli(
            "evaluate", str(EXAMPLE), "--fail-on", "never"),
    }
    # An installed copy has its bytecode compiled; a run that may not write it (a set
    # PYTHONDONTWRITEBYTECODE, an edited source tree) would time the compiler instead.
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    timings = {}
    for name, command in commands.items():
        subprocess.run(command, stdout=subprocess.DEVNULL, env=warm, check=False)
        runs = [_run(command) for _ in range(repeats)]
        timings[name] = {"wall_ms": statistics.median(r[0] for r in runs) * 1000,
                         "cpu_ms": statistics.median(r[2] for r in runs) * 1000}
    return timings


def _jobs_supported() -> bool:
    done = subprocess.run(_cli("evaluate", "--help"), capture_output=True, text=True,
                          check=False)
    return "--jobs" in done.stdout


def end_to_end(path: Path, count: int, work: Path, repeats: int) -> dict[str, Any]:
    """Cases per second of ``collabrules evaluate cases.jsonl --format json --output ...``."""
    out = work / "results.jsonl"
    base = ["evaluate", str(path), "--format", "json", "--output", str(out),
            "--fail-on", "never"]
    walls, cpus = [], []
    for _ in range(repeats):
        wall, code, cpu = _run(_cli(*base))
        if code != 0:
            raise SystemExit(f"evaluate exited {code}")
        walls.append(wall)
        cpus.append(cpu)
    with out.open("rb") as handle:
        written = sum(1 for _ in handle) - 1  # the run's provenance line first
    if written != count:
        raise SystemExit(f"expected {count} result lines, found {written}")
    one = statistics.median(walls)
    cpu = statistics.median(cpus)
    result: dict[str, Any] = {"cases": count, "jobs1_seconds": one,
                              "jobs1_cases_per_s": count / one, "jobs1_cpu_seconds": cpu,
                              "jobs1_cases_per_cpu_s": count / cpu}
    if _jobs_supported():
        two = statistics.median(_run(_cli(*base, "--jobs", "2"))[0] for _ in range(repeats))
        result["jobs2_mode"] = "--jobs 2"
    else:
        # Until ``--jobs`` lands: two processes on the two halves of the portfolio.
        halves = _split(path, work)
        two = statistics.median(_parallel(halves, work) for _ in range(repeats))
        result["jobs2_mode"] = "two processes on halves (no --jobs option yet)"
    result["jobs2_seconds"] = two
    result["jobs2_cases_per_s"] = count / two
    result["jobs2_over_jobs1"] = one / two
    if result["jobs2_mode"] == "--jobs 2":
        runs = [_run(_cli(*base, "--jobs", "0")) for _ in range(repeats)]
        zero = statistics.median(r[0] for r in runs)
        result["jobs0_cases_per_s"] = count / zero
        result["jobs0_over_jobs1"] = one / zero
        # More CPU per case with all cores busy is what caps the ratio below the cores.
        result["jobs0_cpu_over_jobs1"] = statistics.median(r[2] for r in runs) / cpu
    return result


def _split(path: Path, work: Path) -> list[Path]:
    lines = path.read_bytes().splitlines(keepends=True)
    middle = len(lines) // 2
    parts = [work / "half1.jsonl", work / "half2.jsonl"]
    parts[0].write_bytes(b"".join(lines[:middle]))
    parts[1].write_bytes(b"".join(lines[middle:]))
    return parts


def _parallel(parts: list[Path], work: Path) -> float:
    start = time.perf_counter()
    processes = [subprocess.Popen(
        _cli("evaluate", str(p), "--format", "json", "--output", str(work / f"{p.stem}.out"),
             "--fail-on", "never"), stdout=subprocess.DEVNULL) for p in parts]
    for process in processes:
        process.wait()
    return time.perf_counter() - start


def memory(counts: Sequence[int], seed: int, work: Path,
           writer: Writer = write_json_lines) -> list[dict[str, Any]]:
    """Peak resident memory of streaming portfolios of different sizes through the CLI."""
    rows = []
    for count in counts:
        path = writer(work / f"mem{count}.jsonl", count, seed)
        wall, code, peak = _peak_memory(_cli("evaluate", str(path), "--format", "json",
                                             "--output", str(work / "mem.out"),
                                             "--fail-on", "never"))
        rows.append({"cases": count, "peak_rss_mb": peak, "seconds": wall, "exit": code})
        path.unlink()
    return rows


# -- the table ----------------------------------------------------------------------------


def render(results: dict[str, Any]) -> str:
    """The results as plain-text tables (the sections that were run)."""
    out = [f"collabrules {results['version']} benchmark, {results['date']}, "
           f"{results['machine']}, load average {results['load']}",
           f"principles installed: {results['principles']}; cases: {results['cases']}; "
           f"medians of {results['repeats']} repeats"]
    if "table" in results:
        out += ["", *render_table(results["table"])]
    if "stages" in results:
        out += ["", "stage (in-process, CPU time)   us/case"]
        out += [f"  {name:<28} {value:9.1f}" for name, value in results["stages"].items()]
    if "end_to_end" in results:
        e2e = results["end_to_end"]
        out += ["", "end to end (collabrules evaluate cases.jsonl --format json --output ...)",
                f"  jobs 1: {e2e['jobs1_cases_per_s']:9.0f} cases/s "
                f"({1e6 / e2e['jobs1_cases_per_s']:.0f} us/case, start-up included)",
                f"          {e2e['jobs1_cases_per_cpu_s']:9.0f} cases per CPU second "
                f"({1e6 / e2e['jobs1_cases_per_cpu_s']:.0f} us CPU/case)",
                f"  jobs 2: {e2e['jobs2_cases_per_s']:9.0f} cases/s "
                f"[{e2e['jobs2_mode']}]; jobs2/jobs1 = {e2e['jobs2_over_jobs1']:.2f}"]
        if "jobs0_over_jobs1" in e2e:
            out.append(f"  jobs 0: {e2e['jobs0_cases_per_s']:9.0f} cases/s; jobs0/jobs1 = "
                       f"{e2e['jobs0_over_jobs1']:.2f} (target >= 1.8 on 2 cores; "
                       f"CPU jobs0/jobs1 = {e2e['jobs0_cpu_over_jobs1']:.2f})")
    if "case_scaling" in results:
        out += ["", "scaling in cases (command line, CPU per case after start-up)"]
        out += [f"  {row['cases']:>8} cases {row['us_per_case']:9.1f} us/case "
                f"ratio {_ratio(row['ratio'])}" for row in results["case_scaling"]]
    if "principle_scaling" in results:
        out += ["", "scaling in principles (in-process, CPU)"]
        for row in results["principle_scaling"]:
            added = row["us_per_added_principle"]
            out.append(f"  {row['principles']:>5} principles {row['us_per_case']:9.1f} "
                       f"us/case ratio {_ratio(row['ratio']):>5}" + (
                           "" if added is None else f"; {added:.1f} us per added principle"))
    if "startup_ms" in results:
        out += ["", "start-up (median; targets: --version < 80 ms, one example < 250 ms wall)"]
        out += [f"  {name:<52} {ms['wall_ms']:7.1f} ms wall {ms['cpu_ms']:7.1f} ms CPU"
                for name, ms in results["startup_ms"].items()]
    if "memory" in results:
        out += ["", "memory (streaming JSON Lines through the CLI; target < 100 MB)"]
        out += [f"  {row['cases']:>8} cases peak RSS {row['peak_rss_mb']:7.1f} MB "
                f"({row['seconds']:.1f} s)" for row in results["memory"]]
    return "\n".join(out)


SECTIONS = ("table", "stages", "end_to_end", "case_scaling", "principle_scaling", "startup",
            "memory")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--cases", type=int, default=None, help="cases per stage measurement")
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--memory", default=None,
                        help="portfolio sizes for the memory test, e.g. 10000,100000")
    parser.add_argument("--peer", action="store_true",
                        help="also run ZEN through zen_peer.py (needs zen-engine installed)")
    parser.add_argument("--table-cases", type=int, default=None,
                        help="cases per contender in the table (full 20,000, quick 2,000); "
                             "the partial-facts portfolio has a tenth of them")
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH,
                        help="where floor.py and zen_peer.py are (default ../shared/bench)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default all: "
                             f"{','.join(SECTIONS)})")
    parser.add_argument("--portfolio", choices=("generated", "examples"), default="generated",
                        help="cases for end to end, scaling and memory: generated (cases.py, "
                             "many optional fields left out) or the examples cycled")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    if wanted - set(SECTIONS):
        parser.error(f"unknown sections: {', '.join(sorted(wanted - set(SECTIONS)))}")
    quick = args.quick
    cases = args.cases or (2_000 if quick else 10_000)
    repeats = args.repeats or (3 if quick else 5)
    tiny = cases < 100
    engine = Engine()
    results: dict[str, Any] = {
        "version": __version__, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "principles": len(engine.active), "cases": cases, "repeats": repeats,
        "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
    }
    writer = write_example_lines if args.portfolio == "examples" else write_json_lines
    lines = _lines(cases, args.seed) if wanted & {"stages", "principle_scaling"} else []
    if "stages" in wanted:
        _progress(f"stage costs over {cases} cases")
        results["stages"] = stage_costs(engine, lines, repeats)
    with tempfile.TemporaryDirectory(prefix="collabrules-bench-") as tmp:
        work = Path(tmp)
        if "table" in wanted:
            table_cases = args.table_cases or (cases if tiny else 2_000 if quick else 20_000)
            _progress(f"contenders over {table_cases} cases")
            results["table"] = measure_contenders(
                table_cases, max(table_cases // 10, 1), 1 if tiny else 3, work,
                bench=args.bench_dir, with_peer=args.peer, seed=args.seed)
        if "end_to_end" in wanted:
            count = cases if tiny else cases * 2
            portfolio = writer(work / "cases.jsonl", count, args.seed)
            _progress("end to end through the command line")
            results["end_to_end"] = end_to_end(portfolio, count, work, repeats)
        if tiny:
            sizes, mem = [cases, cases * 2], [cases]
        elif quick:
            sizes, mem = [1_000, 10_000], [5_000, 20_000]
        else:
            sizes, mem = [1_000, 10_000, 100_000], [10_000, 100_000, 1_000_000]
        if "case_scaling" in wanted:
            _progress(f"scaling in cases: {sizes}")
            results["case_scaling"] = case_scaling(sizes, args.seed, repeats, work, writer)
        if "principle_scaling" in wanted:
            _progress("scaling in principles")
            results["principle_scaling"] = principle_scaling(
                lines[: min(cases, 1_000)], [9, 50] if quick or tiny else [9, 50, 200],
                repeats)
        if "startup" in wanted:
            _progress("start-up")
            results["startup_ms"] = startup(3 if tiny else 5 if quick else 15)
        if "memory" in wanted:
            if args.memory:
                mem = [int(n) for n in args.memory.split(",")]
            _progress(f"memory: {mem}")
            results["memory"] = memory(mem, args.seed, work, writer)
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
