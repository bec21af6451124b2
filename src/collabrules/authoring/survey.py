"""The perception survey: the questionnaire to send to a party, and its answers back.

``questionnaire_markdown``/``questionnaire_html`` write the statements for one party of
a case (about "us" = that party, about "them" = the other party), ``answers_template``
a YAML file to fill in per party, and ``merge_answers`` checks returned answers (who
answered, when, each statement known and each score 1-5) and puts them into the case
document as each party's ``perceptions`` (raising ``schema_version`` to 1.2).
"""

from __future__ import annotations

import copy
import html
import re
from typing import Any

import yaml

from ..model.case import SCHEMA_VERSION
from ..model.errors import Issue
from ..model.questionnaire import HIGHEST, LOWEST, Questionnaire
from ..model.text import Text
from ..pipeline.validation import did_you_mean

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

TITLE = Text("Perception questionnaire: {relationship}",
             "Vragenlijst over percepties: {relationship}")
INTRO = Text(
    "For {party}. Each statement is asked twice: about your own organisation ({party}, "
    "\"us\") and about {other} (\"them\"). Give each a score from {low} to {high}. There "
    "are no right answers: the point is how each side sees the relationship.",
    "Voor {party}. Elke stelling wordt twee keer gevraagd: over uw eigen organisatie "
    "({party}, \"wij\") en over {other} (\"zij\"). Geef elk een score van {low} tot {high}. "
    "Er zijn geen goede antwoorden: het gaat erom hoe elke kant de relatie ziet.")
SCALE = Text("Scale", "Schaal")
RESPONDENT = Text("Answered by (name, role)", "Ingevuld door (naam, rol)")
DATE = Text("Date (YYYY-MM-DD)", "Datum (JJJJ-MM-DD)")
STATEMENT = Text("Statement", "Stelling")
SCORE = Text("Score", "Score")
ABOUT_US = Text("about us", "over ons")
ABOUT_THEM = Text("about them", "over hen")
VERSION = Text("Questionnaire version {version}", "Versie van de vragenlijst {version}")


def _parties(case: dict[str, Any]) -> list[dict[str, Any]]:
    parties = case.get("parties")
    return [p for p in parties if isinstance(p, dict)] if isinstance(parties, list) else []


def party_index(case: dict[str, Any], name: str) -> int | None:
    """The position of the party with this id or name in the case, or ``None``."""
    for index, party in enumerate(_parties(case)):
        if name in (party.get("id"), party.get("name")):
            return index
    return None


def _other(case: dict[str, Any], index: int) -> str:
    names = [str(p.get("name", p.get("id"))) for i, p in enumerate(_parties(case)) if i != index]
    return ", ".join(names) or "?"


def _words(case: dict[str, Any], index: int) -> dict[str, str]:
    party = _parties(case)[index]
    return {"relationship": str(case.get("title") or case.get("id") or "?"),
            "party": str(party.get("name", party.get("id"))), "other": _other(case, index)}


def _scale(questionnaire: Questionnaire, lang: str) -> str:
    return "; ".join(f"{LOWEST + i} = {label.get(lang)}"
                     for i, label in enumerate(questionnaire.scale))


def questionnaire_markdown(case: dict[str, Any], index: int, questionnaire: Questionnaire,
                           lang: str) -> str:
    """The questionnaire for the party at ``index`` as Markdown, to send."""
    words = _words(case, index)
    lines = [f"# {TITLE.format(**words).get(lang)}", "",
             INTRO.format(**words, low=LOWEST, high=HIGHEST).get(lang), "",
             f"*{VERSION.format(version=questionnaire.version).get(lang)}*", "",
             f"**{SCALE.get(lang)}:** " + _scale(questionnaire, lang),
             "", f"- {RESPONDENT.get(lang)}: ", f"- {DATE.get(lang)}: "]
    for theme in questionnaire.themes:
        statements = [s for s in questionnaire.statements if s.theme == theme.id]
        if not statements:
            continue
        lines += ["", f"## {theme.title.get(lang)}", "",
                  f"| {STATEMENT.get(lang)} | {SCORE.get(lang)} ({LOWEST}-{HIGHEST}) |",
                  "| --- | --- |"]
        for statement in statements:
            lines.append(f"| {statement.us.get(lang)} (`{statement.id}`, "
                         f"{ABOUT_US.get(lang)}) | |")
            lines.append(f"| {statement.them.get(lang)} (`{statement.id}`, "
                         f"{ABOUT_THEM.get(lang)}) | |")
    return "\n".join(lines) + "\n"


def questionnaire_html(case: dict[str, Any], index: int, questionnaire: Questionnaire,
                       lang: str) -> str:
    """The questionnaire for the party at ``index`` as one self-contained HTML page."""
    words = _words(case, index)
    e = html.escape
    title = e(TITLE.format(**words).get(lang))
    head = "".join(f"<th scope=\"col\" title=\"{e(label.get(lang))}\">{LOWEST + i}</th>"
                   for i, label in enumerate(questionnaire.scale))
    parts = [f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
             f"<title>{title}</title><style>body{{font-family:sans-serif;max-width:60em;"
             "margin:2em auto}td,th{border:1px solid #999;padding:.3em .5em}"
             "table{border-collapse:collapse}td.c{text-align:center}</style></head><body>",
             f"<h1>{title}</h1>",
             f"<p>{e(INTRO.format(**words, low=LOWEST, high=HIGHEST).get(lang))}</p>",
             f"<p><em>{e(VERSION.format(version=questionnaire.version).get(lang))}</em></p>",
             f"<p><strong>{e(SCALE.get(lang))}:</strong> {e(_scale(questionnaire, lang))}</p>",
             f"<p><label>{e(RESPONDENT.get(lang))}: <input name=\"respondent\"></label></p>",
             f"<p><label>{e(DATE.get(lang))}: <input name=\"date\" type=\"date\"></label></p>"]
    for theme in questionnaire.themes:
        statements = [s for s in questionnaire.statements if s.theme == theme.id]
        if not statements:
            continue
        parts.append(f"<h2>{e(theme.title.get(lang))}</h2><table><thead><tr>"
                     f"<th scope=\"col\">{e(STATEMENT.get(lang))}</th>{head}</tr></thead><tbody>")
        for statement in statements:
            for side, text, about in (("us", statement.us, ABOUT_US),
                                      ("them", statement.them, ABOUT_THEM)):
                name = f"{statement.id}.{side}"
                cells = "".join(
                    f"<td class=\"c\"><input type=\"radio\" name=\"{name}\" value=\"{value}\" "
                    f"aria-label=\"{value}\"></td>" for value in range(LOWEST, HIGHEST + 1))
                parts.append(f"<tr><th scope=\"row\">{e(text.get(lang))} "
                             f"<small>({e(about.get(lang))})</small></th>{cells}</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def answers_template(case: dict[str, Any], questionnaire: Questionnaire, lang: str) -> str:
    """A YAML file to fill in: per party id, respondent, date and every statement."""
    header = Text(
        "Perception answers for {relationship}. Per party: who answered, when (YYYY-MM-DD) "
        "and a score from {low} to {high} for each statement, about us and about them; "
        "leave a score empty when not answered. Merge with: collabrules survey CASE "
        "--merge THIS-FILE -o CASE",
        "Antwoorden over percepties voor {relationship}. Per partij: wie invulde, wanneer "
        "(JJJJ-MM-DD) en een score van {low} tot {high} voor elke stelling, over ons en over "
        "hen; laat een score leeg als die niet is gegeven. Samenvoegen met: collabrules "
        "survey CASUS --merge DIT-BESTAND -o CASUS").format(
            relationship=str(case.get("title") or case.get("id") or "?"), low=LOWEST,
            high=HIGHEST).get(lang)
    lines = [f"# {line}" for line in _wrap(header)]
    lines += [f"questionnaire_version: \"{questionnaire.version}\"", "parties:"]
    for party in _parties(case):
        lines += [f"  {party.get('id')}:  # {party.get('name', '')}",
                  "    respondent: {name: , role: }", "    date: ", "    answers:"]
        for statement in questionnaire.statements:
            lines.append(f"      # {statement.us.get(lang)}")
            lines.append(f"      - {{statement: {statement.id}, us: , them: }}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 88) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _issue(source: str, path: str, message: Text, hint: Text | None = None) -> Issue:
    return Issue(file=source, path=path, message=message, hint=hint)


def _score(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool)
                             and LOWEST <= value <= HIGHEST)


def answered(given: Any) -> bool:
    """Whether a party's entry in an answers file holds any score (else it is skipped)."""
    items = given.get("answers") if isinstance(given, dict) else None
    return not isinstance(items, list) or any(
        not isinstance(i, dict) or i.get("us") is not None or i.get("them") is not None
        for i in items)


def answer_issues(answers: Any, case: dict[str, Any], questionnaire: Questionnaire,
                  source: str) -> list[Issue]:
    """Everything wrong with a returned answers file, each issue at its JSON path."""
    if not isinstance(answers, dict) or not isinstance(answers.get("parties"), dict):
        return [_issue(source, "$.parties", Text(
            "the answers file needs 'parties': a mapping from party id to its answers",
            "het antwoordbestand heeft 'parties' nodig: per partij-id de antwoorden"),
            Text("start from: collabrules survey CASE --template",
                 "begin met: collabrules survey CASUS --template"))]
    issues: list[Issue] = []
    ids = [str(p.get("id")) for p in _parties(case)]
    known = list(questionnaire.ids())
    for party_id, given in answers["parties"].items():
        where = f"$.parties.{party_id}"
        if party_id not in ids:
            issues.append(_issue(source, where, Text(
                "the case has no party {id!r}", "de casus heeft geen partij {id!r}").format(
                    id=party_id), did_you_mean(str(party_id), ids)))
            continue
        if not isinstance(given, dict):
            issues.append(_issue(source, where, Text(
                "expected respondent, date and answers", "verwacht respondent, date en answers")))
            continue
        if not answered(given):
            continue
        respondent = given.get("respondent")
        name = respondent.get("name") if isinstance(respondent, dict) else None
        if not isinstance(name, str) or not name.strip():
            issues.append(_issue(source, f"{where}.respondent.name", Text(
                "who answered is missing", "wie invulde ontbreekt"), Text(
                "give the respondent's name (and role)", "geef de naam (en rol) van wie invulde")))
        date = given.get("date")
        if not isinstance(date, str) or not _DATE.match(date):
            issues.append(_issue(source, f"{where}.date", Text(
                "when the questionnaire was answered is missing or not a date",
                "wanneer de vragenlijst is ingevuld ontbreekt of is geen datum"), Text(
                "write the date as YYYY-MM-DD in quotes, e.g. \"2026-11-30\"",
                "schrijf de datum als JJJJ-MM-DD tussen aanhalingstekens, bv. \"2026-11-30\"")))
        items = given.get("answers")
        if not isinstance(items, list):
            issues.append(_issue(source, f"{where}.answers", Text(
                "expected a list of answers", "verwacht een lijst met antwoorden")))
            continue
        for number, item in enumerate(items):
            at = f"{where}.answers[{number}]"
            statement = item.get("statement") if isinstance(item, dict) else None
            if statement not in known:
                issues.append(_issue(source, f"{at}.statement", Text(
                    "the statement {id!r} is not in the questionnaire",
                    "de stelling {id!r} staat niet in de vragenlijst").format(id=statement),
                    did_you_mean(str(statement), known)))
            for side in ("us", "them"):
                value = item.get(side) if isinstance(item, dict) else None
                if not _score(value):
                    issues.append(_issue(source, f"{at}.{side}", Text(
                        "{value!r} is not a score from {low} to {high}",
                        "{value!r} is geen score van {low} tot {high}").format(
                            value=value, low=LOWEST, high=HIGHEST)))
    return issues


def merge_answers(case: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """A copy of the case with each answering party's ``perceptions`` (checked answers).

    Statements left unscored on both sides are left out, and so are parties without any
    score (not returned yet); ``schema_version`` becomes 1.2.
    """
    merged = copy.deepcopy(case)
    merged["schema_version"] = SCHEMA_VERSION
    version = answers.get("questionnaire_version")
    for party_id, given in answers["parties"].items():
        index = party_index(merged, party_id)
        if index is None or not answered(given):
            continue
        respondent = {k: v for k, v in given["respondent"].items() if v not in (None, "")}
        kept = [{k: v for k, v in item.items() if v is not None}
                for item in given["answers"]
                if item.get("us") is not None or item.get("them") is not None]
        perceptions: dict[str, Any] = {"respondent": respondent, "date": given["date"]}
        if version is not None:
            perceptions["questionnaire_version"] = str(version)
        perceptions["answers"] = kept
        merged["parties"][index]["perceptions"] = perceptions
    return merged


def case_yaml(case: dict[str, Any]) -> str:
    """The merged case as YAML, keys in the case's order (comments are not kept)."""
    return yaml.safe_dump(case, sort_keys=False, allow_unicode=True, width=88)
