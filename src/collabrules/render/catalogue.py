"""The principle catalogue (docs/principles.md): every standard principle, English then Dutch.

Regenerate the committed file with::

    python -m collabrules.render.catalogue > docs/principles.md

A test fails when the committed file differs from what this module renders. With
``--lang nl`` it renders the Dutch part only, as a page of its own (``docs/nl/principles.md``,
written by ``python -m collabrules.docgen``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from ..model.lifecycle import PhaseTags, iso_stages_of, phase_order, stage_of
from ..model.principle import Principle
from ..model.text import LANGS, Text
from .page import principle_markdown

STANDARD_SOURCE = "collabrules"
HEADING = Text("The standard principles", "De standaardprincipes")
TITLE = Text("collabrules principles", "De principes van collabrules")
INTRO = Text(
    "Generated from the principle registry by `python -m collabrules.render.catalogue`; "
    "do not edit by hand. `collabrules explain CODE` shows the same page in the terminal.",
    "Gegenereerd uit het register van principes met `python -m collabrules.render.catalogue`; "
    "niet met de hand bewerken. `collabrules explain CODE` toont dezelfde pagina in de "
    "terminal.",
)
LANGUAGE = {"en": "English", "nl": "Nederlands"}
PHASES = Text("Phases and ISO 44001 stages", "Fasen en ISO 44001-stadia")
PHASES_INTRO = Text(
    "A case's `relationship.phase` decides which actions a report lists first. The table maps "
    "each phase onto the three stages the principles are applied in and onto the stages of "
    "the ISO 44001 relationship lifecycle; each principle's section lists its checks by phase "
    "(`collabrules principles --phase PHASE` shows one phase). See the lifecycle page.",
    "De `relationship.phase` van een casus bepaalt welke acties een rapport eerst noemt. De "
    "tabel koppelt elke fase aan de drie stadia waarin de principes worden toegepast en aan de "
    "stadia van de ISO 44001-levenscyclus; bij elk principe staan de controles per fase "
    "(`collabrules principles --phase FASE` toont één fase). Zie de pagina over de levenscyclus.")
HEAD = {"phase": Text("Phase", "Fase"), "stage": Text("Stage", "Stadium"),
        "iso": Text("ISO 44001 stages", "ISO 44001-stadia"), "check": Text("Check", "Controle"),
        "phases": Text("Phases", "Fasen"), "in_phases": Text("Checks by phase",
                                                                 "Controles per fase")}


def catalogue_markdown(principles: Iterable[Principle], tags: PhaseTags,
                       langs: Sequence[str] = LANGS) -> str:
    """All principles as one Markdown document, each with its checks by phase (``tags``):
    a part per language in ``langs`` (by default English, then Dutch); with one language
    the page is titled in it."""
    ordered = sorted(principles, key=lambda p: p.code)
    title = TITLE.get(langs[0]) if len(langs) == 1 else "collabrules principles / principes"
    parts = [f"# {title}", ""]
    for lang in langs:
        heading = HEADING.get(lang) if len(langs) == 1 else f"{LANGUAGE[lang]}: {HEADING.get(lang)}"
        parts += [f"## {heading}", "", INTRO.get(lang), ""]
        parts += _phase_map(lang)
        for principle in ordered:
            parts.append(principle_markdown(principle, lang, level=3))
            parts += _checks_by_phase(principle, tags, lang)
    return "\n".join(parts).rstrip("\n") + "\n"


def _phase_map(lang: str) -> list[str]:
    out = [f"### {PHASES.get(lang)}", "", PHASES_INTRO.get(lang), "",
           f"| {HEAD['phase'].get(lang)} | {HEAD['stage'].get(lang)} | {HEAD['iso'].get(lang)} |",
           "| --- | --- | --- |"]
    for phase in phase_order():
        iso = ", ".join(f"{s.number}. {s.label.get(lang)}" for s in iso_stages_of(phase))
        out.append(f"| {phase.label.get(lang)} (`{phase.value}`) | "
                   f"{stage_of(phase).label.get(lang)} | {iso} |")
    return [*out, ""]


def _checks_by_phase(principle: Principle, tags: PhaseTags, lang: str) -> list[str]:
    checks = tags.checks_for(principle.code)
    if not checks:
        return []
    out = [f"#### {HEAD['in_phases'].get(lang)}", "",
           f"| {HEAD['check'].get(lang)} | {HEAD['phases'].get(lang)} |", "| --- | --- |"]
    for _, tag in checks:
        phases = ", ".join(p.label.get(lang) for p in phase_order() if p in tag.phases)
        out.append(f"| {tag.label.get(lang)} | {phases} |")
    return [*out, ""]


def standard_catalogue(lang: str | None = None) -> str:
    """The catalogue of the standard principles registered in a default engine, in both
    languages or, given ``lang``, in that one only."""
    from ..pipeline.engine import Engine

    engine = Engine()
    return catalogue_markdown((a.principle for a in engine.all_principles
                               if a.principle.source == STANDARD_SOURCE),
                              engine.phase_tags, LANGS if lang is None else (lang,))


def main(argv: list[str] | None = None) -> None:
    """Print the standard catalogue (``python -m collabrules.render.catalogue [--lang nl]``)."""
    parser = argparse.ArgumentParser(prog="python -m collabrules.render.catalogue")
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="one language only (default: English, then Dutch)")
    sys.stdout.write(standard_catalogue(parser.parse_args(argv).lang))


if __name__ == "__main__":
    main()
