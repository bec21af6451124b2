"""Citing the case values behind a signal, so every condition traces to case facts."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import attrgetter
from typing import Any

from ..model.finding import Fact
from ..model.paths import steps
from ..model.signals import cited_value
from ..model.text import SCALARS
from ..pipeline.assessment import Assessment
from ..pipeline.signal_reuse import CompletedSignals

_MISSING = object()


_OBJECT_TYPES: dict[type, bool] = {}


def _is_object(value: Any) -> bool:
    kind = type(value)
    known = _OBJECT_TYPES.get(kind)
    if known is None:
        known = _OBJECT_TYPES[kind] = hasattr(kind, "__attrs_attrs__")
    return known


def _whole(value: Any) -> bool:
    """Whether ``value`` is an object or a list of objects (not cited as one fact)."""
    kind = value.__class__
    if kind is tuple:
        return bool(value) and _is_object(value[0])
    known = _OBJECT_TYPES.get(kind)
    return _is_object(value) if known is None else known


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
    return _MISSING if _whole(value) else value


@cache
def reader(path: str) -> Callable[[Any], Any]:
    """:func:`value_at` for one path, its steps resolved once (a compiled fact accessor).

    A run of member steps is one :func:`operator.attrgetter`; a ``None`` or a member left
    out on the way gives ``None``, as in :func:`value_at`.
    """
    runs: list[int | Callable[[Any], Any]] = []
    names: list[str] = []
    for step in (*steps(path), 0):  # the sentinel index flushes the last run of names
        if isinstance(step, int):
            if names:
                runs.append(attrgetter(".".join(names)))
                names = []
            runs.append(step)
        else:
            names.append(step)
    runs.pop()
    if len(runs) == 1 and not isinstance(runs[0], int):  # members only: the common path
        return _member_reader(runs[0])

    def read(root: Any) -> Any:
        value = root
        for run in runs:
            if value is None:
                return None
            if isinstance(run, int):
                value = value[run] if run < len(value) else None
                continue
            try:
                value = run(value)
            except AttributeError:
                value = None
        return _MISSING if _whole(value) else value

    return read


def _member_reader(get: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read(root: Any) -> Any:
        try:
            value = get(root)
        except AttributeError:
            return None
        if value.__class__ in SCALARS:  # most facts: no object to look for
            return value
        return _MISSING if _whole(value) else value

    return read


_CITES = object()
"""Where a case's shared mapping keeps the facts cited, by tuple of signal names."""
_KNOWN = object()
"""Where it keeps the fact read at each path (``None``: not citable)."""


def _cited(a: Assessment, name: str, known: dict[str, Fact | None]) -> tuple[Fact, ...]:
    """The case values one signal was derived from, as facts (each path once).

    ``known`` holds the fact read at each path so far (``None``: not citable), shared by
    the signals of one case: several signals derive from the same fields.
    """
    facts: dict[str, Fact] = {}
    case = a.case
    for path in a.signals[name].paths:
        fact: Any = known.get(path, _MISSING)
        if fact is _MISSING:
            value = reader(path)(case)
            fact = known[path] = None if value is _MISSING else Fact(
                path, value if value.__class__ in SCALARS else cited_value(value))
        if fact is not None:
            facts[path] = fact
    return tuple(facts.values())


def _shared(a: Assessment) -> dict[Any, Any]:
    """Where one case's cited facts are kept: its signal book (a fresh mapping when the
    assessment's book is about another case)."""
    book = a.signals
    return book.derived if book.case is a.case else {}


def cite(a: Assessment, *signals: str) -> tuple[Fact, ...]:
    """The case values the named signals were derived from, as facts (each path once).

    Each signal's facts are read once per case and shared by every principle citing it,
    as is what a call naming several signals gives.
    """
    shared = _shared(a)
    cites: dict[tuple[str, ...], tuple[Fact, ...]] | None = shared.get(_CITES)
    if cites is None:
        cites = shared[_CITES] = {}
        known: dict[str, Fact | None] = {}
        shared[_KNOWN] = known
    cited = cites.get(signals)
    if cited is None:
        cited = _inherited(a, signals)
        if cited is None:
            cited = _merged(a, signals, cites, shared[_KNOWN])
        cites[signals] = cited
    return cited


def _inherited(a: Assessment, signals: tuple[str, ...]) -> tuple[Fact, ...] | None:
    """What the case a completed case was completed from cited for ``signals``, when the
    filled-in fact cannot change it (ADR 0019, point 15); ``None`` otherwise."""
    book = a.signals
    if book.__class__ is not CompletedSignals or book.case is not a.case:
        return None
    parent = book.citing_parent(signals)
    cites = None if parent is None else parent.derived.get(_CITES)
    return None if cites is None else cites.get(signals)


def _merged(a: Assessment, signals: tuple[str, ...],
            cites: dict[tuple[str, ...], tuple[Fact, ...]], known: dict[str, Fact | None]
            ) -> tuple[Fact, ...]:
    """The facts of each named signal, merged in order (each path once)."""
    if len(signals) == 1:
        return _cited(a, signals[0], known)
    seen: dict[str, Fact] = {}
    for name in signals:
        facts = cites.get((name,))
        if facts is None:
            facts = cites[(name,)] = _cited(a, name, known)
        for fact in facts:
            seen.setdefault(fact.path, fact)
    return tuple(seen.values())
