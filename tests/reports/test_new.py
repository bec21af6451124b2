"""``collabrules new``: guided intake through an answers file and a real pseudo-terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pexpect
import yaml

from collabrules.intake import QUESTIONS, case_yaml, parse_answer

from .helpers import ROOT, run_cli

ANSWERS = {
    "id": "rail-supply", "title": "Supplying the national rail operator",
    "perspective": "supplier", "us.name": "Small Parts BV", "us.size": "small",
    "us.benefit": "positive", "them.name": "National Rail", "them.attitude": "hostile",
    "them.power": "dominant", "them.replaceability": "irreplaceable",
    "delivery.kind": "product", "relationship.posture": "open", "relationship.trust": "high",
    "relationship.safeguards.price_guarantee": "no",
    "relationship.development.planned_months": "3",
}


def test_answers_file_gives_a_case_that_validates_and_evaluates(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.json", tmp_path / "case.yaml"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = run_cli("new", str(case), "--answers", str(answers), "--lang", "nl")
    assert result.returncode == 0, result.stderr
    text = case.read_text(encoding="utf-8")
    assert "# Hoe gedraagt de andere partij zich in deze relatie?" in text
    data = yaml.safe_load(text)
    assert data["parties"][1] == {"id": "customer", "name": "National Rail", "role": "customer",
                                  "attitude": "hostile", "power": "dominant",
                                  "replaceability": "irreplaceable"}
    assert data["relationship"]["development"] == {"planned_months": 3}
    assert "size" not in data["parties"][1]  # not answered: unknown, left out
    assert run_cli("validate", str(case)).returncode == 0
    evaluated = run_cli("evaluate", str(case), "--format", "json", "--fail-on", "never")
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["case"]["id"] == "rail-supply"


def test_bad_answers_are_named_with_their_key(tmp_path: Path) -> None:
    answers, case = tmp_path / "answers.yaml", tmp_path / "case.yaml"
    answers.write_text("id: 'no spaces allowed'\nperspective: buyer\nus.colour: red\n",
                       encoding="utf-8")
    result = run_cli("new", str(case), "--answers", str(answers))
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
    assert run_cli("new", str(case), "--answers", str(answers)).returncode == 2
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
    typed = {"id": "pty-case", "perspective": "customer", "us.name": "Haven BV",
             "them.name": "Codeworks", "them.attitude": "cooperative",
             "delivery.risk": "high", "relationship.governance.mixed_teams": "ja"}
    child.expect("Beschrijf de relatie")
    for question in QUESTIONS:
        child.expect_exact(question.prompt.get("nl"))
        if question.key == "perspective":
            child.expect_exact("Toegestaan: customer (klant), supplier (leverancier)")
            child.expect_exact("> ")
            child.sendline("buyer")  # wrong: asked again with the allowed values
            child.expect_exact("'buyer' is niet een van: customer, supplier")
        child.expect_exact("> ")
        child.sendline(typed.get(question.key, ""))
    child.expect_exact(f"{case} geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert data["perspective"] == "customer" and data["delivery"] == {"risk": "high"}
    assert data["relationship"]["governance"] == {"mixed_teams": True}
    assert run_cli("evaluate", str(case), "--fail-on", "never").returncode == 0
