"""A principle's verdict on a completed case, reused for completions that agree on its inputs.

A principle whose assess function declares what it reads
(:func:`collabrules.model.signal_reads.reads`: the case fields it reads itself and the
signals it reads) gives the same verdict on two completions of one case that agree on
those fields, on those signals' values, and on which of the facts the signals cite are
filled in (a cited fact left out names itself as missing). Completions often differ only
in a fact that reaches the principle through a signal whose value it does not change (a
risk of low or of medium asks for the same depth): such a verdict is assessed once.
A principle without a declaration is assessed for every completion.
``tests/core/test_principle_reads.py`` keeps the declarations honest.
See docs/decisions/0019-engine-hot-path.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Generic, TypeVar

from ..model.signal_reads import declared_reads, field_steps, touches
from ..model.signals import SignalBook, SignalValue

V = TypeVar("V")
Fields = frozenset[tuple[str, ...]]
Key = tuple[frozenset[tuple[str, Any]], frozenset[str]]


class VerdictReuse(Generic[V]):
    """One principle's verdicts on the completed cases of one case."""

    __slots__ = ("_fields", "_known", "_signals")

    def __init__(self, fields: Fields, signals: tuple[str, ...]) -> None:
        self._fields = fields
        self._signals = signals
        self._known: dict[Key, list[tuple[tuple[SignalValue, ...], V]]] = {}

    @classmethod
    def of(cls, *functions: Callable[..., object]) -> VerdictReuse[V] | None:
        """For a principle's assess function (or the implementations of a hook, which
        together give the verdict), if every one declares what it reads."""
        fields: set[tuple[str, ...]] = set()
        signals: dict[str, None] = {}
        for function in functions:
            try:
                declared = declared_reads(function)
            except TypeError:  # not weakly referable: cannot have been declared
                return None
            if declared is None:
                return None
            fields.update(declared.fields)
            signals.update(dict.fromkeys(declared.signals))
        return cls(frozenset(fields), tuple(signals)) if functions else None

    def verdict(self, when: tuple[tuple[str, Any], ...], book: SignalBook,
                assess: Callable[[], V]) -> V:
        """The verdict on the completion ``when`` (its signals in ``book``): one found
        before for a completion that agrees on what the principle reads, or ``assess()``."""
        try:
            values = tuple([book[name] for name in self._signals])
        except Exception:  # a signal that fails: the principle reports it, if it reads it
            return assess()
        direct = frozenset([pair for pair in when if _reaches(self._fields, pair[0])])
        paths = {path for value in values for path in value.paths}
        cited = frozenset([path for path, _ in when
                           if not paths.isdisjoint(_holders(path))])
        seen = self._known.setdefault((direct, cited), [])
        for inputs, found in seen:
            if inputs == values:
                return found
        found = assess()
        seen.append((values, found))
        return found


@lru_cache(maxsize=4096)
def _reaches(fields: Fields, filled: str) -> bool:
    """Whether filling in the fact at ``filled`` can change one of ``fields``."""
    steps = field_steps(filled)
    return any(touches(read, steps) for read in fields)


@lru_cache(maxsize=4096)
def _holders(filled: str) -> frozenset[str]:
    """The path ``filled`` and the paths of the objects and lists holding it: a fact cited
    at one of them is, or holds, the filled-in fact."""
    return frozenset([filled, *(filled[:i] for i, c in enumerate(filled) if c in ".[")])
