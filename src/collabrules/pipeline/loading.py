"""Reading case documents from JSON or YAML, safely, with positions for every error.

YAML is read with PyYAML's safe machinery only: no Python object tags, no anchors or
aliases (they enable "billion laughs" expansion and case files never need them), no
duplicate keys, and dates stay strings. JSON rejects duplicate keys and NaN/Infinity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.text import Text
from .plain import MAX_DEPTH, MAX_DIGITS, BadNumber, check_parsed, too_deep

MAX_BYTES = 10 * 1024 * 1024
__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "parse_bytes", "parse_json", "parse_yaml",
           "read_document"]


@attrs.frozen
@shared_repr
class Document:
    """A parsed input document, where it came from, and the line of each JSON path."""

    data: Any
    source: str
    lines: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)


def _issue(source: str, message: Text, *, path: str = "$", hint: Text | None = None,
           line: int | None = None, column: int | None = None) -> InputError:
    return InputError([Issue(file=source, path=path, message=message, hint=hint, line=line,
                             column=column)])


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse a JSON or YAML file (by extension; other names are sniffed)."""
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise _issue(source, Text(
                "the file is {size} bytes, over the limit of {limit} bytes",
                "het bestand is {size} bytes, meer dan de grens van {limit} bytes",
            ).format(size=size, limit=max_bytes), hint=Text(
                "split a portfolio into JSON Lines or several files",
                "splits een portefeuille in JSON Lines of meerdere bestanden"))
        raw = Path(path).read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise _issue(source, Text("this is a directory, not a file",
                                  "dit is een map, geen bestand")) from None
    except FileNotFoundError:
        raise _issue(source, Text("the file does not exist", "het bestand bestaat niet"),
                     hint=Text("check the path", "controleer het pad")) from None
    except OSError as exc:
        raise _issue(source, Text("the file cannot be read: {error}",
                                  "het bestand kan niet worden gelezen: {error}").format(
            error=exc.strerror or str(exc))) from None
    return parse_bytes(raw, source, max_bytes=max_bytes)


def parse_bytes(raw: bytes, source: str, *, fmt: str | None = None,
                max_bytes: int = MAX_BYTES) -> Document:
    """Parse bytes as JSON or YAML; ``fmt`` is ``json``, ``yaml`` or ``None`` (by name)."""
    if len(raw) > max_bytes:
        raise _issue(source, Text("the input is {size} bytes, over the limit of {limit} bytes",
                                  "de invoer is {size} bytes, meer dan de grens van {limit} "
                                  "bytes").format(size=len(raw), limit=max_bytes))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _issue(source, Text(
            "the file is not valid UTF-8 text (byte {offset})",
            "het bestand is geen geldige UTF-8-tekst (byte {offset})").format(offset=exc.start),
            line=line, hint=Text("save the file as UTF-8", "sla het bestand op als UTF-8")
        ) from None
    if "\x00" in text:
        raise _issue(source, Text("the file contains binary data (NUL bytes), not text",
                                  "het bestand bevat binaire gegevens (NUL-bytes), geen tekst"))
    if not text.strip():
        raise _issue(source, Text("the file is empty", "het bestand is leeg"),
                     hint=Text("start from an example in examples/",
                               "begin met een voorbeeld uit examples/"))
    kind = fmt or _format_of(source, text)
    if kind == "json":
        return Document(parse_json(text, source), source)
    data, lines = parse_yaml(text, source)
    return Document(data, source, lines)


def _format_of(source: str, text: str) -> str:
    suffix = Path(source).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


class _DuplicateKey(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> BadNumber:
    return BadNumber(name)


def _int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return BadNumber(text)
    return int(text)


def _float(text: str) -> float | BadNumber:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return BadNumber(text)
    return value


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text strictly: no duplicate keys, no NaN or Infinity."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant,
                          parse_int=_int, parse_float=_float)
    except _DuplicateKey as exc:
        where = _locate_duplicate(text, source)
        raise _issue(source, Text("the key {key!r} appears twice in one object",
                                  "de sleutel {key!r} komt twee keer voor in één object"
                                  ).format(key=str(exc)),
                     hint=Text("keep one of them", "houd er één over"),
                     path=where.path if where else "$", line=where.line if where else None,
                     column=where.column if where else None) from None
    except json.JSONDecodeError as exc:
        raise _issue(source, Text("this is not valid JSON: {error}",
                                  "dit is geen geldige JSON: {error}").format(error=exc.msg),
                     line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise too_deep(source) from None
    check_parsed(data, text, source)
    return data


def _locate_duplicate(text: str, source: str) -> Issue | None:
    """Where a duplicate JSON key is: JSON is (nearly) YAML, whose parser keeps positions."""
    try:
        parse_yaml(text, source)
    except InputError as exc:
        issue = exc.issues[0]
        if "appears twice" in issue.message.en:
            return issue
    except Exception:  # only a better position is at stake; the error stands without it
        return None
    return None


def parse_yaml(text: str, source: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML text into plain data and a map from JSON path to line number."""
    from .yaml_import import import_yaml

    import_yaml()  # PyYAML is imported for YAML input only
    from .yaml_reading import read_yaml

    return read_yaml(text, source)
