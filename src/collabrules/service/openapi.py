"""The generated OpenAPI document, completed with the shipped JSON Schemas.

FastAPI generates the document from the routes; this adds the case, report and options
schemas (``schemas/*.schema.json``, their ``$defs`` as components of their own) and the
problem document schema, so clients and Schemathesis see the real contracts.
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..pipeline.schemas import load_schema
from .problems import PROBLEM_SCHEMA, problem_responses

COMPONENTS = {"case": "Case", "report": "Report", "options": "Options"}


def _rewrite(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        return {key: (f"#/components/schemas/{prefix}.{value.rsplit('/', 1)[-1]}"
                      if key == "$ref" and isinstance(value, str)
                      and value.startswith("#/$defs/") else _rewrite(value, prefix))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite(item, prefix) for item in node]
    return node


def shipped_components() -> dict[str, Any]:
    """The case and report schemas as OpenAPI components (``Case``, ``Case.party``, ...)."""
    found: dict[str, Any] = {}
    for name, prefix in COMPONENTS.items():
        schema = copy.deepcopy(load_schema(name))
        defs = schema.pop("$defs", {})
        for key in ("$schema", "$id"):
            schema.pop(key, None)
        found[prefix] = _rewrite(schema, prefix)
        for key, value in defs.items():
            found[f"{prefix}.{key}"] = _rewrite(value, prefix)
    found["Problem"] = PROBLEM_SCHEMA
    return found


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the completed document (built once)."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version,
                                   description=app.description, routes=app.routes)
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            _parameter_errors_are_problems(document, schemas)
            schemas.update(shipped_components())
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


def _parameter_errors_are_problems(document: dict[str, Any], schemas: dict[str, Any]) -> None:
    """FastAPI documents a bad parameter as 422 ``HTTPValidationError``; this server answers
    it with a 400 problem document (and keeps 422 for an invalid case)."""
    fastapi_422 = "#/components/schemas/HTTPValidationError"
    for operation in (op for item in document.get("paths", {}).values()
                      for op in item.values()):
        responses = operation.get("responses", {})
        schema = responses.get("422", {}).get("content", {}).get("application/json", {})
        if schema.get("schema", {}).get("$ref") == fastapi_422:
            del responses["422"]
            responses.setdefault("400", problem_responses(400)[400])
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
