"""The generated pages: where each lives under ``docs/`` and how it is made.

The pages made from bilingual sources (the command line, the schemas, the glossary, the
intake questions, the principle catalogue) also exist in Dutch under ``docs/nl/`` (ADR
0026); the hooks, the Python API and the HTTP API are documented by English docstrings
and stay English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs

from ..model.records import shared_repr
from ..model.text import Text
from ..pipeline.schemas import available, load_schema
from ..render.catalogue import standard_catalogue
from .answers_reference import answers_page
from .api_reference import api_page
from .cli_reference import cli_page
from .glossary_page import glossary_page
from .hooks_reference import hooks_page
from .http_reference import http_page, openapi_json
from .schema_reference import schema_page

CASE_INTRO_EN = """
A case file describes one customer/supplier relationship, in YAML or JSON. Only
`schema_version`, `perspective` and `parties` are required: **a field left out is
unknown**, and a principle that needs it answers *undetermined* and names the field,
instead of guessing. Check a file with `collabrules validate FILE`; every problem is
reported with file, line and JSON path.

Each table lists an object's fields. Dutch descriptions (from the schema's
`x-description-nl`) stand beside the English ones.
"""

CASE_INTRO_NL = """
Een casusbestand beschrijft één klant-leveranciersrelatie, in YAML of JSON. Alleen
`schema_version`, `perspective` en `parties` zijn verplicht: **een weggelaten veld is
onbekend**, en een principe dat het nodig heeft, antwoordt *onbepaald* en noemt het veld,
in plaats van te gokken. Controleer een bestand met `collabrules validate BESTAND`; elk
probleem wordt gemeld met bestand, regel en JSON-pad.

Elke tabel noemt de velden van een object. De sleutels en waarden van een casus zijn
Engels; de Nederlandse beschrijvingen (uit `x-description-nl` van het schema) staan
vooraan, de Engelse ernaast.
"""
CASE_INTRO = Text(CASE_INTRO_EN, CASE_INTRO_NL)

REPORT_INTRO_EN = """
The report contract: what `collabrules evaluate --format json` prints and what
`collabrules.report_to_json` returns. Texts are in the language asked for (`lang`);
codes, statuses, severities and ids are the same in every language, so programs
should read those. See [Embedding](../embedding.md) for how to use it from another
language.
"""
REPORT_INTRO = Text(REPORT_INTRO_EN, """
Het contract van het rapport: wat `collabrules evaluate --format json` toont en wat
`collabrules.report_to_json` teruggeeft. Teksten staan in de gevraagde taal (`lang`);
codes, statussen, ernst en id's zijn in elke taal hetzelfde, dus programma's lezen die.
Zie [Embedding](../../embedding.md) (Engels) voor het gebruik vanuit een andere
programmeertaal.
""")
REPORT_TITLE = Text("Report format", "Rapportformaat")
CASE_TITLE = Text("Case format", "Casusformaat")

OTHER_INTRO = Text("""
Generated from `schemas/{name}.schema.json`. Dutch descriptions (from the schema's
`x-description-nl`) stand beside the English ones.
""", """
Gegenereerd uit `schemas/{name}.schema.json`. De Nederlandse beschrijvingen (uit
`x-description-nl` van het schema) staan vooraan, de Engelse ernaast; sleutels en waarden
zijn Engels.
""")

DUTCH = "nl/"
"""The folder of the Dutch pages under ``docs/``."""


@attrs.frozen
@shared_repr
class Page:
    """A generated page: its path under ``docs/`` and the function that writes it."""

    path: str
    render: Callable[[], str]


def _folder(lang: str) -> str:
    return DUTCH if lang == "nl" else ""


def _case_page(root: Path, lang: str = "en") -> Page:
    examples = sorted((root / "examples").glob("*.yaml"))
    return Page(f"{_folder(lang)}reference/case-format.md",
                lambda: schema_page("case", CASE_TITLE.get(lang), CASE_INTRO.get(lang),
                                    examples, lang))


def _report_page(lang: str = "en") -> Page:
    return Page(f"{_folder(lang)}reference/report-format.md",
                lambda: schema_page("report", REPORT_TITLE.get(lang), REPORT_INTRO.get(lang),
                                    lang=lang))


def _other_schema(name: str, lang: str = "en") -> Page:
    title = str(load_schema(name).get("title") or f"{name} format")
    title = title[:1].upper() + title[1:]
    return Page(f"{_folder(lang)}reference/{name}-format.md",
                lambda: schema_page(name, title, OTHER_INTRO.get(lang).format(name=name),
                                    lang=lang))


def dutch_pages(root: Path) -> tuple[Page, ...]:
    """The generated pages in Dutch, under ``docs/nl/``."""
    return (
        Page(f"{DUTCH}reference/cli.md", lambda: cli_page("nl")),
        _case_page(root, "nl"),
        _report_page("nl"),
        Page(f"{DUTCH}reference/glossary.md", lambda: glossary_page("nl")),
        Page(f"{DUTCH}reference/answers-format.md", lambda: answers_page("nl")),
        Page(f"{DUTCH}principles.md", lambda: standard_catalogue("nl")),
        *(_other_schema(n, "nl") for n in available() if n not in ("case", "report")),
    )


def pages(root: Path) -> tuple[Page, ...]:
    """Every generated page of the repository at ``root``.

    Every schema besides ``case`` and ``report`` (e.g. a configuration schema) gets a
    reference page ``reference/<name>-format.md`` of its own. The Dutch pages follow.
    """
    others = tuple(_other_schema(n) for n in available() if n not in ("case", "report"))
    return (
        Page("reference/cli.md", cli_page),
        _case_page(root),
        _report_page(),
        Page("reference/hooks.md", hooks_page),
        Page("reference/api.md", api_page),
        Page("reference/glossary.md", glossary_page),
        Page("reference/answers-format.md", answers_page),
        Page("reference/http-api.md", http_page),
        Page("reference/openapi.json", openapi_json),
        *others,
        *dutch_pages(root),
    )




def check(root: Path) -> list[str]:
    """The generated pages under ``root/docs`` that are missing or out of date."""
    stale = []
    for page in pages(root):
        target = root / "docs" / page.path
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != page.render():
            stale.append(page.path)
    return stale


def write(root: Path) -> list[str]:
    """Regenerate every page under ``root/docs``; return the ones that changed."""
    changed = []
    for page in pages(root):
        target = root / "docs" / page.path
        text = page.render()
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(page.path)
    return changed
