"""What a case file may use for the ``schema_version`` it declares.

One schema describes every version; fields added in a later version carry
``"x-since": "1.1"`` and keys that became optional carry ``"x-required-in-1.0"``. A file
that declares an older version but uses something newer gets a located issue telling it
to raise its ``schema_version``, so an older reader is never handed a file it would
misread.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from ..model import paths
from ..model.errors import Issue
from ..model.text import Text
from .schemas import load_schema

_ORDER = ("1.0", "1.1", "1.2")


def _older(version: str, than: str) -> bool:
    return version in _ORDER and than in _ORDER and _ORDER.index(version) < _ORDER.index(than)


def _resolve(node: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        resolved: Mapping[str, Any] = root["$defs"][ref.rsplit("/", 1)[1]]
        return resolved
    return node


class _Node:
    """A schema node compiled for one declared version: what the walk checks there."""

    __slots__ = ("items", "members", "quiet", "required")

    def __init__(self) -> None:
        self.items: _Node | None = None
        self.required: tuple[str, ...] = ()
        self.members: dict[str, tuple[str | None, _Node]] = {}
        """Per property: the version it is new in (when newer than declared), its node."""
        self.quiet = False
        """Nothing at or below this node can give an issue (no key newer than declared, none
        required): the walk does not go in."""

    def children(self) -> list[_Node]:
        """The nodes directly below this one."""
        below = [child for _, child in self.members.values()]
        return below if self.items is None else [*below, self.items]


@cache
def _compiled(declared: str) -> _Node:
    """The case schema compiled once per declared version (``$ref`` resolved, cycles kept)."""
    root = load_schema("case")
    made: dict[int, _Node] = {}

    def compile_node(raw: Mapping[str, Any]) -> _Node:
        node = _resolve(raw, root)
        if id(node) in made:
            return made[id(node)]
        made[id(node)] = compiled = _Node()
        items = node.get("items")
        compiled.items = compile_node(items) if isinstance(items, dict) else None
        compiled.required = tuple(node.get(f"x-required-in-{declared}", ()))
        for key, spec in node.get("properties", {}).items():
            if isinstance(spec, dict):
                since = spec.get("x-since")
                newer = since if isinstance(since, str) and _older(declared, since) else None
                compiled.members[key] = newer, compile_node(spec)
        return compiled

    compiled = compile_node(root)
    # a node is loud when it requires a key or has a newer one, or a node below it is loud
    # (repeated until nothing changes: the schema has cycles)
    loud = {id(n) for n in made.values() if n.required or any(
        newer is not None for newer, _ in n.members.values())}
    changed = True
    while changed:
        changed = False
        for node in made.values():
            if id(node) not in loud and any(id(c) in loud for c in node.children()):
                loud.add(id(node))
                changed = True
    for node in made.values():
        node.quiet = id(node) not in loud
    return compiled


@lru_cache(maxsize=4096)
def admits(declared: str, path: str) -> bool:
    """Whether a file declaring ``declared`` may hold a value at ``path``.

    ``False`` when a key on the way is newer than ``declared``: every document with a value
    there has a version issue (:func:`version_issues`). ``True`` otherwise, also where the
    schema does not describe the path (the full check then decides).
    """
    node = _compiled(declared)
    for step in paths.steps(path):
        if isinstance(step, int):
            if node.items is None:
                return True
            node = node.items
            continue
        member = node.members.get(step)
        if member is None:
            return True
        newer, node = member
        if newer is not None:
            return False
    return True


def _path(where: Any) -> str:
    keys: list[str | int] = []
    while where is not None:
        where, key = where
        keys.append(key)
    return paths.join(reversed(keys))


def version_issues(data: Any, source: str, along: str | None = None) -> list[Issue]:
    """Newer fields in a file that declares an older ``schema_version`` (path-located).

    ``along`` limits the walk to the objects on that path: for a document that differs
    from one without issues only by a value filled in there (objects created on the way),
    these are all its issues (the completion rule's completed cases).
    """
    if not isinstance(data, dict) or not isinstance(data.get("schema_version"), str):
        return []
    declared = data["schema_version"]
    issues: list[Issue] = []
    only = None if along is None else paths.steps(along)

    def followed(value: dict[str, Any] | list[Any], depth: int) -> Iterable[tuple[Any, Any]]:
        """The members or items the walk goes into: all, or the one on the path."""
        if only is None:
            return value.items() if isinstance(value, dict) else enumerate(value)
        key = only[depth] if depth < len(only) else None
        if isinstance(value, dict):
            return ((key, value[key]),) if key in value else ()
        return ((key, value[key]),) if isinstance(key, int) and key < len(value) else ()

    # ``where`` is (parent where, key): a path is written only for an issue
    def walk(value: Any, node: _Node, where: Any, depth: int) -> None:
        if node.quiet:
            return
        if node.items is not None and isinstance(value, list):
            for index, item in followed(value, depth):
                walk(item, node.items, (where, index), depth + 1)
            return
        if not isinstance(value, dict):
            return
        for key in node.required:
            if key not in value:
                issues.append(_issue(source, _path((where, key)), declared, Text(
                    "{key!r} may only be left out from schema 1.1 on",
                    "{key!r} mag pas vanaf schema 1.1 worden weggelaten").format(key=key)))
        members = node.members
        for key, item in followed(value, depth):
            member = members.get(key)
            if member is None:
                continue
            newer, child = member
            if newer is not None:
                issues.append(_issue(source, _path((where, key)), declared, Text(
                    "{key!r} is new in schema {since}",
                    "{key!r} is nieuw in schema {since}").format(key=key, since=newer),
                    newer))
                continue
            walk(item, child, (where, key), depth + 1)

    walk(data, _compiled(declared), None, 0)
    return issues


def _issue(source: str, path: str, declared: str, message: Text, since: str = "1.1") -> Issue:
    return Issue(file=source, path=path, message=message, hint=Text(
        "this file says schema_version: \"{declared}\"; set schema_version: \"{since}\" to "
        "use it",
        "dit bestand zegt schema_version: \"{declared}\"; zet schema_version: \"{since}\" "
        "om het te gebruiken").format(declared=declared, since=since))
