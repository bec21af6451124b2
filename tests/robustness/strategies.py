"""Hypothesis strategies: valid cases built from the case schema, and arbitrary JSON."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from collabrules.pipeline.schemas import load_schema

from ..strategies import fit_case_rules

SCHEMA: dict[str, Any] = load_schema("case")
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)
"""Any JSON value (finite numbers, valid text)."""


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        resolved: dict[str, Any] = SCHEMA["$defs"][ref.rsplit("/", 1)[-1]]
        return resolved
    return node


def from_schema(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against the subset of JSON Schema the case schema uses."""
    node = _resolve(node)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object":
        if "properties" not in node:   # free-form (extensions)
            return st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), json_values,
                                   max_size=3)
        required = set(node.get("required", ()))
        props = node["properties"]
        return st.fixed_dictionaries(
            {k: from_schema(v) for k, v in props.items() if k in required},
            optional={k: from_schema(v) for k, v in props.items() if k not in required})
    if kind == "array":
        low = node.get("minItems", 0)
        return st.lists(from_schema(node["items"]), min_size=low,
                        max_size=min(node.get("maxItems", low + 2), low + 2),
                        unique=bool(node.get("uniqueItems")))
    if kind == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"].replace("{0,99}", "{0,8}"), fullmatch=True)
        return st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                       min_size=node.get("minLength", 0),
                       max_size=min(node.get("maxLength", 20), 20))
    if kind == "number":
        return st.floats(min_value=node.get("minimum"), max_value=node.get("maximum"),
                         allow_nan=False, allow_infinity=False)
    if kind == "integer":
        return st.integers(min_value=node.get("minimum"), max_value=node.get("maximum"))
    if kind == "boolean":
        return st.booleans()
    raise NotImplementedError(f"schema node not covered: {node}")


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A case that passes the schema and the consistency checks."""
    case: dict[str, Any] = draw(from_schema(SCHEMA))
    parties = case["parties"]
    for index, party in enumerate(parties):
        party["id"] = f"p{index}"
    parties[0]["role"] = "customer"
    parties[1]["role"] = "supplier"
    case["perspective"] = draw(st.sampled_from([p["id"] for p in parties]))
    fit_case_rules(case, draw)
    return case
