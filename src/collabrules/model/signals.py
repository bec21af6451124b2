"""Signals: named facts derived from a case, computed at most once per case and shared."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

from .case import Case
from .records import shared_repr
from .text import SCALARS, Text
from .vocab import Vocabulary


@attrs.frozen
@shared_repr
class SignalValue:
    """A signal's value for one case and the case paths it was derived from.

    ``value`` is ``None`` when the case lacks the facts to derive it (unknown); then
    ``missing`` lists the paths that would decide it.
    """

    value: Any
    paths: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def plain(self) -> Any:
        """The value as plain data (see :func:`plain`)."""
        return plain(self.value)

    @property
    def known(self) -> bool:
        """Whether the case had the facts to derive this signal."""
        return self.value is not None


_UNSEEN = object()
_FIELD_NAMES: dict[type, Any] = {}
"""Per type of value met: its attrs field names in order, or ``None`` (not an attrs class)."""


def plain(value: Any) -> Any:
    """A signal value as plain data: what reports show and expressions read.

    Enum members become their values, attrs objects mappings of their fields (in field
    order), tuples, lists and sets lists; anything else is returned as it is.
    """
    kind = type(value)
    if kind in SCALARS:
        return value
    if isinstance(value, Enum):
        return value.value
    names = _FIELD_NAMES.get(kind, _UNSEEN)
    if names is _UNSEEN:
        names = _FIELD_NAMES[kind] = (tuple(f.name for f in attrs.fields(kind))
                                      if attrs.has(kind) else None)
    # scalars inline: most fields and items are text or numbers (no call for each)
    if names is not None:
        return {name: v if (v := getattr(value, name)).__class__ in SCALARS else plain(v)
                for name in names}
    if isinstance(value, Mapping):
        return {k: v if v.__class__ in SCALARS else plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, set, frozenset)):
        return [v if v.__class__ in SCALARS else plain(v) for v in value]
    return value


def cited_value(value: Any) -> Any:
    """A case or signal value as a report cites it (a ``Fact``'s or ``SignalUse``'s value).

    :func:`plain` data, except that a labelled value (a vocabulary member, or any object
    with a ``label``) is reduced to its ``value``; tuples become lists item by item.
    Scalars and vocabulary members, most cited values, are answered first without attribute
    lookups (``tests/perf/test_fast_paths.py`` holds this to the straightforward form).
    """
    kind = type(value)
    if kind in SCALARS:  # the common cases first: no attribute lookups
        return value
    if isinstance(value, tuple):
        return [cited_value(v) for v in value]
    if isinstance(value, Vocabulary):
        return value._value_  # what ``.value`` returns, without the descriptor
    return getattr(value, "value", value) if hasattr(value, "label") else plain(value)


Compute = Callable[[Case, "SignalBook"], SignalValue]


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Signal:
    """The definition of a signal: its name, meaning and how it is computed."""

    name: str
    description: Text
    compute: Compute = attrs.field(eq=False, repr=False)


class SignalError(Exception):
    """A signal's computation failed or it names a signal nobody registered."""

    def __init__(self, name: str, cause: BaseException | None = None) -> None:
        super().__init__(name)
        self.name = name
        self.cause = cause


class SignalBook(dict[str, SignalValue]):
    """The signals of one case: each computed on first use, then remembered.

    A signal computed once is read by the mapping's own lookup (no Python call: a case
    reads its signals about a hundred times; ADR 0019, point 14); a name not computed yet
    goes to :meth:`__missing__`. Compare books by identity, not as mappings.

    :attr:`derived` holds what is read from the signals once per case and shared by
    every principle that asks again (the facts a signal cites, its plain value), keyed by
    whoever derives it.
    """

    __slots__ = ("_case", "_definitions", "derived")

    def __init__(self, case: Case, definitions: Mapping[str, Signal]) -> None:
        super().__init__()
        self._case = case
        self._definitions = definitions
        self.derived: dict[Any, Any] = {}

    @property
    def case(self) -> Case:
        """The case these signals are about."""
        return self._case

    def __missing__(self, name: str) -> SignalValue:
        definition = self._definitions.get(name)
        if definition is None:
            raise SignalError(name)
        try:
            value = definition.compute(self._case, self)
        except SignalError:
            raise
        except Exception as exc:
            raise SignalError(name, exc) from exc
        self[name] = value
        return value

    __hash__ = object.__hash__  # type: ignore[assignment]
    __eq__ = object.__eq__
    __ne__ = object.__ne__

    def __bool__(self) -> bool:
        return True

    def computed(self) -> dict[str, SignalValue]:
        """The signals computed so far, by name."""
        return dict(self)
