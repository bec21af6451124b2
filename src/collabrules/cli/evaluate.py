"""``collabrules evaluate``: cases in, reports out."""

from __future__ import annotations

import contextlib
import shutil
import sys
from typing import TYPE_CHECKING

import click

from .common import (
    EPILOG,
    EXIT_INPUT,
    EXIT_OK,
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
    from ..problems import Problem
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

    language = _lang(lang)
    engine = _engine(block)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    # Streamed: each result is written as soon as it is produced; only counters are kept.
    # JSON output holds back the first report: a single report is printed indented.
    code = EXIT_OK
    count = 0
    held: Report | None = None
    problems: set[Problem] = set()
    with contextlib.ExitStack() as stack:
        write = stack.enter_context(atomic_writer(output)).write if output else _echo
        for item in iter_documents(files):
            if isinstance(item, InputError):
                _input_failure(item, language)
                code = max(code, EXIT_INPUT)
                continue
            try:
                report = engine.evaluate(item)
            except InputError as error:
                _input_failure(error, language)
                code = max(code, EXIT_INPUT)
                continue
            count += 1
            code = max(code, _exit_code([report], False, fail_on))
            problems.update(report.problems)
            if fmt == "json":
                if count == 1:
                    held = report
                    continue
                if held is not None:
                    write(report_to_json(held, language, indent=None))
                    held = None
                write(report_to_json(report, language, indent=None))
            else:
                write(("\n" if count > 1 else "")
                      + render_text(report, language, width=width, verbose=not brief))
        if held is not None:
            write(report_to_json(held, language))
    for problem in problems:
        _say(problem.message, language)
    sys.exit(code)


def _echo(text: str) -> None:
    click.echo(text, nl=False)
