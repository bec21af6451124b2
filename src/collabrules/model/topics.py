"""The topic vocabulary: goal topics compared through shared axes, not only by spelling.

A :class:`TopicAxis` names one thing goals can push (money, effort, pace, ...) and the
words that measure it: ``rising`` words measure it the same way (synonyms: price, cost,
fee), ``falling`` words the other way (discount). A goal's push on its axis is its
direction times its word's sign, so "minimise cost" and "maximise margin" push the money
axis in opposite directions, and "maximise speed" opposes "maximise thoroughness".

The standard plugin registers its axes (``standard/topics.json``) through the
``collabrules_add_topics`` hook, like any plugin that adds axes or words. A topic outside
the vocabulary is its own axis and compares by its own (normalised) name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import attrs

from .records import shared_repr

_RISING, _FALLING = 1, -1


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class TopicAxis:
    """One axis goals push, with the words that measure it either way."""

    id: str
    rising: tuple[str, ...] = ()
    falling: tuple[str, ...] = ()


class TopicRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_topics``."""

    def __call__(self, axis: TopicAxis) -> None: ...


def normalise(topic: str) -> str:
    """A topic as the vocabulary compares it: lower case, single spaces, ``_``/``-`` as spaces."""
    return " ".join(topic.lower().replace("_", " ").replace("-", " ").split())


@attrs.frozen(slots=False)
@shared_repr
class TopicVocabulary:
    """Words to ``(axis, sign)``; built from axes, later axes extending earlier ones."""

    words: Mapping[str, tuple[str, int]]

    @classmethod
    def of(cls, axes: Iterable[TopicAxis]) -> TopicVocabulary:
        """Merge axes; a word claimed by two different axes is an error naming both."""
        words: dict[str, tuple[str, int]] = {}
        for axis in axes:
            for sign, group in ((_RISING, axis.rising), (_FALLING, axis.falling)):
                for word in group:
                    key = normalise(word)
                    known = words.get(key)
                    if known is not None and known != (axis.id, sign):
                        raise ValueError(f"the topic {word!r} is already on the axis "
                                         f"{known[0]!r}; it cannot also be on {axis.id!r}")
                    words[key] = (axis.id, sign)
        return cls(words)

    def place(self, topic: str) -> tuple[str, int]:
        """The axis and sign of a topic: the whole phrase, its singular, or its last word."""
        key = normalise(topic)
        candidates = (key, key.removesuffix("s"), key.rsplit(" ", 1)[-1],
                      key.rsplit(" ", 1)[-1].removesuffix("s"))
        for candidate in candidates:
            found = self.words.get(candidate)
            if found is not None:
                return found
        return key, _RISING


def axis_from_data(data: Mapping[str, Any]) -> TopicAxis:
    """One axis from its JSON form (as in ``standard/topics.json``)."""
    return TopicAxis(id=str(data["id"]), rising=tuple(data.get("rising", ())),
                     falling=tuple(data.get("falling", ())))
