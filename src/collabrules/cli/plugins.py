"""``collabrules plugins``: what is loaded, from where."""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_INTERNAL,
    _config,
    _engine,
    _lang,
    _lang_option,
    _plugin_options,
    _say,
    epilog,
)
from .group import cli


@cli.command(epilog=epilog(("the plugins were listed", "de plugins zijn getoond")))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_lang_option
@_plugin_options
def plugins(fmt: str, lang: str | None, block: tuple[str, ...]) -> None:
    """List loaded plugins with distribution and version / toon de geladen plugins."""
    import json

    language = _lang(lang)
    engine = _engine(block)
    contributed: dict[str, list[str]] = {}
    for active in engine.all_principles:
        contributed.setdefault(active.plugin, []).append(active.principle.code)
    # Without a configuration file nothing comes from one: the charter check of a case's
    # own endorsements is then part of collabrules, not a configured plugin.
    configured = _config() is not None
    rows = [
        {"name": info.name, "distribution": info.distribution, "version": info.version,
         "entry_point": info.entry_point, "principles": contributed.get(info.name, [])}
        for info in sorted(engine.plugins.values(), key=lambda i: (i.distribution, i.name))
        if configured or not info.name.startswith("config.")
    ]
    if fmt == "json":
        click.echo(json.dumps({"plugins": rows, "blocked": list(block), "problems": [
            p.message.get(language) for p in engine.problems]}, ensure_ascii=False, indent=2))
    else:
        headers = ("PLUGIN", "DISTRIBUTION", "VERSION", "PRINCIPLES")
        table = [headers] + [(r["name"], r["distribution"], r["version"],
                              ", ".join(r["principles"])) for r in rows]
        widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
        for row in table:
            click.echo("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
    for problem in engine.problems:
        _say(problem.message, language)
    if engine.problems:
        sys.exit(EXIT_INTERNAL)
