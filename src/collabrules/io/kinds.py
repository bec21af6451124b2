"""What kind of collabrules file a document is, recognised by name or content (like
``opa check``): a case, a fixture file, declarative house principles, a JSON report, an
answers file for ``collabrules new``, an alternative design for ``collabrules options
--design``, or ``collabrules.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model.text import Text

CASE, FIXTURES, PRINCIPLES, REPORT, ANSWERS, DESIGN, CONFIG = (
    "case", "fixtures", "principles", "report", "answers", "design", "config")
# Keys only a case has at its top level (``id`` and ``title`` are too common to tell).
_CASE_KEYS = frozenset({"schema_version", "perspective", "parties", "delivery", "relationship"})
_DESIGN_KEYS = frozenset({"relationship", "title"})
LABELS = {
    CASE: Text("case", "casus"),
    FIXTURES: Text("fixtures", "fixtures"),
    PRINCIPLES: Text("house principles", "huisprincipes"),
    REPORT: Text("report", "rapport"),
    ANSWERS: Text("intake answers", "intake-antwoorden"),
    DESIGN: Text("alternative design", "alternatief ontwerp"),
    CONFIG: Text("configuration", "configuratie"),
}


def kind_by_name(path: str | Path) -> str | None:
    """``config`` for a ``collabrules.toml``, else ``None`` (the content decides)."""
    return CONFIG if Path(path).name == "collabrules.toml" else None


def kind_of(data: Any) -> str | None:
    """The kind of a parsed JSON/YAML document, or ``None`` when collabrules does not read it.

    A mapping with ``parties`` or ``schema_version`` is a case, and so is one with another
    key only cases have at the top (``perspective``, ``delivery``, ``relationship``): a
    broken case is still a case, so that its errors are shown. A mapping with
    ``relationship`` and at most a ``title`` besides is a design (``options --design``).
    """
    if not isinstance(data, Mapping):
        return None
    if isinstance(data.get("fixtures"), list):
        return FIXTURES
    if data.get("kind") in ("catalogue", "case"):
        return REPORT  # the first line of a portfolio's results (full or compact), a compact line
    if isinstance(data.get("principles"), list):
        return PRINCIPLES
    if "findings" in data and ("provenance" in data or "provenance_digest" in data):
        return REPORT
    if "parties" in data or "schema_version" in data:
        return CASE
    if any("." in str(key) for key in data):  # question keys (us.name); case keys have none
        return ANSWERS
    if "relationship" in data and set(data) <= _DESIGN_KEYS:
        return DESIGN
    if _CASE_KEYS & set(data):
        return CASE
    return None
