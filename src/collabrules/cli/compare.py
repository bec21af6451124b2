"""``collabrules compare OLD NEW``: did the relationship move up or down?"""

from __future__ import annotations

import sys

import click

from .common import EXIT_INPUT, _engine, _input_failure, _lang, _lang_option, _say, epilog
from .group import cli


@cli.command(epilog=epilog(("the comparison was written", "de vergelijking is geschreven")))
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True, help="Output format / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) / schrijf naar dit bestand.")
@_lang_option
def compare(old: str, new: str, fmt: str, output: str | None, lang: str | None) -> None:
    """Compare two versions (cases or JSON reports) of one relationship, per principle.

    Vergelijk twee versies (casussen of JSON-rapporten) van één relatie, per principe.
    """
    from ..errors import InputError
    from ..loading import read_document
    from ..render.compare import render_trend
    from ..render.labels import COMPARE
    from ..text import Text
    from ..trends import compare as compare_snapshots
    from ..trends import is_report_document, snapshot_of_json, snapshot_of_report

    language = _lang(lang)
    snapshots = []
    engine = None
    for path in (old, new):
        try:
            document = read_document(path)
            if is_report_document(document.data):
                snapshots.append(snapshot_of_json(document.data, document.source))
                continue
            engine = engine or _engine(())
            snapshots.append(snapshot_of_report(engine.evaluate(document)))
        except InputError as error:
            _input_failure(error, language)
            sys.exit(EXIT_INPUT)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            _say(Text("{path}: $.findings: this report is malformed ({error}); give a report "
                      "written by 'collabrules evaluate --format json' or a case file",
                      "{path}: $.findings: dit rapport is misvormd ({error}); geef een rapport "
                      "van 'collabrules evaluate --format json' of een casusbestand").format(
                path=path, error=repr(error)), language)
            sys.exit(EXIT_INPUT)
    before, after = snapshots
    if before.case_id and after.case_id and before.case_id != after.case_id:
        _say(COMPARE["different_cases"].format(old=before.case_id, new=after.case_id), language)
    body = render_trend(compare_snapshots(before, after), fmt, language)
    if output:
        from ..atomic import atomic_writer

        with atomic_writer(output) as handle:
            handle.write(body)
    else:
        click.echo(body, nl=False)
