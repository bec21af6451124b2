"""What a signal reads: the case fields and other signals its value is derived from.

A signal's compute function may declare them with :func:`reads`. The engine then knows
that a completed case whose filled-in fact is none of them has the same value for the
signal as the case it was completed from, and takes it from there instead of computing
it again (docs/decisions/0019-engine-hot-path.md). A signal without a declaration is
computed again for every completed case. A principle's assess function may declare the
same way what it reads itself and the signals it reads (``pipeline/verdict_reuse.py``).

Fields are named by their path without list indices (``$.parties[].attitude``): a field
read for one list item counts for every item. A field covers what lies below it
(``$.relationship.resistance`` is every resistance item's every field). Creating an
object on the way to a filled-in fact changes no field a signal reads unless the signal
names that object. ``tests/core/test_signal_reads.py`` fills in, one at a time, every
fact a completion could fill in, and changes at random every optional closed-domain fact
a signal does not read; each signal not reading what changed must keep its value, so a
declaration that leaves out a field the signal reads fails it (on the cases the test
covers: the examples, the casebook and generated cases).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import TypeVar

import attrs

from .records import shared_repr

C = TypeVar("C", bound=Callable[..., object])

_STEP = re.compile(r"[^.\[\]]+|\[\]")
_INDEX = re.compile(r"\[\d+\]")


def field_steps(path: str) -> tuple[str, ...]:
    """``$.parties[1].goals[0].topic`` -> ``("parties", "[]", "goals", "[]", "topic")``."""
    rest = path[2:] if path.startswith("$.") else path
    return tuple(_STEP.findall(_INDEX.sub("[]", rest)))


@attrs.frozen(slots=False)
@shared_repr
class Reads:
    """The case fields (as :func:`field_steps`) and signals (by name) a signal reads."""

    fields: tuple[tuple[str, ...], ...]
    signals: tuple[str, ...] = ()


# weak: engines make compute functions of their own (the topic vocabulary, the questionnaire)
_DECLARED: weakref.WeakKeyDictionary[Callable[..., object], Reads] = weakref.WeakKeyDictionary()


def reads(*fields: str, signals: tuple[str, ...] = ()) -> Callable[[C], C]:
    """Declare what a signal's compute function reads: case fields and other signals.

    ``@reads("$.parties[].role", "$.delivery.risk", signals=("goal_alignment",))``.
    Fields are paths without list indices; a field covers what lies below it. A
    completed case of the completion rule whose filled-in fact is none of them takes
    the signal's value from the case it was completed from. Without a declaration the
    signal is computed again for every completed case; ``@reads()`` says the value is
    the same for every case. Leave out nothing the function reads.
    """
    declared = Reads(tuple(field_steps(f) for f in fields), tuple(signals))

    def declare(compute: C) -> C:
        _DECLARED[compute] = declared
        return compute

    return declare


def declared_reads(compute: Callable[..., object]) -> Reads | None:
    """What ``compute`` declared it reads, or ``None`` when it declared nothing."""
    return _DECLARED.get(compute)


def touches(read: tuple[str, ...], filled: tuple[str, ...]) -> bool:
    """Whether filling in ``filled`` can change the field ``read``: one lies within the other."""
    shorter = min(len(read), len(filled))
    return read[:shorter] == filled[:shorter]
