"""Signals of a completed case taken from the case it was completed from, where unchanged.

A completed case differs from its parent by one filled-in fact. A signal that declares
what it reads (:func:`collabrules.model.signal_reads.reads`), directly and through the
signals it reads, and does not read that fact has the parent's value: the completed
case's :class:`CompletedSignals` asks the parent's book for it (computing it there once,
for every completion of the parent). Undeclared signals, and those reading one, are
computed again. See docs/decisions/0019-engine-hot-path.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import cast

import attrs

from ..model.case import Case
from ..model.paths import within
from ..model.records import shared_repr
from ..model.signal_reads import declared_reads, field_steps, touches
from ..model.signals import Signal, SignalBook, SignalValue

Fields = frozenset[tuple[str, ...]]
_REMEMBERED = 4096


class CompletedSignals(SignalBook):
    """The signals of a completed case. Its definitions compute the signals a filled-in
    fact leaves unchanged as :class:`FromParent`: the value in ``parent``'s book (a plain
    book's lookup then serves every later use)."""

    __slots__ = ("filled", "parent")

    def __init__(self, case: Case, definitions: Mapping[str, Signal],
                 parent: SignalBook, filled: str = "") -> None:
        super().__init__(case, definitions)
        self.parent = parent
        self.filled = filled

    def citing_parent(self, names: tuple[str, ...]) -> SignalBook | None:
        """The parent's book, when every named signal is taken from it and none was derived
        from a path at, inside or around the filled-in fact: what those signals cite reads
        the same there (``None`` otherwise)."""
        definitions = self._definitions
        parent = self.parent
        filled = self.filled
        for name in names:
            signal = definitions.get(name)
            value = parent.get(name)  # not computed there: nothing cited there either
            if signal is None or signal.compute.__class__ is not FromParent or value is None:
                return None
            for path in value.paths:
                if _touch(path, filled):
                    return None
        return parent


@attrs.frozen
@shared_repr
class FromParent:
    """The compute function of a signal a completed case shares with its parent."""

    name: str

    def __call__(self, case: Case, book: SignalBook) -> SignalValue:
        return cast(CompletedSignals, book).parent[self.name]


class SignalReuse:
    """For one engine's signals: which of them a filled-in fact leaves unchanged."""

    def __init__(self, definitions: Mapping[str, Signal]) -> None:
        self._definitions = definitions
        closures: dict[str, Fields | None] = {}
        for name in definitions:
            _closure(name, definitions, closures, ())
        self._reads = {name: fields for name, fields in closures.items() if fields is not None}
        self._unchanged: dict[str, frozenset[str]] = {}
        self._shared: dict[frozenset[str], dict[str, Signal]] = {}
        self._taken = {name: attrs.evolve(signal, compute=FromParent(name))
                       for name, signal in definitions.items()}

    def reads(self, name: str) -> Fields | None:
        """Every case field signal ``name`` reads, through other signals too (``None``:
        not declared)."""
        return self._reads.get(name)

    def unchanged(self, filled: str) -> frozenset[str]:
        """The signals whose value filling in the fact at path ``filled`` cannot change."""
        found = self._unchanged.get(filled)
        if found is None:
            if len(self._unchanged) >= _REMEMBERED:  # paths with list indexes are many
                self._unchanged.clear()
            steps = field_steps(filled)
            found = frozenset(name for name, fields in self._reads.items()
                              if not any(touches(read, steps) for read in fields))
            self._unchanged[filled] = found
        return found

    def book(self, case: Case, parent: SignalBook | None, filled: str | None) -> SignalBook:
        """The signal book of ``case``: ``parent``'s with the fact at ``filled`` filled in,
        or a case of its own (``filled`` or ``parent`` ``None``)."""
        if parent is None or filled is None:
            return SignalBook(case, self._definitions)
        return CompletedSignals(case, self._sharing(self.unchanged(filled)), parent, filled)

    def _sharing(self, shared: frozenset[str]) -> Mapping[str, Signal]:
        """The definitions with the signals in ``shared`` taken from the parent's book."""
        found = self._shared.get(shared)
        if found is None:
            if len(self._shared) >= _REMEMBERED:
                self._shared.clear()
            found = self._shared[shared] = {
                name: self._taken[name] if name in shared else signal
                for name, signal in self._definitions.items()}
        return found


@lru_cache(maxsize=_REMEMBERED)
def _touch(path: str, filled: str) -> bool:
    """Whether the value at ``path`` can differ once ``filled`` is filled in: the same
    path, or one holds the other."""
    return within(path, filled) or within(filled, path)


def _closure(name: str, definitions: Mapping[str, Signal],
             done: dict[str, Fields | None], visiting: tuple[str, ...]) -> Fields | None:
    """The fields ``name`` reads, its signals' included; ``None`` if any is undeclared."""
    if name in done:
        return done[name]
    signal = definitions.get(name)
    declared = declared_reads(signal.compute) if signal is not None else None
    fields: Fields | None = None
    if declared is not None and name not in visiting:
        found = set(declared.fields)
        for other in declared.signals:
            more = _closure(other, definitions, done, (*visiting, name))
            if more is None:
                break
            found |= more
        else:
            fields = frozenset(found)
    done[name] = fields
    return fields
