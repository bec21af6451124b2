"""``collabrules expand``: compact results back into full reports, in any format."""

from __future__ import annotations

import sys
from typing import TextIO

import click

from .common import EXIT_INPUT, _engine, _input_failure, _lang, _lang_option, epilog
from .group import cli

FORMATS = ("json", "text", "markdown", "html", "github")


@cli.command(epilog=epilog(("the reports were written", "de rapporten zijn geschreven")))
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Format of the full reports (json: one line per case, as `evaluate "
                   "--format json` writes a portfolio) / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output / schrijf naar dit bestand.")
@_lang_option
def expand(file: TextIO, fmt: str, output: str | None, lang: str | None) -> None:
    """Render compact results (`evaluate --format json --compact`) as full reports.

    Zet compacte resultaten om in volledige rapporten.
    """
    from ..io.compact import read_compact
    from ..io.outputs import write_output
    from ..model.errors import InputError
    from ..render.choose import Render
    from .evaluate import SEPARATORS

    language = _lang(lang)
    render = Render(fmt, language, indent=None)
    name = getattr(file, "name", "-")
    try:
        # the installed plugins tag the actions of the phase plans, as for `evaluate`
        tags = _engine(()).phase_tags
        body = SEPARATORS[fmt].join(render(report)
                                    for report in read_compact(file, name, phase_tags=tags))
        if output is None:
            click.echo(body, nl=False)
        else:
            write_output(output, body)
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
