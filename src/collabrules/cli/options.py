"""``collabrules options CASE``: every collaboration model evaluated for the case, side by side."""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_INPUT,
    _engine,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    _plugin_options,
    epilog,
)
from .group import cli

EPILOG = epilog(("the options were shown", "de opties zijn getoond"))


@cli.command(epilog=EPILOG)
@click.argument("case")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
              default="text", show_default=True, help="Output format / uitvoerformaat.")
@click.option("--model", "models", metavar="ID[,ID...]", default=None,
              help="Only these models of the taxonomy, comma-separated / alleen deze modellen.")
@click.option("--design", "designs", multiple=True, metavar="FILE",
              help="An alternative relationship design (a partial case with a 'relationship' "
                   "part) as an extra column; repeatable / een alternatief ontwerp als extra "
                   "kolom.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) / schrijf naar dit bestand.")
@_lang_option
@_plugin_options
def options(case: str, fmt: str, models: str | None, designs: tuple[str, ...],
            output: str | None, lang: str | None, block: tuple[str, ...]) -> None:
    """Evaluate the case as it is and as each collaboration model would run it, side by side.

    Beoordeel de casus zoals hij is en zoals elk samenwerkingsmodel hem zou inrichten, naast
    elkaar.
    """
    from ..alternatives.choosing import evaluate_options, model_ids
    from ..io.outputs import check_output, write_output
    from ..model.errors import InputError, UsageError
    from ..render.options import render_options

    language = _lang(lang)
    wanted = model_ids(models)
    try:
        if output:
            check_output(output, (case, *designs))
        view = evaluate_options(_engine(block), case, models=wanted, designs=designs)
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    except UsageError as error:
        _fail_usage(error.text, language)
    body = render_options(view, fmt, language)
    if output:
        try:
            write_output(output, body)
        except InputError as error:
            _input_failure(error, language)
            sys.exit(EXIT_INPUT)
    else:
        click.echo(body, nl=False)
