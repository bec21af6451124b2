"""``collabrules evaluate``: cases in, reports out."""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING

import click

from .common import (
    EPILOG,
    SEVERITY_CHOICES,
    _engine,
    _exit_code,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    _plugin_options,
    _say,
)
from .group import cli

if TYPE_CHECKING:
    from ..report import Report


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default="high",
              show_default=True,
              help="Exit 1 when a violated or at-risk finding has this severity or more.")
@click.option("--brief", is_flag=True, help="Leave out the conditions / zonder voorwaarden.")
@_lang_option
@_plugin_options
def evaluate(files: tuple[str, ...], fmt: str, output: str | None, fail_on: str, brief: bool,
             lang: str | None, block: tuple[str, ...]) -> None:
    """Evaluate case files (JSON, YAML, folders, JSON Lines) and print the report.

    Beoordeel casusbestanden en toon het rapport.
    """
    from ..atomic import atomic_writer
    from ..errors import InputError
    from ..inputs import iter_documents
    from ..render.text import render_text
    from ..serialize import report_to_json
    from ..text import Text

    language = _lang(lang)
    engine = _engine(block)
    reports: list[Report] = []
    bad_input = False
    chunks: list[str] = []
    for item in iter_documents(files):
        if isinstance(item, InputError):
            _input_failure(item, language)
            bad_input = True
            continue
        try:
            report = engine.evaluate(item)
        except InputError as error:
            _input_failure(error, language)
            bad_input = True
            continue
        reports.append(report)
        if fmt == "json":
            chunks.append(report_to_json(report, language, indent=None))
        else:
            width = min(shutil.get_terminal_size((88, 24)).columns, 100)
            chunks.append(render_text(report, language, width=width, verbose=not brief))
    if fmt == "json" and len(reports) == 1 and len(chunks) == 1:
        chunks = [report_to_json(reports[0], language)]
    body = ("\n" if fmt == "text" else "").join(chunks)
    if output:
        try:
            with atomic_writer(output) as handle:
                handle.write(body)
        except OSError as exc:
            _fail_usage(Text("cannot write {path}: {error}; check that the folder exists",
                             "kan {path} niet schrijven: {error}; controleer of de map bestaat"
                             ).format(path=output, error=exc.strerror or str(exc)), language)
    else:
        click.echo(body, nl=False)
    # Each distinct problem once, in a stable order (a set's order changes between runs).
    for problem in sorted({p for r in reports for p in r.problems},
                          key=lambda p: (p.kind.value, p.plugin, p.code or "", p.detail)):
        _say(problem.message, language)
    sys.exit(_exit_code(reports, bad_input, fail_on))
