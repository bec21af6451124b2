"""Where cases come from: files, folders of files, and JSON Lines portfolios.

Every case yields either a parsed document or the input error that stopped it, so a bad
case in a portfolio is reported and skipped, never silently dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import cast

import attrs

from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.text import Text
from ..pipeline.loading import Document, parse_bytes, read_document
from .kinds import CASE, kind_of

CASE_SUFFIXES = (".json", ".yaml", ".yml")
LINES_SUFFIXES = (".jsonl", ".ndjson")
Skip = Callable[[str, 'str | None'], None]


@attrs.frozen
@shared_repr
class RawDocument:
    """One JSON Lines line, not parsed yet (so that a worker process can parse it)."""

    raw: bytes
    source: str
    file: str = ""
    number: int = 0

    def parse(self) -> Document:
        """The parsed document; raises :class:`InputError` placed on the portfolio's line."""
        try:
            return parse_bytes(self.raw, self.source, fmt="json")
        except InputError as exc:
            raise _on_line(exc, self.file, self.number) if self.file else exc from None


def _on_line(error: InputError, file: str, number: int) -> InputError:
    """An error inside one JSON Lines line, placed on that line of the portfolio file."""
    return InputError([attrs.evolve(i, file=file, line=number, column=i.column)
                       if i.line is not None else i for i in error.issues])


def iter_documents(paths: Iterable[str], *, on_skip: Skip | None = None,
                   named_too: bool = False) -> Iterator[Document | InputError]:
    """Parsed case documents (or their errors) from paths, folders and JSON Lines files.

    With ``on_skip``, a file found in a folder that is not a case (a fixture file, house
    principles, a report, ...) is passed to it instead of being read as a broken case;
    with ``named_too`` also a file named in ``paths``.
    """
    return cast("Iterator[Document | InputError]",
                _iter(paths, lazy=False, on_skip=on_skip, named_too=named_too))


def case_files(folder: Path) -> list[Path]:
    """The case and JSON Lines files in a folder and its subfolders, sorted by path."""
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in CASE_SUFFIXES + LINES_SUFFIXES and p.is_file())


def iter_inputs(paths: Iterable[str], *, on_skip: Skip | None = None, named_too: bool = False
                ) -> Iterator[Document | RawDocument | InputError]:
    """Like :func:`iter_documents`, but JSON Lines lines come unparsed (:class:`RawDocument`)."""
    return _iter(paths, lazy=True, on_skip=on_skip, named_too=named_too)


def _iter(paths: Iterable[str], *, lazy: bool, on_skip: Skip | None, named_too: bool
          ) -> Iterator[Document | RawDocument | InputError]:
    for name in paths:
        if name == "-":
            yield from _from_lines_or_single(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            found = case_files(path)
            if not found:
                yield InputError([Issue(file=name, path="$", message=Text(
                    "the folder holds no case files (*.json, *.yaml, *.yml, *.jsonl)",
                    "de map bevat geen casusbestanden (*.json, *.yaml, *.yml, *.jsonl)"))])
            for item in found:
                yield from _cases(_one(item, lazy), on_skip)
            continue
        yield from _cases(_one(path, lazy), on_skip if named_too else None)


def _cases(items: Iterable[Document | RawDocument | InputError], on_skip: Skip | None
           ) -> Iterator[Document | RawDocument | InputError]:
    """``items`` without the documents that are not cases (each passed to ``on_skip``)."""
    for item in items:
        if on_skip is not None and isinstance(item, Document):
            kind = kind_of(item.data)
            if kind != CASE:
                on_skip(item.source, kind)
                continue
        yield item


def _one(path: Path, lazy: bool = False) -> Iterator[Document | RawDocument | InputError]:
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from iter_json_lines(path, lazy=lazy)
        return
    try:
        yield read_document(path)
    except InputError as exc:
        yield exc


def iter_json_lines(path: Path, *, lazy: bool = False
                    ) -> Iterator[Document | RawDocument | InputError]:
    """One document per non-empty line; the source names the line (``file:12``)."""
    try:
        handle = path.open("rb")
    except OSError:
        try:
            read_document(path)
        except InputError as exc:
            yield exc
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            raw = RawDocument(line, source, str(path), number)
            if lazy:
                yield raw
                continue
            try:
                yield raw.parse()
            except InputError as exc:
                yield exc


def _from_lines_or_single(raw: bytes, source: str) -> Iterator[Document | InputError]:
    try:
        yield parse_bytes(raw, source)
    except InputError as exc:
        yield exc
