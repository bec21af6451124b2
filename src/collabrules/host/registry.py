"""Collecting what plugins register: principles, signals and models, with their owners.

Duplicates are resolved deterministically (whatever the registration order) and every
conflict becomes a :class:`~collabrules.model.report.Problem` naming the plugins involved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import attrs

from ..model.models import CollaborationModel
from ..model.principle import Principle
from ..model.problems import Problem, ProblemKind
from ..model.records import shared_repr
from ..model.signals import Signal


class PrincipleRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_principles``."""

    def __call__(self, principle: Principle) -> None: ...


class SignalRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_signals``."""

    def __call__(self, signal: Signal, *, replaces: bool = False) -> None: ...


class ModelRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_models``."""

    def __call__(self, model: CollaborationModel, *, replaces: bool = False) -> None: ...


@attrs.frozen(slots=False)
@shared_repr
class Owned:
    """Something a plugin registered, with the plugin's name and how it asked."""

    item: object
    plugin: str
    replaces: bool = False


Describe = Callable[[str], str]


def resolve_principles(
    entries: list[tuple[Principle, str]], describe: Describe
) -> tuple[dict[str, tuple[Principle, str]], list[Problem]]:
    """Pick one principle per code: explicit replacements win, other duplicates are errors."""
    problems: list[Problem] = []
    ordered = sorted(entries, key=lambda e: (e[0].code, e[1]))
    replacements: dict[str, tuple[Principle, str]] = {}
    for principle, plugin in ordered:
        target = principle.replaces
        if not target:
            continue
        if target in replacements:
            first = replacements[target]
            problems.append(Problem.duplicate(
                "principle", target, first[1], plugin, describe, replacing=True))
            continue
        replacements[target] = (principle, plugin)
    chosen: dict[str, tuple[Principle, str]] = {}
    for principle, plugin in ordered:
        if principle.replaces and replacements.get(principle.replaces) != (principle, plugin):
            continue  # the losing side of a double replacement
        replaced_by = replacements.get(principle.code)
        if replaced_by is not None and replaced_by != (principle, plugin):
            continue  # replaced, possibly by a replacement of a replacement
        if principle.code in chosen:
            problems.append(Problem.duplicate(
                "principle", principle.code, chosen[principle.code][1], plugin, describe))
            continue
        chosen[principle.code] = (principle, plugin)
    for target, (principle, plugin) in replacements.items():
        if not any(p.code == target for p, owner in entries if (p, owner) != (principle, plugin)):
            problems.append(Problem(
                kind=ProblemKind.NOTHING_TO_REPLACE, plugin=plugin, code=principle.code,
                detail=target, origin=describe(plugin)))
    problems.extend(_cycles(replacements, describe))
    return dict(sorted(chosen.items())), problems


def _cycles(replacements: dict[str, tuple[Principle, str]], describe: Describe) -> list[Problem]:
    """Replacements that replace each other in a circle (each circle reported once)."""
    found: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(replacements):
        chain = [start]
        code = replacements[start][0].code
        if code == start:  # a principle that replaces its own code: an ordinary override
            continue
        while code in replacements and code not in chain:
            chain.append(code)
            code = replacements[code][0].code
        if code != start or start in reported:
            continue
        reported.update(chain)
        principle, plugin = replacements[start]
        found.append(Problem(kind=ProblemKind.REPLACE_CYCLE, plugin=plugin,
                             origin=describe(plugin), code=principle.code,
                             detail=" -> ".join([*chain, start])))
    return found


def resolve_named(
    kind: str, entries: list[Owned], name_of: Callable[[object], str], describe: Describe
) -> tuple[dict[str, Owned], list[Problem]]:
    """Pick one signal or model per name: ``replaces=True`` wins, other duplicates are errors."""
    problems: list[Problem] = []
    chosen: dict[str, Owned] = {}
    for entry in sorted(entries, key=lambda e: (name_of(e.item), e.replaces, e.plugin)):
        name = name_of(entry.item)
        if name in chosen and not entry.replaces:
            problems.append(Problem.duplicate(kind, name, chosen[name].plugin, entry.plugin,
                                              describe))
            continue
        if name in chosen and chosen[name].replaces:
            problems.append(Problem.duplicate(kind, name, chosen[name].plugin, entry.plugin,
                                              describe, replacing=True))
            continue
        chosen[name] = entry
    return dict(sorted(chosen.items())), problems
