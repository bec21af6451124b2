"""Goal ids are unique in a case, and an ``opposes`` link names an existing goal."""

from __future__ import annotations

from typing import Any

from ..model.errors import Issue
from ..model.text import Text
from .validation import did_you_mean


def _goals(data: Any) -> list[tuple[str, dict[str, Any]]]:
    parties = data.get("parties") if isinstance(data, dict) else None
    found = []
    for p, party in enumerate(parties if isinstance(parties, list) else ()):
        goals = party.get("goals") if isinstance(party, dict) else None
        for g, goal in enumerate(goals if isinstance(goals, list) else ()):
            if isinstance(goal, dict):
                found.append((f"$.parties[{p}].goals[{g}]", goal))
    return found


def goal_link_issues(data: Any, source: str) -> list[Issue]:
    """Duplicate goal ids and ``opposes`` links to goals that do not exist."""
    issues: list[Issue] = []
    ids: dict[str, str] = {}
    goals = _goals(data)
    for path, goal in goals:
        gid = goal.get("id")
        if not isinstance(gid, str):
            continue
        if gid in ids:
            issues.append(Issue(
                file=source, path=f"{path}.id",
                message=Text("the goal id {id!r} is already used by {first}",
                             "het doel-id {id!r} wordt al gebruikt door {first}").format(
                    id=gid, first=ids[gid]),
                hint=Text("give every goal its own id", "geef elk doel een eigen id")))
        else:
            ids[gid] = path
    for path, goal in goals:
        links = goal.get("opposes")
        for index, other in enumerate(links if isinstance(links, list) else ()):
            if isinstance(other, str) and other not in ids:
                issues.append(Issue(
                    file=source, path=f"{path}.opposes[{index}]",
                    message=Text("no goal has the id {id!r}",
                                 "geen doel heeft het id {id!r}").format(id=other),
                    hint=did_you_mean(other, sorted(ids)) or Text(
                        "give the opposed goal an 'id' and name it here",
                        "geef het tegengestelde doel een 'id' en noem dat hier")))
    return issues
