"""Hostile inputs too big or too binary to commit: written into a folder on demand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from collabrules.pipeline.loading import MAX_BYTES

BASE_YAML = """schema_version: "1.0"
perspective: buyer
parties:
  - id: buyer
    name: Buyer Ltd
    role: customer
  - id: seller
    name: Seller BV
    role: supplier
"""


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        prev = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([prev] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def _oversize() -> bytes:
    filler = b'{"schema_version": "1.0", "title": "' + b"x" * MAX_BYTES + b'"}'
    return filler


def _too_many_principles() -> bytes:
    text = {"en": "t", "nl": "t"}
    principle = {"slug": "s", "theme": text, "title": text, "observation": text,
                 "statement": text, "conditions": [{"id": "c", "expression": "a", "text": text}]}
    return json.dumps({"schema_version": "1.0", "principles": [
        {"code": f"HP{n}", **principle} for n in range(1, 502)]}, indent=1).encode()


GENERATED: dict[str, Callable[[], bytes]] = {
    "too-many-principles.yaml": _too_many_principles,  # the house suite
    "oversize.json": _oversize,
    "alias-bomb.yaml": _alias_bomb,
    "deep-nesting.json": lambda: b"[" * 100_000 + b"]" * 100_000,
    "deep-nesting.yaml": lambda: ("extensions:\n  x: " + "[" * 5_000 + "]" * 5_000 + "\n").encode(),
    "deep-nesting-small.json": lambda: (
        '{"schema_version": "1.0", "extensions": {"x": ' + "[" * 70 + "]" * 70 + "}}").encode(),
    "invalid-utf8.yaml": lambda: BASE_YAML.replace("Seller BV", "Seller \xe9").encode("latin-1"),
    "utf16.json": lambda: '{"schema_version": "1.0"}'.encode("utf-16"),
    "binary.json": lambda: bytes(range(256)) * 4,
    "nul-bytes.yaml": lambda: BASE_YAML.encode() + b"\x00\x00\x00",
    "bom.yaml": lambda: b"\xef\xbb\xbf" + BASE_YAML.encode(),
    "bom.json": lambda: b'\xef\xbb\xbf{"schema_version": "1.0", "perspective": "b", '
    b'"parties": [{"id": "b", "name": "B", "role": "customer"}, '
    b'{"id": "s", "name": "S", "role": "supplier"}]}',
    "huge-title.json": lambda: (
        '{"schema_version": "1.0", "perspective": "b", "title": "' + "x" * 1_000_000 + '", '
        '"parties": [{"id": "b", "name": "B", "role": "customer"}, '
        '{"id": "s", "name": "S", "role": "supplier"}]}').encode(),
}


def write_generated(folder: Path) -> Path:
    """Write every generated corpus file into ``folder``; return it."""
    for name, make in GENERATED.items():
        (folder / name).write_bytes(make())
    return folder
