"""Where cases come from: files, folders of files, and JSON Lines portfolios.

Every case yields either a parsed document or the input error that stopped it, so a bad
case in a portfolio is reported and skipped, never silently dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .errors import InputError, Issue
from .loading import Document, parse_bytes, read_document
from .text import Text

CASE_SUFFIXES = (".json", ".yaml", ".yml")
LINES_SUFFIXES = (".jsonl", ".ndjson")


def iter_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Parsed case documents (or their errors) from paths, folders and JSON Lines files."""
    for name in paths:
        if name == "-":
            yield from _from_lines_or_single(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in CASE_SUFFIXES + LINES_SUFFIXES)
            if not found:
                yield InputError([Issue(file=name, path="$", message=Text(
                    "the folder holds no case files (*.json, *.yaml, *.yml, *.jsonl)",
                    "de map bevat geen casusbestanden (*.json, *.yaml, *.yml, *.jsonl)"))])
            for item in found:
                yield from _one(item)
            continue
        yield from _one(path)


def _one(path: Path) -> Iterator[Document | InputError]:
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from iter_json_lines(path)
        return
    try:
        yield read_document(path)
    except InputError as exc:
        yield exc


def iter_json_lines(path: Path) -> Iterator[Document | InputError]:
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
            try:
                yield parse_bytes(line, source, fmt="json")
            except InputError as exc:  # place the error on the portfolio's own line
                yield InputError([attrs.evolve(i, file=str(path), line=number)
                                  if i.line is not None else i for i in exc.issues])


def _from_lines_or_single(raw: bytes, source: str) -> Iterator[Document | InputError]:
    try:
        yield parse_bytes(raw, source)
    except InputError as exc:
        yield exc
