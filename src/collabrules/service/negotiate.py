"""Content negotiation: the report format (``format`` or ``Accept``), the language (``lang``
or ``Accept-Language``) and the request body's format (``Content-Type``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model.text import LANGS, Text
from .problems import ProblemError

MEDIA = {"json": "application/json", "markdown": "text/markdown", "html": "text/html",
         "text": "text/plain"}
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
JSON_TYPES = ("application/json",)
LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines",
               "application/x-jsonlines", "text/plain")


def _weighted(header: str) -> list[tuple[str, float]]:
    """``a;q=0.5, b`` -> [("b", 1.0), ("a", 0.5)], highest weight first, stable."""
    found: list[tuple[str, float, int]] = []
    for index, part in enumerate(header.split(",")):
        name, *params = (p.strip() for p in part.split(";"))
        if not name:
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        found.append((name.lower(), weight, index))
    found.sort(key=lambda item: (-item[1], item[2]))
    return [(name, weight) for name, weight, _ in found if weight > 0]


def choose_format(query: str | None, accept: str | None,
                  allowed: Sequence[str] = tuple(MEDIA),
                  media: Mapping[str, str] = MEDIA) -> str:
    """The response format: the ``format`` parameter, else the best ``Accept`` match
    (``media`` gives each format's media type).

    No ``Accept`` (or ``*/*``) means the first allowed format; an ``Accept`` header that
    names none of them is answered with 406.
    """
    if query is not None:
        if query not in allowed:
            raise ProblemError("bad-parameter", detail=Text(
                "format must be one of: {allowed}", "format moet een van deze zijn: {allowed}"
            ).format(allowed=", ".join(allowed)))
        return query
    if not accept or not accept.strip():
        return allowed[0]
    for wanted, _ in _weighted(accept):
        if wanted in ("*/*", "application/*", "text/*"):
            kinds = [f for f in allowed if media[f].startswith(wanted[:-1]) or wanted == "*/*"]
            if kinds:
                return kinds[0]
        for fmt in allowed:
            if media[fmt] == wanted:
                return fmt
    raise ProblemError("not-acceptable", detail=Text(
        "this endpoint answers in: {types}", "dit eindpunt antwoordt in: {types}").format(
        types=", ".join(media[f] for f in allowed)))


def choose_lang(query: str | None, accept_language: str | None, default: str = "en") -> str:
    """The language: the ``lang`` parameter, else ``Accept-Language``, else ``default``."""
    if query is not None:
        if query not in LANGS:
            raise ProblemError("bad-parameter", detail=Text(
                "lang must be en or nl", "lang moet en of nl zijn"))
        return query
    for tag, _ in _weighted(accept_language or ""):
        primary = tag.split("-")[0]
        if primary in LANGS:
            return primary
    return default


def body_format(content_type: str | None) -> str | None:
    """``json``, ``yaml``, or ``None`` (recognise by the first character) for a case body;
    any other content type is answered with 415."""
    media = (content_type or "").split(";")[0].strip().lower()
    if not media:
        return None
    if media in JSON_TYPES or media.endswith("+json"):
        return "json"
    if media in YAML_TYPES:
        return "yaml"
    raise ProblemError("unsupported-media-type", detail=Text(
        "send a case as application/json or application/yaml, not {media}",
        "stuur een casus als application/json of application/yaml, niet {media}").format(
        media=media))


def check_lines_type(content_type: str | None) -> None:
    """A batch body must be JSON Lines (or carry no content type); else 415."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in LINES_TYPES:
        raise ProblemError("unsupported-media-type", detail=Text(
            "send a batch as application/x-ndjson (one JSON case a line), not {media}",
            "stuur een reeks als application/x-ndjson (één JSON-casus per regel), niet {media}"
        ).format(media=media))
