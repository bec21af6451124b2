"""Comparing goals across parties: the same axis, pushed the same or opposite way.

A goal and a departmental target are one concept: a departmental target is a goal with
an ``owner`` (schema 1.1 keeps it among the goals; the ``departmental_targets`` list of
1.0 files is read into the same concept by :func:`party_goals`). Topics are placed on
axes through the topic vocabulary (``collabrules.model.topics``), so "minimise cost" (a
customer) and "maximise margin" (a supplier) are recognised as opposed, and so are two
goals linked by an explicit ``opposes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from ..model.case import Case, Goal, Party
from ..model.records import shared_repr
from ..model.topics import TopicVocabulary
from ..model.vocab import Direction


@attrs.frozen
@shared_repr
class Aim:
    """A goal reduced to an axis and a push (+1 up, -1 down, 0 reach)."""

    party: str
    axis: str
    push: int
    label: str
    path: str


REMEMBERED = 64
"""How many parties' goals and aims are kept, by identity: signals and principles ask for
the same party's many times per case (a party is immutable)."""
_Found = TypeVar("_Found")
_goals: dict[int, tuple[Party, Any, Any]] = {}
_aims: dict[int, tuple[Party, Any, Any]] = {}


def _remembered(table: dict[int, tuple[Party, Any, Any]], party: Party, key: tuple[Any, ...],
                compute: Callable[[], list[_Found]]) -> list[_Found]:
    """``compute()``, kept for ``party`` and ``key`` (a copy each time: callers may extend)."""
    kept = table.get(id(party))  # the entry holds the party, so the id is still its own
    if kept is not None and kept[0] is party and kept[1] == key:
        found: list[_Found] = kept[2]
    else:
        found = compute()
        if len(table) >= REMEMBERED:
            table.clear()
        if REMEMBERED:
            table[id(party)] = (party, key, found)
    return list(found)


def party_goals(party: Party, path: str) -> list[tuple[str, Goal]]:
    """Every goal of a party with its path, departmental targets of 1.0 files included."""
    return _remembered(_goals, party, (path,), lambda: _party_goals(party, path))


def _party_goals(party: Party, path: str) -> list[tuple[str, Goal]]:
    found = [(f"{path}.goals[{i}]", g) for i, g in enumerate(party.goals or ())]
    found += [(f"{path}.departmental_targets[{i}]",
               Goal(topic=t.topic, direction=t.direction, owner=t.department,
                    horizon=t.horizon, target=t.target))
              for i, t in enumerate(party.departmental_targets or ())]
    return found


def goal_label(goal: Goal) -> str:
    """How a goal reads in a finding: ``owner: target`` or its topic."""
    what = goal.target or goal.topic or goal.description or "?"
    return f"{goal.owner}: {what}" if goal.owner else what


def aim_of(topic: str, direction: Direction | None,
           vocabulary: TopicVocabulary) -> tuple[str, int] | None:
    """The axis and push of a topic and direction; ``None`` without a direction."""
    if direction is None:
        return None
    axis, sign = vocabulary.place(topic)
    if direction is Direction.MAXIMISE:
        return axis, sign
    if direction is Direction.MINIMISE:
        return axis, -sign
    return axis, 0


def aims(party: Party, path: str, vocabulary: TopicVocabulary) -> list[Aim]:
    """Every goal of a party that has a topic and a direction."""
    return _remembered(_aims, party, (path, vocabulary),
                       lambda: _aims_of(party, path, vocabulary))


def _aims_of(party: Party, path: str, vocabulary: TopicVocabulary) -> list[Aim]:
    found: list[Aim] = []
    for where, goal in party_goals(party, path):
        if goal.topic is None:
            continue
        aim = aim_of(goal.topic, goal.direction, vocabulary)
        if aim is not None:
            found.append(Aim(party.id, aim[0], aim[1], goal_label(goal), where))
    return found


def undecided_goals(case: Case, parties: Iterable[Party] | None = None) -> list[str]:
    """Paths that would place a goal on an axis: a topic or direction left out.

    A goal is left out of the comparison only when it is not known where it pushes;
    that makes every comparison it could change unknown, never "no conflict".
    """
    found = []
    for party in case.parties if parties is None else parties:
        for where, goal in party_goals(party, case.path_of(party)):
            found += [f"{where}.topic"] if goal.topic is None else []
            found += [f"{where}.direction"] if goal.direction is None else []
    return found


def opposed(a: Aim, b: Aim) -> bool:
    """Two aims push the same axis in opposite directions."""
    return a.axis == b.axis and a.push * b.push < 0


def shared(a: Aim, b: Aim) -> bool:
    """Two aims push the same axis the same way (or both aim to reach it)."""
    return a.axis == b.axis and a.push == b.push


def pushes_by_axis(found: Iterable[Aim]) -> dict[str, list[Aim]]:
    """One aim per distinct (axis, push), grouped by axis: enough to decide any match."""
    grouped: dict[str, dict[int, Aim]] = {}
    for aim in found:
        grouped.setdefault(aim.axis, {}).setdefault(aim.push, aim)
    return {axis: list(by_push.values()) for axis, by_push in grouped.items()}


def explicit_oppositions(case: Case) -> list[tuple[str, str, str]]:
    """Goals linked by ``opposes``: ``(own goal label, their goal label, path)`` pairs.

    Only links between the perspective party and another party count; a link names the
    other goal by its ``id``.
    """
    own_path = case.path_of(case.own)
    mine = {g.id: (p, g) for p, g in party_goals(case.own, own_path) if g.id}
    theirs = {g.id: (p, g) for o in case.others
              for p, g in party_goals(o, case.path_of(o)) if g.id}
    pairs = []
    for left, right in ((mine, theirs), (theirs, mine)):
        for path, goal in left.values():
            for other in goal.opposes or ():
                if other in right:
                    ours, their = (goal, right[other][1]) if left is mine \
                        else (right[other][1], goal)
                    pairs.append((goal_label(ours), goal_label(their), f"{path}.opposes"))
    return pairs


COMMERCIAL_AXES = ("money", "effort")
"""The axes of the ordinary commercial opposition of customer and supplier."""


def core_conflicts(case: Case, vocabulary: TopicVocabulary) -> dict[str, Goal]:
    """Goals of the perspective party and of the others that work against each other
    outside the commercial opposition, by path: opposed on an axis other than money or
    effort, or linked by ``opposes`` unless both linked goals are commercial.

    Linear in the number of goals, like :func:`pushes_by_axis`.
    """
    own_path = case.path_of(case.own)
    mine = [a for a in aims(case.own, own_path, vocabulary) if a.axis not in COMMERCIAL_AXES]
    theirs = [a for p in case.others for a in aims(p, case.path_of(p), vocabulary)
              if a.axis not in COMMERCIAL_AXES]
    goals = {where: goal for p in case.parties
             for where, goal in party_goals(p, case.path_of(p))}
    found: dict[str, Goal] = {}
    for side, other in ((mine, pushes_by_axis(theirs)), (theirs, pushes_by_axis(mine))):
        found |= {a.path: goals[a.path] for a in side
                  if any(opposed(a, b) for b in other.get(a.axis, ()))}
    axis = {a.path: a.axis for p in case.parties
            for a in aims(p, case.path_of(p), vocabulary)}
    ours = {g.id: where for where, g in party_goals(case.own, own_path) if g.id}
    others = {g.id: where for o in case.others for where, g in party_goals(o, case.path_of(o))
              if g.id}
    for left, right in ((ours, others), (others, ours)):
        for where in left.values():
            for linked in goals[where].opposes or ():
                if linked in right and not (axis.get(where) in COMMERCIAL_AXES
                                            and axis.get(right[linked]) in COMMERCIAL_AXES):
                    found |= {where: goals[where], right[linked]: goals[right[linked]]}
    return found
