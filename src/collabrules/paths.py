"""JSON paths as collabrules writes them: ``$.parties[0].expected_benefit.net``."""

from __future__ import annotations

import json
from collections.abc import Iterable


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
