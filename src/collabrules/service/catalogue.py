"""What the server knows: principles, models, schemas, plugins, health and version."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from .._version import __version__
from ..model.models import CollaborationModel
from ..model.text import Text
from ..pipeline.engine import ENGINE_NAME
from ..pipeline.schemas import schema_text
from ..pipeline.validation import did_you_mean
from ..render.page import principle_markdown, principle_text
from .context import service_of
from .models import Health, Lang, VersionInfo
from .negotiate import MEDIA, choose_format
from .problems import ProblemError, problem_responses

router = APIRouter()
SchemaName = Literal["case", "report", "config", "house-principles"]
"""The names of :data:`collabrules.pipeline.schemas.NAMES` (a test holds them equal)."""
CODE = Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", description="code or slug",
            examples=["CR01", "reciprocity"])


@router.get("/v1/principles", summary="The principles in use",
            responses=problem_responses(400, 401))
async def principles(request: Request, lang: Lang | None = None) -> list[dict[str, Any]]:
    """Every registered principle (as ``collabrules principles --format json``)."""
    service = service_of(request)
    language = service.lang_of(request, lang)
    active = {a.principle.code for a in service.engine.active}
    return [{"code": a.principle.code, "slug": a.principle.slug,
             "title": a.principle.title.get(language),
             "theme": a.principle.theme.get(language),
             "statement": a.principle.statement.get(language),
             "severity": a.severity.value, "plugin": a.plugin,
             "selected": a.principle.code in active, "replaces": a.principle.replaces}
            for a in service.engine.all_principles]


@router.get("/v1/principles/{code}", summary="One principle's page", response_class=Response,
            responses={200: {"content": {
                "application/json": {"schema": {"type": "object"}},
                "text/markdown": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}}}},
                **problem_responses(400, 401, 404, 406)})
async def principle(request: Request, code: str = CODE, lang: Lang | None = None,
                    format: Literal["json", "markdown", "text"] | None = None
                    ) -> Response:
    """A principle's page by code or slug (as ``collabrules explain``)."""
    import json

    service = service_of(request)
    language = service.lang_of(request, lang)
    fmt = choose_format(format, request.headers.get("accept"), ("json", "markdown", "text"))
    engine = service.engine
    found = None
    for candidate in (code, code.upper(), code.lower()):
        try:
            found = engine.principle(candidate)
            break
        except KeyError:
            continue
    if found is None:
        known = [a.principle.code for a in engine.all_principles] + \
                [a.principle.slug for a in engine.all_principles]
        message = Text("unknown principle {code!r}", "onbekend principe {code!r}").format(
            code=code)
        hint = did_you_mean(code, known)
        raise ProblemError("not-found", detail=message if hint is None else
                           message + Text(": ", ": ") + hint)
    plugin = next((a.plugin for a in engine.all_principles if a.principle is found), None)
    headers = {"Content-Language": language}
    if fmt == "markdown":
        return Response(principle_markdown(found, language, plugin=plugin),
                        media_type=MEDIA["markdown"], headers=headers)
    if fmt == "text":
        return Response(principle_text(found, language, plugin=plugin),
                        media_type=MEDIA["text"], headers=headers)
    body = {"code": found.code, "slug": found.slug, "title": found.title.get(language),
            "theme": found.theme.get(language), "statement": found.statement.get(language),
            "observation": found.observation.text.get(language),
            "checks": found.checks.get(language), "severity": found.severity.value,
            "plugin": plugin, "page": principle_markdown(found, language, plugin=plugin)}
    return Response(json.dumps(body, ensure_ascii=False), media_type=MEDIA["json"],
                    headers=headers)


def _model(model: CollaborationModel, lang: str) -> dict[str, Any]:
    return {"id": model.id, "name": model.name.get(lang),
            "description": model.description.get(lang), "depth": model.depth,
            "trust": model.trust.value, "governance": list(model.governance),
            "build_months": model.build_months, "adversarial": model.adversarial,
            "stages": [{"name": s.name.get(lang), "establishes": s.establishes.get(lang),
                        "months": s.months} for s in model.stages]}


@router.get("/v1/models", summary="The collaboration models recommendations come from",
            responses=problem_responses(400, 401))
async def models(request: Request, lang: Lang | None = None) -> dict[str, Any]:
    """The taxonomy in use and its models, shallowest first (adversarial last)."""
    service = service_of(request)
    language = service.lang_of(request, lang)
    taxonomy = service.engine.taxonomy
    if taxonomy is None:
        return {"taxonomy": None, "models": []}
    ordered = sorted(taxonomy.models.values(), key=lambda m: (m.adversarial, m.depth, m.id))
    return {"taxonomy": taxonomy.name, "models": [_model(m, language) for m in ordered]}


@router.get("/v1/schemas/{name}", summary="A shipped JSON Schema", response_class=Response,
            responses={200: {"content": {"application/schema+json": {
                "schema": {"type": "object"}}}}, **problem_responses(401)})
async def schema(name: SchemaName) -> Response:
    """The JSON Schema of a case, report, configuration or house-principles file."""
    return Response(schema_text(name), media_type="application/schema+json")


@router.get("/v1/plugins", summary="The loaded plugins", responses=problem_responses(400, 401))
async def plugins(request: Request, lang: Lang | None = None) -> dict[str, Any]:
    """Loaded plugins with distribution, version and principles (``collabrules plugins``)."""
    service = service_of(request)
    language = service.lang_of(request, lang)
    engine = service.engine
    contributed: dict[str, list[str]] = {}
    for active in engine.all_principles:
        contributed.setdefault(active.plugin, []).append(active.principle.code)
    rows = [{"name": i.name, "distribution": i.distribution, "version": i.version,
             "entry_point": i.entry_point, "principles": contributed.get(i.name, [])}
            for i in sorted(engine.plugins.values(), key=lambda i: (i.distribution, i.name))]
    return {"plugins": rows, "problems": [p.message.get(language) for p in engine.problems]}


@router.get("/healthz", summary="Liveness", response_model=Health)
async def healthz() -> dict[str, str]:
    """``ok`` while the process answers."""
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness", response_model=Health,
            responses=problem_responses(503))
async def readyz(request: Request) -> dict[str, str]:
    """``ready`` once the engine is built and until shutdown begins."""
    if not service_of(request).ready:
        raise ProblemError("not-ready")
    return {"status": "ready"}


@router.get("/version", summary="Versions", response_model=VersionInfo)
async def version(request: Request) -> dict[str, Any]:
    """The collabrules version, the principle set's codes and digest, the taxonomy."""
    service = service_of(request)
    engine = service.engine
    config = service.config
    return {"version": __version__, "engine": ENGINE_NAME,
            "principle_set": {"codes": list(engine.principle_set.codes),
                              "digest": engine.principle_set.digest},
            "taxonomy": engine.taxonomy.name if engine.taxonomy else None,
            "config": config.path.name if config is not None and config.path else None}
