"""Three-valued logic over ``bool | None``: ``None`` is an unknown fact (Kleene's K3).

A condition whose facts are missing is neither true nor false; combining it follows
Kleene's strong logic: ``and3(False, None)`` is ``False`` (one false part decides),
``and3(True, None)`` is ``None`` (the unknown part could still decide), and dually for
``or3``. So a principle can combine partial facts without writing
``None if x is None else ...`` by hand, and never turns an unknown into a default.
"""

from __future__ import annotations

from typing import Any

Truth = bool | None


def not3(value: Truth) -> Truth:
    """``not value``; unknown stays unknown."""
    return None if value is None else not value


def is3(value: Any, *members: Any) -> Truth:
    """Whether ``value`` is one of ``members`` (by identity, as for enum members); an
    unknown value (``None``) stays unknown."""
    return None if value is None else any(value is m for m in members)


def and3(*values: Truth) -> Truth:
    """``True`` if all are true, ``False`` if any is false, else unknown (``None``)."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def or3(*values: Truth) -> Truth:
    """``True`` if any is true, ``False`` if all are false, else unknown (``None``)."""
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False
