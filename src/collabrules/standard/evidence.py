"""Citing the case values behind a signal, so every condition traces to case facts."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import attrs

from ..assessment import Assessment
from ..finding import Fact

_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_MISSING = object()


@cache
def _steps(path: str) -> tuple[str | int, ...]:
    return tuple(int(index) if index else key for key, index in _STEP.findall(path[1:]))


def value_at(root: Any, path: str) -> Any:
    """The value at a JSON path like ``$.parties[1].attitude`` (``None`` when left out).

    Returns a private sentinel for a path that leads to a whole object or a list of
    objects, which is not worth citing as a single fact.
    """
    value = root
    for step in _steps(path):
        if value is None:
            return None
        if isinstance(step, int):
            value = value[step] if step < len(value) else None
        else:
            value = getattr(value, step, None)
    if attrs.has(type(value)) or (isinstance(value, tuple) and value
                                  and attrs.has(type(value[0]))):
        return _MISSING
    return value


def cite(a: Assessment, *signals: str) -> tuple[Fact, ...]:
    """The case values the named signals were derived from, as facts (each path once)."""
    seen: dict[str, Fact] = {}
    for name in signals:
        for path in a.signal(name).paths:
            if path in seen:
                continue
            value = value_at(a.case, path)
            if value is not _MISSING:
                seen[path] = a.fact(path, value)
    return tuple(seen.values())
