"""What the completion rule costs: per-case time with and without it, on partial facts.

Usage (see docs/performance.md)::

    .venv/bin/python benchmarks/completion.py [N] [--seed S] [--drop P]

Two portfolios of N cases (default 300) from ``cases.py``: as generated (already partly
filled) and with every optional field then dropped with probability P (default 0.5),
recursively. Each is evaluated by an engine with the completion rule (the default cap)
and one with it off (``Settings(completions=0)``); the figures are CPU microseconds per
case (median and 95th percentile), how many verdicts were open without the rule, and
how many of those the rule settled.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import iter_cases

from collabrules.model.report import Report
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.settings import Settings


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def thin(document: Any, rng: random.Random, drop: float,
         node: dict[str, Any] | None = None) -> Any:
    """``document`` with each optional field (at any depth) left out with probability ``drop``."""
    schema = load_schema("case")
    node = _resolve(schema, node if node is not None else schema)
    if isinstance(document, dict) and "properties" in node:
        required = set(node.get("required", ()))
        return {key: thin(value, rng, drop, node["properties"].get(key, {}))
                for key, value in document.items()
                if key in required or rng.random() >= drop}
    if isinstance(document, list) and isinstance(node.get("items"), dict):
        return [thin(value, rng, drop, node["items"]) for value in document]
    return document


def _run(engine: Engine, documents: list[dict[str, Any]]) -> tuple[list[float], list[Report]]:
    times, reports = [], []
    for document in documents:
        started = time.process_time()
        reports.append(engine.evaluate(document))
        times.append((time.process_time() - started) * 1e6)
    return times, reports


def _changes(off: Report, on: Report) -> tuple[int, int, int]:
    """Open verdicts without the rule; of those, settled with it; at-risk verdicts opened."""
    opened = settled = widened = 0
    for before, after in zip(off.findings, on.findings):
        if before.status.value == "undetermined":
            opened += 1
            settled += after.status.value != "undetermined"
        elif after.status.value == "undetermined":
            widened += 1  # at risk, but a missing fact could make it violated
    rec, now = off.recommendation, on.recommendation
    if rec is not None and rec.model is None and now is not None:
        opened += 1
        settled += now.model is not None
    return opened, settled, widened


def measure(documents: list[dict[str, Any]]) -> dict[str, float]:
    """Per-case cost and open verdicts with the completion rule and without it."""
    on, off = Engine(), Engine(settings=Settings(completions=0))
    _run(on, documents[:20])  # warm caches and imports before timing
    _run(off, documents[:20])
    off_times, off_reports = _run(off, documents)
    on_times, on_reports = _run(on, documents)
    opened, settled, widened = (sum(column) for column in zip(
        *(_changes(a, b) for a, b in zip(off_reports, on_reports))))
    q = statistics.quantiles
    return {
        "cases": len(documents),
        "median_us_without": statistics.median(off_times),
        "median_us_with": statistics.median(on_times),
        "p95_us_without": q(off_times, n=20)[-1],
        "p95_us_with": q(on_times, n=20)[-1],
        "max_us_with": max(on_times),
        "mean_ratio": statistics.mean(on_times) / statistics.mean(off_times),
        "open_without": opened,
        "settled": settled,
        "widened": widened,
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drop", type=float, default=0.5)
    args = parser.parse_args(argv)
    generated = list(iter_cases(args.count, args.seed))
    rng = random.Random(args.seed)
    partial = [thin(document, rng, args.drop) for document in generated]
    portfolios = (("generated", generated), (f"partial ({args.drop:.0%} dropped)", partial))
    for name, documents in portfolios:
        row = measure(documents)
        print(f"{name}: {row['cases']:.0f} cases; per case without completion "
              f"{row['median_us_without']:.0f} us (p95 {row['p95_us_without']:.0f}), with "
              f"{row['median_us_with']:.0f} us (p95 {row['p95_us_with']:.0f}, max "
              f"{row['max_us_with']:.0f}); mean cost x{row['mean_ratio']:.2f}; open verdicts "
              f"{row['open_without']:.0f}, settled by completion {row['settled']:.0f}; at risk "
              f"that a missing fact could make violated, now open: {row['widened']:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
