"""``collabrules principles`` and ``collabrules explain``: the principle set."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from ..model.vocab import Phase


@cli.command(epilog=epilog(("the principles were listed", "de principes zijn getoond")))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--phase", default=None, metavar="PHASE",
              help="Show the checks that matter in this lifecycle phase (exploring, selecting, "
                   "contracting, transition, operating, restructuring, exiting) / toon de "
                   "controles die in deze levensfase tellen.")
@_lang_option
@_plugin_options
def principles(fmt: str, phase: str | None, lang: str | None, block: tuple[str, ...]) -> None:
    """List the principles in use / toon de gebruikte principes."""
    import json

    from ..model.vocab import Severity

    language = _lang(lang)
    if phase is not None:
        _by_phase(_phase(phase, language), fmt, language, block)
        return
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


def _phase(value: str, language: str) -> Phase:
    from ..model.text import Text
    from ..model.vocab import Phase
    from ..pipeline.validation import did_you_mean

    known = [p.value for p in Phase]
    if value.lower() in known:
        return Phase(value.lower())
    message = Text("unknown phase {value!r}; the phases are: {known}",
                   "onbekende fase {value!r}; de fasen zijn: {known}").format(
        value=value, known=", ".join(known))
    hint = did_you_mean(value.lower(), known)
    _fail_usage(message + Text(" (", " (") + hint + Text(")", ")") if hint else message,
                language)


def _by_phase(phase: Phase, fmt: str, language: str, block: tuple[str, ...]) -> None:
    """The principles with the checks that matter in ``phase`` (untagged ones: every phase)."""
    import json

    from ..render.phases import phase_listing

    engine = _engine(block)
    listing = phase_listing([a.principle for a in engine.active], engine.phase_tags, phase,
                            language)
    if fmt == "json":
        click.echo(json.dumps(listing.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(listing.text(), nl=False)


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
