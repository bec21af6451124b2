"""The web intake for advisers: ``GET /`` asks the questions of ``collabrules new``.

The form is built from :data:`collabrules.authoring.intake.QUESTIONS` (the one question source),
in English or Dutch. ``POST /v1/intake`` turns answers into a case exactly as
``collabrules new --answers`` does; the page then evaluates it with ``/v1/evaluate`` and
shows the HTML report. Scripts and styles are served by the package (no CDN).
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from ..authoring.intake import (
    MESSAGES,
    QUESTIONS,
    AnswerError,
    Question,
    allowed,
    case_yaml,
    is_asked,
    parse_answer,
)
from ..model.errors import Issue
from ..model.text import Text
from ..pipeline.engine import case_validator
from ..pipeline.loading import parse_bytes
from ..pipeline.structure import consistency_issues
from .context import SOURCE, service_of
from .intake_perceptions import perceptions_step
from .limits import read_body
from .models import IntakeQuestion, IntakeResult, Lang
from .problems import ProblemError, problem_responses

router = APIRouter()
STATIC = "/assets/intake"

SECTIONS = {
    "case": Text("The relationship", "De relatie"),
    "us": Text("Our organisation", "Onze organisatie"),
    "them": Text("The other party", "De andere partij"),
    "delivery": Text("What is delivered", "Wat er geleverd wordt"),
    "relationship": Text("How the relationship is set up", "Hoe de relatie is ingericht"),
}
UI = {
    "title": Text("Relationship intake", "Relatie-intake"),
    "intro": Text("Answer what you know. A question left empty is unknown: the report then "
                  "says what to find out, it never guesses.",
                  "Beantwoord wat u weet. Een lege vraag is onbekend: het rapport zegt dan wat "
                  "u moet uitzoeken, het raadt nooit."),
    "unknown": Text("unknown", "onbekend"),
    "yes": Text("yes", "ja"),
    "no": Text("no", "nee"),
    "required": Text("required", "verplicht"),
    "evaluate": Text("Evaluate", "Beoordelen"),
    "upload": Text("Or open a case file (YAML or JSON)", "Of open een casusbestand (YAML of JSON)"),
    "upload_button": Text("Show its report", "Toon het rapport"),
    "report": Text("Report", "Rapport"),
    "downloads": Text("Download", "Downloaden"),
    "case_yaml": Text("Case (YAML)", "Casus (YAML)"),
    "report_html": Text("Report (HTML)", "Rapport (HTML)"),
    "report_md": Text("Report (Markdown)", "Rapport (Markdown)"),
    "report_json": Text("Report (JSON)", "Rapport (JSON)"),
    "other_lang": Text("Nederlands", "English"),
    "working": Text("Evaluating…", "Bezig met beoordelen…"),
    "fix": Text("Please correct the answers marked below.",
                "Verbeter de hieronder gemarkeerde antwoorden."),
    "failed": Text("The request failed", "Het verzoek is mislukt"),
    "token": Text("Access token (this server requires one)",
                  "Toegangstoken (deze server vereist er een)"),
    "list_hint": Text("comma-separated", "gescheiden door komma's"),
    "number_hint": Text("a number", "een getal"),
    "id_hint": Text("letters, digits, '-', '_' or '.'", "letters, cijfers, '-', '_' of '.'"),
    "docs": Text("API documentation", "API-documentatie"),
}


def mount(app: FastAPI) -> None:
    """Serve the page's script, style sheet and icon from the package."""
    folder = Path(str(resources.files("collabrules.service") / "static"))
    app.mount(STATIC, StaticFiles(directory=folder), name="intake-assets")


def _section(question: Question) -> str:
    head = question.key.split(".")[0]
    return head if head in SECTIONS else "case"


def _field_id(key: str) -> str:
    return "q-" + key.replace(".", "-").replace("_", "-")


def _describe(question: Question, lang: str) -> dict[str, Any]:
    choices = []
    if question.choices is not None:
        choices = [{"value": v, "label": m.label.get(lang)}
                   for v, m in zip(allowed(question), question.choices)]
    return {"key": question.key, "kind": question.kind, "prompt": question.prompt.get(lang),
            "explain": question.explain.get(lang), "required": question.required,
            "after": question.after, "choices": choices}


def _control(question: Question, lang: str) -> str:
    fid = _field_id(question.key)
    common = (f'id="{fid}" name="{escape(question.key)}" aria-describedby="{fid}-help '
              f'{fid}-error"')
    if question.required and question.after is None:
        common += ' required aria-required="true"'
    if question.after is not None:
        common += f' data-after="{escape(question.after)}" disabled'
        if question.required:
            common += ' data-required="true"'
    if question.choices is not None or question.kind == "bool":
        options = [("", f"— {UI['unknown'].get(lang)} —")]
        if question.kind == "bool":
            options += [("yes", UI["yes"].get(lang)), ("no", UI["no"].get(lang))]
        else:
            options += [(d["value"], d["label"]) for d in _describe(question, lang)["choices"]]
        items = "".join(f'<option value="{escape(v)}">{escape(label)}</option>'
                        for v, label in options)
        return f"<select {common}>{items}</select>"
    extra = ""
    if question.kind == "id":
        extra = ' pattern="[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}" autocomplete="off"'
    elif question.kind == "number":
        extra = ' inputmode="decimal" pattern="-?[0-9]+([.,][0-9]+)?"'
    return f'<input type="text" {common}{extra}>'


def _hint(question: Question, lang: str) -> str:
    key = {"list": "list_hint", "number": "number_hint", "id": "id_hint"}.get(question.kind)
    return f" ({UI[key].get(lang)})" if key else ""


def render_page(lang: str, *, auth: bool, perceptions: str) -> str:
    """The intake page in one language, with the optional ``perceptions`` step (HTML)."""
    other = "nl" if lang == "en" else "en"
    groups: dict[str, list[str]] = {name: [] for name in SECTIONS}
    for question in QUESTIONS:
        fid = _field_id(question.key)
        required = (f' <span class="required">({UI["required"].get(lang)})</span>'
                    if question.required else "")
        groups[_section(question)].append(
            f'<div class="field" data-key="{escape(question.key)}">'
            f'<label for="{fid}">{escape(question.prompt.get(lang))}{required}</label>'
            f'{_control(question, lang)}'
            f'<p class="help" id="{fid}-help">{escape(question.explain.get(lang))}'
            f'{escape(_hint(question, lang))}</p>'
            f'<p class="error" id="{fid}-error" aria-live="polite"></p></div>')
    fieldsets = "".join(
        f'<fieldset><legend>{escape(SECTIONS[name].get(lang))}</legend>{"".join(fields)}'
        f'</fieldset>' for name, fields in groups.items() if fields)
    token = ""
    if auth:
        token = (f'<div class="field"><label for="token">{escape(UI["token"].get(lang))}'
                 f'</label><input type="password" id="token" autocomplete="off"></div>')
    messages = {key: text.get(lang) for key, text in UI.items()}
    messages.update({key: text.get(lang) for key, text in MESSAGES.items()
                     if key in ("required", "bad_id", "bad_number")})
    data = escape(json.dumps({"lang": lang, "messages": messages}, ensure_ascii=False),
                  quote=False)
    title = escape(UI["title"].get(lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · collabrules</title>
<link rel="icon" href="{STATIC}/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{STATIC}/intake.css">
<script type="application/json" id="intake-data">{data}</script>
<script src="{STATIC}/intake.js" defer></script>
</head>
<body>
<header><h1>{title}</h1>
<nav aria-label="{escape(UI['other_lang'].get(lang))}"><a href="/?lang={other}"
hreflang="{other}" lang="{other}">{escape(UI['other_lang'].get(lang))}</a> ·
<a href="/docs">{escape(UI['docs'].get(lang))}</a></nav>
</header>
<main>
<p>{escape(UI['intro'].get(lang))}</p>
{token}
<form id="intake" novalidate>
{fieldsets}
{perceptions}
<p id="form-status" role="status" aria-live="polite"></p>
<button type="submit">{escape(UI['evaluate'].get(lang))}</button>
</form>
<section aria-labelledby="upload-title">
<h2 id="upload-title">{escape(UI['upload'].get(lang))}</h2>
<form id="upload">
<label for="case-file">{escape(UI['upload'].get(lang))}</label>
<input type="file" id="case-file" accept=".yaml,.yml,.json,application/json,application/yaml">
<button type="submit">{escape(UI['upload_button'].get(lang))}</button>
</form>
</section>
<section id="result" aria-labelledby="result-title" hidden>
<h2 id="result-title" tabindex="-1">{escape(UI['report'].get(lang))}</h2>
<nav aria-label="{escape(UI['downloads'].get(lang))}" class="downloads">
<span>{escape(UI['downloads'].get(lang))}:</span>
<button type="button" data-download="case">{escape(UI['case_yaml'].get(lang))}</button>
<button type="button" data-download="html">{escape(UI['report_html'].get(lang))}</button>
<button type="button" data-download="markdown">{escape(UI['report_md'].get(lang))}</button>
<button type="button" data-download="json">{escape(UI['report_json'].get(lang))}</button>
</nav>
<div id="report"></div>
</section>
</main>
</body>
</html>
"""


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def page(request: Request, lang: Lang | None = None) -> HTMLResponse:
    """The intake page (``lang`` or ``Accept-Language``)."""
    service = service_of(request)
    language = service.lang_of(request, lang)
    step = perceptions_step(service.engine.questionnaire, language)
    return HTMLResponse(render_page(language, auth=service.options.auth, perceptions=step),
                        headers={"Content-Language": language})


@router.get("/v1/intake/questions", response_model=list[IntakeQuestion],
            responses=problem_responses(400, 401), summary="The intake questions")
async def questions(request: Request, lang: Lang | None = None) -> list[dict[str, Any]]:
    """The questions of ``collabrules new``, in one language, in order."""
    language = service_of(request).lang_of(request, lang)
    return [_describe(q, language) for q in QUESTIONS]


INTAKE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object", "required": ["answers"],
        "properties": {"answers": {"type": "object", "additionalProperties": {
            "type": ["string", "number", "boolean", "array", "null"]}}}}}}}}


@router.post("/v1/intake", openapi_extra=INTAKE_BODY, response_model=IntakeResult,
             responses=problem_responses(400, 401, 408, 413, 415, 422),
             summary="Turn intake answers into a case")
async def intake(request: Request, lang: Lang | None = None) -> dict[str, Any]:
    """The case the answers describe (YAML with the questions as comments, and JSON).

    Answers are checked as ``collabrules new --answers`` checks them; each bad answer is
    an ``errors`` entry whose path names its question (``$.answers["us.name"]``).
    """
    service = service_of(request)
    language = service.lang_of(request, lang)
    limits = service.options.limits
    document = service.parse(await read_body(request, limits.max_body, limits.read_timeout),
                             "json")
    given = document.data.get("answers") if isinstance(document.data, dict) else None
    if not isinstance(given, dict):
        raise ProblemError("invalid-answers", issues=[Issue(
            file=SOURCE, path="$.answers", message=Text(
                "give the answers as an object of question keys to answers",
                "geef de antwoorden als object van vraagsleutels naar antwoorden"))])
    answers, issues = parse_answers(given)
    if issues:
        raise ProblemError("invalid-answers", issues=issues)
    text = case_yaml(answers, language)
    parsed = parse_bytes(text.encode("utf-8"), "case.yaml", fmt="yaml")
    found = case_validator().issues(parsed.data, "case.yaml", parsed.lines)
    found += consistency_issues(parsed.data, "case.yaml", parsed.lines)
    if found:
        raise ProblemError("invalid-case", issues=found)
    return {"case": parsed.data, "case_yaml": text}


def parse_answers(given: dict[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    """Parsed answers for every question, and an issue for each answer that does not fit."""
    known = {q.key for q in QUESTIONS}
    issues = [Issue(file=SOURCE, path=_path(key), message=MESSAGES["unknown_key"].format(
        value=key, allowed=", ".join(sorted(known)))) for key in sorted(set(given) - known)]
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        raw = given.get(question.key)
        if not is_asked(question, answers):
            answers[question.key] = None
            if raw not in (None, ""):
                issues.append(Issue(file=SOURCE, path=_path(question.key),
                                    message=MESSAGES["needs_after"].format(
                                        value=question.after)))
            continue
        try:
            answers[question.key] = parse_answer(question, raw)
        except AnswerError as error:
            issues.append(Issue(file=SOURCE, path=_path(question.key), message=error.text))
    return answers, issues


def _path(key: str) -> str:
    return f'$.answers["{key}"]'
