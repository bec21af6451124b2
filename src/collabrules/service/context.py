"""The service's shared state: configuration, the engine built from it, and the slots."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request

from ..house.config import Config, build_engine, find_config, load_config
from ..model.errors import InputError
from ..model.text import LANGS
from ..pipeline.engine import Engine
from ..pipeline.loading import Document, parse_bytes
from .limits import Slots
from .negotiate import choose_lang
from .options import ServiceOptions
from .problems import ProblemError

SOURCE = "request"
"""The source name of a request body in messages: ``request:3:5`` is line 3, column 5."""


class Service:
    """What every request uses: options, configuration, the engine and evaluation slots.

    The engine is built once per process from the same ``collabrules.toml`` as the CLI
    (``--config``, else the nearest one from the working directory).
    """

    def __init__(self, options: ServiceOptions) -> None:
        self.options = options
        path = Path(options.config) if options.config else find_config()
        self.config: Config | None = load_config(path) if path is not None else None
        self.engine: Engine = build_engine(self.config)
        self.slots = Slots(options.limits.max_concurrent)
        self.ready = True

    @property
    def lang(self) -> str:
        """The default language: the configuration's ``lang``, else English."""
        lang = self.config.lang if self.config is not None else None
        return lang if lang in LANGS else "en"

    @property
    def fail_on(self) -> str:
        """The default ``fail_on``: the configuration's ``fail-on``, else ``high``."""
        return (self.config.fail_on if self.config is not None else None) or "high"

    def lang_of(self, request: Request, query: str | None) -> str:
        """The language of a request (``lang``, ``Accept-Language``, configuration)."""
        return choose_lang(query, request.headers.get("accept-language"), self.lang)

    def parse(self, raw: bytes, fmt: str | None) -> Document:
        """A request body as a document; 400 with located issues when it is malformed."""
        try:
            return parse_bytes(raw, SOURCE, fmt=fmt, max_bytes=self.options.limits.max_body)
        except InputError as error:
            raise ProblemError("malformed", issues=error.issues) from None


def service_of(request: Request) -> Service:
    """The :class:`Service` of the application handling ``request``."""
    found: Service = request.app.state.service
    return found


def safe_lang(request: Request) -> str:
    """The language for an error response; never fails (a bad ``lang`` falls back)."""
    service: Service | None = getattr(request.app.state, "service", None)
    default = service.lang if service is not None else "en"
    query = request.query_params.get("lang")
    try:
        return choose_lang(query if query in LANGS else None,
                           request.headers.get("accept-language"), default)
    except ProblemError:  # pragma: no cover - choose_lang only fails on a bad query
        return default

