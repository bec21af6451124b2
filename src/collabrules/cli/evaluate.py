"""``collabrules evaluate``: cases in, reports out."""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING

import click

from .common import (
    EPILOG,
    EXIT_INPUT,
    SEVERITY_CHOICES,
    _engine,
    _exit_code,
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
    from ..errors import InputError
    from ..inputs import iter_documents
    from ..outputs import check_output, write_output
    from ..render.text import render_text
    from ..serialize import report_to_json

    language = _lang(lang)
    if output:
        try:
            check_output(output, files)
        except InputError as error:
            _input_failure(error, language)
            sys.exit(EXIT_INPUT)
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
            write_output(output, body)
        except InputError as error:
            _input_failure(error, language)
            sys.exit(EXIT_INPUT)
    else:
        click.echo(body, nl=False)
    for problem in {p for r in reports for p in r.problems}:
        _say(problem.message, language)
    sys.exit(_exit_code(reports, bad_input, fail_on))
