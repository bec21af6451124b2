"""Compact results and the JSON writer, measured on the issue's portfolios (CPU time).

    .venv/bin/python benchmarks/compact.py 300 examples   # the examples cycled
    .venv/bin/python benchmarks/compact.py 60 partial     # half the optional fields left out
    .venv/bin/python benchmarks/compact.py 300 generated  # cases.py's generated cases

Prints, per case: bytes of the full JSON Lines report and of the compact line (mean, median
and maximum; the catalogue line and the table entries a line defines included), then the
CPU time of writing each form: the compact lines of the portfolio in order from a fresh
catalogue and ``report_to_json(indent=None)``, each on fresh reports (as a run writes them: the
encoding alone, the engine excluded; the full line writes the lazy texts it reads), then from
reports whose texts are written: ``json.dumps(indent=2)`` (the standard library's pure-Python
indenting encoder), ``report_to_json`` (orjson where it writes the same bytes),
``report_to_json(indent=None)``, and expanding the compact lines back. The machine is
shared: compare ratios within one run, not absolute figures between runs.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import example_cases, iter_cases

from collabrules import default_engine
from collabrules.io.compact import Catalogue, CompactWriter, read_compact
from collabrules.io.serialize import report_to_dict, report_to_json
from collabrules.model.report import Report

PORTFOLIOS: dict[str, Callable[[int], Any]] = {
    "examples": lambda count: example_cases(count),
    "partial": lambda count: example_cases(count, drop=0.5),
    "generated": lambda count: iter_cases(count),
}


def _cpu(work: Callable[[], Any], count: int, repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` runs, in microseconds per case."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best / count * 1e6


def main(count: int, portfolio: str = "examples") -> None:
    engine = default_engine()
    cases = list(PORTFOLIOS[portfolio](count))

    def run(reports: list[Report]) -> list[str]:
        writer = CompactWriter(Catalogue.of(engine))
        return [writer.header(), *(writer.line(r) for r in reports)]

    # Encoding is timed on reports no renderer has read yet (texts not yet written), and so
    # is the full JSON line it is compared with (which writes the texts it reads).
    encode = evaluate = fresh_full = float("inf")
    for _ in range(3):
        started = time.process_time()
        reports: list[Report] = [engine.evaluate(case) for case in cases]
        evaluated = time.process_time()
        lines = run(reports)
        evaluate = min(evaluate, (evaluated - started) / count * 1e6)
        encode = min(encode, (time.process_time() - evaluated) / count * 1e6)
        fresh = [engine.evaluate(case) for case in cases]
        started = time.process_time()
        for report in fresh:
            report_to_json(report, indent=None)
        fresh_full = min(fresh_full, (time.process_time() - started) / count * 1e6)
    sizes = [len(line.encode()) for line in lines[1:]]
    sizes[0] += len(lines[0].encode())  # the catalogue counts with the first case
    full = sum(len(report_to_json(r, indent=None).encode()) for r in reports) / count
    print(f"{count} cases, portfolio {portfolio}")
    print(f"bytes per case: full JSON line {full:,.0f}; compact mean "
          f"{statistics.mean(sizes):,.0f}, median {statistics.median(sizes):,.0f}, "
          f"max {max(sizes):,} (catalogue {len(lines[0].encode()):,})")
    fields: dict[str, int] = {}
    for line in lines[1:]:
        for key, value in json.loads(line).items():
            fields[key] = fields.get(key, 0) + len(json.dumps(
                value, ensure_ascii=False, separators=(",", ":")).encode())
    print("per field, bytes per case: " + ", ".join(
        f"{k} {v / count:,.0f}" for k, v in sorted(fields.items(), key=lambda kv: -kv[1])))
    figures = {
        "json.dumps(indent=2), the former default": lambda: [
            json.dumps(report_to_dict(r), ensure_ascii=False, indent=2) for r in reports],
        "report_to_json() (orjson)": lambda: [report_to_json(r) for r in reports],
        "report_to_json(indent=None), texts written": lambda: [report_to_json(r, indent=None)
                                                for r in reports],
        "expand compact lines to Reports": lambda: list(read_compact(lines)),
    }
    print(f"{'engine.evaluate (the case as a dict)':45} {evaluate:8,.0f} us/case")
    print(f"{'compact lines, fresh catalogue (as in a run)':45} {encode:8,.0f} us/case")
    print(f"{'report_to_json(indent=None), fresh reports':45} {fresh_full:8,.0f} us/case"
          f"  (compact/full {encode / fresh_full:.2f})")
    for name, work in figures.items():
        print(f"{name:45} {_cpu(work, count):8,.0f} us/case")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300,
         sys.argv[2] if len(sys.argv) > 2 else "examples")
