"""The HTTP API reference: generated from the service's OpenAPI document.

``reference/openapi.json`` is the document itself (as ``GET /openapi.json`` serves it);
``reference/http-api.md`` renders it as a page, so the site needs no Swagger UI or CDN.
"""

from __future__ import annotations

import json
from typing import Any

from .markdown import header, table

INTRO = """
Every operation of `collabrules serve` (see [the service guide](../service.md)), generated
from the server's OpenAPI document. The document itself is [openapi.json](openapi.json);
a running server serves it at `/openapi.json` and an interactive page at `/docs`.
Errors are `application/problem+json` documents (RFC 9457) described by the `Problem`
schema; the `Case` and `Report` schemas are the shipped case and report schemas.
"""


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of the service (needs the ``service`` extra)."""
    from ..service.app import build_app
    from ..service.options import ServiceOptions

    document: dict[str, Any] = build_app(ServiceOptions()).openapi()
    return document


def openapi_json() -> str:
    """The OpenAPI document as stable, indented JSON."""
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return ", ".join(f"`{v}`" for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "$ref" in schema:
        return f"`{schema['$ref'].rsplit('/', 1)[-1]}`"
    return f"`{schema.get('type', 'any')}`"


def _operation(method: str, path: str, op: dict[str, Any]) -> list[str]:
    out = [f"## {method.upper()} `{path}`", "", f"**{op.get('summary', '')}**", ""]
    if op.get("description"):
        out += [op["description"].strip(), ""]
    params = op.get("parameters", [])
    if params:
        out += [table(("Parameter", "In", "Type", "Required"),
                      [(f"`{p['name']}`", p["in"], _type(p.get("schema", {})),
                        "yes" if p.get("required") else "no") for p in params])]
    body = op.get("requestBody", {}).get("content", {})
    if body:
        out += ["Request body: " + ", ".join(
            f"`{media}` ({_type(spec.get('schema', {}))})" for media, spec in body.items()), ""]
    responses = op.get("responses", {})
    out += [table(("Status", "Meaning", "Content types"),
                  [(code, r.get("description", ""),
                    ", ".join(f"`{m}`" for m in r.get("content", {})) or "-")
                   for code, r in sorted(responses.items())])]
    return out


def http_page() -> str:
    """The HTTP API reference page."""
    document = openapi_document()
    out = [header("the service's OpenAPI document (collabrules.service)"),
           "# HTTP API", INTRO]
    for path, item in document["paths"].items():
        for method, op in item.items():
            out += _operation(method, path, op)
    return "\n".join(out).rstrip() + "\n"
