"""Shared pieces of the command line: options, exit codes, messages.

Exit codes (also in ``collabrules --help``):

* 0 -- no finding at or above ``--fail-on``;
* 1 -- findings at or above ``--fail-on``;
* 2 -- bad input or usage (every problem listed, with file and JSON path);
* 3 -- an internal or plugin error (the report still lists every other finding).

When several apply, the highest wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from ..engine import Engine
    from ..errors import InputError
    from ..report import Report
    from ..text import Text

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
SEVERITY_CHOICES = ("info", "low", "medium", "high", "critical", "never")
F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
2 bad input or usage; 3 an internal or plugin error.
\b
Afsluitcodes: 0 niets op of boven --fail-on; 1 bevindingen op of erboven;
2 foute invoer of aanroep; 3 een interne of pluginfout."""


def _lang_option(func: F) -> F:
    return click.option(
        "--lang", type=click.Choice(["en", "nl"]), default=None,
        help="Language of the output (default: COLLABRULES_LANG or en) / taal van de uitvoer.",
    )(func)


def _plugin_options(func: F) -> F:
    func = click.option(
        "--block", "block", multiple=True, metavar="PLUGIN",
        help="Do not load this plugin (repeatable) / laad deze plugin niet.")(func)
    return func


def _lang(value: str | None) -> str:
    chosen = value or os.environ.get("COLLABRULES_LANG") or "en"
    return chosen if chosen in ("en", "nl") else "en"


def _engine(block: Sequence[str]) -> Engine:
    from ..engine import Engine
    from ..settings import Settings

    return Engine(settings=Settings(block=tuple(block), principle_budget=_budget()))


def _budget() -> float | None:
    """The per-principle time budget: ``COLLABRULES_PRINCIPLE_BUDGET`` seconds, or 2."""
    value = os.environ.get("COLLABRULES_PRINCIPLE_BUDGET", "").strip()
    if not value:
        return 2.0
    if value.lower() in ("none", "off"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        from ..text import Text

        _fail_usage(Text(
            "COLLABRULES_PRINCIPLE_BUDGET must be a number of seconds or 'off', not {value!r}",
            "COLLABRULES_PRINCIPLE_BUDGET moet een aantal seconden zijn of 'off', niet {value!r}"
        ).format(value=value), "en")
    return seconds


def _say(text: Text, lang: str, *, err: bool = True) -> None:
    click.echo(text.get(lang), err=err)


def _input_failure(error: InputError, lang: str) -> None:
    from ..render.visible import visible

    for issue in error.issues:
        click.echo(visible(issue.render(lang)), err=True)


def _fail_usage(text: Text, lang: str) -> NoReturn:
    _say(text, lang)
    sys.exit(EXIT_INPUT)




def _exit_code(reports: Sequence[Report], bad_input: bool, fail_on: str) -> int:
    from ..vocab import Severity, Status

    if any(r.problems for r in reports) or any(
            f.status is Status.ERROR for r in reports for f in r.findings):
        return EXIT_INTERNAL
    if bad_input:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    for report in reports:
        for finding in report.findings:
            if finding.waiver is not None and getattr(finding.waiver, "active", True):
                continue
            if finding.status in (Status.VIOLATED, Status.AT_RISK) and \
                    finding.severity.rank >= threshold:
                return EXIT_FINDINGS
    return EXIT_OK
