"""``collabrules test DIR``: run house-principle fixtures, like ``opa test``.

Exit codes: 0 every expectation met; 1 a mismatch (or a principle error); 2 bad fixture
files or usage.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    _engine,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    _plugin_options,
    _say,
    epilog,
)
from .group import cli

if TYPE_CHECKING:
    from ..authoring.fixtures import Fixture

_EPILOG = epilog(("all fixtures pass", "alle fixtures slagen"),
                 ("a mismatch", "een afwijking"),
                 ("bad fixture files or usage", "foute fixturebestanden of aanroep"))


@cli.command(name="test", epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True)
@click.option("--coverage/--no-coverage", default=True, show_default=True,
              help="Show which principles and statuses the fixtures exercise (text only).")
@click.option("--format", "fmt", type=click.Choice(["text", "junit"]), default="text",
              show_default=True,
              help="text, or JUnit XML with a test case per fixture / uitvoerformaat.")
@click.option("-k", "keyword", metavar="EXPRESSION", default=None,
              help="Only fixtures whose name or file matches, as pytest's -k: words with "
                   "and, or, not / alleen fixtures waarvan naam of bestand overeenkomt.")
@_lang_option
@_plugin_options
def test_command(paths: tuple[str, ...], coverage: bool, fmt: str, keyword: str | None,
                 lang: str | None, block: tuple[str, ...]) -> None:
    """Check fixture cases against the verdicts they expect / test huisprincipes.

    Each fixture file lists cases and the status expected per principle code; see
    docs/plugins.md.
    """
    from ..authoring.fixtures import fixture_files, read_fixtures
    from ..authoring.testrun import coverage_table, run_fixtures
    from ..model.errors import InputError
    from ..model.text import Text

    language = _lang(lang)
    fixtures: list[Fixture] = []
    bad = False
    for path in paths:
        files = fixture_files(path)
        if not files:
            _say(Text("{path}: no fixture files (.yaml, .yml, .json) found",
                      "{path}: geen fixturebestanden (.yaml, .yml, .json) gevonden"
                      ).format(path=path), language)
            bad = True
        for file in files:
            try:
                fixtures.extend(read_fixtures(file))
            except InputError as error:
                _input_failure(error, language)
                bad = True
    if bad:
        sys.exit(EXIT_INPUT)
    if keyword is not None:
        fixtures = _chosen(fixtures, keyword, language)
    engine = _engine(block)
    outcome = run_fixtures(engine, fixtures)
    if fmt == "junit":
        from ..render.junit import render_junit_fixtures

        click.echo(render_junit_fixtures(outcome, language), nl=False)
    else:
        for line in outcome.lines(language):
            click.echo(line)
    if coverage and fmt == "text":
        click.echo("")
        for line in coverage_table(engine, outcome, language):
            click.echo(line)
    if outcome.input_errors:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if outcome.failed else EXIT_OK)


def _chosen(fixtures: list[Fixture], keyword: str, lang: str) -> list[Fixture]:
    from ..authoring.keywords import KeywordError, keyword_match
    from ..model.text import Text

    try:
        return [f for f in fixtures if keyword_match(keyword, f"{f.file} {f.name}")]
    except KeywordError:
        _fail_usage(Text(
            "-k {keyword!r} is not a valid expression: write words joined with and, or, not "
            "and parentheses",
            "-k {keyword!r} is geen geldige uitdrukking: schrijf woorden verbonden met and, "
            "or, not en haakjes").format(keyword=keyword), lang)
