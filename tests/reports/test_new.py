"""``collabrules new``: guided intake through an answers file and a real pseudo-terminal."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from collabrules.authoring.intake import (
    QUESTIONS,
    AnswerError,
    Question,
    allowed,
    build_case,
    case_yaml,
    is_asked,
    parse_answer,
)
from collabrules.pipeline.engine import case_validator
from collabrules.pipeline.loading import parse_bytes
from collabrules.pipeline.structure import consistency_issues

from ..conftest import ci_examples
from .helpers import ROOT, run_cli, run_cli_here

ANSWERS = {
    "id": "rail-supply", "title": "Supplying the national rail operator",
    "perspective": "supplier", "us.name": "Small Parts BV", "us.size": "small",
    "us.benefit": "positive", "them.name": "National Rail", "them.attitude": "hostile",
    "them.power": "dominant", "them.replaceability": "irreplaceable",
    "delivery.kind": "product", "relationship.posture": "open", "relationship.trust": "high",
    "relationship.safeguards.price_guarantee": "no",
    "relationship.development.planned_months": "3",
    "us.capabilities_offered": "precision casting, fast delivery,",
    "us.capabilities_needed": ["rail certification"],
    "us.goal.topic": "margin", "us.goal.direction": "maximise", "us.goal.disclosed": "nee",
    "them.goal.topic": "price", "them.goal.direction": "minimise",
    "them.target.department": "Purchasing", "them.target.target": "20% discount",
    "them.target.topic": "discount", "them.target.direction": "maximise",
    "relationship.resistance.who": "maintenance crews",
    "relationship.resistance.against": "the new parts",
    "relationship.resistance.investigated": "no",
}
REQUIRED = {"id": "bare", "perspective": "customer", "us.name": "A", "them.name": "B"}


def test_answers_file_gives_a_case_that_validates_and_evaluates(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.json", tmp_path / "case.yaml"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = run_cli("new", str(case), "--answers", str(answers), "--lang", "nl")
    assert result.returncode == 0, result.stderr
    text = case.read_text(encoding="utf-8")
    assert "# Hoe gedraagt de andere partij zich in deze relatie?" in text
    data = yaml.safe_load(text)
    assert data["parties"][1] == {
        "id": "customer", "name": "National Rail", "role": "customer", "attitude": "hostile",
        "power": "dominant", "replaceability": "irreplaceable",
        "goals": [{"topic": "price", "direction": "minimise"}],
        "departmental_targets": [{"department": "Purchasing", "target": "20% discount",
                                  "topic": "discount", "direction": "maximise"}]}
    us = data["parties"][0]
    assert us["capabilities_offered"] == ["precision casting", "fast delivery"]
    assert us["capabilities_needed"] == ["rail certification"]
    assert us["goals"] == [{"topic": "margin", "direction": "maximise", "disclosed": False}]
    assert "departmental_targets" not in us
    assert data["relationship"]["resistance"] == [
        {"who": "maintenance crews", "against": "the new parts", "investigated": False}]
    assert "# Kent de andere partij dit doel?" in text
    assert "# Waartegen verzetten zij zich?" in text
    assert data["relationship"]["development"] == {"planned_months": 3}
    assert "size" not in data["parties"][1]  # not answered: unknown, left out
    assert run_cli("validate", str(case)).returncode == 0
    evaluated = run_cli("evaluate", str(case), "--format", "json", "--fail-on", "never")
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads(evaluated.stdout)
    assert report["case"]["id"] == "rail-supply"
    cited = json.dumps(report)
    assert "$.parties[1].goals[0].direction" in cited  # the new answers reach the principles
    assert "$.relationship.resistance" in cited


def test_skipping_everything_optional_still_validates(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.yaml", tmp_path / "case.yaml"
    answers.write_text(json.dumps(REQUIRED), encoding="utf-8")
    result = run_cli_here("new", str(case), "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert data["parties"][0] == {"id": "customer", "name": "A", "role": "customer"}
    assert "relationship" not in data
    assert run_cli_here("validate", str(case)).returncode == 0


def test_follow_up_answers_need_their_lead_question(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.json", tmp_path / "case.yaml"
    answers.write_text(json.dumps({
        **REQUIRED, "us.target.target": "20% discount", "us.goal.direction": "keep",
        "relationship.resistance.who": "sales"}), encoding="utf-8")
    result = run_cli_here("new", str(case), "--answers", str(answers))
    assert result.returncode == 2
    assert f"{answers}: $.us.target.target: answered, but 'us.target.department' was " \
        "skipped" in result.stderr
    assert f"{answers}: $.us.goal.direction: answered, but 'us.goal.topic'" in result.stderr
    assert f"{answers}: $.relationship.resistance.against: an answer is required" \
        in result.stderr
    assert not case.exists() and "Traceback" not in result.stderr


def test_capability_lists_drop_blanks_and_keep_order() -> None:
    question = next(q for q in QUESTIONS if q.key == "them.capabilities_needed")
    assert parse_answer(question, " b , a,, c ") == ["b", "a", "c"]
    assert parse_answer(question, " , ") is None
    assert parse_answer(question, ["x", " "]) == ["x"]


def test_bad_answers_are_named_with_their_key(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.yaml", tmp_path / "case.yaml"
    answers.write_text("id: 'no spaces allowed'\nperspective: buyer\nus.colour: red\n",
                       encoding="utf-8")
    result = run_cli_here("new", str(case), "--answers", str(answers))
    assert result.returncode == 2
    assert f"{answers}: $.perspective: 'buyer' is not one of: customer, supplier" \
        in result.stderr
    assert f"{answers}: $.us.colour: unknown question" in result.stderr
    assert f"{answers}: $.us.name: an answer is required" in result.stderr
    assert not case.exists() and "Traceback" not in result.stderr


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("keep me", encoding="utf-8")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    assert run_cli_here("new", str(case), "--answers", str(answers)).returncode == 2
    assert case.read_text(encoding="utf-8") == "keep me"


def test_every_answer_combination_of_choices_yields_valid_yaml() -> None:
    answers = {q.key: None for q in QUESTIONS}
    answers.update({"id": "x", "perspective": "customer", "us.name": "A: 'quoted' #1",
                    "them.name": "B\nnewline"})
    for question in QUESTIONS:
        if question.choices is not None:
            answers[question.key] = parse_answer(question, list(question.choices)[-1].value)
    data = yaml.safe_load(case_yaml(answers, "en"))
    assert data["parties"][0]["name"] == "A: 'quoted' #1"
    assert data["parties"][1]["name"] == "B\nnewline"


def test_interactive_intake_in_dutch_through_a_pty(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    child = pexpect.spawn(sys.executable, ["-m", "collabrules", "new", str(case), "--lang", "nl"],
                          cwd=str(ROOT), encoding="utf-8", timeout=60, dimensions=(40, 120))
    # Choices answered in Dutch (labels, any case) and as English ids; optional ones skipped.
    typed = {"id": "pty-case", "perspective": "Klant", "us.name": "Haven BV",
             "them.name": "Codeworks", "them.attitude": "coöperatief",
             "delivery.risk": "hoog", "relationship.governance.mixed_teams": "ja",
             "them.goal.topic": "prijs", "them.goal.direction": "minimise",
             "us.size": "klein"}
    child.expect("Beschrijf de relatie. Druk op Enter om een optionele vraag over te slaan")
    for question in QUESTIONS:
        if question.after is not None and not typed.get(question.after):
            continue  # follow-up of a skipped question: not asked
        mark = r" \(verplicht\)" if question.required else ""  # nothing else: optional
        child.expect(re.escape(question.prompt.get("nl")) + mark + r"(\x1b\[0m)?\r\n")
        if question.key == "perspective":
            child.expect_exact("Toegestaan: customer (klant), supplier (leverancier)")
            child.expect_exact("> ")
            child.sendline("buyer")  # wrong: asked again with the allowed values
            child.expect_exact("'buyer' is niet een van: customer (klant), supplier "
                               "(leverancier)")
        if question.key == "us.name":
            child.expect_exact("> ")
            child.sendline("")  # a required question cannot be skipped, and says so
            child.expect_exact("een antwoord is verplicht; deze vraag kan niet worden "
                               "overgeslagen")
        child.expect_exact("> ")
        child.sendline(typed.get(question.key, ""))
    child.expect_exact(f"{case} geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert data["perspective"] == "customer" and data["delivery"] == {"risk": "high"}
    assert data["parties"][0]["size"] == "small"
    assert data["parties"][1]["attitude"] == "cooperative"
    assert data["relationship"]["governance"] == {"mixed_teams": True}
    assert data["parties"][1]["goals"] == [{"topic": "prijs", "direction": "minimise"}]
    assert "departmental_targets" not in data["parties"][0]
    assert run_cli("evaluate", str(case), "--fail-on", "never").returncode == 0


def test_dutch_labels_are_accepted_only_in_dutch() -> None:
    question = next(q for q in QUESTIONS if q.key == "perspective")
    assert parse_answer(question, "klant", "nl") == "customer"
    assert parse_answer(question, "Supplier", "nl") == "supplier"
    with pytest.raises(AnswerError, match="'klant' is not one of: customer, supplier"):
        parse_answer(question, "klant", "en")


def _raw_answer(question: Question) -> st.SearchStrategy[Any]:
    words = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                  blacklist_characters=","), min_size=1, max_size=30)
    words = words.filter(lambda word: bool(word.strip()))
    strategies: dict[str, st.SearchStrategy[Any]] = {
        "bool": st.booleans(), "number": st.integers(0, 120), "id": st.just("case-1"),
        "list": st.lists(words, min_size=1, max_size=3), "text": words,
        "choice": st.sampled_from(allowed(question)) if question.choices else st.nothing(),
        "model": st.sampled_from(allowed(question)) if question.kind == "model"
        else st.nothing()}
    value = strategies[question.kind]
    return value if question.required else st.one_of(st.none(), value)


@ci_examples(60)
@given(raw=st.fixed_dictionaries({q.key: _raw_answer(q) for q in QUESTIONS}),
       lang=st.sampled_from(["en", "nl"]))
def test_any_accepted_answers_give_a_valid_case(raw: dict[str, Any], lang: str) -> None:
    answers: dict[str, Any] = {}
    for question in QUESTIONS:  # as the CLI does: follow-ups of skipped questions are not asked
        answers[question.key] = (parse_answer(question, raw[question.key])
                                 if is_asked(question, answers) else None)
    document = parse_bytes(case_yaml(answers, lang).encode("utf-8"), "case.yaml", fmt="yaml")
    issues = case_validator().issues(document.data, "case.yaml", document.lines)
    issues += consistency_issues(document.data, "case.yaml", document.lines)
    assert issues == []
    goals = document.data["parties"][1].get("goals", [])
    assert all("topic" in goal for goal in goals)
    assert (answers["them.goal.topic"] is None) == (goals == [])


def test_build_case_leaves_out_follow_ups_of_a_skipped_lead() -> None:
    answers = {q.key: None for q in QUESTIONS}
    answers.update({**REQUIRED, "us.goal.direction": "keep", "us.target.target": "less",
                    "relationship.resistance.investigated": True})
    case = build_case(answers)
    assert case["parties"][0] == {"id": "customer", "name": "A", "role": "customer"}
    assert "relationship" not in case
