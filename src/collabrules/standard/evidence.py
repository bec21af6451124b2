"""Citing the case values behind a signal, so every condition traces to case facts."""

from __future__ import annotations

from enum import Enum
from typing import Any

from ..model.finding import Fact
from ..model.paths import steps
from ..pipeline.assessment import Assessment

_MISSING = object()


def _is_object(value: Any) -> bool:
    return hasattr(type(value), "__attrs_attrs__")


def value_at(root: Any, path: str) -> Any:
    """The value at a JSON path like ``$.parties[1].attitude`` (``None`` when left out).

    Returns a private sentinel for a path that leads to a whole object or a list of
    objects, which is not worth citing as a single fact.
    """
    value = root
    for step in steps(path):
        if value is None:
            return None
        if isinstance(step, int):
            value = value[step] if step < len(value) else None
        else:
            value = getattr(value, step, None)
    if _is_object(value) or (value.__class__ is tuple and value and _is_object(value[0])):
        return _MISSING
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if value.__class__ is tuple:
        return [_plain(v) for v in value]
    return value


def cite(a: Assessment, *signals: str) -> tuple[Fact, ...]:
    """The case values the named signals were derived from, as facts (each path once)."""
    seen: dict[str, Fact] = {}
    case = a.case
    for name in signals:
        for path in a.signal(name).paths:
            if path in seen:
                continue
            value = value_at(case, path)
            if value is not _MISSING:
                seen[path] = Fact(path, _plain(value))
    return tuple(seen.values())
