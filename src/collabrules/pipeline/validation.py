"""Validating documents against the shipped JSON Schemas.

The valid path is checked by a compiled validator (jsonschema-rs); only an invalid
document goes through the ``jsonschema`` reference implementation, which lists every
error with its path. Both read the same schema file; tests hold them equivalent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from ..model import paths
from ..model.errors import Issue
from ..model.text import Text
from .schemas import load_schema

if TYPE_CHECKING:  # imported on first use: only an invalid document needs it
    import jsonschema


class SchemaValidator:
    """Validates documents against one schema and explains every error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.schema = load_schema(name)
        self._fast = jsonschema_rs.validator_for(self.schema)
        self._full: jsonschema.Draft202012Validator | None = None

    def is_valid(self, data: Any) -> bool:
        """Whether the document is valid (fast)."""
        return bool(self._fast.is_valid(data))

    def issues(self, data: Any, source: str, lines: Mapping[str, int] | None = None) -> list[Issue]:
        """Every schema error in the document, ordered by path, each with a plain message."""
        if self.is_valid(data):
            return []
        if self._full is None:
            import jsonschema

            self._full = jsonschema.Draft202012Validator(self.schema)
        errors = list(self._full.iter_errors(data))
        # An enum error on a value of the wrong type only repeats the type error.
        mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
        found: list[Issue] = []
        for error in errors:
            if error.validator == "enum" and tuple(error.absolute_path) in mistyped:
                continue
            found.extend(self._explain(error, source, lines or {}))
        found.sort(key=lambda i: (i.line or 0, i.path, i.message.en))
        return _unique(found)

    def _explain(self, error: jsonschema.ValidationError, source: str,
                 lines: Mapping[str, int]) -> list[Issue]:
        path = paths.join(error.absolute_path)
        if error.validator in ("anyOf", "oneOf") and error.context:
            import jsonschema.exceptions

            best = jsonschema.exceptions.best_match(error.context)
            return self._explain(best, source, lines)
        messages = explain(error)
        return [
            Issue(file=source, path=where, message=message, hint=hint, line=line_of(where, lines))
            for where, message, hint in ((m[0] or path, m[1], m[2]) for m in messages)
        ]


def line_of(path: str, lines: Mapping[str, int]) -> int | None:
    """The line of ``path`` in the source, or of its nearest ancestor that has one."""
    here: str | None = path
    while here is not None:
        if here in lines:
            return lines[here]
        try:
            here = paths.parent(here)
        except ValueError:  # not a path (a file-level issue)
            return None
    return None


def _unique(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    result = []
    for issue in issues:
        key = (issue.path, issue.message.en)
        if key not in seen:
            seen.add(key)
            result.append(issue)
    return result


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def did_you_mean(value: str, choices: list[str]) -> Text | None:
    """A "did you mean" hint for a misspelt key or value, if one is close enough."""
    import difflib  # error paths only

    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close:
        return None
    return Text("did you mean {choice!r}?", "bedoelde u {choice!r}?").format(choice=close[0])


Explained = tuple[str | None, Text, Text | None]


def explain(error: jsonschema.ValidationError) -> list[Explained]:
    """Plain bilingual messages for one jsonschema error (several for extra keys)."""
    kind = error.validator
    value: Any = error.validator_value
    instance: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    here = paths.join(error.absolute_path)
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in error.instance if k not in schema.get("properties", {})]
        return [
            (paths.child(here, key),
             Text("unknown key {key!r}", "onbekende sleutel {key!r}").format(key=key),
             did_you_mean(key, allowed) or Text(
                 "allowed here: {allowed}", "toegestaan hier: {allowed}"
             ).format(allowed=", ".join(allowed)))
            for key in extra
        ]
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else str(value)
        return [(here, Text("the required key {key!r} is missing",
                            "de verplichte sleutel {key!r} ontbreekt").format(key=missing), None)]
    if kind == "enum":
        choices = [str(v) for v in value]
        hint = did_you_mean(str(error.instance), choices) if isinstance(error.instance, str) \
            else None
        return [(here, Text("{value} is not one of: {choices}",
                            "{value} is niet een van: {choices}").format(
            value=_show(error.instance), choices=", ".join(choices)), hint)]
    if kind == "const":
        return [(here, Text("{value} must be {expected}", "{value} moet {expected} zijn").format(
            value=_show(error.instance), expected=_show(value)), None)]
    if kind == "type":
        return [(here, Text("{value} is not of type {type}",
                            "{value} is niet van het type {type}").format(
            value=_show(error.instance), type=_type_name(value)), None)]
    if kind in ("minItems", "maxItems"):
        return [(here, Text("the list has {n} items; {rule} {limit} allowed",
                            "de lijst heeft {n} elementen; {rule_nl} {limit} toegestaan").format(
            n=len(instance), limit=value,
            rule="at least" if kind == "minItems" else "at most",
            rule_nl="minstens" if kind == "minItems" else "hoogstens"), None)]
    if kind in ("minLength", "maxLength"):
        return [(here, Text("the text has {n} characters; {rule} {limit} allowed",
                            "de tekst heeft {n} tekens; {rule_nl} {limit} toegestaan").format(
            n=len(instance), limit=value,
            rule="at least" if kind == "minLength" else "at most",
            rule_nl="minstens" if kind == "minLength" else "hoogstens"), None)]
    if kind == "pattern":
        return [(here, Text("{value} does not have the expected form ({pattern})",
                            "{value} heeft niet de verwachte vorm ({pattern})").format(
            value=_show(error.instance), pattern=value), None)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        rule = {"minimum": (">=", ">="), "maximum": ("<=", "<="),
                "exclusiveMinimum": (">", ">"), "exclusiveMaximum": ("<", "<")}[kind]
        return [(here, Text("{value} must be {rule} {limit}", "{value} moet {rule} {limit} zijn"
                            ).format(value=_show(error.instance), rule=rule[0], limit=value), None)]
    if kind == "uniqueItems":
        return [(here, Text("the list repeats an item", "de lijst herhaalt een element"), None)]
    if kind == "maxProperties":
        return [(here, Text("the object has more than {limit} keys",
                            "het object heeft meer dan {limit} sleutels").format(limit=value),
                 None)]
    return [(here, Text(str(error.message), str(error.message)), None)]


def _type_name(value: Any) -> Text:
    names = {
        "object": Text("object (mapping)", "object (mapping)"),
        "array": Text("list", "lijst"),
        "string": Text("text", "tekst"),
        "number": Text("number", "getal"),
        "integer": Text("whole number", "geheel getal"),
        "boolean": Text("true/false", "waar/onwaar"),
        "null": Text("null", "null"),
    }
    if isinstance(value, list):
        parts = [names.get(v, Text(v, v)) for v in value]
        return Text(" or ".join(p.en for p in parts), " of ".join(p.nl for p in parts))
    return names.get(str(value), Text(str(value), str(value)))
