"""Load test of ``collabrules serve`` on loopback: N concurrent clients for a fixed time.

Starts the server itself (``--workers``, a free 127.0.0.1 port), sends a mix of good and
bad cases to ``/v1/evaluate`` from N asyncio clients for ``--seconds``, then stops it.
Reports requests/s, p50/p95/p99 latency, unexpected errors (a good case must get 200, a
malformed one 400, an invalid one 422), and the server's RSS before and after; then the
in-process rate of the same work (parse, evaluate, JSON report) for comparison.

Usage: ``python benchmarks/service_load.py [--clients 8] [--seconds 60] [--workers 2]
[--json FILE]``. Loopback only; it stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.cases import iter_cases  # noqa: E402

BAD_SHARE = 5  # every 5th request is a bad case (alternately malformed and invalid)


def requests_mix(count: int = 200) -> list[tuple[bytes, int]]:
    """(body, expected status) pairs: mostly good cases, some malformed, some invalid."""
    mix: list[tuple[bytes, int]] = []
    for number, case in enumerate(iter_cases(count, seed=2026)):
        if number % BAD_SHARE == BAD_SHARE - 1:
            if number % (2 * BAD_SHARE) == BAD_SHARE - 1:
                mix.append((json.dumps(case).encode()[:-7], 400))
            else:
                mix.append((json.dumps({**case, "perspective": "nobody"}).encode(), 422))
        else:
            mix.append((json.dumps(case).encode(), 200))
    return mix


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (uvicorn's workers), in KiB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines()
                      if line.startswith("VmRSS:"))
        pids += [int(child) for child in children]
    return total


async def _client(client: httpx.AsyncClient, mix: list[tuple[bytes, int]], until: float,
                  seed: int, results: list[tuple[float, bool, int]]) -> None:
    rng = random.Random(seed)
    headers = {"Content-Type": "application/json"}
    while time.monotonic() < until:
        body, expected = mix[rng.randrange(len(mix))]
        started = time.perf_counter()
        try:
            response = await client.post("/v1/evaluate", content=body, headers=headers)
            status = response.status_code
        except httpx.HTTPError:
            status = -1
        results.append((time.perf_counter() - started, status == expected, expected))


async def _load(url: str, mix: list[tuple[bytes, int]], clients: int, seconds: float
                ) -> list[tuple[float, bool, int]]:
    results: list[tuple[float, bool, int]] = []
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(*(_client(client, mix, until, n, results)
                               for n in range(clients)))
    return results


def _summary(results: list[tuple[float, bool, int]], seconds: float) -> dict[str, Any]:
    times = sorted(t for t, _, _ in results)
    good = sorted(t for t, _, expected in results if expected == 200)

    def pct(values: list[float], p: float) -> float:
        return round(values[min(len(values) - 1, int(p * len(values)))] * 1000, 1)

    return {"requests": len(results), "requests_per_s": round(len(results) / seconds, 1),
            "unexpected": sum(1 for _, ok, _ in results if not ok),
            "p50_ms": pct(times, 0.50), "p95_ms": pct(times, 0.95), "p99_ms": pct(times, 0.99),
            "good_p99_ms": pct(good, 0.99),
            "mean_ms": round(statistics.fmean(times) * 1000, 1)}


def in_process_rate(mix: list[tuple[bytes, int]], seconds: float = 10.0) -> float:
    """Requests/s of the same work in this process: parse, evaluate, JSON report."""
    import collabrules
    from collabrules.io.serialize import report_to_json
    from collabrules.model.errors import InputError
    from collabrules.pipeline.loading import parse_bytes

    engine = collabrules.default_engine()
    done = 0
    until = time.monotonic() + seconds
    started = time.perf_counter()
    while time.monotonic() < until:
        body, _ = mix[done % len(mix)]
        with contextlib.suppress(InputError):
            report_to_json(engine.evaluate(parse_bytes(body, "request", fmt="json")), "en")
        done += 1
    return round(done / (time.perf_counter() - started), 1)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the load test and print (and optionally write) the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    mix = requests_mix()
    port = _port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "collabrules", "serve", "--port", str(port), "--workers",
         str(args.workers), "--max-concurrent", str(args.clients), "--access-log",
         os.devnull], env=env, cwd=ROOT / "benchmarks", stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        asyncio.run(_load(url, mix, args.clients, 5))  # warm up every worker
        rss_before = _tree_rss_kib(server.pid)
        loaded = _summary(asyncio.run(_load(url, mix, args.clients, args.seconds)),
                          args.seconds)
        rss_after = _tree_rss_kib(server.pid)
        single = _summary(asyncio.run(_load(url, mix, 1, 10)), 10)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    result = {
        "clients": args.clients, "seconds": args.seconds, "workers": args.workers,
        "loaded": loaded, "one_client": single,
        "rss_kib_before": rss_before, "rss_kib_after": rss_after,
        "in_process_per_s": in_process_rate(mix),
        "load_average": os.getloadavg()[0], "cpus": os.cpu_count(),
    }
    result["throughput_vs_in_process"] = round(
        loaded["requests_per_s"] / result["in_process_per_s"], 2)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
