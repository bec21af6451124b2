"""Deciding a derived fact from partly known inputs: every completion must agree.

A rule over a few closed-domain inputs (a level, a standardisation, a yes/no) is tried
with every value an unknown input could take. When all give the same result, that is
the result; otherwise it is unknown and names the inputs whose answer would change it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import cache
from typing import Any

Rule = Callable[[Mapping[str, Any]], Hashable]


@cache
def _outcomes(rule: Rule, known: tuple[tuple[str, Any], ...],
              unknown: tuple[tuple[str, tuple[Any, ...]], ...]
              ) -> tuple[frozenset[Hashable], tuple[str, ...]]:
    names = [name for name, _ in unknown]
    results: dict[tuple[Any, ...], Hashable] = {}
    for combination in itertools.product(*(domain for _, domain in unknown)):
        results[combination] = rule({**dict(known), **dict(zip(names, combination))})
    matters = []
    for index, name in enumerate(names):
        groups: dict[tuple[Any, ...], set[Hashable]] = {}
        for combination, result in results.items():
            rest = combination[:index] + combination[index + 1:]
            groups.setdefault(rest, set()).add(result)
        if any(len(group) > 1 for group in groups.values()):
            matters.append(name)
    return frozenset(results.values()), tuple(matters)


def settle(rule: Rule, values: Mapping[str, Any],
           domains: Mapping[str, Sequence[Any]]) -> tuple[Hashable | None, tuple[str, ...]]:
    """The rule's result if every completion of the ``None`` inputs agrees, else ``None``.

    Returns ``(result, deciding)``: ``deciding`` names the unknown inputs whose value
    would change the result (empty when the result is settled).
    """
    known = tuple(sorted((k, v) for k, v in values.items() if v is not None))
    unknown = tuple(sorted((k, tuple(domains[k])) for k, v in values.items() if v is None))
    found, matters = _outcomes(rule, known, unknown)
    if len(found) == 1:
        return next(iter(found)), ()
    return None, matters


def either(*values: Any) -> bool | None:
    """Kleene "or" over facts that may be unknown (``None``); a non-empty list is true."""
    if any(v for v in values if v is not None):
        return True
    return None if any(v is None for v in values) else False
