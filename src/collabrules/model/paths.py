"""JSON paths as collabrules writes them: ``$.parties[0].expected_benefit.net``.

The one place that writes and reads them: a member is ``.name`` (or ``["any key"]`` when
the key is not an identifier), an item is ``[index]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache

_STEP = re.compile(r'\.([^.\[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def child(path: str, key: str | int) -> str:
    """The path of a member (``str``) or item (``int``) below ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key)}]"


def join(parts: Iterable[str | int]) -> str:
    """The path of a sequence of keys and indexes from the root."""
    path = "$"
    for part in parts:
        path = child(path, part)
    return path


@cache
def steps(path: str) -> tuple[str | int, ...]:
    """The keys and indexes of a path: ``$.parties[1].name`` -> ``("parties", 1, "name")``.

    The leading ``$`` may be left out (``parties[1].name``). Raises ``ValueError`` for text
    that is not a path.
    """
    rest = path[1:] if path.startswith("$") else path
    if rest and rest[0] not in ".[":
        rest = "." + rest
    found: list[str | int] = []
    position = 0
    while position < len(rest):
        match = _STEP.match(rest, position)
        if match is None:
            raise ValueError(f"not a JSON path: {path!r}")
        name, index, quoted = match.groups()
        found.append(name if name is not None else int(index) if index is not None
                     else json.loads(quoted))
        position = match.end()
    return tuple(found)


def parent(path: str) -> str | None:
    """The path one step up (``None`` for the root ``$``)."""
    parts = steps(path)
    return join(parts[:-1]) if parts else None


def within(path: str, outer: str) -> bool:
    """Whether ``path`` is ``outer`` or a path inside it (``$.a[0].b`` is within ``$.a``;
    ``$.ab`` is not)."""
    return path == outer or (path.startswith(outer) and path[len(outer)] in ".[")
