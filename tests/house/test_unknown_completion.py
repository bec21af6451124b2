"""A missing field can only make a condition unknown: every completion agrees with a verdict.

For generated cases with fields left out (absent or null) and a set of expressions that
read fields in every JMESPath form (filters, comparisons, functions, sort_by/max_by/min_by,
projections, pipes, ``||``, ``&&``, ``!``, multi-selects): if a condition is held or failed
on the partial case, then it has the same value on the full case and on another
completion of the missing fields; and an unknown caused by missing fields names them.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.house.expressions import compile_expression
from collabrules.house.tracing import UNKNOWN, trace

from ..conftest import ci_examples

EXPRESSIONS = [
    "parties[?role=='supplier' && expected_benefit.net != 'positive']",
    "length(parties[?expected_benefit.net == 'negative']) > `0`",
    "contains(parties[].name, 'Acme')",
    "starts_with(delivery.risk, 'h')",
    "max_by(parties, &score).role == 'supplier'",
    "min_by(parties, &score).expected_benefit.net == 'positive'",
    "sort_by(parties, &name)[0].role == 'customer'",
    "parties[*].expected_benefit.net | contains(@, 'negative')",
    "delivery.risk == 'high' || relationship.safeguards.exit_plan",
    "delivery.risk == 'high' && !relationship.safeguards.exit_plan",
    "!(delivery.risk == 'low') || parties[0].score > `3`",
    "map(&name, parties) | length(@) == `2`",
    "parties[].capabilities[] | length(@) > `1`",
    "length(delivery.risk || '') > `3`",
    "delivery.risk || 'none'",
    "values(delivery)[?@ == 'high']",
    "parties[?contains(capabilities, 'design')].name | [0] == 'Acme'",
    "not_null(delivery.risk, 'low') == 'low'",
    "{r: delivery.risk, e: relationship.safeguards.exit_plan}.r == 'high'",
    "[delivery.risk, parties[0].role][0] == 'high'",
    "parties[1:].expected_benefit.net",
    "!parties[?score > `2`]",
]


@attrs.frozen
class Maybe:
    """A generated field: its value, another value for a second completion, and whether
    the partial case has it, leaves it out or sets it to null."""

    value: Any
    other: Any
    state: str


def maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Maybe]:
    return st.builds(Maybe, values, values, st.sampled_from(["present", "absent", "null"]))


PARTY = st.fixed_dictionaries({
    "role": st.sampled_from(["customer", "supplier"]),
    "name": maybe(st.sampled_from(["Acme", "Bolt", "Core"])),
    "score": maybe(st.integers(0, 5)),
    "capabilities": maybe(st.lists(st.sampled_from(["design", "build", "run"]), max_size=2)),
    "expected_benefit": maybe(st.fixed_dictionaries(
        {"net": maybe(st.sampled_from(["positive", "neutral", "negative"]))})),
})
CASE = st.fixed_dictionaries({
    "parties": st.lists(PARTY, min_size=2, max_size=3),
    "delivery": maybe(st.fixed_dictionaries({"risk": maybe(st.sampled_from(["high", "low"]))})),
    "relationship": st.fixed_dictionaries({"safeguards": st.fixed_dictionaries(
        {"exit_plan": maybe(st.booleans())})}),
})


def realise(tree: Any, mode: str) -> Any:
    """The ``full`` case, the ``partial`` one, or the ``other`` completion of the partial."""
    if isinstance(tree, Maybe):
        if tree.state == "present" or mode == "full":
            return realise(tree.value, mode)
        if mode == "other":
            return realise(tree.other, mode)
        return None if tree.state == "null" else realise(tree.value, mode)
    if isinstance(tree, dict):
        out = {}
        for key, value in tree.items():
            if isinstance(value, Maybe) and value.state == "absent" and mode == "partial":
                continue
            out[key] = realise(value, mode)
        return out
    if isinstance(tree, list):
        return [realise(v, mode) for v in tree]
    return tree


@pytest.mark.parametrize("source", EXPRESSIONS)
@ci_examples(120)
@given(case=CASE)
def test_a_verdict_on_a_partial_case_holds_for_every_completion(source: str, case: Any) -> None:
    expression = compile_expression(source)
    held, missing = expression.evaluate(realise(case, "partial"))
    if held is None:
        value = trace(expression.compiled.parsed, realise(case, "partial")).value
        assert missing or value is None, "an unknown must name its missing fields"
        return
    assert not missing
    assert expression.evaluate(realise(case, "full"))[0] is held
    assert expression.evaluate(realise(case, "other"))[0] is held


def test_the_issue_example_is_unknown_not_violated() -> None:
    expression = compile_expression(
        "parties[?role=='supplier' && expected_benefit.net != 'positive']")
    case = {"parties": [{"id": "a", "role": "customer"}, {"id": "b", "role": "supplier"}]}
    assert expression.evaluate(case) == (None, ("$.parties[1].expected_benefit.net",))
    case["parties"][1]["expected_benefit"] = {"net": "positive"}
    assert expression.evaluate(case) == (False, ())


@pytest.mark.parametrize(("source", "case", "held"), [
    ("a == 'x' || b", {"b": True}, True),  # true || ? is true
    ("a == 'x' && b", {"b": False}, False),  # ? && false is false
    ("a == 'x' || b", {"b": False}, None),
    ("!a", {"a": 0}, False),  # JMESPath: !0 is false
    ("!a", {}, None),
])
def test_logical_operators_follow_kleene(source: str, case: dict[str, Any],
                                         held: bool | None) -> None:
    assert compile_expression(source).evaluate(case)[0] is held


def test_the_trace_names_every_field_read_and_marks_the_missing() -> None:
    result = trace(compile_expression("parties[?score > `1`].name").compiled.parsed,
                   {"parties": [{"score": 2, "name": "Acme"}, {"name": "Bolt"}]})
    assert result.value is UNKNOWN
    assert [(r.path, r.missing) for r in result.reads] == [
        ("$.parties", False), ("$.parties[0].score", False), ("$.parties[0].name", False),
        ("$.parties[1].score", True)]
    assert result.missing == ("$.parties[1].score",)


def test_keys_of_values_built_by_the_expression_are_not_case_reads() -> None:
    result = trace(compile_expression("{a: x}.b").compiled.parsed, {"x": 1})
    assert result.value is None
    assert [r.path for r in result.reads] == ["$.x"]


@pytest.mark.parametrize("source", [
    "values(delivery)[?@ == 'high']", "length(delivery) > `0`", "to_string(delivery)",
    "delivery == `{}`", "delivery.*", "!delivery", "delivery",
])
def test_a_case_object_used_as_a_whole_is_unknown_while_it_may_lack_fields(source: str) -> None:
    assert compile_expression(source).evaluate({"delivery": {}}) == (None, ("$.delivery",))


def test_a_signal_is_unknown_only_as_a_whole() -> None:
    scope = {"signals": {"fit": {"shared": ["price"]}, "gone": None}}
    assert compile_expression("signals.fit.other == `null`").evaluate(scope) == (True, ())
    assert compile_expression("signals.gone.level == 'x'").evaluate(scope) == \
        (None, ("$.signals.gone.level",))
