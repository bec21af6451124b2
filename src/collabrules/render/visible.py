"""Text for a terminal: case-supplied control characters shown, not obeyed.

A case title such as ``"\\x1b[2J"`` or a right-to-left override (U+202E) would otherwise
clear or rewrite the reader's terminal. Newlines and tabs stay; every other control or
bidirectional-formatting character is shown as a ``\\uXXXX`` escape.
"""

from __future__ import annotations

import re

_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with control and bidi-formatting characters escaped."""
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
