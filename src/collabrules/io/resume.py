"""Continuing an interrupted portfolio run from its partial output file, in constant memory.

A portfolio run writes one result line per evaluated case, in input order, whatever the
number of jobs; a case that could not be read writes none. So the sources in a partial file
are the run's inputs in order, with gaps, and resuming walks both side by side: an input whose
source is the partial file's next one is done and skipped, any other is evaluated. Only one
line of the partial file is held at a time, never the list of what is done, so memory does not
grow with the portfolio.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..model.errors import Issue
from ..model.text import Text

T = TypeVar("T")
BLOCK = 1 << 16


class PartialRun:
    """The complete lines of an interrupted run's partial output file.

    Opening cuts a torn last line off the file, so that new lines follow complete ones.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = _cut_torn_line(path)
        self.has_lines = self.size > 0
        with path.open("rb") as handle:
            self.has_header = _kind(handle.readline()) == "catalogue"
        self._handle: BinaryIO | None = None
        self._next: str | None = None
        self._unmatched: str | None = None

    def skip_done(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` without those whose result the partial file already holds."""
        self._handle = self.path.open("rb")
        try:
            self._advance()
            for item in items:
                if self._next is not None and getattr(item, "source", None) == self._next:
                    self._advance()
                    continue
                yield item
            self._unmatched = self._next
        finally:
            self._handle.close()

    def unmatched(self) -> Issue | None:
        """After :meth:`skip_done`: a result in the partial file that no input matched in
        order (the inputs changed since the interrupted run), as an issue; else None."""
        if self._unmatched is None:
            return None
        return Issue(file=str(self.path), path="$", message=Text(
            "the partial file holds a result for {source}, which this run's inputs do not "
            "list at that place (other files, or in another order, than the interrupted run)",
            "het deelbestand bevat een resultaat voor {source}, dat de invoer van deze run "
            "niet op die plaats noemt (andere bestanden, of een andere volgorde, dan de "
            "onderbroken run)").format(source=self._unmatched), hint=Text(
            "give the same inputs as the interrupted run, or run again without --resume",
            "geef dezelfde invoer als de onderbroken run, of start opnieuw zonder --resume"))

    def _advance(self) -> None:
        """Move to the source of the partial file's next result line (None at its end)."""
        assert self._handle is not None
        self._next = None
        # Only what was there at the start: this run appends its results to the same file.
        while self._handle.tell() < self.size:
            source = _source(self._handle.readline())
            if source is not None:
                self._next = source
                return


def _source(line: bytes) -> str | None:
    try:
        source = json.loads(line)["case"]["source"]
    except (ValueError, KeyError, TypeError):
        return None
    return source if isinstance(source, str) else None


def _kind(line: bytes) -> object:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record.get("kind") if isinstance(record, dict) else None


def _cut_torn_line(path: Path) -> int:
    """Truncate ``path`` after its last newline, reading only its tail; its new size."""
    with path.open("rb") as handle:
        end = handle.seek(0, os.SEEK_END)
        position = end
        while position > 0:
            start = max(0, position - BLOCK)
            handle.seek(start)
            block = handle.read(position - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                position = start + newline + 1
                break
            position = start
    if position != end:
        os.truncate(path, position)
    return position
