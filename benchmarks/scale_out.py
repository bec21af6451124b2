"""The Dask recipe's overhead against ``collabrules evaluate --jobs 2`` on the same portfolio.

Usage: ``python benchmarks/scale_out.py [CASES] [PARTS]`` (defaults 2,000 cases cycling the
examples, in 8 part files). Needs ``collabrules[dask]``. Prints wall seconds of:

* ``collabrules evaluate PART... --format json -o OUT --jobs 2`` (start-up included);
* the same parts through :func:`collabrules.io.dask.evaluate_portfolio` on a
  ``LocalCluster(n_workers=2, processes=True)``, with and without starting the cluster;

and checks that both outputs are byte for byte the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import example_cases


def _parts(folder: Path, count: int, parts: int) -> list[Path]:
    import json

    paths = [folder / f"part-{n:03d}.jsonl" for n in range(parts)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for number, case in enumerate(example_cases(count)):
        handles[number * parts // count].write(json.dumps(case, separators=(",", ":")) + "\n")
    for handle in handles:
        handle.close()
    return paths


def main(argv: list[str]) -> None:
    """Time both runs once each (after a warm-up of the cluster's workers)."""
    from distributed import Client, LocalCluster

    from collabrules.io.dask import evaluate_portfolio

    count = int(argv[0]) if argv else 2_000
    parts = int(argv[1]) if len(argv) > 1 else 8
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = _parts(work, count, parts)
        cli_out, dask_out = work / "cli.jsonl", work / "dask.jsonl"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "collabrules", "evaluate", *map(str, paths),
                        "--format", "json", "-o", str(cli_out), "--fail-on", "never",
                        "--jobs", "2"], check=True)
        jobs2 = time.perf_counter() - start
        start = time.perf_counter()
        with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            started = time.perf_counter()
            evaluate_portfolio(client, paths, dask_out)
            done = time.perf_counter()
        whole = time.perf_counter() - start
        same = cli_out.read_bytes() == dask_out.read_bytes()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{count} cases in {parts} parts; load average {load}")
    print(f"  evaluate --jobs 2 (start-up included)     {jobs2:8.1f} s")
    print(f"  Dask LocalCluster(2), cluster start incl. {whole:8.1f} s "
          f"({whole / jobs2:.2f} x --jobs 2)")
    print(f"  Dask, evaluation only (cluster running)   {done - started:8.1f} s "
          f"({(done - started) / jobs2:.2f} x --jobs 2)")
    print(f"  outputs identical: {same}")


if __name__ == "__main__":
    main(sys.argv[1:])
