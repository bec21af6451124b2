"""Schemathesis hooks (``SCHEMATHESIS_HOOKS``): how to send a JSON Lines batch."""

from __future__ import annotations

import json
from typing import Any

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def json_lines(ctx: Any, value: Any) -> bytes:
    """A list of cases as one compact JSON document a line (anything else as one line)."""
    items = value if isinstance(value, list) else [value]
    return b"".join(json.dumps(item).encode("utf-8") + b"\n" for item in items)
