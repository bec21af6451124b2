"""``/v1/survey``: the perception questionnaire, one party's copy, and answers merged back.

The same code as ``collabrules survey`` (:mod:`collabrules.authoring.survey`): the
questionnaire of the engine (standard statements plus plugins'), the Markdown/HTML copy
for one party, and the checks and merge of returned answers.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Request
from starlette.responses import Response

from ..authoring.survey import (
    answer_issues,
    case_yaml,
    merge_answers,
    party_index,
    questionnaire_html,
    questionnaire_markdown,
)
from ..model.errors import InputError, Issue
from ..model.questionnaire import LOWEST, Questionnaire
from ..model.text import Text
from ..pipeline.loading import Document
from .api import CASE_BODY, read_case, under
from .context import SOURCE, Service, service_of
from .limits import read_body
from .models import Lang
from .negotiate import MEDIA, body_format, choose_format
from .problems import ProblemError, problem_responses

router = APIRouter(prefix="/v1")

SurveyFormat = Literal["markdown", "html"]
CASE_MEDIA = {"yaml": "application/yaml", "json": "application/json"}


def questionnaire_view(questionnaire: Questionnaire, lang: str) -> dict[str, Any]:
    """The questionnaire as JSON in one language: version, scale, themes and statements."""
    return {
        "version": questionnaire.version,
        "scale": [{"value": LOWEST + i, "label": label.get(lang)}
                  for i, label in enumerate(questionnaire.scale)],
        "themes": [{"id": t.id, "title": t.title.get(lang), "principles": list(t.principles)}
                   for t in questionnaire.themes],
        "statements": [{"id": s.id, "theme": s.theme, "us": s.us.get(lang),
                        "them": s.them.get(lang)} for s in questionnaire.statements],
    }


@router.get("/survey", responses=problem_responses(400, 401),
            summary="The perception questionnaire")
async def survey(request: Request, lang: Lang | None = None) -> dict[str, Any]:
    """The statements (each about "us" and "them"), their themes and the 1-5 scale."""
    service = service_of(request)
    return questionnaire_view(service.engine.questionnaire, service.lang_of(request, lang))


def _valid_case(service: Service, data: Any, path: str) -> dict[str, Any]:
    try:
        return service.engine.validate(Document(data, path))
    except InputError as error:
        raise ProblemError("invalid-case", issues=[
            under(issue, path) if path != SOURCE else issue for issue in error.issues]) from None


@router.post("/survey", openapi_extra=CASE_BODY, response_class=Response,
             responses={200: {"content": {MEDIA[f]: {"schema": {"type": "string"}}
                                          for f in ("markdown", "html")}},
                        **problem_responses(400, 401, 406, 408, 413, 415, 422)},
             summary="One party's perception questionnaire")
async def party_survey(request: Request, party: str, format: SurveyFormat | None = None,
                       lang: Lang | None = None) -> Response:
    """The questionnaire for ``party`` (id or name) of the posted case, to send
    (as ``collabrules survey CASE --party``)."""
    service = service_of(request)
    fmt = choose_format(format, request.headers.get("accept"), ("markdown", "html"))
    language = service.lang_of(request, lang)
    document = await read_case(request, service)
    case = _valid_case(service, document.data, SOURCE)
    index = party_index(case, party)
    if index is None:
        raise ProblemError("bad-parameter", detail=Text(
            "the case has no party {party!r}; its parties: {names}",
            "de casus heeft geen partij {party!r}; de partijen: {names}").format(
            party=party, names=", ".join(str(p.get("id")) for p in case["parties"])))
    write = questionnaire_html if fmt == "html" else questionnaire_markdown
    return Response(write(case, index, service.engine.questionnaire, language),
                    media_type=MEDIA[fmt], headers={"Content-Language": language})


MERGE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object", "required": ["case", "answers"],
        "properties": {
            "case": {"$ref": "#/components/schemas/Case"},
            "answers": {"description": "per party id: respondent, date and answers "
                                       "(as the file of collabrules survey --template)",
                        "type": "object"}}}},
    "application/yaml": {"schema": {"type": "string"}}}}}


def merged_case(service: Service, data: Any) -> dict[str, Any]:
    """The case of ``{case, answers}`` with the answers merged in, checked as
    ``collabrules survey --merge`` checks them; 422 with located issues otherwise."""
    missing = [key for key in ("case", "answers")
               if not isinstance(data, dict) or key not in data]
    if missing:
        raise ProblemError("invalid-case", issues=[Issue(
            file=SOURCE, path=f"$.{key}", message=Text(
                "give the {key} field", "geef het veld {key}").format(key=key))
            for key in missing])
    case = _valid_case(service, data["case"], "$.case")
    issues = answer_issues(data["answers"], case, service.engine.questionnaire, SOURCE)
    if issues:
        raise ProblemError("invalid-answers", issues=[under(i, "$.answers") for i in issues])
    merged = merge_answers(case, data["answers"])
    _valid_case(service, merged, "$.case")
    return merged


@router.post("/survey/merge", openapi_extra=MERGE_BODY, response_class=Response,
             responses={200: {"content": {
                 CASE_MEDIA["yaml"]: {"schema": {"type": "string"}},
                 CASE_MEDIA["json"]: {"schema": {"$ref": "#/components/schemas/Case"}}}},
                        **problem_responses(400, 401, 406, 408, 413, 415, 422)},
             summary="Merge perception answers into a case")
async def merge(request: Request, lang: Lang | None = None) -> Response:
    """The case (``case``) with each answering party's ``perceptions`` from ``answers``
    (schema 1.2), as YAML or JSON by ``Accept``; the body is JSON or YAML. Answers are
    checked as ``collabrules survey --merge`` checks them."""
    service = service_of(request)
    fmt = choose_format(None, request.headers.get("accept"), tuple(CASE_MEDIA), CASE_MEDIA)
    language = service.lang_of(request, lang)
    kind = body_format(request.headers.get("content-type"))
    limits = service.options.limits
    document = service.parse(await read_body(request, limits.max_body, limits.read_timeout),
                             kind)
    merged = merged_case(service, document.data)
    text = json.dumps(merged, ensure_ascii=False) if fmt == "json" else case_yaml(merged)
    return Response(text, media_type=CASE_MEDIA[fmt], headers={"Content-Language": language})
