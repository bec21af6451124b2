"""``collabrules models``: the collaboration-model taxonomy in use, and what each needs."""

from __future__ import annotations

import json

import click

from .common import _engine, _fail_usage, _lang, _lang_option, _plugin_options, epilog
from .group import cli


@cli.command(epilog=epilog(("the models were listed", "de modellen zijn getoond")),
             short_help="The collaboration models in use / de samenwerkingsmodellen.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format / uitvoerformaat.")
@_lang_option
@_plugin_options
def models(fmt: str, lang: str | None, block: tuple[str, ...]) -> None:
    """List the collaboration models recommendations come from, with the trust, governance
    and time each needs; 'collabrules explain MODEL' shows one.

    Toon de samenwerkingsmodellen waaruit aanbevelingen komen.
    """
    from ..model.text import Text
    from ..render.models import model_dict, models_table, ordered

    language = _lang(lang)
    taxonomy = _engine(block).taxonomy
    if taxonomy is None:
        _fail_usage(Text("no collaboration-model taxonomy is loaded (see 'collabrules plugins')",
                         "er is geen taxonomie van samenwerkingsmodellen geladen (zie "
                         "'collabrules plugins')"), language)
    if fmt == "json":
        data = {"taxonomy": taxonomy.name,
                "models": [model_dict(m, language) for m in ordered(taxonomy)]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(models_table(taxonomy, language), nl=False)
