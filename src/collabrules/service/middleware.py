"""ASGI middleware: bearer-token check, the JSON access log, and safety headers."""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .negotiate import choose_lang
from .options import ServiceOptions
from .problems import problem

PROTECTED = "/v1/"


class TokenCheck:
    """Requests under ``/v1/`` need ``Authorization: Bearer <token>`` when tokens are set."""

    def __init__(self, app: ASGIApp, options: ServiceOptions) -> None:
        self.app = app
        self.options = options

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.options.auth or \
                not str(scope.get("path", "")).startswith(PROTECTED) or \
                scope.get("method") == "OPTIONS":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip() and self.options.accepts(token.strip()):
            await self.app(scope, receive, send)
            return
        lang = choose_lang(None, headers.get("accept-language"))
        response = problem("unauthorized", lang, instance=str(scope.get("path")),
                           headers={"WWW-Authenticate": 'Bearer realm="collabrules"'})
        await response(scope, receive, send)


class AccessLog:
    """One JSON line per request: time, method, path, status, duration and case id.

    Case contents, query strings and headers are never logged. A handler names the case
    by putting ``case_id`` (or ``cases``) in the request state.
    """

    def __init__(self, app: ASGIApp, target: str | None) -> None:
        self.app = app
        self._lock = threading.Lock()
        self._out: IO[str] = (Path(target).open("a", encoding="utf-8", buffering=1)  # noqa: SIM115
                              if target else sys.stderr)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        state: dict[str, Any] = scope.setdefault("state", {})
        try:
            await self.app(scope, receive, sending)
        finally:
            self.write({
                "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
                "method": scope.get("method"), "path": scope.get("path"),
                "status": status[0],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "case_id": state.get("case_id"),
                **({"cases": state["cases"]} if "cases" in state else {}),
            })

    def write(self, entry: dict[str, Any]) -> None:
        """Write one log line (thread-safe)."""
        line = json.dumps(entry, ensure_ascii=False)
        with self._lock:
            self._out.write(line + "\n")
            self._out.flush()


class SafetyHeaders:
    """``nosniff`` everywhere; pages may load scripts and styles from this server only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        policy = DOCS_CSP if scope.get("path") == DOCS_PAGE else CSP

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"content-security-policy", policy))
                headers.append((b"referrer-policy", b"no-referrer"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


CSP = (b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       b"img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
       b"base-uri 'none'; form-action 'self'")
DOCS_PAGE = "/docs"
# The interactive API page starts Swagger UI with an inline script (it holds no user data).
DOCS_CSP = CSP.replace(b"script-src 'self'", b"script-src 'self' 'unsafe-inline'")


def _headers(scope: Scope) -> dict[str, str]:
    return {key.decode("latin-1").lower(): value.decode("latin-1")
            for key, value in scope.get("headers", [])}
