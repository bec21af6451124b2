"""``collabrules compare OLD NEW``: did the relationship move up or down?"""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    _emit,
    _evaluator,
    _input_failure,
    _lang,
    _lang_option,
    _say,
    epilog,
)
from .group import cli

_EPILOG = epilog(
    ("compared; no principle moved down --fail-on steps or more",
     "vergeleken; geen principe daalde --fail-on stappen of meer"),
    ("a principle moved down --fail-on steps or more",
     "een principe daalde --fail-on stappen of meer"))


@cli.command(epilog=_EPILOG)
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True, help="Output format / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) / schrijf naar dit bestand.")
@click.option("--fail-on", "fail_on", type=click.IntRange(1, 2), default=None, metavar="STEPS",
              help="Exit 1 when a principle moved down this many steps or more (1: any step "
                   "down, 2: upheld to violated), for regression gates / afsluitcode 1 bij "
                   "een daling van zoveel stappen.")
@_lang_option
def compare(old: str, new: str, fmt: str, output: str | None, fail_on: int | None,
            lang: str | None) -> None:
    """Compare two versions (cases or JSON reports) of one relationship, per principle.

    Vergelijk twee versies (casussen of JSON-rapporten) van één relatie, per principe.
    """
    from ..io.history import snapshot
    from ..io.trends import compare as compare_snapshots
    from ..model.errors import InputError
    from ..pipeline.loading import read_document
    from ..render.compare import render_trend
    from ..render.labels import COMPARE

    language = _lang(lang)
    evaluate = _evaluator()
    try:
        snapshots = [snapshot(read_document(path), evaluate) for path in (old, new)]
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    before, after = snapshots
    if before.case_id and after.case_id and before.case_id != after.case_id:
        _say(COMPARE["different_cases"].format(old=before.case_id, new=after.case_id), language)
    trend = compare_snapshots(before, after)
    _emit(render_trend(trend, fmt, language), output or None)
    if fail_on is not None and trend.steepest_drop() >= fail_on:
        sys.exit(EXIT_FINDINGS)
