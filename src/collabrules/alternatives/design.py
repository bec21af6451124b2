"""An alternative relationship design: a partial case whose ``relationship`` overrides the case's.

An adviser asks "what if we add a mixed team and open books?" by writing only the
relationship part that changes (plus, optionally, a ``title`` for the column)::

    title: Mixed team and open books
    relationship:
      governance: {mixed_teams: true, open_book: true}

It is validated against the case schema's ``relationship`` definition, so its errors name
the file, the line and the JSON path, as a case's do.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema_rs

from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.text import Text
from ..pipeline.loading import Document, read_document
from ..pipeline.schemas import load_schema
from ..pipeline.validation import SchemaValidator, line_of


@attrs.frozen(kw_only=True)
@shared_repr
class AlternativeDesign:
    """A relationship design to set beside the options: its name and its relationship part."""

    title: str
    relationship: dict[str, Any]
    source: str


class _PartialValidator(SchemaValidator):
    """A validator of one schema built in memory (here: part of the case schema)."""

    def __init__(self, name: str, schema: dict[str, Any]) -> None:
        self.name = name
        self.schema = schema
        self._fast = jsonschema_rs.validator_for(schema)
        self._full = None


@cache
def design_validator() -> SchemaValidator:
    """The validator of a design document: ``relationship`` (required) and ``title``."""
    case = load_schema("case")
    schema = {
        "$schema": case["$schema"],
        "type": "object",
        "additionalProperties": False,
        "required": ["relationship"],
        "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": 200},
            "relationship": {"$ref": "#/$defs/relationship"},
        },
        "$defs": case["$defs"],
    }
    return _PartialValidator("design", schema)


def load_design(path: str | Path) -> AlternativeDesign:
    """Read and validate a design file (JSON or YAML); raises :class:`InputError`."""
    return design_of(read_document(path))


def design_of(document: Document) -> AlternativeDesign:
    """Validate a parsed design document."""
    issues = design_validator().issues(document.data, document.source, document.lines)
    if issues:
        raise InputError(issues)
    data: dict[str, Any] = document.data
    relationship: dict[str, Any] = data["relationship"]
    if not relationship:
        raise InputError([Issue(
            file=document.source, path="$.relationship",
            line=line_of("$.relationship", document.lines),
            message=Text("the design changes nothing: the relationship part is empty",
                         "het ontwerp verandert niets: het relatiedeel is leeg"),
            hint=Text("give the fields that differ from the case, e.g. governance: "
                      "{mixed_teams: true}",
                      "geef de velden die afwijken van de casus, bijv. governance: "
                      "{mixed_teams: true}"))])
    return AlternativeDesign(title=data.get("title") or Path(document.source).stem,
                             relationship=relationship, source=document.source)
