"""Running the application under uvicorn, in one process or several workers."""

from __future__ import annotations

import os
import sys

import uvicorn

from ..model.errors import UsageError
from ..model.text import Text
from .app import create_app
from .options import ENV_OPTIONS, ServiceOptions
from .workers import Workers, listening_sockets, spreads_connections

GRACE_SECONDS = 30
"""How long shutdown waits for in-flight requests to finish."""


def run(options: ServiceOptions) -> None:
    """Serve until interrupted (SIGINT/SIGTERM: in-flight requests finish first).

    Several workers each listen on their own socket where the platform spreads
    connections over them (:mod:`.workers`), else they share uvicorn's one socket.

    The application is built here first, so a bad configuration stops the command before
    anything listens (raises ``InputError``); ``UsageError`` when the workers' address
    cannot be bound.
    """
    app = create_app(options)
    auth = "on" if options.auth else "off"
    print(f"collabrules serve: http://{options.host}:{options.port}/ "
          f"(workers {options.workers}, tokens {auth})", file=sys.stderr, flush=True)
    common = {"host": options.host, "port": options.port, "access_log": False,
              "log_level": "warning", "timeout_graceful_shutdown": GRACE_SECONDS,
              "server_header": False}
    if options.workers == 1:
        uvicorn.run(app, **common)  # type: ignore[arg-type]
        return
    os.environ[ENV_OPTIONS] = options.to_env()
    if spreads_connections():
        del common["host"], common["port"]
        try:
            sockets = listening_sockets(options.host, options.port, options.workers)
        except OSError as error:
            raise UsageError(Text("cannot listen on {host}:{port}: {error}",
                                  "kan niet luisteren op {host}:{port}: {error}").format(
                host=options.host, port=options.port,
                error=error.strerror or str(error))) from None
        Workers(common, sockets).run()
        return
    uvicorn.run("collabrules.service.app:factory", factory=True, workers=options.workers,
                **common)  # type: ignore[arg-type]
