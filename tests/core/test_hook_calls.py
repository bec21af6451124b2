"""Hooks are called through pluggy: wrappers, tryfirst/trylast and unknown hook names work
as pluggy documents them, and a failing implementation is still reported on its own."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import attrs
import pytest

from collabrules import Engine, Finding, Report, hookimpl
from collabrules.model.problems import ProblemKind
from collabrules.model.summary import summarise
from collabrules.model.text import Text
from collabrules.model.vocab import Severity, Status

ROOT = Path(__file__).resolve().parents[2]
OFFICE = ROOT / "examples" / "office-cleaning.yaml"
MONOPOLIST = ROOT / "examples" / "aggressive-monopolist.yaml"
MARK = Text("marked", "gemarkeerd")


class Marker:
    """Adds an action to every finding."""

    @hookimpl
    def collabrules_adjust_finding(self, finding: Finding) -> Finding:
        return attrs.evolve(finding, actions=(*finding.actions, MARK))


class NewStyleWrapper:
    """A pluggy wrapper that sees each result and changes it."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @hookimpl(wrapper=True)
    def collabrules_adjust_finding(self, finding: Finding) -> Generator[None, Any, Any]:
        result = yield
        self.seen.append(finding.code)
        return [attrs.evolve(f, rationale=Text("wrapped", "omhuld")) for f in result]


class OldStyleWrapper:
    """A pluggy ``hookwrapper`` that only observes."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @hookimpl(hookwrapper=True)
    def collabrules_adjust_finding(self, finding: Finding) -> Generator[None, Any, None]:
        outcome = yield
        self.seen.extend(f.code for f in outcome.get_result())


def test_a_new_style_wrapper_wraps_each_implementation() -> None:
    wrapper = NewStyleWrapper()
    report = Engine(plugins=[("marker", Marker()), ("wrapper", wrapper)]).evaluate(OFFICE)
    assert report.problems == ()
    assert sorted(wrapper.seen) == sorted(f.code for f in report.findings)
    for finding in report.findings:
        assert finding.rationale.en == "wrapped"
        assert finding.actions[-1] == MARK


def test_an_old_style_hookwrapper_observes_each_result() -> None:
    wrapper = OldStyleWrapper()
    report = Engine(plugins=[("marker", Marker()), ("wrapper", wrapper)]).evaluate(OFFICE)
    assert report.problems == ()
    assert sorted(wrapper.seen) == sorted(f.code for f in report.findings)


class RaisingWrapper:
    @hookimpl(wrapper=True)
    def collabrules_adjust_finding(self) -> Generator[None, Any, Any]:
        yield
        raise ValueError("the wrapper broke")


class PassThrough:
    @hookimpl(wrapper=True)
    def collabrules_adjust_finding(self) -> Generator[None, Any, Any]:
        return (yield)


class RaisingMarker:
    @hookimpl
    def collabrules_adjust_finding(self) -> None:
        raise ValueError("the implementation broke")


@pytest.mark.parametrize(("plugins", "culprit", "message"), [
    ([("marker", Marker()), ("wrapper", RaisingWrapper())], "wrapper", "the wrapper broke"),
    ([("broken", RaisingMarker()), ("wrapper", PassThrough())], "broken",
     "the implementation broke"),
])
def test_a_failure_names_the_plugin_whose_code_raised(
        plugins: list[tuple[str, Any]], culprit: str, message: str) -> None:
    report = Engine(plugins=plugins).evaluate(OFFICE)
    assert {(p.kind, p.plugin, p.code) for p in report.problems} == {
        (ProblemKind.PLUGIN_HOOK, culprit, "collabrules_adjust_finding")}
    assert message in report.problems[0].message.en
    assert Status.ERROR not in {f.status for f in report.findings}


def _recorder(name: str, calls: list[str], **opts: bool) -> tuple[str, Any]:
    class Recorder:
        @hookimpl(**opts)
        def collabrules_adjust_finding(self, finding: Finding) -> None:
            if finding.code == "CR01":
                calls.append(name)

    return name, Recorder()


@pytest.mark.parametrize("reverse", [False, True])
def test_tryfirst_then_by_name_then_trylast_whatever_the_load_order(reverse: bool) -> None:
    calls: list[str] = []
    plugins = [_recorder("a-last", calls, trylast=True), _recorder("b", calls),
               _recorder("c", calls), _recorder("d-first", calls, tryfirst=True)]
    Engine(plugins=plugins[::-1] if reverse else plugins).evaluate(OFFICE)
    assert calls == ["d-first", "b", "c", "a-last"]


class Misspelled:
    @hookimpl
    def collabrules_adjust_findings(self, finding: Finding) -> None:
        raise AssertionError("never called")


def test_an_unknown_hook_is_a_problem_with_a_suggestion() -> None:
    engine = Engine(plugins=[("typo", Misspelled())])
    [problem] = engine.problems
    assert (problem.kind, problem.plugin, problem.code) == (
        ProblemKind.UNKNOWN_HOOK, "typo", "collabrules_adjust_findings")
    assert "not a collabrules hook" in problem.message.en
    assert problem.message.en.endswith("Did you mean collabrules_adjust_finding?")
    assert problem.message.nl.endswith("Bedoelde u collabrules_adjust_finding?")
    assert engine.evaluate(OFFICE).problems == (problem,)


class Optional:
    @hookimpl(optionalhook=True)
    def collabrules_from_the_future(self) -> None:
        raise AssertionError("never called")


def test_an_optional_hook_of_another_version_is_not_a_problem() -> None:
    assert Engine(plugins=[("later", Optional())]).problems == ()


class Inspector:
    """Keeps the report ``collabrules_adjust_report`` receives."""

    def __init__(self) -> None:
        self.seen: list[Report] = []

    @hookimpl
    def collabrules_adjust_report(self, report: Report) -> None:
        self.seen.append(report)


def test_adjust_report_receives_the_finished_report() -> None:
    inspector = Inspector()
    report = Engine(plugins=[("broken", RaisingMarker()), ("inspector", inspector)]
                    ).evaluate(MONOPOLIST)
    [seen] = inspector.seen
    assert seen.summary == summarise(seen.findings, seen.recommendation)
    assert seen.summary.worst is not Severity.NONE
    assert seen.summary.headline.en
    assert seen.problems and {p.plugin for p in seen.problems} == {"broken"}
    assert seen == report


class Hider:
    """Tries to drop the problems and to fake the summary."""

    @hookimpl
    def collabrules_adjust_report(self, report: Report) -> Report:
        summary = attrs.evolve(report.summary, worst=Severity.NONE)
        return attrs.evolve(report, problems=(), summary=summary)


def test_a_plugin_cannot_drop_problems_or_fake_the_summary() -> None:
    report = Engine(plugins=[("broken", RaisingMarker()), ("hider", Hider())]
                    ).evaluate(MONOPOLIST)
    assert {p.plugin for p in report.problems} == {"broken"}
    assert report.summary == summarise(report.findings, report.recommendation)
    assert report.summary.worst is not Severity.NONE
