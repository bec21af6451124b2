"""JMESPath conditions: compile-time errors with positions, and the unknown rule."""

from __future__ import annotations

from typing import Any

import pytest

from collabrules.house.expressions import ExpressionError, compile_expression


@pytest.mark.parametrize(("source", "position"), [
    ("delivery.risk == 'high' &&", 26),
    ("a.b ===", 6),
    ("'unclosed", 0),
])
def test_syntax_errors_name_the_position(source: str, position: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(source)
    assert caught.value.position == position
    assert f"character {position + 1}" in caught.value.text.en
    assert f"teken {position + 1}" in caught.value.text.nl
    assert caught.value.text.en.splitlines()[-1] == " " * position + "^"


def test_unknown_function_is_rejected_at_compile_time() -> None:
    with pytest.raises(ExpressionError, match=r"unknown function lenght\(\)"):
        compile_expression("lenght(parties) > `1`")


def test_reading_all_signals_at_once_is_rejected() -> None:
    with pytest.raises(ExpressionError, match=r"signals\.goal_alignment"):
        compile_expression("signals")


def test_root_paths_and_signals_are_found() -> None:
    expression = compile_expression(
        "delivery.risk == 'high' && length(parties[?role == 'supplier']) > `0` "
        "&& signals.trust_gap.level == 'x' && relationship.safeguards | exit_plan")
    assert expression.paths == (("delivery", "risk"), ("parties",),
                                ("signals", "trust_gap", "level"),
                                ("relationship", "safeguards"))
    assert expression.signals == ("trust_gap",)


def test_missing_root_path_is_unknown_not_failed() -> None:
    expression = compile_expression("delivery.risk == 'high'")
    assert expression.evaluate({"delivery": {}}) == (None, ("$.delivery.risk",))
    assert expression.evaluate({"delivery": {"risk": "low"}}) == (False, ())
    assert expression.evaluate({"delivery": {"risk": "high"}}) == (True, ())


@pytest.mark.parametrize(("value", "held"), [
    ([], False), ([1], True), ("", False), ("x", True), ({"k": 1}, True), (0, True),
])
def test_non_boolean_results_follow_jmespath_truthiness(value: Any, held: bool) -> None:
    assert compile_expression("extensions.v").evaluate({"extensions": {"v": value}}) == \
        (held, ())


def test_null_result_is_unknown() -> None:
    assert compile_expression("parties[5]").evaluate({"parties": [{}]}) == (None, ())
    expression = compile_expression("parties[0].expected_benefit")
    assert expression.evaluate({"parties": [{}]}) == (None, ("$.parties[0].expected_benefit",))
