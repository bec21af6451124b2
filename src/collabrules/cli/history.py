"""``collabrules history SOURCE...``: the path of a relationship over several assessments."""

from __future__ import annotations

import sys

import click

from .common import EXIT_INPUT, _emit, _evaluator, _input_failure, _lang, _lang_option, epilog
from .group import cli

_EPILOG = epilog(("the history was shown", "de geschiedenis is getoond"))


@cli.command(epilog=_EPILOG)
@click.argument("sources", nargs=-1, required=True, metavar="DIR-OR-JSONL...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
              default="text", show_default=True, help="Output format / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) / schrijf naar dit bestand.")
@_lang_option
def history(sources: tuple[str, ...], fmt: str, output: str | None, lang: str | None) -> None:
    """Show how one relationship developed over dated assessments: a folder of case files
    or JSON reports (each with assessed_on), a JSON Lines file of reports, or several files;
    per principle the path over time, the spiral, and the changes in facts that moved it.

    Toon hoe één relatie zich ontwikkelde over gedateerde beoordelingen: per principe het
    verloop, de spiraal en de veranderde feiten die het bewogen.
    """
    from ..io.history import read_history
    from ..model.errors import InputError
    from ..render.history import render_history

    language = _lang(lang)
    evaluate = _evaluator()
    try:
        found = read_history(sources, evaluate)
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    _emit(render_history(found, fmt, language), output or None)
