"""Registry resolution: duplicates, explicit replacements, double replacement, blocking."""

from __future__ import annotations

import pytest

from collabrules import Engine, Settings
from collabrules.io.serialize import report_to_json
from collabrules.model.problems import ProblemKind
from collabrules.model.vocab import Status

from ..conftest import EXAMPLES
from .plugins import boom, fail, hold, plugin, principle

CASE = EXAMPLES / "office-cleaning.yaml"


def kinds(engine: Engine) -> list[ProblemKind]:
    return [p.kind for p in engine.problems]


def test_distinct_codes_are_all_used() -> None:
    engine = Engine(plugins=[plugin("a", principle("HA1")), plugin("b", principle("HB1"))],
                    entry_points=False)
    assert [p.code for p in engine.principles] == ["HA1", "HB1"]
    assert engine.problems == ()


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_duplicate_code_is_a_problem_naming_both_plugins(order: tuple[str, str]) -> None:
    made = {"a": plugin("a", principle("HX1", hold)), "b": plugin("b", principle("HX1", fail))}
    engine = Engine(plugins=[made[n] for n in order], entry_points=False)
    assert kinds(engine) == [ProblemKind.DUPLICATE]
    message = engine.problems[0].message
    assert "HX1" in message.en and "plugin a" in message.en and "plugin b" in message.en
    assert "twee keer" in message.nl
    # whatever the order, the same one is used (the plugin sorted first)
    assert [a.plugin for a in engine.active] == ["a"]


def test_explicit_replacement_wins_without_a_problem() -> None:
    engine = Engine(plugins=[plugin("a", principle("HX1", hold)),
                             plugin("b", principle("HX2", fail, replaces="HX1"))],
                    entry_points=False)
    assert engine.problems == ()
    assert [p.code for p in engine.principles] == ["HX2"]


def test_replacement_with_the_same_code() -> None:
    engine = Engine(plugins=[plugin("a", principle("HX1", hold)),
                             plugin("b", principle("HX1", fail, replaces="HX1"))],
                    entry_points=False)
    assert engine.problems == ()
    assert [a.plugin for a in engine.active] == ["b"]


@pytest.mark.parametrize("order", [("b", "c"), ("c", "b")])
def test_double_replacement_is_a_problem(order: tuple[str, str]) -> None:
    made = {"b": plugin("b", principle("HB1", replaces="HX1")),
            "c": plugin("c", principle("HC1", replaces="HX1"))}
    engine = Engine(plugins=[plugin("a", principle("HX1")), *(made[n] for n in order)],
                    entry_points=False)
    assert kinds(engine) == [ProblemKind.DUPLICATE]
    assert "replaced twice" in engine.problems[0].message.en
    assert [p.code for p in engine.principles] == ["HB1"]


def test_replacing_nothing_is_a_problem() -> None:
    engine = Engine(plugins=[plugin("a", principle("HA1", replaces="ZZ9"))], entry_points=False)
    assert kinds(engine) == [ProblemKind.NOTHING_TO_REPLACE]
    assert "ZZ9" in engine.problems[0].message.en


def test_standard_entry_points_are_loaded_with_distribution_and_version() -> None:
    engine = Engine()
    assert "CR01" in [p.code for p in engine.principles]
    info = engine.plugins["reciprocity"]
    assert info.distribution == "collabrules"
    assert info.version == __import__("collabrules").__version__


def test_house_plugin_duplicating_a_standard_code_is_a_problem() -> None:
    engine = Engine(plugins=[plugin("house", principle("CR01", fail))])
    assert ProblemKind.DUPLICATE in kinds(engine)
    report = engine.evaluate(CASE)
    assert report.problems


def test_house_plugin_replacing_a_standard_principle() -> None:
    engine = Engine(plugins=[plugin("house", principle("HP1", fail, replaces="CR01"))])
    assert engine.problems == ()
    codes = [p.code for p in engine.principles]
    assert "HP1" in codes and "CR01" not in codes
    assert next(f for f in engine.evaluate(CASE).findings if f.code == "HP1").status \
        is Status.VIOLATED


def test_blocking_the_standard_plugin_by_name() -> None:
    engine = Engine(settings=Settings(block=("reciprocity",)))
    assert "reciprocity" not in engine.plugins
    assert "CR01" not in [p.code for p in engine.principles]


def test_blocking_a_plugin_object_by_name() -> None:
    engine = Engine(plugins=[plugin("a", principle("HA1"))], entry_points=False,
                    settings=Settings(block=("a",)))
    assert engine.principles == ()


def test_a_failing_principle_gives_an_error_finding_and_the_rest_completes() -> None:
    engine = Engine(plugins=[plugin("bad", principle("HB1", boom))])
    report = engine.evaluate(CASE)
    statuses = {f.code: f.status for f in report.findings}
    assert statuses["HB1"] is Status.ERROR
    assert statuses["CR01"] is Status.UPHELD
    assert [p.kind for p in report.problems] == [ProblemKind.ASSESS_ERROR]
    assert "RuntimeError: boom" in report.problems[0].message.en


def test_registration_order_does_not_change_the_report() -> None:
    a, b = plugin("a", principle("HA1", fail)), plugin("b", principle("HB1"))
    one = Engine(plugins=[a, b]).evaluate(CASE)
    two = Engine(plugins=[b, a]).evaluate(CASE)
    assert report_to_json(one) == report_to_json(two)


def test_select_and_ignore_shape_the_principle_set() -> None:
    engine = Engine(plugins=[plugin("a", principle("HA1"), principle("HA2"))],
                    entry_points=False, settings=Settings(select=("HA",), ignore=("HA2",)))
    assert [p.code for p in engine.principles] == ["HA1"]
    assert [a.principle.code for a in engine.all_principles] == ["HA1", "HA2"]


def test_input_digest_treats_integral_floats_as_the_json_numbers_they_are() -> None:
    from collabrules.pipeline.engine import digest_of

    assert digest_of({"a": [36, 1.5]}) == digest_of({"a": [36.0, 1.5]})
    assert digest_of({"a": 1.5}) != digest_of({"a": 1})
    assert digest_of({"b": 1, "a": 2}) == digest_of({"a": 2, "b": 1})


def test_load_case_then_evaluate_gives_the_same_digest_as_evaluating_the_file() -> None:
    import collabrules

    from_file = collabrules.evaluate(CASE)
    from_case = collabrules.evaluate(collabrules.load_case(CASE))
    assert from_file.provenance.input_digest == from_case.provenance.input_digest


def test_a_replacement_can_itself_be_replaced() -> None:
    engine = Engine(plugins=[plugin("a", principle("HX1")),
                             plugin("b", principle("HB1", replaces="HX1")),
                             plugin("c", principle("HC1", replaces="HB1"))],
                    entry_points=False)
    assert engine.problems == ()
    assert [p.code for p in engine.principles] == ["HC1"]


def test_configured_severity_longest_prefix_wins() -> None:
    from collabrules.model.vocab import Severity

    settings = Settings(severities={"CR": Severity.LOW, "CR01": Severity.CRITICAL})
    engine = Engine(settings=settings)
    assert [a.severity for a in engine.active] == [Severity.CRITICAL] + [Severity.LOW] * (
        len(engine.active) - 1)
    finding = engine.evaluate(EXAMPLES / "bespoke-software.yaml").finding("CR01")
    # at risk is one step below the configured critical (with "CR" = low it would be low)
    assert (finding.status, finding.severity) == (Status.AT_RISK, Severity.HIGH)
    assert Engine(settings=settings).principle_set.digest != Engine().principle_set.digest


def test_replacements_in_a_circle_are_a_problem() -> None:
    engine = Engine(plugins=[plugin("b", principle("HB1", replaces="HC1")),
                             plugin("c", principle("HC1", replaces="HB1")),
                             plugin("d", principle("HD1"))],
                    entry_points=False)
    assert kinds(engine) == [ProblemKind.REPLACE_CYCLE]
    assert "HB1 -> HC1 -> HB1" in engine.problems[0].message.en
    assert "kring" in engine.problems[0].message.nl
    assert [p.code for p in engine.principles] == ["HD1"]


def test_a_principle_replacing_its_own_code_alone_replaces_nothing() -> None:
    engine = Engine(plugins=[plugin("a", principle("HX1", replaces="HX1"))], entry_points=False)
    assert kinds(engine) == [ProblemKind.NOTHING_TO_REPLACE]
