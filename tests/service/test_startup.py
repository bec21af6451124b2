"""Startup: a worker warms up before it is ready; several workers share the connections."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .live import OFFICE, needs_service, serve

needs_service()

from collabrules.pipeline.engine import case_validator  # noqa: E402
from collabrules.service.app import create_app  # noqa: E402
from collabrules.service.options import ServiceOptions  # noqa: E402
from collabrules.service.warmup import CASE  # noqa: E402
from collabrules.service.workers import listening_sockets, spreads_connections  # noqa: E402


def test_the_warm_up_case_is_a_valid_case() -> None:
    assert case_validator().issues(CASE, "warm-up", None) == []


def test_ready_only_after_the_warm_up_which_freezes_the_startup_heap() -> None:
    app = create_app(ServiceOptions(access_log=os.devnull))
    service = app.state.service
    before = service.ready

    async def start_and_stop() -> tuple[bool, int]:
        async with app.router.lifespan_context(app):
            return service.ready, gc.get_freeze_count()

    try:
        during, frozen = asyncio.run(start_and_stop())
    finally:
        gc.unfreeze()
    assert (before, during, service.ready) == (False, True, False)
    assert frozen > 0


def test_each_worker_socket_shares_one_port() -> None:
    if not spreads_connections():
        pytest.skip("this platform does not spread connections over sockets")
    sockets = listening_sockets("127.0.0.1", 0, 3)
    try:
        ports = {sock.getsockname()[1] for sock in sockets}
        reuse = {sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for sock in sockets}
    finally:
        for sock in sockets:
            sock.close()
    assert len(ports) == 1 and 0 not in ports
    assert reuse == {1}


def _listening(port: int) -> int:
    """How many sockets listen on ``port`` (one per worker that has finished its warm-up)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            count += int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A"
    return count


def _connections_per_worker(pid: int, port: int) -> list[int]:
    """How many established connections on ``port`` each worker of server ``pid`` holds."""
    established: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                established.add(f"socket:[{fields[9]}]")
    counts = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        held = 0
        for fd in Path(f"/proc/{child}/fd").iterdir():
            with contextlib.suppress(OSError):
                held += str(fd.readlink()) in established
        counts.append(held)
    return counts


def test_a_pool_of_keep_alive_connections_is_spread_over_the_workers(tmp_path: Path) -> None:
    """A client pool opens its connections at once; with one shared socket they all went
    to one worker, so the other idled (benchmarks/service_load.py)."""
    if not spreads_connections():
        pytest.skip("this platform does not spread connections over sockets")
    body = OFFICE.read_bytes()

    async def pool(url: str, pid: int, size: int) -> tuple[list[int], list[int]]:
        async with httpx.AsyncClient(base_url=url, timeout=60,
                                     limits=httpx.Limits(max_connections=size)) as client:
            answers = await asyncio.gather(*(client.post("/v1/evaluate", content=body)
                                             for _ in range(size)))
            held = _connections_per_worker(pid, int(url.rsplit(":", 1)[1]))
        return [answer.status_code for answer in answers], held

    with serve(tmp_path, ["--workers", "2", "--max-concurrent", "16"]) as server:
        # Ready means one worker answers; on a busy machine the other may still be warming
        # up, and a worker listens only after its warm-up: wait until both listen.
        port = int(server.url.rsplit(":", 1)[1])
        deadline = time.monotonic() + 120
        while _listening(port) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        statuses, held = asyncio.run(pool(server.url, server.process.pid, 16))
    assert statuses == [200] * 16
    assert sum(held) == 16
    assert len([count for count in held if count]) == 2, held


def test_a_port_in_use_is_a_located_message_not_a_traceback(tmp_path: Path) -> None:
    if not spreads_connections():
        pytest.skip("this platform does not spread connections over sockets")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        environ = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
        done = subprocess.run(
            [sys.executable, "-m", "collabrules", "serve", "--workers", "2", "--port",
             str(port)], cwd=tmp_path, env=environ, capture_output=True, text=True,
            timeout=120, check=False)
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
