"""Hostile declarative conditions: refused when loaded, bounded when evaluated.

JMESPath reads data only; these tests check that nothing but the case document and the
signals can be reached, that oversized expressions are refused with a bilingual message,
and that expressions whose cost grows exponentially stop at the step budget
(``collabrules.house.bounds``). Steps are counted, never timed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jmespath import exceptions as jexceptions
from jmespath import functions as jfunctions

from collabrules.house import bounds
from collabrules.house.declarative import HousePrinciples, principles_from_data
from collabrules.house.expressions import ExpressionError, compile_expression
from collabrules.model.vocab import Status
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.schemas import load_schema

from ..conftest import ci_examples
from .conftest import run_cli
from .test_corpus import CASE
from .test_cost import _big_case

SMALL = {"schema_version": "1.0", "perspective": "b",
         "parties": [{"id": "b", "name": "B", "role": "customer"},
                     {"id": "s", "name": "S", "role": "supplier"}]}
JMESPATH_FUNCTIONS = {
    "abs", "avg", "ceil", "contains", "ends_with", "floor", "join", "keys", "length", "map",
    "max", "max_by", "merge", "min", "min_by", "not_null", "reverse", "sort", "sort_by",
    "starts_with", "sum", "to_array", "to_number", "to_string", "type", "values"}


def doubling(times: int, start: str = "@") -> str:
    """An expression whose value shares itself ``2 ** times`` times (a short bomb)."""
    return start + "|[@,@]" * times


def test_only_the_builtin_functions_exist() -> None:
    assert set(jfunctions.Functions.FUNCTION_TABLE) == JMESPATH_FUNCTIONS
    for name in ("eval", "open", "__import__", "getattr", "exec", "system", "http_get"):
        with pytest.raises(ExpressionError) as caught:
            compile_expression(f"{name}('x')")
        assert f"unknown function {name}()" in caught.value.text.en
        assert f"onbekende functie {name}()" in caught.value.text.nl


@pytest.mark.parametrize("source", [
    "__class__", "@.__class__.__mro__", "__globals__", "parties[0].__dict__",
    "keys(@)", "to_string(@)", "values(@)", "parties[*].__init__"])
def test_python_attributes_are_just_missing_keys(source: str) -> None:
    """Names are looked up as keys of the JSON document, never as Python attributes."""
    result = bounds.search(compile_expression(source).compiled.parsed, SMALL, bounds.Budget())
    if source == "keys(@)":
        assert result == list(SMALL)
    elif source == "values(@)":
        assert result == list(SMALL.values())
    elif source == "to_string(@)":
        assert json.loads(result) == SMALL   # the document, nothing else
    else:
        assert result in (None, [])


@pytest.mark.parametrize(("source", "en", "nl"), [
    ("a" * 2001, "is 2001 characters long; the limit is 2000",
     "is 2001 tekens lang; de grens is 2000"),
    ("[" + ",".join(["a"] * 250) + "]", "has 251 parts; the limit is 200",
     "heeft 251 onderdelen; de grens is 200"),
    ("a" + "[?b" * 40 + "]" * 40, "nested too deeply; the limit is 32 levels",
     "te diep genest; de grens is 32 niveaus"),
    ("(" * 900 + "a" + ")" * 900, "nested too deeply", "te diep genest"),
    ("not_null(" * 150 + "a" + ")" * 150, "nested too deeply", "te diep genest"),
    (doubling(40), "nested too deeply", "te diep genest"),
])
def test_oversized_expressions_are_refused(source: str, en: str, nl: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(source)
    assert en in caught.value.text.en
    assert nl in caught.value.text.nl


def test_the_schema_states_the_same_limits() -> None:
    schema = load_schema("house-principles")["$defs"]
    assert schema["expression"]["maxLength"] == bounds.MAX_LENGTH
    assert schema["principle"]["properties"]["conditions"]["maxItems"] == 50
    assert load_schema("house-principles")["properties"]["principles"]["maxItems"] == 500


def test_the_limits_admit_what_they_promise() -> None:
    compile_expression("[" + ",".join(["a"] * (bounds.MAX_NODES - 1)) + "]")
    compile_expression("a" + "[?b" * (bounds.MAX_DEPTH - 2) + "]" * (bounds.MAX_DEPTH - 2))
    compile_expression("'" + "x" * (bounds.MAX_LENGTH - 2) + "'")


@pytest.mark.parametrize("source", [
    "to_string(" + doubling(25) + ")",           # serialises 2**25 copies
    "parties" + "|[@,@][]" * 22 + "| length(@)",   # a list of 50 * 2**22 parties
    f"({doubling(24)}) == ({doubling(24)})",      # compares two separately built bombs
    "contains(" + doubling(24) + ", `1`)",
    # 2**20 copies of a name (to_string(@) is unknown: the case may lack fields)
    "join(',', [to_string(parties[0].name)]" + "|[@,@][]" * 20 + ")",
])
def test_exponential_expressions_stop_at_the_budget(source: str) -> None:
    expression = compile_expression(source)   # short enough to load ...
    budget = bounds.Budget()
    with pytest.raises(bounds.BudgetExceeded, match="evaluation steps"):
        expression.evaluate(SMALL, budget)      # ... but stopped when it grows
    assert budget.left < 0


# Heavy but honest conditions: each stays within the budget on the largest valid case.
HEAVY = [
    "to_string(parties[].goals[].topic) != ''",  # (to_string(@) is unknown: fields may lack)
    "length(parties[].goals[].topic) > `0`",
    "parties == parties",
    "length(sort_by(parties[].goals[], &topic)) > `0`",
    "parties[?length(goals[?direction == 'maximise']) > `400`] | length(@) > `0`",
    "contains(parties[].departmental_targets[].topic, 't999')",
    "max_by(parties[].goals[], &topic).topic == 't999'",
]


@pytest.fixture(scope="module")
def largest_case() -> dict[str, Any]:
    """50 parties with 1,000 goals and 1,000 departmental targets each (valid)."""
    return _big_case(parties=50, goals=1000)


@pytest.mark.parametrize("source", HEAVY)
def test_honest_expressions_fit_the_budget_on_the_largest_case(
        source: str, largest_case: dict[str, Any]) -> None:
    held, missing = compile_expression(source).evaluate(largest_case)
    assert missing == ()
    assert held is True


def _principle(expressions: list[str]) -> dict[str, Any]:
    text = {"en": "t", "nl": "t"}
    return {"schema_version": "1.0", "principles": [{
        "code": "HX1", "slug": "hostile", "theme": text, "title": text, "observation": text,
        "statement": text, "conditions": [
            {"id": f"c{n}", "expression": e, "text": text} for n, e in enumerate(expressions)]}]}


def test_the_budget_is_shared_by_the_conditions_of_a_principle() -> None:
    """Each condition alone fits; together they exceed: the finding is error, with why."""
    # Of a name: to_string of case objects is unknown (a case may lack some of their fields).
    one = "to_string(" + doubling(16, "parties[0].name") + ") != ''"
    single = compile_expression(one).evaluate(SMALL)
    assert single == (True, ())
    principles = principles_from_data(_principle([one] * 40), "hostile.yaml")
    engine = Engine(plugins=[HousePrinciples(principles=principles)], entry_points=False)
    report = engine.evaluate(SMALL)
    finding = next(f for f in report.findings if f.code == "HX1")
    assert finding.status is Status.ERROR
    problem = next(p for p in report.problems if p.code == "HX1")
    assert "2,000,000 evaluation steps" in problem.detail


# Random text: every string either compiles or is an ExpressionError; what compiles
# evaluates to a verdict, a JMESPath type error or a budget stop, never anything else.
TOKENS = st.sampled_from([
    "a", "b", "parties", "goals", "@", ".", "[", "]", "[*]", "[]", "[?", "(", ")", "{", "}",
    ":", ",", "|", "||", "&&", "!", "==", "!=", "<", ">=", "&", "`1`", "`[1,[2]]`", "'x'",
    "\"q\"", "to_string(", "length(", "sort_by(", "map(", "join(", "contains(", "merge(",
    "[@,@]", "*", "-1", "0", ":2", "signals", "signals.goal_alignment", " ", "`", "'", "\\"])


def _check(source: str) -> None:
    try:
        expression = compile_expression(source)
    except ExpressionError as error:
        assert error.text.en and error.text.nl
        assert error.text.en != error.text.nl
        return
    try:
        held, missing = expression.evaluate({**SMALL, "signals": {"goal_alignment": None}})
    except (jexceptions.JMESPathError, bounds.BudgetExceeded):
        return
    assert held in (True, False, None)
    assert isinstance(missing, tuple)


@ci_examples(200)
@given(st.text(max_size=80))
def test_any_text_compiles_or_gives_a_clean_error(source: str) -> None:
    _check(source)


@ci_examples(200)
@given(st.lists(TOKENS, max_size=30).map("".join))
def test_any_token_soup_compiles_or_gives_a_clean_error(source: str) -> None:
    _check(source)


@ci_examples(50)
@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=60))
def test_any_nesting_depth_compiles_or_gives_a_clean_error(parens: int, filters: int) -> None:
    _check("(" * parens + "a" + "[?b" * filters + "]" * filters + ")" * parens)


def test_the_command_line_reports_a_stopped_principle_and_exits_3(tmp_path: Path) -> None:
    bomb = _principle(["to_string(@" + "|[@,@]" * 25 + ") != ''"])
    (tmp_path / "bomb.json").write_text(json.dumps(bomb), encoding="utf-8")
    (tmp_path / "collabrules.toml").write_text('house-principles = ["bomb.json"]\n',
                                               encoding="utf-8")
    result = run_cli("evaluate", CASE, cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "principle HX1" in result.stderr
    assert "more than 2,000,000 evaluation steps" in result.stderr
    assert "HX1 t: ERROR" in result.stdout
