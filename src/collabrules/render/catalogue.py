"""The principle catalogue (docs/principles.md): every standard principle, English then Dutch.

Regenerate the committed file with::

    python -m collabrules.render.catalogue > docs/principles.md

A test fails when the committed file differs from what this module renders.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..model.principle import Principle
from ..model.text import LANGS, Text
from .page import principle_markdown

STANDARD_SOURCE = "collabrules"
HEADING = Text("The standard principles", "De standaardprincipes")
INTRO = Text(
    "Generated from the principle registry by `python -m collabrules.render.catalogue`; "
    "do not edit by hand. `collabrules explain CODE` shows the same page in the terminal.",
    "Gegenereerd uit het register van principes met `python -m collabrules.render.catalogue`; "
    "niet met de hand bewerken. `collabrules explain CODE` toont dezelfde pagina in de "
    "terminal.",
)
LANGUAGE = {"en": "English", "nl": "Nederlands"}


def catalogue_markdown(principles: Iterable[Principle]) -> str:
    """All principles as one Markdown document: an English part, then a Dutch part."""
    ordered = sorted(principles, key=lambda p: p.code)
    parts = ["# collabrules principles / principes", ""]
    for lang in LANGS:
        parts += [f"## {LANGUAGE[lang]}: {HEADING.get(lang)}", "", INTRO.get(lang), ""]
        for principle in ordered:
            parts.append(principle_markdown(principle, lang, level=3))
    return "\n".join(parts).rstrip("\n") + "\n"


def standard_catalogue() -> str:
    """The catalogue of the standard principles registered in a default engine."""
    from ..pipeline.engine import Engine

    engine = Engine()
    return catalogue_markdown(a.principle for a in engine.all_principles
                              if a.principle.source == STANDARD_SOURCE)


def main() -> None:
    """Print the standard catalogue (``python -m collabrules.render.catalogue``)."""
    sys.stdout.write(standard_catalogue())


if __name__ == "__main__":
    main()
