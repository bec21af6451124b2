"""What a case file may use for the ``schema_version`` it declares.

One schema describes every version; fields added in a later version carry
``"x-since": "1.1"`` and keys that became optional carry ``"x-required-in-1.0"``. A file
that declares an older version but uses something newer gets a located issue telling it
to raise its ``schema_version``, so an older reader is never handed a file it would
misread.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def version_issues(data: Any, source: str) -> list[Issue]:
    """Newer fields in a file that declares an older ``schema_version`` (path-located)."""
    if not isinstance(data, dict) or not isinstance(data.get("schema_version"), str):
        return []
    declared = data["schema_version"]
    root = load_schema("case")
    issues: list[Issue] = []

    def walk(value: Any, node: Mapping[str, Any], path: str) -> None:
        node = _resolve(node, root)
        if isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                walk(item, node["items"], paths.child(path, index))
            return
        if not isinstance(value, dict):
            return
        for key in node.get(f"x-required-in-{declared}", ()):
            if key not in value:
                issues.append(_issue(source, paths.child(path, key), declared, Text(
                    "{key!r} may only be left out from schema 1.1 on",
                    "{key!r} mag pas vanaf schema 1.1 worden weggelaten").format(key=key)))
        properties = node.get("properties", {})
        for key, item in value.items():
            spec = properties.get(key)
            if not isinstance(spec, dict):
                continue
            since = spec.get("x-since")
            if isinstance(since, str) and _older(declared, since):
                issues.append(_issue(source, paths.child(path, key), declared, Text(
                    "{key!r} is new in schema {since}",
                    "{key!r} is nieuw in schema {since}").format(key=key, since=since),
                    since))
                continue
            walk(item, spec, paths.child(path, key))

    walk(data, root, "$")
    return issues


def _issue(source: str, path: str, declared: str, message: Text, since: str = "1.1") -> Issue:
    return Issue(file=source, path=path, message=message, hint=Text(
        "this file says schema_version: \"{declared}\"; set schema_version: \"{since}\" to "
        "use it",
        "dit bestand zegt schema_version: \"{declared}\"; zet schema_version: \"{since}\" "
        "om het te gebruiken").format(declared=declared, since=since))
