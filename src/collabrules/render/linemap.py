"""The line of each JSON path in a case file's text, to place findings in it.

Reports keep JSON paths, not lines. These maps are built again from the text, quickly: a
token scanner for JSON (whose parser keeps no positions) and libyaml's composer for YAML
(the loader's own pass costs about twenty times more). The text was accepted by the
loader before; on anything unexpected a partial or empty map is returned.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ..model.paths import child

_TOKEN = re.compile(r'\s*("(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+)', re.DOTALL)


def json_lines(text: str) -> dict[str, int]:
    """``{"$": 1, "$.parties": 3, "$.parties[0].id": 4, ...}`` for a JSON text."""
    lines: dict[str, int] = {}
    stack: list[tuple[str, str, int]] = []  # (kind, path, next index) of open containers
    key: str | None = None
    position, line = 0, 1
    path = "$"
    while True:
        found = _TOKEN.match(text, position)
        if found is None:
            return lines
        line += text.count("\n", position, found.start(1))
        token = found.group(1)
        position = found.end()
        line_of_token = line
        line += token.count("\n")
        if token in ",:":
            continue
        if token in "}]":
            if not stack:
                return lines
            stack.pop()
            continue
        if stack and stack[-1][0] == "object" and key is None:
            try:
                key = json.loads(token)
            except ValueError:
                return lines
            continue
        if stack:
            kind, parent, index = stack[-1]
            if kind == "object":
                path = child(parent, str(key))
                key = None
            else:
                path = child(parent, index)
                stack[-1] = (kind, parent, index + 1)
        else:
            path = "$"
        lines.setdefault(path, line_of_token)
        if token == "{":
            stack.append(("object", path, 0))
        elif token == "[":
            stack.append(("array", path, 0))


def yaml_lines(text: str) -> dict[str, int]:
    """The line of each JSON path in a YAML text (where its value starts, as the loader)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    seen: set[int] = set()
    pending: list[tuple[str, Any]] = [("$", root)] if root is not None else []
    while pending:
        path, node = pending.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in seen:  # an alias (the loader refuses them; the file may have changed)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            pending.extend((child(path, str(key.value)), value) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((child(path, index), item) for index, item in enumerate(node.value))
    return lines
