"""``collabrules principles`` and ``collabrules explain``: the principle set."""

from __future__ import annotations

import click

from .common import (
    _engine,
    _fail_usage,
    _lang,
    _lang_option,
    _plugin_options,
    epilog,
)
from .group import cli


@cli.command(epilog=epilog(("the principles were listed", "de principes zijn getoond")))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_lang_option
@_plugin_options
def principles(fmt: str, lang: str | None, block: tuple[str, ...]) -> None:
    """List the principles in use / toon de gebruikte principes."""
    import json

    from ..model.vocab import Severity

    language = _lang(lang)
    engine = _engine(block)
    active = {a.principle.code for a in engine.active}
    rows = [
        {
            "code": a.principle.code,
            "slug": a.principle.slug,
            "title": a.principle.title.get(language),
            "theme": a.principle.theme.get(language),
            "severity": a.severity.value,
            "plugin": a.plugin,
            "selected": a.principle.code in active,
            "replaces": a.principle.replaces,
        }
        for a in engine.all_principles
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    headers = {"en": ("CODE", "SLUG", "TITLE", "SEVERITY", "PLUGIN"),
               "nl": ("CODE", "SLUG", "TITEL", "ERNST", "PLUGIN")}[language]
    table: list[tuple[str, ...]] = [headers]
    table += [(f"{r['code']}{'' if r['selected'] else ' (-)'}", str(r["slug"]), str(r["title"]),
               Severity(r["severity"]).label.get(language), str(r["plugin"])) for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
    for row in table:
        click.echo("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())


@cli.command(epilog=epilog(("the principle was explained", "het principe is uitgelegd")))
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True)
@_lang_option
@_plugin_options
def explain(code: str, fmt: str, lang: str | None, block: tuple[str, ...]) -> None:
    """Show a principle's page (observation, statement, checks, examples) or a collaboration
    model's (what it needs, its stages); CODE is a principle code or slug, or a model id.

    Toon de pagina van een principe of samenwerkingsmodel.
    """
    from ..model.text import Text
    from ..pipeline.validation import did_you_mean
    from ..render.page import principle_markdown, principle_text

    language = _lang(lang)
    engine = _engine(block)
    principle = None
    for candidate in (code, code.upper(), code.lower()):
        try:
            principle = engine.principle(candidate)
            break
        except KeyError:
            continue
    model = engine.taxonomy.get(code.lower()) if engine.taxonomy and principle is None else None
    if model is not None:
        from ..render.models import model_page

        click.echo(model_page(model, language), nl=False)
        return
    if principle is None:
        known = [a.principle.code for a in engine.all_principles] + \
                [a.principle.slug for a in engine.all_principles] + \
                list(engine.taxonomy.models if engine.taxonomy else ())
        message = Text("unknown principle {code!r}", "onbekend principe {code!r}").format(
            code=code)
        hint = did_you_mean(code, known)
        if hint is not None:
            message = message + Text(": ", ": ") + hint
        _fail_usage(message + Text(" (see 'collabrules principles' and 'collabrules models')",
                                   " (zie 'collabrules principles' en 'collabrules models')"),
                    language)
    plugin = next((a.plugin for a in engine.all_principles if a.principle is principle), None)
    render = principle_markdown if fmt == "markdown" else principle_text
    click.echo(render(principle, language, plugin=plugin), nl=False)
