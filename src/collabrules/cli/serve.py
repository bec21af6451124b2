"""``collabrules serve``: the HTTP API and web intake (needs ``collabrules[service]``)."""

from __future__ import annotations

import sys
from importlib.util import find_spec

import click

from .common import EXIT_INPUT, _fail_usage, _input_failure, _lang, epilog
from .group import cli


@cli.command(epilog=epilog(("the server stopped", "de server is gestopt")))
@click.option("--config", "config", metavar="PATH", default=None,
              help="Configuration file (default: the nearest collabrules.toml) / "
                   "configuratiebestand.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; another than loopback needs tokens or "
                   "--insecure / netwerkinterface.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes / aantal processen.")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="Bearer tokens, one a line (also: COLLABRULES_TOKENS, comma-separated) "
                   "/ bearer-tokens, één per regel.")
@click.option("--insecure", is_flag=True,
              help="Allow listening beyond loopback without tokens / sta luisteren buiten "
                   "loopback zonder tokens toe.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow browser requests from this origin (repeatable; default none) / "
                   "sta browserverzoeken van deze oorsprong toe.")
@click.option("--access-log", type=click.Path(dir_okay=False), default=None,
              help="Write the JSON access log here (default: standard error) / "
                   "schrijf het toegangslog hierheen.")
@click.option("--max-body", type=click.IntRange(min=1), default=2 * 1024 * 1024,
              show_default=True, help="Bytes in one request body.")
@click.option("--max-batch-body", type=click.IntRange(min=1), default=512 * 1024 * 1024,
              show_default=True, help="Bytes in one batch body.")
@click.option("--max-batch-cases", type=click.IntRange(min=1), default=100_000,
              show_default=True, help="Cases in one batch.")
@click.option("--time-budget", type=click.FloatRange(min=0, min_open=True), default=10.0,
              show_default=True, help="Seconds one single-case request may take (then 503).")
@click.option("--max-concurrent", type=click.IntRange(min=1), default=8, show_default=True,
              help="Evaluations at once per worker (more get 429).")
@click.option("--read-timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Seconds a client may take to send a body (then 408).")
def serve(config: str | None, host: str, port: int, workers: int, token_file: str | None,
          insecure: bool, cors_origins: tuple[str, ...], access_log: str | None,
          max_body: int, max_batch_body: int, max_batch_cases: int, time_budget: float,
          max_concurrent: int, read_timeout: float) -> None:
    """Serve the HTTP API (with OpenAPI) and the web intake for advisers.

    Bied de HTTP-API (met OpenAPI) en de webintake voor adviseurs aan.
    """
    from ..model.text import Text

    language = _lang(None)
    missing = [name for name in ("fastapi", "uvicorn", "fastapi_offline")
               if find_spec(name) is None]
    if missing:
        from ..service import INSTALL_HINT

        _fail_usage(Text(
            "collabrules serve needs the optional extra 'service' ({missing} missing); "
            "install it with: {hint}",
            "collabrules serve heeft de optionele extra 'service' nodig ({missing} "
            "ontbreekt); installeer die met: {hint}").format(
            missing=", ".join(missing), hint=INSTALL_HINT), language)
    from ..model.errors import InputError
    from ..service.options import Limits, ServiceOptions, is_loopback, read_tokens

    try:
        tokens = read_tokens(token_file)
    except OSError as error:
        _fail_usage(Text("cannot read the token file {path}: {error}",
                         "kan het tokenbestand {path} niet lezen: {error}").format(
            path=token_file, error=error.strerror or str(error)), language)
    if not tokens and not is_loopback(host) and not insecure:
        _fail_usage(Text(
            "refusing to listen on {host} without tokens: anyone on the network could use "
            "the server; set COLLABRULES_TOKENS or --token-file (or give --insecure)",
            "luisteren op {host} zonder tokens geweigerd: iedereen in het netwerk zou de "
            "server kunnen gebruiken; zet COLLABRULES_TOKENS of --token-file (of geef "
            "--insecure)").format(host=host), language)
    options = ServiceOptions(
        config=config, host=host, port=port, workers=workers, token_hashes=tokens,
        cors_origins=cors_origins, insecure=insecure, access_log=access_log,
        limits=Limits(max_body=max_body, max_batch_body=max_batch_body,
                      max_batch_cases=max_batch_cases, time_budget=time_budget,
                      max_concurrent=max_concurrent, read_timeout=read_timeout))
    from ..service.server import run

    try:
        run(options)
    except InputError as error:  # the configuration or a house-principles file
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
