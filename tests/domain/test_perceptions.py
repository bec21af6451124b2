"""Perceptions: the questionnaire as data, the plugin hook, schema 1.2 and its checks."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

import collabrules
from collabrules.host.hookspecs import hookimpl
from collabrules.model.errors import InputError
from collabrules.model.questionnaire import Statement, StatementRegistrar, Theme
from collabrules.model.text import Text
from collabrules.pipeline.completion import domain
from collabrules.pipeline.loading import Document
from collabrules.pipeline.versions import version_issues
from collabrules.standard.questionnaire import standard_questionnaire

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bespoke-software-perceptions.yaml"
ENGINE = collabrules.default_engine()


def example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    return data


def issues(data: dict[str, Any], engine: collabrules.Engine = ENGINE) -> list[Any]:
    try:
        engine.validate(Document(data, "case.yaml"))
    except InputError as error:
        return list(error.issues)
    return []


def test_questionnaire_data_is_complete_in_both_languages() -> None:
    q = standard_questionnaire()
    assert q.version == "1"
    assert len(q.scale) == 5 and all(p.en and p.nl and p.en != p.nl for p in q.scale)
    theme_ids = [t.id for t in q.themes]
    assert len(set(theme_ids)) == len(theme_ids)
    codes = {p.code for p in ENGINE.principles}
    for theme in q.themes:
        assert theme.principles and set(theme.principles) <= codes, theme.id
        assert 1 <= sum(s.theme == theme.id for s in q.statements) <= 2, theme.id
    assert len(set(q.ids())) == len(q.ids())
    for statement in q.statements:
        assert statement.theme in theme_ids
        for text in (statement.us, statement.them):
            assert text.en and text.nl and text.en != text.nl
        assert statement.us.en != statement.them.en


def test_the_themes_the_issue_names_are_asked() -> None:
    themes = {t.id for t in standard_questionnaire().themes}
    assert {"reciprocity", "shared_goals", "trust", "openness", "contract_fairness",
            "investment"} <= themes


class _HousePlugin:
    """A plugin that adds one theme with one statement."""

    @hookimpl
    def collabrules_add_perception_statements(self, register: StatementRegistrar) -> None:
        register(themes=[Theme(id="house_ethics", title=Text("Ethics", "Ethiek"),
                               principles=("CR05",))],
                 statements=[Statement(id="house_fair_play", theme="house_ethics",
                                       us=Text("We play fair.", "Wij spelen eerlijk."),
                                       them=Text("They play fair.", "Zij spelen eerlijk."))])


class _ClashingPlugin:
    @hookimpl
    def collabrules_add_perception_statements(self, register: StatementRegistrar) -> None:
        register(statements=[Statement(id="gains_enough", theme="trust",
                                       us=Text("x", "y"), them=Text("x", "y"))])


def test_a_plugin_adds_statements_that_cases_may_answer() -> None:
    engine = collabrules.Engine(plugins=[("house", _HousePlugin())])
    assert engine.questionnaire.statement("house_fair_play") is not None
    assert engine.questionnaire.theme("house_ethics") is not None
    data = example()
    data["parties"][0]["perceptions"]["answers"].append(
        {"statement": "house_fair_play", "us": 4, "them": 2})
    assert issues(data, engine) == []
    [issue] = issues(data)  # the standard engine does not know the statement
    assert issue.path == "$.parties[0].perceptions.answers[10].statement"
    report = engine.evaluate(data)
    themes = [t.theme for t in report.perceptions[0].themes]
    assert themes[-1] == "house_ethics"


def test_a_plugin_that_reuses_a_statement_id_is_a_problem() -> None:
    engine = collabrules.Engine(plugins=[("clash", _ClashingPlugin())])
    assert any("gains_enough" in p.message.en for p in engine.problems)
    assert engine.questionnaire.ids() == standard_questionnaire().ids()


def test_the_example_is_valid_1_2() -> None:
    assert issues(example()) == []
    case = ENGINE.structure(Document(example(), "case.yaml"))
    perceptions = case.parties[1].perceptions
    assert perceptions is not None and perceptions.respondent.name == "Sander Bakker"
    assert perceptions.answers[2].statement == "contract_fair" and perceptions.answers[2].us == 1


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_perceptions_in_an_older_file_is_a_located_error(version: str) -> None:
    data = example()
    data["schema_version"] = version
    found = [i for i in version_issues(data, "case.yaml") if "perceptions" in i.path]
    assert [i.path for i in found] == ["$.parties[0].perceptions", "$.parties[1].perceptions"]
    assert found[0].hint is not None and 'schema_version: "1.2"' in found[0].hint.en
    assert 'schema_version: "1.2"' in found[0].hint.nl


def test_older_files_without_perceptions_stay_valid() -> None:
    data = yaml.safe_load((ROOT / "examples" / "bespoke-software.yaml").read_text("utf-8"))
    assert data["schema_version"] == "1.0" and issues(data) == []


def test_an_unknown_statement_says_what_was_meant() -> None:
    data = example()
    data["parties"][1]["perceptions"]["answers"][6]["statement"] = "keeps_comitments"
    [issue] = issues(data)
    assert issue.path == "$.parties[1].perceptions.answers[6].statement"
    assert issue.line is None or issue.line > 0
    assert issue.hint is not None and "keeps_commitments" in issue.hint.en
    assert "bedoelde u" in issue.hint.nl and "vragenlijst" in issue.message.nl


def test_a_statement_answered_twice_is_an_error() -> None:
    data = example()
    answers = data["parties"][0]["perceptions"]["answers"]
    answers.append(copy.deepcopy(answers[0]))
    [issue] = issues(data)
    assert issue.path == "$.parties[0].perceptions.answers[10].statement"
    assert "twice" in issue.message.en and "twee keer" in issue.message.nl


@pytest.mark.parametrize("score", [0, 6, 2.5, "4"])
def test_a_score_outside_1_to_5_is_a_located_error(score: object) -> None:
    data = example()
    data["parties"][0]["perceptions"]["answers"][3]["them"] = score
    found = issues(data)
    assert [i.path for i in found] == ["$.parties[0].perceptions.answers[3].them"]


def test_an_answer_needs_a_side_and_the_answers_need_who_and_when() -> None:
    data = example()
    del data["parties"][0]["perceptions"]["answers"][0]["us"]
    del data["parties"][0]["perceptions"]["answers"][0]["them"]
    del data["parties"][1]["perceptions"]["date"]
    paths = {i.path for i in issues(data)}
    assert "$.parties[0].perceptions.answers[0]" in paths
    assert any(p.startswith("$.parties[1].perceptions") for p in paths)


def test_the_completion_rule_never_fills_in_perception_answers() -> None:
    data = example()
    del data["parties"][0]["perceptions"]["answers"][0]["us"]
    for path in ("$.parties[0].perceptions.answers[0].us",
                 "$.parties[0].perceptions.answers[0].them",
                 "$.parties[0].perceptions.answers[0].statement",
                 "$.parties[0].perceptions.date"):
        assert domain(data, path) is None, path


def test_no_finding_waits_on_a_perception_answer() -> None:
    report = ENGINE.evaluate(EXAMPLE)
    for finding in report.findings:
        waiting = [p for p in finding.missing if "perceptions" in p]
        assert waiting == [], finding.code
    assert all("perceptions" not in q.path for q in report.questions)
