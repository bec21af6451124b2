"""A small progress bar on standard error, shown only when it is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..render.labels import PORTFOLIO

WIDTH = 30


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many cases the paths hold (lines of JSON Lines files count), or None if unknown."""
    from ..io.inputs import LINES_SUFFIXES, case_files

    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = case_files(path) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in LINES_SUFFIXES:
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


class Progress:
    """Redraws one status line at most ten times a second; silent when not on a TTY."""

    def __init__(self, total: int | None, lang: str, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.lang = lang
        self.done = 0
        self.start = time.monotonic()
        self._last = 0.0

    def advance(self, step: int = 1) -> None:
        """Count finished cases and redraw when due."""
        self.done += step
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-6)
        label = PORTFOLIO["progress"].get(self.lang)
        speed = f"{rate:,.0f} {PORTFOLIO['per_second'].get(self.lang)}"
        if self.total:
            filled = min(WIDTH, WIDTH * self.done // self.total)
            bar = "#" * filled + "-" * (WIDTH - filled)
            line = f"[{bar}] {self.done}/{self.total} {label} ({speed})"
        else:
            line = f"{self.done} {label} ({speed})"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the status line so that a message can be printed cleanly."""
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        """End the status line."""
        if self.enabled and self.done:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
