"""``POST /v1/options``: every collaboration model evaluated for one case, side by side.

The body is a case, as for ``/v1/evaluate``, or ``{"case": ..., "designs": [...]}`` with
alternative relationship designs (as ``collabrules options --design``) as extra columns.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from ..alternatives.choosing import Options, evaluate_options, model_ids
from ..alternatives.design import AlternativeDesign, design_of
from ..model.errors import InputError, Issue, UsageError
from ..model.text import Text
from ..pipeline.loading import Document
from ..render.options import render_options
from .api import ERRORS, RENDERED, read_case, under
from .context import SOURCE, Service, service_of
from .models import Format, Lang
from .negotiate import MEDIA, choose_format
from .problems import ProblemError

router = APIRouter(prefix="/v1")

_CASE = {"$ref": "#/components/schemas/Case"}
_DESIGN = {
    "type": "object", "additionalProperties": False, "required": ["relationship"],
    "description": "an alternative design: the relationship fields that differ from the case",
    "properties": {"title": {"type": "string", "minLength": 1, "maxLength": 200},
                   "relationship": {"$ref": "#/components/schemas/Case.relationship"}}}
OPTIONS_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"anyOf": [_CASE, {
        "type": "object", "additionalProperties": False, "required": ["case"],
        "properties": {"case": _CASE, "designs": {"type": "array", "items": _DESIGN}}}]}},
    "application/yaml": {"schema": {"type": "string"}},
}}}
WRAPPER_KEYS = ("case", "designs")


@router.post("/options", openapi_extra=OPTIONS_BODY, response_class=Response,
             responses={200: {"description": "The options view", "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/Options"}},
                 **RENDERED}}, **ERRORS},
             summary="Every collaboration model for one case, side by side")
async def options(request: Request, model: str | None = None, format: Format | None = None,
                  lang: Lang | None = None) -> Response:
    """Evaluate the case as it is and as each collaboration model would run it.

    ``model`` limits the options to these model ids (comma-separated). The body is a case
    (JSON, or YAML by ``Content-Type``) or ``{"case": ..., "designs": [...]}``, each design
    a ``relationship`` part (and optional ``title``) shown as an extra column. The format
    comes from ``format`` or ``Accept``, the language from ``lang`` or ``Accept-Language``.
    """
    service = service_of(request)
    fmt = choose_format(format, request.headers.get("accept"))
    language = service.lang_of(request, lang)
    document = await read_case(request, service)
    case, designs, root = parts(document)
    wanted = model_ids(model)
    view = await service.slots.run(lambda: _evaluate(service, case, wanted, designs, root),
                                   service.options.limits.time_budget)
    return Response(render_options(view, fmt, language), media_type=MEDIA[fmt],
                    headers={"Content-Language": language})


def _evaluate(service: Service, case: Document, wanted: list[str] | None,
              designs: list[AlternativeDesign], root: str) -> Options:
    try:
        return evaluate_options(service.engine, case, models=wanted, designs=designs)
    except UsageError as error:
        raise ProblemError("bad-parameter", detail=error.text) from None
    except InputError as error:
        raise ProblemError("invalid-case", issues=[
            under(issue, root) for issue in error.issues]) from None


def parts(document: Document) -> tuple[Document, list[AlternativeDesign], str]:
    """The case, the alternative designs and the case's JSON path in the request.

    A body with a ``case`` field is the wrapped form (a case has no such field); any
    other body is the case itself.
    """
    data = document.data
    if not isinstance(data, dict) or "case" not in data:
        return document, [], "$"
    issues = [Issue(file=SOURCE, path=f"$.{key}", line=document.lines.get(f"$.{key}"),
                    message=Text("unknown field {key!r}: give case and, optionally, designs",
                                 "onbekend veld {key!r}: geef case en eventueel designs"
                                 ).format(key=key))
              for key in data if key not in WRAPPER_KEYS]
    found = data.get("designs", [])
    if not isinstance(found, list):
        issues.append(Issue(file=SOURCE, path="$.designs",
                            line=document.lines.get("$.designs"), message=Text(
                                "designs must be a list of designs (title, relationship)",
                                "designs moet een lijst van ontwerpen zijn "
                                "(title, relationship)")))
        found = []
    designs = []
    for index, value in enumerate(found):
        path = f"$.designs[{index}]"
        try:
            designs.append(design_of(_part(document, value, path, f"designs[{index}]")))
        except InputError as error:
            issues += [under(issue, path) for issue in error.issues]
    if issues:
        raise ProblemError("invalid-case", issues=issues)
    return _part(document, data["case"], "$.case", SOURCE), designs, "$.case"


def _part(document: Document, value: Any, path: str, source: str) -> Document:
    """A sub-document, with the request lines of its JSON paths."""
    lines = {"$" + key[len(path):]: line for key, line in document.lines.items()
             if key == path or key.startswith((path + ".", path + "["))}
    return Document(value, source, lines)
