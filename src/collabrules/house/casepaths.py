"""Case paths a condition reads that the closed case schema cannot have.

A condition that reads ``relationship.safeguard.exit_plan`` (``safeguard`` for
``safeguards``) would be undetermined on every case, since no valid case has that field.
:func:`impossible_fields` walks the syntax tree along ``schemas/case.schema.json`` (read
when called, so new schema versions need no change here) and names every field that an
object with ``additionalProperties: false`` does not list, with the fields it does list.
Paths inside ``extensions`` (open by design), computed values and literals are not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..model.records import shared_repr
from ..pipeline.schemas import load_schema
from .expressions import SIGNALS

Schema = Mapping[str, Any]

_ITEM_FUNCTIONS = {"sort_by": 0, "max_by": 0, "min_by": 0, "map": 1}
"""Functions with an ``&expression`` argument: the index of the array it is applied to."""
_SAME_ARRAY = frozenset({"sort_by", "reverse", "sort"})
_ONE_ITEM = frozenset({"max_by", "min_by"})
_BUILT = "x-built"


@attrs.frozen
@shared_repr
class ImpossibleField:
    """A field the case schema does not allow where the expression reads it."""

    path: str
    """Where it is read, e.g. ``relationship.safeguard`` or ``parties[].benefit``."""
    name: str
    allowed: tuple[str, ...]


def impossible_fields(ast: Mapping[str, Any], schema_name: str = "case"
                      ) -> list[ImpossibleField]:
    """Every field ``ast`` reads that the case schema cannot have (empty if none)."""
    schema = load_schema(schema_name)
    walker = _Walker(schema)
    walker.walk(ast, _Place(schema, "", top=True))
    return walker.found


@attrs.frozen
@shared_repr
class _Place:
    """A schema position the expression is at, with the path that led there."""

    schema: Schema | None
    path: str
    top: bool = False


_NOWHERE = _Place(None, "")


class _Walker:
    def __init__(self, root: Schema) -> None:
        self.root = root
        self.found: list[ImpossibleField] = []

    def resolve(self, value: Any) -> Schema | None:
        if not isinstance(value, Mapping):
            return None
        schema: Schema = value
        while "$ref" in schema:
            ref = str(schema["$ref"])
            if not ref.startswith("#/"):
                return None
            target: Any = self.root
            for part in ref[2:].split("/"):
                target = target.get(part) if isinstance(target, Mapping) else None
            if not isinstance(target, Mapping):
                return None
            schema = target
        return schema

    def items(self, place: _Place) -> _Place:
        schema = place.schema
        if schema is None or schema.get("type") != "array":
            return _NOWHERE
        suffix = "" if schema.get(_BUILT) else "[]"  # a built list's path names its items
        return _Place(self.resolve(schema.get("items")), place.path + suffix)

    @staticmethod
    def array_of(item: _Place) -> _Place:
        """A list built from items at ``item`` (a projection's or a flatten's result)."""
        if item.schema is None:
            return _NOWHERE
        return _Place({"type": "array", "items": item.schema, _BUILT: True}, item.path)

    def field(self, name: str, place: _Place) -> _Place:
        schema = place.schema
        path = f"{place.path}.{name}" if place.path else name
        if schema is None or schema.get("type") != "object":
            return _NOWHERE
        if place.top and name == SIGNALS:
            return _NOWHERE  # signals are checked against the registered ones
        properties = schema.get("properties", {})
        if name in properties:
            return _Place(self.resolve(properties[name]), path)
        if schema.get("additionalProperties") is False:
            self.found.append(ImpossibleField(path, name, tuple(properties)))
        return _NOWHERE

    def walk(self, node: Mapping[str, Any], place: _Place) -> _Place:
        kind = node["type"]
        children = [c for c in node.get("children", ()) if isinstance(c, Mapping)]
        if kind == "field":
            return self.field(str(node["value"]), place)
        if kind in ("subexpression", "index_expression", "pipe"):
            for child in children:
                place = self.walk(child, place)
            return place
        if kind in ("current", "identity", "slice"):
            return place
        if kind == "index":
            return self.items(place)
        if kind in ("projection", "filter_projection"):
            item = self.items(self.walk(children[0], place))
            if kind == "filter_projection":
                self.walk(children[2], item)
            return self.array_of(self.walk(children[1], item))
        if kind == "flatten":
            inner = self.walk(children[0], place)
            element = self.items(inner)
            if element.schema is None or element.schema.get("type") != "array":
                return inner
            return self.array_of(self.items(element))
        if kind == "function_expression":
            return self.function(str(node["value"]), children, place)
        if kind == "value_projection":  # the values of an object: their schemas differ
            self.walk(children[0], place)
            self.walk(children[1], _NOWHERE)
            return _NOWHERE
        for child in children:  # comparisons, logic, multi-selects
            self.walk(child, place)
        return _NOWHERE

    def function(self, name: str, arguments: list[Mapping[str, Any]], place: _Place) -> _Place:
        values = [_NOWHERE if a["type"] == "expref" else self.walk(a, place) for a in arguments]
        array = _ITEM_FUNCTIONS.get(name)
        if array is not None and array < len(values):
            item = self.items(values[array])
            for argument in arguments:
                if argument["type"] == "expref":
                    self.walk(argument["children"][0], item)
            if name in _ONE_ITEM:
                return item
        if name in _SAME_ARRAY and values:
            return values[0]
        return _NOWHERE
