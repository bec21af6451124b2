"""Limits protect the server: over a limit a client gets 408/413/429/503 with a problem
document, and the server stays healthy for the next request."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import h11
import yaml

from .live import OFFICE, Server, serve

PROBLEM = "application/problem+json"


CASE = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))


def _line(case_id: str) -> bytes:
    return json.dumps({**CASE, "id": case_id}).encode() + b"\n"


def _healthy(server: Server) -> None:
    with server.client() as client:
        assert client.get("/healthz").status_code == 200
        assert client.post("/v1/validate", content=OFFICE.read_bytes()).json()["valid"]


def test_body_size_and_batch_size(tmp_path: Path) -> None:
    with serve(tmp_path, ["--max-body", "2000", "--max-batch-cases", "3"]) as server:
        with server.client() as client:
            declared = client.post("/v1/evaluate", content=OFFICE.read_bytes())
            chunked = client.post("/v1/evaluate",
                                  content=iter([OFFICE.read_bytes()[:1500]] * 3))
            many = client.post("/v1/evaluate/batch",
                               content=b"".join(b'{"id": "c%d"}\n' % i for i in range(5)))
            long_line = client.post("/v1/evaluate/batch", content=b'{"id": "' + b"x" * 5000)
        for response in (declared, chunked, many, long_line):
            assert response.status_code == 413, response.text
            assert response.headers["content-type"] == PROBLEM
        assert "3" in many.json()["detail"]
        assert server.process.poll() is None


def test_time_budget_gives_503_and_the_server_recovers(tmp_path: Path) -> None:
    with serve(tmp_path, ["--time-budget", "0.000001"]) as server, server.client() as client:
        response = client.post("/v1/evaluate", content=OFFICE.read_bytes())
        assert response.status_code == 503
        assert response.json()["type"] == "urn:collabrules:problem:over-time"
        assert response.headers["retry-after"] == "1"
        assert client.get("/readyz").status_code == 200


def test_concurrent_evaluations_over_the_limit_get_429(tmp_path: Path) -> None:
    with serve(tmp_path, ["--max-concurrent", "1"]) as server:
        body = b"".join(_line(f"c{i}") for i in range(1500))
        started = threading.Event()
        lines: list[bytes] = []

        def portfolio() -> None:
            with server.client() as client, client.stream(
                    "POST", "/v1/evaluate/batch", content=body) as response:
                for line in response.iter_lines():
                    started.set()
                    lines.append(line.encode())

        worker = threading.Thread(target=portfolio)
        worker.start()
        assert started.wait(60)
        with server.client() as client:
            busy = client.post("/v1/evaluate", content=OFFICE.read_bytes())
        worker.join(120)
        assert busy.status_code == 429, busy.text
        assert busy.headers["retry-after"] == "1"
        assert busy.headers["content-type"] == PROBLEM
        assert len(lines) == 1501  # the batch was not disturbed
        _healthy(server)
        with server.client() as client:
            assert client.post("/v1/evaluate", content=OFFICE.read_bytes()).status_code == 200


def _slow(pause: float) -> Iterator[bytes]:
    yield OFFICE.read_bytes()[:100]
    time.sleep(pause)
    yield OFFICE.read_bytes()[100:]


def test_slow_upload_gets_408(tmp_path: Path) -> None:
    with serve(tmp_path, ["--read-timeout", "1"]) as server:
        with server.client() as client:
            response = client.post("/v1/evaluate", content=_slow(2.5))
        assert response.status_code == 408
        assert response.headers["content-type"] == PROBLEM
        _healthy(server)


def _refuses_connections(url: str) -> bool:
    """Whether the server has closed its listening socket (shutdown has begun)."""
    host, port = url.removeprefix("http://").split(":")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


def _events(conn: h11.Connection, sock: socket.socket) -> Iterator[Any]:
    """The HTTP events the server sends on ``sock``, until the response ends."""
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            conn.receive_data(sock.recv(65536))
            continue
        yield event
        if isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
            return


def test_graceful_shutdown_finishes_the_request_in_flight(tmp_path: Path) -> None:
    """SIGTERM while a batch request is still being uploaded: the server stops accepting
    connections, yet reads the rest of that request and answers it in full.

    The request is held in flight by the client, not by the amount of work: the server
    has answered ``100 Continue`` (it is reading the body) before the signal, and the
    rest of the body is sent only once new connections are refused.
    """
    lines = [_line(f"c{i}") for i in range(20)]
    body = b"".join(lines)
    with serve(tmp_path) as server:
        host, port = server.url.removeprefix("http://").split(":")
        conn = h11.Connection(our_role=h11.CLIENT)
        with socket.create_connection((host, int(port)), timeout=60) as sock:
            sock.sendall(conn.send(h11.Request(method="POST", target="/v1/evaluate/batch",
                                               headers=[("Host", host),
                                                        ("Content-Type", "application/x-ndjson"),
                                                        ("Content-Length", str(len(body))),
                                                        ("Expect", "100-continue")])))
            first = next(_events(conn, sock))
            assert isinstance(first, h11.InformationalResponse) and first.status_code == 100
            sock.sendall(conn.send(h11.Data(data=lines[0])))
            server.process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 60  # only a bound for a server that hangs
            while not _refuses_connections(server.url):
                assert server.process.poll() is None, server.log.read_text()
                assert time.monotonic() < deadline, "the server kept accepting connections"
                time.sleep(0.02)
            sock.sendall(conn.send(h11.Data(data=body[len(lines[0]):])))
            sock.sendall(conn.send(h11.EndOfMessage()))
            events = list(_events(conn, sock))
        code = server.stop()
    response = events[0]
    assert isinstance(response, h11.Response) and response.status_code == 200
    received = b"".join(e.data for e in events if isinstance(e, h11.Data)).splitlines()
    assert len(received) == 21 and received[-1].startswith(b'{"summary"')
    assert [json.loads(line)["case_id"] for line in received[:-1]] == [f"c{i}" for i in range(20)]
    assert code in (0, -15)  # uvicorn ends by re-raising the SIGTERM it handled
