"""Properties of the engine on generated cases (hypothesis).

Any JSON value gives a validation error or a report; a valid case gives a report that
validates against the report schema; reports do not depend on the run, the process, the
plugin registration order or the thread; case -> JSON -> case round-trips.
"""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules import hookimpl
from collabrules.io.serialize import report_to_json
from collabrules.model.errors import InputError
from collabrules.model.finding import Finding
from collabrules.model.principle import Observation, Principle
from collabrules.model.text import Text
from collabrules.pipeline.assessment import Assessment
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.loading import Document, parse_bytes
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.structure import structure_case, unstructure_case
from collabrules.render.text import render_text

from ..conftest import ci_examples
from ..strategies import json_values, valid_cases
from .conftest import run_cli

REPORT_SCHEMA = jsonschema.Draft202012Validator(load_schema("report"))
ENGINE = collabrules.default_engine() if hasattr(collabrules, "default_engine") else Engine()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _evaluate_or_error(engine: Engine, value: Any) -> str | InputError:
    try:
        return report_to_json(engine.evaluate(Document(value, "<generated>")))
    except InputError as error:
        assert error.issues
        for issue in error.issues:
            assert issue.file == "<generated>"
            assert issue.path.startswith("$")
            assert issue.message.en and issue.message.nl
        return error


@given(json_values)
def test_any_json_value_gives_an_error_or_a_report(value: Any) -> None:
    _evaluate_or_error(ENGINE, value)
    try:
        document = parse_bytes(json.dumps(value).encode(), "<generated>.json")
    except InputError:
        return
    _evaluate_or_error(ENGINE, document.data)


@st.composite
def _mutated(draw: st.DrawFn) -> Any:
    """A valid case with one subtree replaced by an arbitrary JSON value."""
    case = draw(valid_cases())
    node: Any = case
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) \
            if isinstance(node, list) else []
        if not keys:
            return case
        key = draw(st.sampled_from(keys))
        if draw(st.booleans()) or not isinstance(node[key], (dict, list)):
            node[key] = draw(json_values)
            return case
        node = node[key]


@given(_mutated())
def test_any_mutated_case_gives_an_error_or_a_report(value: Any) -> None:
    _evaluate_or_error(ENGINE, value)


@given(valid_cases(), st.sampled_from(["en", "nl"]))
def test_valid_case_gives_a_schema_valid_report_identical_across_runs(
        case: dict[str, Any], lang: str) -> None:
    """Two claims sharing the first evaluation (two properties before; ADR 0024, item 19)."""
    report = ENGINE.evaluate(case)
    REPORT_SCHEMA.validate(json.loads(report_to_json(report, lang)))
    assert render_text(report, lang, width=60, verbose=True).encode("utf-8")
    assert {f.code for f in report.findings} == set(ENGINE.principle_set.codes)
    assert report_to_json(ENGINE.evaluate(case)) == report_to_json(report)


@given(valid_cases())
def test_case_json_case_round_trip(data: dict[str, Any]) -> None:
    case = structure_case(data)
    again = structure_case(json.loads(json.dumps(unstructure_case(case))))
    assert again == case
    assert unstructure_case(again) == unstructure_case(case)


def _house_principle(a: Assessment) -> None:
    a.check("spend_known", None if a.case.delivery is None
            else a.case.delivery.annual_spend is not None,
            Text("the annual spend is known", "de jaarlijkse uitgave is bekend"))


class _HousePlugin:
    """A principle of our own, registered next to the standard ones."""

    @hookimpl
    def collabrules_add_principles(self, register: Any) -> None:
        register(Principle(
            code="HX01", slug="spend-known", theme=Text("Facts", "Feiten"),
            title=Text("Know the spend", "Ken de uitgave"),
            observation=Observation(Text("Money matters.", "Geld telt.")),
            statement=Text("Know the spend.", "Ken de uitgave."),
            checks=Text("The spend.", "De uitgave."), assess=_house_principle))


class _Tagger:
    """Adjusts every finding in a way that does not depend on other plugins."""

    @hookimpl
    def collabrules_adjust_finding(self, finding: Finding) -> Finding:
        return attrs.evolve(finding, actions=(*finding.actions, Text("Review.", "Herzie.")))


_STANDARD = [(ep.name, ep.load()) for ep in metadata.entry_points(group="collabrules")
             if ep.value.startswith("collabrules.standard")]
_PLUGINS = [*_STANDARD, ("house", _HousePlugin()), ("tagger", _Tagger())]


@ci_examples(25)
@given(valid_cases(), st.permutations(_PLUGINS))
def test_report_does_not_depend_on_registration_order(
        case: dict[str, Any], order: list[tuple[str, object]]) -> None:
    reference = Engine(plugins=_PLUGINS, entry_points=False)
    shuffled = Engine(plugins=order, entry_points=False)
    report = shuffled.evaluate(case)
    assert report_to_json(report) == report_to_json(reference.evaluate(case))
    assert "HX01" in {f.code for f in report.findings}


def test_standard_plugins_found() -> None:
    assert len(_STANDARD) >= 2


def _portfolio(tmp_path: Path) -> Path:
    cases = [ENGINE.load(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    lines = [json.dumps(unstructure_case(c)) for c in cases]
    for case in cases:  # the same cases seen from the other side
        data = unstructure_case(case)
        data["perspective"] = next(p["id"] for p in data["parties"]
                                   if p["id"] != data["perspective"])
        lines.append(json.dumps(data, ensure_ascii=False))
    path = tmp_path / "portfolio.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_is_identical_across_processes(tmp_path: Path) -> None:
    portfolio = _portfolio(tmp_path)
    outputs = set()
    for seed in ("0", "1", "12345"):
        result = run_cli("evaluate", str(portfolio), "--format", "json", "--fail-on", "never",
                         "--provenance", "each", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
    in_process = [json.loads(line) for line in outputs.pop().splitlines()]
    assert len(in_process) == 2 * len(list(EXAMPLES.glob("*.yaml")))  # each seen from both sides
    for number, line in enumerate(portfolio.read_text().splitlines(), 1):
        document = parse_bytes(line.encode(), f"{portfolio}:{number}", fmt="json")
        expected = json.loads(report_to_json(ENGINE.evaluate(document)))
        assert in_process[number - 1] == expected


def test_one_engine_from_eight_threads(tmp_path: Path) -> None:
    engine = Engine()
    lines = _portfolio(tmp_path).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines] * 8
    sequential = [report_to_json(engine.evaluate(c)) for c in cases]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda c: report_to_json(engine.evaluate(c)), cases))
    assert parallel == sequential


def test_case_objects_get_the_same_checks_as_files() -> None:
    case = ENGINE.load(EXAMPLES / "office-cleaning.yaml")
    assert case.delivery is not None
    broken = attrs.evolve(case, delivery=attrs.evolve(case.delivery, annual_spend=math.nan))
    with pytest.raises(InputError) as caught:
        ENGINE.evaluate(broken)
    assert caught.value.issues[0].path == "$.delivery.annual_spend"
    nobody = attrs.evolve(case, perspective="nobody")
    with pytest.raises(InputError) as caught:
        ENGINE.evaluate(nobody)
    assert caught.value.issues[0].message.en == "the perspective 'nobody' names no party"
