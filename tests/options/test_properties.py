"""Properties of the options view over generated cases.

* the "as it is today" column gives exactly the verdicts of the normal report;
* an option is never judged on facts the case does not have: outside the fields the
  option's model sets, every fact an option's findings cite has the case's value, and a
  fact the case leaves out stays unknown (the trust a model needs is never set).
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given

import collabrules
from collabrules.alternatives.choosing import changes, evaluate_options, implied_change

from ..conftest import ci_examples
from ..strategies import valid_cases

SETTINGS = ci_examples(30)
_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def lookup(document: Any, path: str) -> Any:
    """The value at a JSON path such as ``$.parties[1].goals[0].topic``; ``None`` if absent."""
    import json

    value = document
    for name, index, quoted in _STEP.findall(path.removeprefix("$")):
        key: str | int = int(index) if index else (json.loads(quoted) if quoted else name)
        if isinstance(key, int):
            if not isinstance(value, list) or key >= len(value):
                return None
        elif not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def test_lookup_follows_paths() -> None:
    document = {"parties": [{"id": "a"}, {"goals": [{"topic": "price"}]}], "x y": 1}
    assert lookup(document, "$.parties[1].goals[0].topic") == "price"
    assert lookup(document, "$.parties[0].goals") is None
    assert lookup(document, '$["x y"]') == 1


def _decided_by_option(path: str, changed: list[str]) -> bool:
    return any(path == c or path.startswith((c + ".", c + "[")) or c.startswith(path + ".")
               for c in changed)


@SETTINGS
@given(valid_cases())
def test_today_is_the_normal_report_and_no_option_is_judged_on_facts_the_case_lacks(
        document: dict[str, Any]) -> None:
    """Both claims of the module on one options view of each drawn case (two properties
    before, each building the view; ADR 0024, item 19)."""
    engine = collabrules.default_engine()
    normal = engine.evaluate(document)
    view = evaluate_options(engine, document)
    assert view.today.report.findings == normal.findings
    assert view.today.report.recommendation == normal.recommendation
    assert [o.key for o in view.options] == [m.id for m in engine.taxonomy.ordered()]

    relationship = document.get("relationship") or {}
    for option in view.options:
        assert option.model is not None
        change = implied_change(option.model)
        assert "trust" not in change
        actual = option.trust_actual.value if option.trust_actual else None
        assert actual == relationship.get("trust")
        changed = [c.path for c in changes({}, change)]
        for finding in option.report.findings:
            for condition in finding.conditions:
                for fact in condition.facts:
                    if _decided_by_option(fact.path, changed):
                        continue
                    known = lookup(document, fact.path)
                    assert (known is None) == (fact.value is None), (option.key, fact)
                    if isinstance(known, (str, int, float, bool)):
                        assert fact.value == known, (option.key, fact)
