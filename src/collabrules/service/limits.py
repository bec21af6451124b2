"""Limits that keep the server healthy: body size, upload time, concurrent evaluations and
the time budget of one request. Over a limit a client gets a problem document."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import IO, TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request

from ..model.text import Text
from .problems import ProblemError

T = TypeVar("T")


def _too_large(limit: int) -> ProblemError:
    return ProblemError("too-large", detail=Text(
        "the body is over the limit of {limit} bytes",
        "de inhoud is groter dan de grens van {limit} bytes").format(limit=limit))


def _check_length(request: Request, limit: int) -> None:
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise _too_large(limit)


async def _consume(request: Request, limit: int, seconds: float,
                   sink: Callable[[bytes], None]) -> None:
    """Feed the body's chunks to ``sink``; 413 past ``limit`` bytes, 408 when it takes
    over ``seconds``."""
    _check_length(request, limit)
    size = 0
    with anyio.move_on_after(seconds) as scope:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            sink(chunk)
    if scope.cancelled_caught:
        raise ProblemError("timeout", detail=Text(
            "the body was not complete within {seconds:g} s",
            "de inhoud was niet binnen {seconds:g} s compleet").format(seconds=seconds))


async def read_body(request: Request, limit: int, seconds: float) -> bytes:
    """The whole (small) request body, within the size and time limits."""
    parts: list[bytes] = []
    await _consume(request, limit, seconds, parts.append)
    return b"".join(parts)


def _too_many(limit: int) -> ProblemError:
    return ProblemError("too-large", detail=Text(
        "the batch has more than {limit} cases; split it",
        "de reeks heeft meer dan {limit} casussen; splits haar").format(limit=limit))


async def spool_lines(request: Request, target: IO[bytes], *, limit: int, max_line: int,
                      max_lines: int, seconds: float) -> int:
    """Copy a JSON Lines body to ``target`` (a temporary file); return its line count.

    413 past ``limit`` bytes, a line over ``max_line`` bytes or more than ``max_lines``
    non-empty lines; 408 when the upload is too slow.
    """
    count = 0
    tail = b""

    def sink(chunk: bytes) -> None:
        nonlocal count, tail
        target.write(chunk)
        pieces = (tail + chunk).split(b"\n")
        tail = pieces.pop()
        count += sum(1 for piece in pieces if piece.strip())
        if len(tail) > max_line or any(len(piece) > max_line for piece in pieces):
            raise _too_large(max_line)
        if count > max_lines:
            raise _too_many(max_lines)

    await _consume(request, limit, seconds, sink)
    if tail.strip():
        count += 1
        if count > max_lines:
            raise _too_many(max_lines)
    target.seek(0)
    return count


class Slots:
    """At most ``size`` evaluations at once; a request that finds none free gets 429.

    A slot is released by the thread that did the work, so an evaluation that outlives
    its request's time budget still counts until it has really finished.
    """

    def __init__(self, size: int) -> None:
        self._free = threading.BoundedSemaphore(size)

    def take(self) -> Callable[[], None]:
        """Take a slot (429 when none is free); returns the function that gives it back."""
        if not self._free.acquire(blocking=False):
            raise ProblemError("busy", headers={"Retry-After": "1"})
        return self._free.release

    async def run(self, work: Callable[[], T], budget: float) -> T:
        """Run ``work`` in a thread within ``budget`` seconds (503 when it takes longer)."""
        release = self.take()

        def guarded() -> T:
            try:
                return work()
            finally:
                release()

        with anyio.move_on_after(budget):
            return await anyio.to_thread.run_sync(guarded, abandon_on_cancel=True)
        raise ProblemError("over-time", detail=Text(
            "the budget is {seconds:g} s per request", "het budget is {seconds:g} s per "
            "verzoek").format(seconds=budget), headers={"Retry-After": "1"})
