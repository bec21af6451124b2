"""Choosing principles by code or prefix, ruff-style: the most specific rule wins."""

from __future__ import annotations

from collections.abc import Sequence


def is_selected(code: str, select: Sequence[str] | None, ignore: Sequence[str]) -> bool:
    """Whether ``code`` is in the principle set.

    The longest prefix among ``select`` and ``ignore`` that matches ``code`` decides; on a
    tie ``ignore`` wins. With no matching prefix, a code is selected unless ``select``
    was given (then only what it names is selected). ``ALL`` matches every code.
    """
    best_len = -1
    best_selected = select is None
    for prefix in select or ():
        length = _match(code, prefix)
        if length > best_len:
            best_len, best_selected = length, True
    for prefix in ignore:
        length = _match(code, prefix)
        if length >= best_len and length >= 0:
            best_len, best_selected = length, False
    return best_selected


def _match(code: str, prefix: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1
