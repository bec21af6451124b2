"""Hypothesis strategies for collabrules documents, derived from the shipped case schema.

``valid_cases()`` draws case documents that pass the case schema *and* the consistency
checks (unique party ids, a perspective that names a party, a customer and a supplier).
Every optional key is left out at random, so the documents cover "unknown" as well.
The strategy reads ``schemas/case.schema.json``, so it follows the schema as it grows.

It is the one generator of cases for property tests (docs/decisions/0017); the benchmark's
seeded workload (``benchmarks/cases.py``) is not a property-test generator. Use it as::

    from tests.strategies import valid_cases

    @given(valid_cases())
    def test_something(document): ...
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import strategies as st

from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.versions import version_issues
from collabrules.standard.questionnaire import standard_questionnaire
from collabrules.standard.taxonomy import standard_models

MAX_ITEMS = 3
MAX_TEXT = 24
ASCII = st.characters(codec="ascii", exclude_categories=("Cc",))
TEXT_CHARS = st.characters(exclude_categories=("Cs", "Cc"))

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,11}"


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref}")
        schema = root["$defs"][ref.removeprefix("#/$defs/")]
    return schema


def from_schema(schema: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A strategy for values valid against one (sub)schema of the case schema."""
    schema = _resolve(schema, root)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        return _object(schema, root)
    if kind == "array":
        items = from_schema(schema.get("items", {}), root)
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", MAX_ITEMS), max(low, MAX_ITEMS))
        return st.lists(items, min_size=low, max_size=high,
                        unique=bool(schema.get("uniqueItems")))
    if kind == "string":
        if "pattern" in schema:
            pattern = schema["pattern"]
            if schema.get("format") == "date":
                return st.dates().map(lambda d: d.isoformat())
            return st.from_regex(pattern, fullmatch=True, alphabet=ASCII)
        low = schema.get("minLength", 0)
        high = min(schema.get("maxLength", MAX_TEXT), max(low, MAX_TEXT))
        return st.text(TEXT_CHARS, min_size=low, max_size=high)
    if kind == "boolean":
        return st.booleans()
    if kind in ("number", "integer"):
        low = schema.get("minimum")
        high = schema.get("maximum")
        ints = st.integers(min_value=None if low is None else int(low),
                           max_value=None if high is None else int(high))
        if kind == "integer":
            return ints
        return ints | st.floats(min_value=low, max_value=high, allow_nan=False,
                                allow_infinity=False)
    if kind is None and not schema:
        return _json_scalars()
    raise ValueError(f"no strategy for schema {schema}")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(TEXT_CHARS, max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(TEXT_CHARS, max_size=12), inner, max_size=4),
    max_leaves=20,
)
"""Any JSON value (finite numbers, valid text): input a case file should be checked for."""


def _json_scalars() -> st.SearchStrategy[Any]:
    return st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(TEXT_CHARS,
                                                                            max_size=10)


def _object(schema: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties")
    if properties is None:  # a free-form object such as ``extensions``
        high = min(schema.get("maxProperties", MAX_ITEMS), MAX_ITEMS)
        return st.dictionaries(st.text(ASCII, min_size=1, max_size=8), _json_scalars(),
                               max_size=high)
    required = set(schema.get("required", ()))
    return st.fixed_dictionaries(
        {k: from_schema(v, root) for k, v in properties.items() if k in required},
        optional={k: from_schema(v, root) for k, v in properties.items() if k not in required},
    )


@cache
def _case_objects() -> st.SearchStrategy[dict[str, Any]]:
    """The strategy for the case schema's top object, built once: built for every draw, it
    cost about a third of the draw's CPU (Hypothesis prepares each new strategy object)."""
    root = load_schema("case")
    return _object(root, root)


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A case document valid against the case schema and the consistency checks."""
    document: dict[str, Any] = draw(_case_objects())
    parties: list[dict[str, Any]] = document["parties"]
    ids = draw(st.lists(st.from_regex(ID_PATTERN, fullmatch=True, alphabet=ASCII),
                        min_size=len(parties), max_size=len(parties), unique=True))
    roles = ["customer", "supplier"] + [
        draw(st.sampled_from(["customer", "supplier"])) for _ in parties[2:]]
    order = draw(st.permutations(range(len(parties))))
    for index, party in enumerate(parties):
        party["id"] = ids[index]
        party["role"] = roles[order[index]]
    document["perspective"] = draw(st.sampled_from(ids))
    fit_case_rules(document, draw)
    return document


def fit_case_rules(document: dict[str, Any], draw: st.DrawFn) -> None:
    """Make a schema-drawn case meet what the schema cannot say: goal links, a model from
    the taxonomy, and a ``schema_version`` that covers the fields it uses."""
    _fit_goals(document["parties"], draw)
    relationship = document.get("relationship")
    if isinstance(relationship, dict) and "model" in relationship:
        relationship["model"] = draw(st.sampled_from(sorted(m.id for m in standard_models())))
    _fit_perceptions(document["parties"], draw)
    for version in ("1.1", "1.2"):
        if version_issues(document, "<case>"):  # uses something newer than it declares
            document["schema_version"] = version


def _fit_perceptions(parties: list[dict[str, Any]], draw: st.DrawFn) -> None:
    """Perception answers to statements of the questionnaire, each at most once a party."""
    known = list(standard_questionnaire().ids())
    for party in parties:
        answers = party.get("perceptions", {}).get("answers")
        if not answers:
            continue
        del answers[len(known):]
        ids = draw(st.permutations(known))
        for answer, statement in zip(answers, ids):
            answer["statement"] = statement
            if "us" not in answer and "them" not in answer:  # the schema's anyOf
                answer["us"] = draw(st.integers(min_value=1, max_value=5))


def _fit_goals(parties: list[dict[str, Any]], draw: st.DrawFn) -> None:
    """Goals with a topic or a target, unique goal ids, ``opposes`` naming existing goals."""
    goals = [g for party in parties for g in party.get("goals", ())]
    seen: set[str] = set()
    for goal in goals:
        if "topic" not in goal and "target" not in goal:
            goal["topic"] = draw(st.sampled_from(["price", "margin", "quality", "speed"]))
        if "id" in goal:
            if goal["id"] in seen:
                del goal["id"]
            else:
                seen.add(goal["id"])
    for goal in goals:
        if "opposes" in goal:
            goal["opposes"] = [other for other in goal["opposes"] if other in seen]


def optional_paths(document: Any, schema: dict[str, Any] | None = None,
                   root: dict[str, Any] | None = None,
                   path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The key paths of every optional key present in a case document."""
    root = root or load_schema("case")
    schema = _resolve(schema if schema is not None else root, root)
    found: list[tuple[str | int, ...]] = []
    if isinstance(document, dict) and "properties" in schema:
        required = set(schema.get("required", ()))
        # "one of these keys" (anyOf of required): the only one present is required.
        present = {k for o in schema.get("anyOf", ()) for k in o.get("required", ())} \
            & set(document)
        if len(present) == 1:
            required |= present
        for key, value in document.items():
            sub = schema["properties"].get(key)
            if sub is None:
                continue
            if key not in required:
                found.append((*path, key))
            found.extend(optional_paths(value, sub, root, (*path, key)))
    elif isinstance(document, list) and "items" in schema:
        for index, value in enumerate(document):
            found.extend(optional_paths(value, schema["items"], root, (*path, index)))
    return found


def without(document: Any, path: tuple[str | int, ...]) -> Any:
    """A deep copy of ``document`` with the key at ``path`` removed."""
    if not path:
        raise ValueError("cannot remove the root")
    head, *rest = path
    if isinstance(document, dict):
        if not rest:
            return {k: v for k, v in document.items() if k != head}
        return {k: (without(v, tuple(rest)) if k == head else v) for k, v in document.items()}
    return [without(v, tuple(rest)) if i == head else v for i, v in enumerate(document)]
