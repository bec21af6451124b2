"""Portfolio throughput: evaluate N generated cases through the real CLI and print cases/s.

Usage: ``python benchmarks/portfolio_throughput.py [N] [JOBS...]`` (defaults: 10000, 1 2).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reports.generator import write_portfolio  # noqa: E402


def main(argv: list[str]) -> None:
    """Generate a portfolio once, then time one run per --jobs value."""
    count = int(argv[0]) if argv else 10_000
    jobs = argv[1:] or ["1", "2"]
    with tempfile.TemporaryDirectory() as tmp:
        portfolio = Path(tmp) / "portfolio.jsonl"
        write_portfolio(portfolio, count, seed=2026)
        for job in jobs:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "collabrules", "evaluate", str(portfolio),
                            "--format", "json", "-o", str(Path(tmp) / "out.jsonl"),
                            "--summary", str(Path(tmp) / "summary.json"), "--jobs", job,
                            "--fail-on", "never"], check=True)
            seconds = time.perf_counter() - start
            print(f"{count} cases, --jobs {job}: {seconds:.2f} s, {count / seconds:,.0f} cases/s")


if __name__ == "__main__":
    main(sys.argv[1:])
