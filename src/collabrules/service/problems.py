"""RFC 9457 problem documents: what went wrong, where, and how to fix it, in en or nl.

Every error a client sees is one of these (``application/problem+json``); the located
issues of the CLI become ``errors`` entries, with the request line and JSON path in place
of file:line. No traceback ever reaches a client.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.responses import Response

from ..model.errors import Issue
from ..model.text import Text

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:collabrules:problem:"

KINDS: dict[str, tuple[int, Text]] = {
    "malformed": (400, Text("The request body cannot be read",
                            "De inhoud van het verzoek is niet te lezen")),
    "bad-parameter": (400, Text("A parameter of the request is not valid",
                                "Een parameter van het verzoek is ongeldig")),
    "unauthorized": (401, Text("A valid bearer token is required",
                               "Een geldig bearer-token is vereist")),
    "not-found": (404, Text("There is nothing at this address",
                            "Op dit adres is niets te vinden")),
    "method-not-allowed": (405, Text("This method is not allowed here",
                                     "Deze methode is hier niet toegestaan")),
    "not-acceptable": (406, Text("No response format you accept is available",
                                 "Geen van de geaccepteerde antwoordformaten is beschikbaar")),
    "timeout": (408, Text("The request body arrived too slowly",
                          "De inhoud van het verzoek kwam te langzaam binnen")),
    "too-large": (413, Text("The request is over a limit of this server",
                            "Het verzoek gaat over een grens van deze server")),
    "unsupported-media-type": (415, Text("This content type is not supported",
                                         "Dit inhoudstype wordt niet ondersteund")),
    "invalid-case": (422, Text("The document is not a valid case",
                               "Het document is geen geldige casus")),
    "invalid-answers": (422, Text("Some intake answers are not valid",
                                  "Sommige intake-antwoorden zijn ongeldig")),
    "busy": (429, Text("Too many evaluations are running; try again shortly",
                       "Er lopen te veel beoordelingen; probeer het zo opnieuw")),
    "internal": (500, Text("The server failed on this request; it has been logged",
                           "De server faalde bij dit verzoek; dit is gelogd")),
    "over-time": (503, Text("The evaluation took longer than this server allows",
                            "De beoordeling duurde langer dan deze server toestaat")),
    "not-ready": (503, Text("The server is not ready", "De server is niet gereed")),
}


def issue_entry(issue: Issue, lang: str) -> dict[str, Any]:
    """One located issue as an ``errors`` entry (the CLI's message, request-located)."""
    entry: dict[str, Any] = {"path": issue.path, "message": issue.message.get(lang)}
    if issue.line is not None:
        entry["line"] = issue.line
    if issue.column is not None:
        entry["column"] = issue.column
    if issue.hint is not None:
        entry["hint"] = issue.hint.get(lang)
    entry["detail"] = issue.render(lang)
    return entry


def problem_body(kind: str, lang: str, *, detail: Text | str | None = None,
                 issues: Iterable[Issue] = (), instance: str | None = None,
                 extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The problem document of one kind, in one language."""
    status, title = KINDS[kind]
    body: dict[str, Any] = {"type": TYPE_PREFIX + kind, "title": title.get(lang),
                            "status": status}
    errors = [issue_entry(issue, lang) for issue in issues]
    if detail is not None:
        body["detail"] = detail.get(lang) if isinstance(detail, Text) else detail
    elif errors:
        body["detail"] = "; ".join(e["detail"] for e in errors[:3]) + (
            " ..." if len(errors) > 3 else "")
    if instance is not None:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return body


def problem(kind: str, lang: str, *, detail: Text | str | None = None,
            issues: Iterable[Issue] = (), instance: str | None = None,
            headers: Mapping[str, str] | None = None,
            extra: Mapping[str, Any] | None = None) -> Response:
    """A problem response (``application/problem+json``) of one kind."""
    body = problem_body(kind, lang, detail=detail, issues=issues, instance=instance,
                        extra=extra)
    return Response(json.dumps(body, ensure_ascii=False), status_code=body["status"],
                    media_type=MEDIA_TYPE, headers=dict(headers or {}))


class ProblemError(Exception):
    """Raised inside a request to answer with a problem document."""

    def __init__(self, kind: str, *, detail: Text | str | None = None,
                 issues: Iterable[Issue] = (), headers: Mapping[str, str] | None = None
                 ) -> None:
        self.kind = kind
        self.detail = detail
        self.issues = tuple(issues)
        self.headers = dict(headers or {})
        super().__init__(kind)


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["path", "message", "detail"],
            "properties": {"path": {"type": "string"}, "message": {"type": "string"},
                           "line": {"type": "integer"}, "column": {"type": "integer"},
                           "hint": {"type": "string"}, "detail": {"type": "string"}}}},
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these problem statuses."""
    return {status: {"description": _describe(status), "content": {
        MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for status in statuses}


def _describe(status: int) -> str:
    titles = [title.en for code, title in KINDS.values() if code == status]
    return " / ".join(titles) or "Problem"
