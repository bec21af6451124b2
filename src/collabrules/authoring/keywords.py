"""``-k`` expressions, as pytest has them: which fixtures to run, by name.

An expression is words joined with ``and``, ``or``, ``not`` and parentheses; a word
matches when it occurs in the fixture's name or file, ignoring case
(``-k "cleaning and not risk"``).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\s*(\(|\)|[^\s()]+)")


class KeywordError(ValueError):
    """An expression that cannot be read; the message says where."""


def keyword_match(expression: str, text: str) -> bool:
    """Whether ``text`` matches the ``-k`` expression (raises :class:`KeywordError`)."""
    tokens = _TOKEN.findall(expression)
    if not tokens or "".join(tokens) != re.sub(r"\s+", "", expression):
        raise KeywordError(f"cannot read the expression {expression!r}")
    haystack = text.lower()
    position = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        token = peek()
        if token is None:
            raise KeywordError(f"{expression!r} ends too early")
        position += 1
        return token

    def either() -> bool:
        value = both()
        while peek() == "or":
            take()
            value = both() or value
        return value

    def both() -> bool:
        value = negated()
        while peek() == "and":
            take()
            value = negated() and value
        return value

    def negated() -> bool:
        token = take()
        if token == "not":
            return not negated()
        if token == "(":
            value = either()
            if take() != ")":
                raise KeywordError(f"{expression!r}: a parenthesis is not closed")
            return value
        if token in ("and", "or", ")"):
            raise KeywordError(f"{expression!r}: unexpected {token!r}")
        return token.lower() in haystack

    result = either()
    if position != len(tokens):
        raise KeywordError(f"{expression!r}: unexpected {tokens[position]!r}")
    return result
