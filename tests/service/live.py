"""A real ``collabrules serve`` subprocess on a free loopback port, for the service tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs
import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OFFICE = EXAMPLES / "office-cleaning.yaml"


def needs_service() -> None:
    """Skip (fail under CI) when the ``service`` extra is not installed."""
    from importlib.util import find_spec

    if all(find_spec(name) for name in ("fastapi", "uvicorn", "fastapi_offline")):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("the service extra is not installed (pip install -e '.[dev]')",
                    pytrace=False)
    pytest.skip("the service extra is not installed", allow_module_level=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@attrs.define
class Server:
    """A running server: its base URL, process and log file."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, **kwargs: object) -> httpx.Client:
        """An HTTP client for this server."""
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)  # type: ignore[arg-type]

    def access_log(self) -> list[str]:
        """The JSON access-log lines written so far."""
        return [line for line in self.log.read_text(encoding="utf-8").splitlines()
                if line.startswith('{"time"')]

    def rss_kib(self) -> int:
        """The server process's resident memory (KiB), from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def stop(self, timeout: float = 40) -> int:
        """SIGTERM (graceful shutdown), then wait; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


@contextmanager
def serve(folder: Path, args: Sequence[str] = (), env: dict[str, str] | None = None,
          *, ready: bool = True) -> Iterator[Server]:
    """Start ``collabrules serve`` in ``folder`` (its working directory) and stop it after."""
    needs_service()
    port = free_port()
    log = folder / f"server-{port}.log"
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith("COLLABRULES_")}
    environ.update(env or {})
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "collabrules", "serve", "--port", str(port), *args],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, env=environ)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        if ready:
            _wait(server)
        yield server
    finally:
        server.stop()


def _wait(server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited: {server.log.read_text()}")
        try:
            if httpx.get(server.url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not start: {server.log.read_text()}")
