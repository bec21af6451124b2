"""Compact results and the JSON writer, measured on a generated portfolio (CPU time).

    .venv/bin/python benchmarks/compact.py 300

Prints, per case: bytes of the full JSON Lines report, of the compact line (catalogue and
text definitions included, averaged over the run), and the CPU time of writing each form
from a finished report: ``json.dumps(indent=2)`` (the standard library's pure-Python
indenting encoder), ``report_to_json`` (orjson where it writes the same bytes),
``report_to_json(indent=None)``, the compact line, and expanding it back. The machine is
shared: compare ratios within one run, not absolute figures between runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import iter_cases

from collabrules import default_engine
from collabrules.io.compact import Catalogue, CompactWriter, read_compact
from collabrules.io.serialize import report_to_dict, report_to_json
from collabrules.model.report import Report


def _cpu(work: Callable[[], Any], count: int, repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` runs, in microseconds per case."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best / count * 1e6


def main(count: int) -> None:
    engine = default_engine()
    reports: list[Report] = [engine.evaluate(case) for case in iter_cases(count)]
    writer = CompactWriter(Catalogue.of(engine))
    lines = [writer.header(), *(writer.line(r) for r in reports)]
    full = sum(len(report_to_json(r, indent=None).encode()) for r in reports) / count
    compact = sum(len(line.encode()) for line in lines) / count
    texts = sum(len(json.dumps(json.loads(line).get("texts", {}), ensure_ascii=False))
                for line in lines[1:]) / count
    print(f"{count} generated cases")
    print(f"bytes per case: full JSON line {full:,.0f}; compact {compact:,.0f} "
          f"(of which text definitions {texts:,.0f})")
    figures = {
        "json.dumps(indent=2), the former default": lambda: [
            json.dumps(report_to_dict(r), ensure_ascii=False, indent=2) for r in reports],
        "report_to_json() (orjson)": lambda: [report_to_json(r) for r in reports],
        "report_to_json(indent=None)": lambda: [report_to_json(r, indent=None)
                                                for r in reports],
        # the texts are numbered by now, as in a long run
        "compact line": lambda: [writer.line(r) for r in reports],
        "expand compact line to Report": lambda: list(read_compact(lines)),
    }
    for name, work in figures.items():
        print(f"{name:45} {_cpu(work, count):8,.0f} us/case")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
