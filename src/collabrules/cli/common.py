"""Shared pieces of the command line: options, exit codes, messages.

Exit codes (each command's ``--help`` lists the ones that apply to it, see :func:`epilog`):

* 0 -- success (for ``evaluate``: no finding at or above ``--fail-on``);
* 1 -- findings at or above ``--fail-on`` (``evaluate``) or a failed fixture (``test``);
* 2 -- bad input or usage (every problem listed, with file and JSON path);
* 3 -- an internal or plugin error (the report still lists every other finding).

When several apply, the highest wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from ..house.config import Config
    from ..house.overrides import Override
    from ..model.errors import InputError
    from ..model.report import Report
    from ..model.text import Text
    from ..pipeline.engine import Engine
    from ..pipeline.loading import Document

from ..model.exitcodes import EXIT_FINDINGS as EXIT_FINDINGS
from ..model.exitcodes import EXIT_INPUT as EXIT_INPUT
from ..model.exitcodes import EXIT_INTERNAL as EXIT_INTERNAL
from ..model.exitcodes import EXIT_OK as EXIT_OK

SEVERITY_CHOICES = ("info", "low", "medium", "high", "critical", "never")
F = TypeVar("F", bound=Callable[..., Any])

def epilog(ok: tuple[str, str], findings: tuple[str, str] | None = None,
           bad: tuple[str, str] = ("bad input or usage", "foute invoer of aanroep")) -> str:
    """A command's help epilog: the exit codes that apply to it, in English and Dutch.

    Each argument is an ``(en, nl)`` pair: what exit code 0 means, what 1 means (only
    for commands that can exit 1) and what 2 means; 3 is always an internal or plugin error.
    """
    codes = [("0", ok), *([("1", findings)] if findings else []), ("2", bad),
             ("3", ("an internal or plugin error", "een interne of pluginfout"))]
    en = "; ".join(f"{code} {meaning[0]}" for code, meaning in codes)
    nl = "; ".join(f"{code} {meaning[1]}" for code, meaning in codes)
    return f"\b\nExit codes: {en}.\n\b\nAfsluitcodes: {nl}."


EPILOG = epilog(("nothing at or above --fail-on", "niets op of boven --fail-on"),
                ("findings at or above it", "bevindingen op of erboven"))
"""The exit codes of a command with ``--fail-on``."""


def _lang_option(func: F) -> F:
    return click.option(
        "--lang", type=click.Choice(["en", "nl"]), default=None, callback=_remember,
        help="Language of the output (default: COLLABRULES_LANG or en) / taal van de uitvoer.",
    )(func)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"collabrules.{param.name}"] = value
    return value


def _plugin_options(func: F) -> F:
    for name, metavar, text in reversed(_SELECTION_OPTIONS):
        func = click.option(
            f"--{name}", name, multiple=True, metavar=metavar, expose_value=False,
            callback=_remember, help=text)(func)
    func = click.option(
        "--block", "block", multiple=True, metavar="PLUGIN",
        help="Do not load this plugin (repeatable) / laad deze plugin niet.")(func)
    func = click.option(
        "--no-config", "no_config", is_flag=True, expose_value=False, callback=_remember,
        is_eager=True,
        help="Ignore collabrules.toml / negeer collabrules.toml.")(func)
    func = click.option(
        "--config", "config", metavar="PATH", expose_value=False, callback=_remember,
        is_eager=True,
        help="Configuration file (default: the nearest collabrules.toml) / "
             "configuratiebestand.")(func)
    return func


_SELECTION_OPTIONS = (
    ("select", "CODES", "Only these principles, by code or prefix; replaces select and ignore "
                        "of collabrules.toml (repeatable, comma-separated) / alleen deze "
                        "principes."),
    ("ignore", "CODES", "Leave these principles out, by code or prefix; wins over "
                        "collabrules.toml (repeatable, comma-separated) / laat deze weg."),
    ("severity", "CODE=LEVEL", "Severity of a principle's violations, by code or prefix; wins "
                               "over collabrules.toml (repeatable) / ernst per principe."),
)


def _override() -> Override:
    """``--select``/``--ignore``/``--severity`` of this command (a bad value: exit 2)."""
    from ..house.overrides import Override, OverrideError, parse_override

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return Override()
    meta = ctx.meta
    try:
        return parse_override(meta.get("collabrules.select") or (),
                              meta.get("collabrules.ignore") or (),
                              meta.get("collabrules.severity") or ())
    except OverrideError as error:
        lang = meta.get("collabrules.lang") or os.environ.get("COLLABRULES_LANG") or "en"
        _fail_usage(error.message, lang if lang in ("en", "nl") else "en")


def _config(*, strict: bool = True) -> Config | None:
    """The configuration in use (``--config``, else the nearest file), loaded once.

    An invalid file ends the command with exit code 2, unless ``strict`` is false (then
    it counts as no configuration, so e.g. ``collabrules schema config`` still works).
    """
    from ..house.config import find_config, load_config
    from ..model.errors import InputError

    ctx = click.get_current_context(silent=True)
    meta: dict[str, Any] = ctx.meta if ctx is not None else {}
    if "collabrules.loaded" in meta:
        loaded: Config | None = meta["collabrules.loaded"]
        return loaded
    path = None if meta.get("collabrules.no_config") else (
        meta.get("collabrules.config") or find_config())
    config = None
    if path is not None:
        try:
            config = load_config(path)
        except InputError as error:
            if not strict:
                return None
            lang = meta.get("collabrules.lang") or os.environ.get("COLLABRULES_LANG") or "en"
            _input_failure(error, lang if lang in ("en", "nl") else "en")
            sys.exit(EXIT_INPUT)
    override = _override()
    if override:
        import attrs

        from ..house.config import Config

        config = config or Config()
        config = attrs.evolve(config, settings=override.apply(config.settings))
    meta["collabrules.loaded"] = config
    return config


def _lang(value: str | None) -> str:
    chosen = value or os.environ.get("COLLABRULES_LANG")
    if not chosen and click.get_current_context(silent=True) is not None:
        config = _config(strict=False)
        chosen = config.lang if config is not None else None
    chosen = chosen or "en"
    return chosen if chosen in ("en", "nl") else "en"


def _fail_on(value: str | None) -> str:
    """``--fail-on`` if given, else the configuration's ``fail-on``, else ``high``."""
    if value:
        return value
    config = _config()
    return (config.fail_on if config is not None else None) or "high"


def _engine(block: Sequence[str]) -> Engine:
    from ..house.config import build_engine
    from ..model.errors import InputError

    try:
        return build_engine(_config(), block=block, principle_budget=_budget())
    except InputError as error:  # a declarative principles file named by the config
        ctx = click.get_current_context(silent=True)
        _input_failure(error, _lang(ctx.meta.get("collabrules.lang") if ctx else None))
        sys.exit(EXIT_INPUT)


def _evaluator(block: Sequence[str] = ()) -> Callable[[Document], Report]:
    """Evaluates case documents with an engine built on first use (none for reports only)."""
    engine: Engine | None = None

    def evaluate(document: Document) -> Report:
        nonlocal engine
        engine = engine or _engine(block)
        return engine.evaluate(document)

    return evaluate


def _budget() -> float | None:
    """The per-principle budget of CPU time: ``COLLABRULES_PRINCIPLE_BUDGET`` seconds, or 2."""
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
        from ..model.text import Text

        _fail_usage(Text(
            "COLLABRULES_PRINCIPLE_BUDGET must be a number of seconds or 'off', not {value!r}",
            "COLLABRULES_PRINCIPLE_BUDGET moet een aantal seconden zijn of 'off', niet {value!r}"
        ).format(value=value), "en")
    return seconds


def _emit(body: str, output: str | Path | None) -> None:
    """Write a command's output to ``output`` (atomically, honouring the umask) or stdout."""
    if output is None:
        click.echo(body, nl=False)
        return
    from ..io.atomic import atomic_writer

    with atomic_writer(output) as handle:
        handle.write(body)


def _say(text: Text, lang: str, *, err: bool = True) -> None:
    click.echo(text.get(lang), err=err)


def _input_failure(error: InputError, lang: str) -> None:
    from ..render.visible import visible

    for issue in error.issues:
        click.echo(visible(issue.render(lang)), err=True)


def _fail_usage(text: Text, lang: str) -> NoReturn:
    _say(text, lang)
    sys.exit(EXIT_INPUT)


