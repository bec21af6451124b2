"""Worker processes that each listen on their own socket, so connections are spread.

uvicorn's ``--workers`` shares one listening socket: whichever worker wakes first accepts
every connection waiting, so a client pool that opens its keep-alive connections at once
lands on one worker while the others idle. Here each worker gets its own socket on the
same port (``SO_REUSEPORT``) and the kernel spreads new connections over the workers that
listen. Only Linux balances such sockets; elsewhere the caller uses uvicorn's workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import socket
import sys
import threading
from multiprocessing.process import BaseProcess
from typing import Any

import uvicorn

STARTUP_FAILURE = 3
"""uvicorn's exit code for a worker that could not start (restarting would not help)."""


def spreads_connections() -> bool:
    """Whether this platform balances connections over sockets sharing a port."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets bound to one address with ``SO_REUSEPORT`` (port 0: a free one,
    the same for all). A worker's socket listens once its worker has started."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    for _ in range(count):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        port = int(sock.getsockname()[1])
        sock.set_inheritable(True)
        sockets.append(sock)
    return sockets


def _serve(settings: dict[str, Any], sock: socket.socket) -> None:
    """One worker: the application from the environment's options, on its own socket."""
    config = uvicorn.Config("collabrules.service.app:factory", factory=True, **settings)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches workers; the parent stops them
        uvicorn.Server(config).run(sockets=[sock])


class Workers:
    """Supervise one worker process per socket: restart one that dies, and on SIGINT or
    SIGTERM stop them all gracefully (each finishes its requests in flight)."""

    def __init__(self, settings: dict[str, Any], sockets: list[socket.socket]) -> None:
        self.settings = settings
        self.sockets = sockets
        self._context = multiprocessing.get_context("spawn")
        self._stop = threading.Event()

    def _start(self, sock: socket.socket) -> BaseProcess:
        process = self._context.Process(target=_serve, args=(self.settings, sock))
        process.start()
        return process

    def run(self) -> None:
        """Serve until a signal asks to stop; ``SystemExit`` when a worker cannot start."""
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: self._stop.set())
        processes = [self._start(sock) for sock in self.sockets]
        failed = False
        while not self._stop.wait(0.5):
            for index, process in enumerate(processes):
                if process.is_alive():
                    continue
                if process.exitcode == STARTUP_FAILURE:
                    failed = True
                    self._stop.set()
                    break
                processes[index] = self._start(self.sockets[index])
        for process in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn's graceful shutdown
        for process in processes:
            process.join()
        for sock in self.sockets:
            sock.close()
        if failed:
            raise SystemExit(STARTUP_FAILURE)
