"""The line of each JSON path in a JSON text (the JSON parser keeps no positions).

Used to place findings of a JSON case file at the line of the fact that decided them, as
the YAML loader's line map does for YAML. The text is assumed to be valid JSON (it was
parsed before); on anything unexpected the map built so far is returned.
"""

from __future__ import annotations

import json
import re

from ..paths import child

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

