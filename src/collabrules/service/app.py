"""The ASGI application: routes, middleware, problem documents for every error."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from .._version import __version__
from ..model.errors import Issue
from ..model.text import Text
from . import api, batch, catalogue, choosing, intake_page, openapi, survey
from .context import Service, safe_lang
from .middleware import AccessLog, SafetyHeaders, TokenCheck
from .options import ServiceOptions
from .problems import ProblemError, problem
from .warmup import warm_up

log = logging.getLogger("collabrules.service")

DESCRIPTION = """The collabrules engine over HTTP, with the same contracts as the command line.

Errors are RFC 9457 problem documents (`application/problem+json`). With tokens
configured, every `/v1/` request needs `Authorization: Bearer <token>`."""

STATUS_KINDS = {404: "not-found", 405: "method-not-allowed", 413: "too-large",
                415: "unsupported-media-type", 406: "not-acceptable"}


def create_app(options: ServiceOptions | None = None) -> FastAPI:
    """The application for these options (raises ``InputError`` for a bad configuration)."""
    options = options or ServiceOptions()
    app = build_app(options)
    app.state.service = Service(options)
    return app


def build_app(options: ServiceOptions) -> FastAPI:
    """Routes, middleware and error handlers, without the engine (the OpenAPI document
    needs no more)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service: Service | None = getattr(app.state, "service", None)
        if service is not None:
            warm_up(service)  # nothing listens yet: the first client gets a warm worker
            service.ready = True
        yield
        if service is not None:
            service.ready = False  # shutting down: in-flight requests finish

    app = FastAPIOffline(title="collabrules", version=__version__, description=DESCRIPTION,
                         lifespan=lifespan, redoc_url=None,
                         static_url="/assets/docs", favicon_url="/assets/intake/favicon.svg")
    for router in (api.router, choosing.router, batch.router, catalogue.router,
                   intake_page.router, survey.router):
        app.include_router(router)
    intake_page.mount(app)
    openapi.install(app)
    _handlers(app)
    app.add_middleware(TokenCheck, options=options)
    if options.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(options.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "Accept",
                                          "Accept-Language"],
                           expose_headers=["Collabrules-Exit-Code", "Collabrules-Fail-On"])
    app.add_middleware(SafetyHeaders)
    app.add_middleware(AccessLog, target=options.access_log)
    return app


def factory() -> FastAPI:
    """The application for the options in the environment (uvicorn ``--factory``)."""
    return create_app(ServiceOptions.from_env())


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, error: ProblemError) -> Response:
        return problem(error.kind, safe_lang(request), detail=error.detail,
                       issues=error.issues, instance=request.url.path, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def on_parameters(request: Request, error: RequestValidationError) -> Response:
        issues = [_parameter_issue(e) for e in error.errors()]
        return problem("bad-parameter", safe_lang(request), issues=issues,
                       instance=request.url.path)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        kind = STATUS_KINDS.get(error.status_code, "bad-parameter")
        return problem(kind, safe_lang(request), instance=request.url.path,
                       headers=dict(error.headers or {}))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, error: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=error)
        return problem("internal", safe_lang(request), instance=request.url.path)


def _parameter_issue(error: Mapping[str, Any]) -> Issue:
    """A parameter FastAPI refused, as a located issue in both languages."""
    location = [str(part) for part in error.get("loc", ())]
    name = location[-1] if location else "?"
    expected = (error.get("ctx") or {}).get("expected")
    value = str(error.get("input"))[:60]
    if expected:
        message = Text("{name}={value!r} is not allowed; give one of {expected}",
                       "{name}={value!r} is niet toegestaan; geef een van {expected}").format(
            name=name, value=value, expected=str(expected).replace(" or ", ", "))
    else:
        message = Text("{name}={value!r} is not valid ({why})",
                       "{name}={value!r} is ongeldig ({why})").format(
            name=name, value=value, why=str(error.get("msg", "")))
    return Issue(file="request", path="$." + ".".join(location), message=message)
