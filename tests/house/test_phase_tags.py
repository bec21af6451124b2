"""A house plugin tags its own actions with lifecycle phases through
``collabrules_add_phase_tags``, as the standard plugin tags its own (``phases.json``); a
report's phase plan follows the tags, and a wrong tag is the plugin's problem."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from collabrules import hookimpl
from collabrules.io.compact import Catalogue, CompactWriter, read_compact
from collabrules.io.serialize import report_to_dict, report_to_json
from collabrules.model.lifecycle import PhaseTag, PhaseTagRegistrar, phase_plan
from collabrules.model.problems import ProblemKind
from collabrules.model.report import Report
from collabrules.model.text import Text
from collabrules.model.vocab import Phase
from collabrules.pipeline.engine import Engine
from collabrules.render.phases import phase_listing
from collabrules.testing import case_with

from ..conftest import EXAMPLES
from .conftest import EXAMPLE_PLUGIN

NET_POSITIVE = "ACME01/supplier_net_positive"
DEMONSTRATED = "ACME01/supplier_benefit_demonstrated"


@pytest.fixture
def acme(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The example distribution's package, imported from its source folder."""
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN / "src"))
    yield importlib.import_module("collabrules_house_example")


def _bespoke(engine: Engine, phase: str) -> Report:
    """The bespoke-software case (ACME01 fails both its checks) in ``phase``."""
    return engine.evaluate(case_with(EXAMPLES / "bespoke-software.yaml",
                                     lambda d: d["relationship"].update(phase=phase)))


def _acme_actions(advice: Any) -> list[str]:
    return [a.action.en.split()[0] for a in advice if a.code == "ACME01"]


def test_a_house_plugin_tags_its_actions_through_the_hook(acme: ModuleType) -> None:
    engine = Engine(plugins=[("acme", acme)])
    assert not engine.problems
    tags = engine.phase_tags
    assert tags.tags[NET_POSITIVE].label.nl == "voorwaarden die de leverancier netto voordeel geven"
    assert tags.phases_of("ACME01", "supplier_net_positive") == {
        Phase.SELECTING, Phase.CONTRACTING, Phase.RESTRUCTURING}
    assert tags.phases_of("ACME01", "supplier_benefit_demonstrated") == {
        Phase.EXPLORING, Phase.SELECTING}
    assert "CR05/trust_sufficient" in tags.tags, "the standard tags are registered alike"


def test_the_phase_plan_follows_the_house_tags(acme: ModuleType) -> None:
    engine = Engine(plugins=[("acme", acme)])
    contracting = _bespoke(engine, "contracting")
    plan = phase_plan(contracting.findings, contracting.phase, contracting.phase_tags)
    assert plan is not None
    assert _acme_actions(plan.now) == ["Work"], "the terms belong to contracting"
    assert _acme_actions(plan.later) == [], "transition needs neither"
    exploring = _bespoke(engine, "exploring")
    plan = phase_plan(exploring.findings, exploring.phase, exploring.phase_tags)
    assert plan is not None
    assert _acme_actions(plan.now) == ["Describe"]
    assert _acme_actions(plan.later) == ["Work"], "selecting, the next phase, needs the terms"
    written = report_to_dict(exploring)["phase_plan"]
    assert [a["phases"] for a in written["now"] if a["code"] == "ACME01"] == [
        ["exploring", "selecting"]]


def test_untagged_house_actions_apply_in_every_phase(acme: ModuleType,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(acme, "collabrules_add_phase_tags")
    engine = Engine(plugins=[("acme", acme)])
    report = _bespoke(engine, "contracting")
    plan = phase_plan(report.findings, report.phase, report.phase_tags)
    assert plan is not None
    assert sorted(_acme_actions(plan.now)) == ["Describe", "Work"]


def test_principles_by_phase_list_the_house_checks(acme: ModuleType) -> None:
    engine = Engine(plugins=[("acme", acme)])
    listing = phase_listing([a.principle for a in engine.active], engine.phase_tags,
                            Phase.EXPLORING, "nl").to_dict()
    [acme01] = [p for p in listing["principles"] if p["code"] == "ACME01"]
    assert acme01["checks"] == [{"id": DEMONSTRATED,
                                 "label": "het voordeel van de leverancier in de businesscase"}]


class _Tagging:
    """A plugin that registers the given ``(action, tag)`` pairs."""

    def __init__(self, *pairs: tuple[str, Any]) -> None:
        self._pairs = pairs

    @hookimpl
    def collabrules_add_phase_tags(self, register: PhaseTagRegistrar) -> None:
        for action, tag in self._pairs:
            register(action, tag)


_LABEL = Text("a label", "een label")


@pytest.mark.parametrize(("action", "tag", "says"), [
    ("CR05/trust_sufficient", PhaseTag(_LABEL, frozenset({Phase.EXITING})), "already tagged"),
    ("HOUSE1", PhaseTag(_LABEL, frozenset({Phase.EXITING})), "not CODE/condition-id"),
    ("HOUSE1/x", PhaseTag(_LABEL, frozenset({"leaving"})), "'leaving' is not a valid Phase"),
    ("HOUSE1/x", {"phases": ["exiting"]}, "expects a PhaseTag, got dict"),
])
def test_a_wrong_tag_is_the_plugins_problem(action: str, tag: Any, says: str) -> None:
    plugin = _Tagging(("HOUSE1/first", PhaseTag(_LABEL, frozenset({Phase.EXITING}))),
                      (action, tag))
    engine = Engine(plugins=[("tagger", plugin)])
    [problem] = engine.problems
    assert problem.kind is ProblemKind.PLUGIN_HOOK
    assert (problem.plugin, problem.code) == ("tagger", "collabrules_add_phase_tags")
    assert says in problem.detail
    assert "HOUSE1/first" in engine.phase_tags.tags, "what came before the wrong tag counts"
    assert len(engine.phase_tags.tags) > 1, "the standard tags are unaffected"


def test_compact_results_expand_with_the_tags_of_their_engine(acme: ModuleType) -> None:
    engine = Engine(plugins=[("acme", acme)])
    report = _bespoke(engine, "contracting")
    writer = CompactWriter(Catalogue.of(engine))
    lines = [writer.header(), writer.line(report)]
    [expanded] = read_compact(lines, phase_tags=engine.phase_tags)
    assert expanded == report
    assert report_to_json(expanded) == report_to_json(report)
    [installed] = read_compact(lines)  # by default: the installed plugins' tags
    assert installed.phase_tags == Engine().phase_tags
    assert "CR05/trust_sufficient" in installed.phase_tags.tags
