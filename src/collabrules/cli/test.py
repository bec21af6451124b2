"""``collabrules test DIR``: run house-principle fixtures, like ``opa test``.

Exit codes: 0 every expectation met; 1 a mismatch (or a principle error); 2 bad fixture
files or usage.
"""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    _engine,
    _input_failure,
    _lang,
    _lang_option,
    _plugin_options,
    _say,
    epilog,
)
from .group import cli

_EPILOG = epilog(("all fixtures pass", "alle fixtures slagen"),
                 ("a mismatch", "een afwijking"),
                 ("bad fixture files or usage", "foute fixturebestanden of aanroep"))


@cli.command(name="test", epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True)
@click.option("--coverage/--no-coverage", default=True, show_default=True,
              help="Show which principles and statuses the fixtures exercise.")
@_lang_option
@_plugin_options
def test_command(paths: tuple[str, ...], coverage: bool, lang: str | None,
                 block: tuple[str, ...]) -> None:
    """Check fixture cases against the verdicts they expect / test huisprincipes.

    Each fixture file lists cases and the status expected per principle code; see
    docs/plugins.md.
    """
    from ..errors import InputError
    from ..fixtures import Fixture, fixture_files, read_fixtures
    from ..testrun import coverage_table, run_fixtures
    from ..text import Text

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
    engine = _engine(block)
    outcome = run_fixtures(engine, fixtures)
    for line in outcome.lines(language):
        click.echo(line)
    if coverage:
        click.echo("")
        for line in coverage_table(engine, outcome, language):
            click.echo(line)
    if outcome.input_errors:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if outcome.failed else EXIT_OK)
