"""Comparing goals across parties: the same topic, pushed the same or opposite way.

Commercial topics are put on one axis so that "minimise price" (a customer) and
"maximise margin" (a supplier) are recognised as opposed: both are about who keeps the
money. The table is ours to extend; topics outside it compare by their own name.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..case import Case, DepartmentalTarget, Goal, Party
from ..vocab import Direction

# topic -> (axis, sign): "maximise discount" pushes the money axis the other way.
_AXES: dict[str, tuple[str, int]] = {
    "price": ("money", 1), "prices": ("money", 1), "cost": ("money", 1),
    "costs": ("money", 1), "fee": ("money", 1), "fees": ("money", 1),
    "rate": ("money", 1), "rates": ("money", 1), "revenue": ("money", 1),
    "margin": ("money", 1), "margins": ("money", 1), "profit": ("money", 1),
    "discount": ("money", -1), "discounts": ("money", -1),
    "effort": ("effort", 1), "scope": ("effort", 1), "extras": ("effort", 1),
}


@attrs.frozen
class Aim:
    """A goal or departmental target reduced to an axis and a push (+1 up, -1 down, 0 reach)."""

    party: str
    axis: str
    push: int
    label: str
    path: str


def aim_of(topic: str, direction: Direction | None) -> tuple[str, int] | None:
    """The axis and push of a topic and direction; ``None`` without a direction."""
    if direction is None:
        return None
    key = topic.strip().lower()
    axis, sign = _AXES.get(key, (key, 1))
    if direction is Direction.MAXIMISE:
        return axis, sign
    if direction is Direction.MINIMISE:
        return axis, -sign
    return axis, 0


def aims(party: Party, path: str) -> list[Aim]:
    """Every goal and departmental target of a party that has a direction."""
    found: list[Aim] = []
    items: Iterable[tuple[str, Goal | DepartmentalTarget]] = [
        (f"{path}.goals[{i}]", g) for i, g in enumerate(party.goals or ())
    ] + [(f"{path}.departmental_targets[{i}]", t)
         for i, t in enumerate(party.departmental_targets or ())]
    for where, item in items:
        if item.topic is None:
            continue
        aim = aim_of(item.topic, item.direction)
        if aim is not None:
            found.append(Aim(party.id, aim[0], aim[1], item.topic, where))
    return found


def opposed(a: Aim, b: Aim) -> bool:
    """Two aims push the same axis in opposite directions."""
    return a.axis == b.axis and a.push * b.push < 0


def shared(a: Aim, b: Aim) -> bool:
    """Two aims push the same axis the same way (or both aim to reach it)."""
    return a.axis == b.axis and a.push == b.push


def undirected_goals(case: Case) -> list[str]:
    """Paths of goals whose direction is left out: their alignment is unknown."""
    return [f"{case.path_of(p)}.goals[{i}].direction"
            for p in case.parties for i, g in enumerate(p.goals or ()) if g.direction is None]


def pushes_by_axis(found: Iterable[Aim]) -> dict[str, list[Aim]]:
    """One aim per distinct (axis, push), grouped by axis: enough to decide any match."""
    grouped: dict[str, dict[int, Aim]] = {}
    for aim in found:
        grouped.setdefault(aim.axis, {}).setdefault(aim.push, aim)
    return {axis: list(by_push.values()) for axis, by_push in grouped.items()}
