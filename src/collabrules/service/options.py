"""What a running service is allowed and configured to do: limits, tokens, origins."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
from pathlib import Path
from typing import Any

import attrs

from ..model.records import shared_repr

ENV_OPTIONS = "COLLABRULES_SERVICE_OPTIONS"
ENV_TOKENS = "COLLABRULES_TOKENS"


def hash_token(token: str) -> str:
    """The stored form of a bearer token: its SHA-256 digest in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
@shared_repr
class Limits:
    """Limits that protect the server; every one is configurable (``collabrules serve``)."""

    max_body: int = 2 * 1024 * 1024
    """Bytes in one request body (one case, a comparison, an intake)."""
    max_batch_body: int = 512 * 1024 * 1024
    """Bytes in one batch request body (JSON Lines)."""
    max_batch_cases: int = 100_000
    """Cases (non-empty lines) in one batch request."""
    time_budget: float = 10.0
    """Seconds one single-case request may take before it is answered with 503."""
    max_concurrent: int = 8
    """Evaluations (single requests or batches) running at once; more get 429."""
    read_timeout: float = 30.0
    """Seconds a client may take to send a request body; slower uploads get 408."""


@attrs.frozen(kw_only=True)
@shared_repr
class ServiceOptions:
    """Everything the application needs; plain data, so worker processes get the same."""

    config: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    token_hashes: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    insecure: bool = False
    access_log: str | None = None
    limits: Limits = attrs.field(factory=Limits)

    @property
    def auth(self) -> bool:
        """Whether requests to the API need a bearer token."""
        return bool(self.token_hashes)

    def accepts(self, token: str) -> bool:
        """Whether ``token`` is one of the configured tokens (compared in constant time)."""
        digest = hash_token(token)
        found = False
        for stored in self.token_hashes:
            found |= hmac.compare_digest(digest, stored)
        return found

    def to_env(self) -> str:
        """The options as JSON, for the environment of worker processes."""
        return json.dumps(attrs.asdict(self))

    @classmethod
    def from_env(cls) -> ServiceOptions:
        """The options the parent process put in the environment (defaults without)."""
        raw = os.environ.get(ENV_OPTIONS)
        if not raw:
            return cls()
        data: dict[str, Any] = json.loads(raw)
        limits = Limits(**data.pop("limits", {}))
        for key in ("token_hashes", "cors_origins"):
            data[key] = tuple(data.get(key, ()))
        return cls(limits=limits, **data)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_tokens(token_file: str | None, environ: dict[str, str] | None = None
                ) -> tuple[str, ...]:
    """Token hashes from ``COLLABRULES_TOKENS`` (comma-separated) and a file (one a line).

    Lines starting with ``#`` and blank lines in the file are ignored; raises ``OSError``
    when the file cannot be read.
    """
    env = os.environ if environ is None else environ
    tokens = [t.strip() for t in env.get(ENV_TOKENS, "").split(",") if t.strip()]
    if token_file:
        text = Path(token_file).read_text(encoding="utf-8")
        tokens += [line.strip() for line in text.splitlines()
                   if line.strip() and not line.lstrip().startswith("#")]
    return tuple(sorted({hash_token(t) for t in tokens}))
