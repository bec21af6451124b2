"""``collabrules eval EXPRESSION CASE``: one declarative condition on one case, like
``opa eval``: its value, its outcome and every field it read (missing ones marked).

Exit codes: 0 evaluated (whatever the outcome); 2 a bad expression, case or usage.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .common import (
    EXIT_INPUT,
    _engine,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    epilog,
)
from .group import cli

_EPILOG = epilog(("evaluated, whatever the outcome", "geëvalueerd, wat de uitkomst ook is"),
                 bad=("a bad expression, case or usage", "een foute expressie, casus of aanroep"))


@cli.command(name="eval", epilog=_EPILOG,
             short_help="Evaluate one condition on a case / evalueer een voorwaarde.")
@click.argument("expression")
@click.argument("case")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format / uitvoerformaat.")
@_lang_option
def eval_command(expression: str, case: str, fmt: str, lang: str | None) -> None:
    """Evaluate a JMESPath condition, as a declarative house principle would, against a
    case: its value, held/failed/unknown, and the fields and signals it read.

    Evalueer een voorwaarde tegen een casus, zoals een declaratief huisprincipe dat doet.
    """
    from ..house.declarative import probe
    from ..house.expressions import ExpressionError
    from ..model.errors import InputError
    from ..model.text import Text
    from ..pipeline.validation import did_you_mean

    language = _lang(lang)
    engine = _engine(())
    try:
        loaded = engine.load(case)
        result = probe(expression, loaded, engine.signals)
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    except ExpressionError as error:
        _fail_usage(error.text, language)
    except KeyError as error:
        name = str(error.args[0])
        message = Text("unknown signal {name!r}", "onbekend signaal {name!r}").format(name=name)
        hint = did_you_mean(name, sorted(engine.signals))
        _fail_usage(message if hint is None else message + Text(": ", ": ") + hint, language)
    outcome = {True: "held", False: "failed", None: "unknown"}[result.held]
    if fmt == "json":
        click.echo(json.dumps({
            "expression": expression, "value": result.value, "outcome": outcome,
            "reads": [{"path": r.path, "value": None if r.missing else r.value,
                       "missing": r.missing} for r in result.reads],
            "missing": list(result.missing)}, ensure_ascii=False, indent=2, default=str))
        return
    labels = _LABELS
    click.echo(f"{labels['value'].get(language)}: {_show(result.value)}")
    click.echo(f"{labels['outcome'].get(language)}: {labels[outcome].get(language)}")
    click.echo(f"{labels['reads'].get(language)}:")
    for read in result.reads:
        shown = labels["missing"].get(language) if read.missing else _show(read.value)
        click.echo(f"  {read.path} = {shown}")


def _show(value: Any, width: int = 100) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 3] + "..."


def _labels() -> dict[str, Any]:
    from ..model.text import Text

    return {
        "value": Text("value", "waarde"),
        "outcome": Text("outcome", "uitkomst"),
        "held": Text("held", "voldaan"),
        "failed": Text("failed", "niet voldaan"),
        "unknown": Text("unknown (a field it reads is missing, or the value is null)",
                        "onbekend (een gelezen veld ontbreekt, of de waarde is null)"),
        "reads": Text("reads", "leest"),
        "missing": Text("(missing)", "(ontbreekt)"),
    }


_LABELS = _labels()
