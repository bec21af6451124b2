"""``/v1/evaluate``, ``/v1/validate`` and ``/v1/compare``: the CLI's contracts over HTTP."""

from __future__ import annotations

import json
from typing import Any, Literal

import attrs
from fastapi import APIRouter, Request
from starlette.responses import Response

from ..io.serialize import report_to_dict
from ..model.errors import InputError, Issue
from ..model.exitcodes import exit_code
from ..model.report import Report
from ..model.text import Text
from ..pipeline.engine import case_validator
from ..pipeline.loading import Document
from ..pipeline.structure import consistency_issues
from ..render.choose import Render
from .context import SOURCE, Service, service_of
from .limits import read_body
from .models import EvaluateResult, FailOn, Format, Lang, ValidateResult
from .negotiate import MEDIA, body_format, choose_format
from .problems import ProblemError, issue_entry, problem_responses

router = APIRouter(prefix="/v1")

CASE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/Case"}},
    "application/yaml": {"schema": {"type": "string"}},
}}}
RENDERED = {MEDIA[f]: {"schema": {"type": "string"}} for f in ("markdown", "html", "text")}
CompareFormat = Literal["json", "html", "text"]
ERRORS = problem_responses(400, 401, 406, 408, 413, 415, 422, 429, 503)


def verdict(report: Report, fail_on: str) -> dict[str, Any]:
    """The CLI's exit code for one report, as a field."""
    code = exit_code([report], False, fail_on)
    return {"fail_on": fail_on, "exit_code": code, "failed": code != 0}


def evaluate_document(service: Service, document: Document) -> Report:
    """Evaluate a parsed document; 422 with located issues when it is not a valid case."""
    try:
        return service.engine.evaluate(document)
    except InputError as error:
        raise ProblemError("invalid-case", issues=error.issues) from None


def rendered(service: Service, report: Report, fmt: str, lang: str, fail_on: str) -> Response:
    """A report in a format: JSON with its verdict, or a document with the verdict in
    ``Collabrules-Exit-Code``."""
    result = verdict(report, fail_on)
    headers = {"Collabrules-Exit-Code": str(result["exit_code"]),
               "Collabrules-Fail-On": fail_on, "Content-Language": lang}
    if fmt == "json":
        body = {"report": report_to_dict(report, lang), "verdict": result}
        return Response(json.dumps(body, ensure_ascii=False), media_type=MEDIA["json"],
                        headers=headers)
    text = Render(fmt, lang)(report, service.engine.taxonomy)
    return Response(text, media_type=MEDIA[fmt], headers=headers)


async def read_case(request: Request, service: Service) -> Document:
    """The request body (JSON, or YAML by ``Content-Type``) as a document, within the limits;
    its case id (``id``) goes to the access log."""
    kind = body_format(request.headers.get("content-type"))
    limits = service.options.limits
    raw = await read_body(request, limits.max_body, limits.read_timeout)
    document = service.parse(raw, kind)
    data = document.data
    case = data.get("case") if isinstance(data, dict) and "case" in data else data
    if isinstance(case, dict) and isinstance(case.get("id"), str):
        request.state.case_id = case["id"][:100]
    return document


@router.post("/evaluate", openapi_extra=CASE_BODY, response_class=Response,
             responses={200: {"model": EvaluateResult, "content": RENDERED}, **ERRORS},
             summary="Evaluate one case")
async def evaluate(request: Request, format: Format | None = None,
                   lang: Lang | None = None, fail_on: FailOn | None = None) -> Response:
    """Evaluate one case (JSON, or YAML by ``Content-Type``) and return its report.

    The format comes from ``format`` or ``Accept``, the language from ``lang`` or
    ``Accept-Language``. ``fail_on`` gives the CLI's verdict as a field (JSON) or the
    ``Collabrules-Exit-Code`` header, never as an HTTP error.
    """
    service = service_of(request)
    fmt = choose_format(format, request.headers.get("accept"))
    language = service.lang_of(request, lang)
    document = await read_case(request, service)
    report = await service.slots.run(lambda: evaluate_document(service, document),
                                     service.options.limits.time_budget)
    return rendered(service, report, fmt, language, fail_on or service.fail_on)


@router.post("/validate", openapi_extra=CASE_BODY, response_model=ValidateResult,
             responses=problem_responses(400, 401, 408, 413, 415, 429, 503),
             summary="Validate one case")
async def validate(request: Request, lang: Lang | None = None) -> dict[str, Any]:
    """Check a case against the case schema; list every issue (as ``collabrules validate``).

    A document that cannot be read at all is answered with 400.
    """
    service = service_of(request)
    language = service.lang_of(request, lang)
    kind = body_format(request.headers.get("content-type"))
    limits = service.options.limits
    raw = await read_body(request, limits.max_body, limits.read_timeout)
    document = service.parse(raw, kind)

    def check() -> list[Issue]:
        issues = case_validator().issues(document.data, document.source, document.lines)
        issues += consistency_issues(document.data, document.source, document.lines)
        return sorted(issues, key=lambda i: (i.line or 0, i.path))

    issues = await service.slots.run(check, limits.time_budget)
    return {"valid": not issues, "errors": [issue_entry(i, language) for i in issues]}


COMPARE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object", "required": ["old", "new"],
        "properties": {"old": {"description": "a case, or a JSON report", "type": "object"},
                       "new": {"description": "a case, or a JSON report", "type": "object"}},
    }}}}}


@router.post("/compare", openapi_extra=COMPARE_BODY, response_class=Response,
             responses={200: {"content": {"application/json": {"schema": {"type": "object"}},
                                          "text/html": {"schema": {"type": "string"}},
                                          "text/plain": {"schema": {"type": "string"}}}},
                        **ERRORS}, summary="Compare two versions of a relationship")
async def compare(request: Request,
                  format: CompareFormat | None = None,
                  lang: Lang | None = None) -> Response:
    """Compare two versions (cases or JSON reports) of one relationship, per principle."""
    from ..io.trends import compare as compare_snapshots
    from ..render.compare import render_trend

    service = service_of(request)
    fmt = choose_format(format, request.headers.get("accept"), ("json", "html", "text"))
    language = service.lang_of(request, lang)
    body_format(request.headers.get("content-type"))
    limits = service.options.limits
    document = service.parse(await read_body(request, limits.max_body, limits.read_timeout),
                             "json")
    data = document.data
    missing = [key for key in ("old", "new") if not isinstance(data, dict) or key not in data]
    if missing:
        raise ProblemError("invalid-case", issues=[Issue(
            file=SOURCE, path=f"$.{key}", message=Text(
                "give the {key} version: a case or a JSON report",
                "geef de versie {key}: een casus of een JSON-rapport").format(key=key))
            for key in missing])

    def both() -> str:
        snapshots = [_snapshot(service, data[key], f"$.{key}") for key in ("old", "new")]
        return render_trend(compare_snapshots(*snapshots), fmt, language)

    text = await service.slots.run(both, limits.time_budget)
    return Response(text, media_type=MEDIA[fmt], headers={"Content-Language": language})


def _snapshot(service: Service, value: Any, path: str) -> Any:
    from ..io.trends import is_report_document, snapshot_of_json, snapshot_of_report

    if is_report_document(value):
        try:
            return snapshot_of_json(value, path)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise ProblemError("invalid-case", issues=[Issue(
                file=SOURCE, path=f"{path}.findings", message=Text(
                    "this report is malformed ({error}); give a report from /v1/evaluate "
                    "(its report field) or a case",
                    "dit rapport is misvormd ({error}); geef een rapport van /v1/evaluate "
                    "(het veld report) of een casus").format(error=repr(error)))]) from None
    try:
        report = service.engine.evaluate(Document(value, path))
    except InputError as error:
        raise ProblemError("invalid-case", issues=[
            under(issue, path) for issue in error.issues]) from None
    return snapshot_of_report(report)


def under(issue: Issue, path: str) -> Issue:
    """An issue of a sub-document, with its JSON path from the request's root."""
    return attrs.evolve(issue, file=SOURCE, path=path + issue.path[1:])
