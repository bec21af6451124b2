"""Checking that data is plain JSON before the schema sees it.

Parsers and Python callers can hand the engine values a JSON document cannot hold or a
report cannot write back out: nesting deeper than :data:`MAX_DEPTH`, NaN or infinite
numbers, integers with more than :data:`MAX_DIGITS` digits, keys that are not text,
lone UTF-16 surrogates in text, or Python objects (sets, bytes, dates). Each becomes an
:class:`~collabrules.model.errors.InputError` naming the JSON path, never a crash later on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ..model.errors import InputError, Issue
from ..model.paths import child
from ..model.text import Text

MAX_DEPTH = 64
MAX_DIGITS = 100

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_OR_ESCAPE = re.compile("[\ud800-\udfff]|\\\\u[dD][89a-fA-F]")
"""A surrogate in JSON text, written or escaped (what ``json.loads`` can put in a text)."""


class BadNumber:
    """A number a parser could not turn into a value, kept for :func:`check_plain` to report.

    Parsers return it in place of the number so the error can name the JSON path.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def too_deep(source: str) -> InputError:
    """The error for a document nested deeper than :data:`MAX_DEPTH`."""
    return InputError([Issue(file=source, path="$", message=Text(
        "the document is nested more than {limit} levels deep",
        "het document is meer dan {limit} niveaus diep genest").format(limit=MAX_DEPTH),
        hint=Text("flatten the structure", "maak de structuur minder diep"))])


def long_number(source: str, digits: int, path: str = "$") -> InputError:
    """The error for an integer with more than :data:`MAX_DIGITS` digits."""
    return InputError([Issue(file=source, path=path, message=Text(
        "a number has {digits} digits; at most {limit} are allowed",
        "een getal heeft {digits} cijfers; hoogstens {limit} zijn toegestaan").format(
        digits=digits, limit=MAX_DIGITS))])


def check_plain(data: Any, source: str) -> None:
    """Raise :class:`InputError` unless ``data`` is plain, finite, valid-Unicode JSON."""
    # Each entry: (value, depth, where); "where" is (parent where, key), a path built only
    # when something is wrong, so a valid document costs no path strings.
    stack: list[tuple[Any, int, Any]] = [(data, 1, None)]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            raise too_deep(source)
        if isinstance(value, str):
            if _SURROGATE.search(value):
                _check_text(value, source, _path(where))
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            if value.bit_length() > 300 and len(str(abs(value))) > MAX_DIGITS:
                raise long_number(source, len(str(abs(value))), _path(where))
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise _fail(source, _path(where), Text(
                    "{value} is not a finite number", "{value} is geen eindig getal"
                ).format(value=str(value)), Text("use a finite number",
                                                 "gebruik een eindig getal"))
        elif isinstance(value, BadNumber):
            _bad_number(value, source, _path(where))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _fail(source, _path(where), Text(
                        "the key {key!r} is not text", "de sleutel {key!r} is geen tekst"
                    ).format(key=repr(key)), Text("use text keys only",
                                                  "gebruik alleen tekst als sleutel"))
                if _SURROGATE.search(key):
                    _check_text(key, source, _path(where))
                stack.append((item, depth + 1, (where, key)))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, depth + 1, (where, i)) for i, item in enumerate(value))
        else:
            raise _fail(source, _path(where), Text(
                "a value of type {type} is not plain JSON data",
                "een waarde van het type {type} is geen gewone JSON-gegevens"
            ).format(type=type(value).__name__), Text(
                "use text, numbers, true/false, null, lists and mappings",
                "gebruik tekst, getallen, true/false, null, lijsten en mappings"))


def check_parsed(data: Any, text: str, source: str) -> None:
    """:func:`check_plain` of what ``json.loads`` made of ``text``, without the walk for
    an ordinary case: data that :func:`is_simple` holds a lone surrogate only where the
    text has one, written or as a ``\\u`` escape (then the walk locates it)."""
    if not is_simple(data) or _SURROGATE_OR_ESCAPE.search(text):
        check_plain(data, source)


_SAFE_INTEGER = 2**53 - 1


def is_simple(data: Any, depth: int = 1) -> bool:
    """Whether ``data`` is a dict or list of text, integers a double holds exactly, true,
    false, null, dicts with text keys and lists, at most :data:`MAX_DEPTH` deep: what
    ``json.loads`` gives for an ordinary case.

    Such data passes :func:`check_plain` unless a text holds a lone surrogate (found by
    encoding it as UTF-8), and ``json.dumps(sort_keys=True)`` writes it as RFC 8785 does
    unless a key is outside the Basic Multilingual Plane. ``False`` says nothing: the
    full checks decide.
    """
    if depth >= MAX_DEPTH:
        return False
    kind = type(data)
    if kind is dict:
        for key in data:
            if type(key) is not str:
                return False
        items = data.values()
    elif kind is list:
        items = data
    else:
        return False
    for item in items:
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if not -_SAFE_INTEGER <= item <= _SAFE_INTEGER:
                return False
        elif kind is dict or kind is list:
            if not is_simple(item, depth + 1):
                return False
        else:
            return False
    return True


def _path(where: Any) -> str:
    keys: list[str | int] = []
    while where is not None:
        where, key = where
        keys.append(key)
    path = "$"
    for key in reversed(keys):
        path = child(path, key)
    return path


def _bad_number(value: BadNumber, source: str, path: str) -> None:
    if value.text in ("NaN", "Infinity", "-Infinity"):
        raise _fail(source, path, Text(
            "{value} is not a JSON number", "{value} is geen JSON-getal"
        ).format(value=value.text), Text("use a finite number", "gebruik een eindig getal"))
    digits = len(value.text.lstrip("+-"))
    if digits > MAX_DIGITS and value.text.lstrip("+-").isdigit():
        raise long_number(source, digits, path)
    raise _fail(source, path, Text(
        "{value} is too large to be a number", "{value} is te groot voor een getal"
    ).format(value=value.text[:60]), Text("use a finite number", "gebruik een eindig getal"))


def _check_text(text: str, source: str, path: str) -> None:
    found = _SURROGATE.search(text)
    if found:
        raise _fail(source, path, Text(
            "the text holds a lone UTF-16 surrogate (U+{code:04X}), which is not a character",
            "de tekst bevat een losse UTF-16-surrogaat (U+{code:04X}), geen teken"
        ).format(code=ord(found.group())), Text(
            "write the character itself, or a correct surrogate pair",
            "schrijf het teken zelf, of een correct surrogaatpaar"))


def _fail(source: str, path: str, message: Text, hint: Text | None = None) -> InputError:
    return InputError([Issue(file=source, path=path, message=message, hint=hint)])
