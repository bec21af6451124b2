"""The generated pages: where each lives under ``docs/`` and how it is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs

from ..pipeline.schemas import available, load_schema
from .answers_reference import answers_page
from .api_reference import api_page
from .cli_reference import cli_page
from .glossary_page import glossary_page
from .hooks_reference import hooks_page
from .http_reference import http_page, openapi_json
from .schema_reference import schema_page

CASE_INTRO = """
A case file describes one customer/supplier relationship, in YAML or JSON. Only
`schema_version`, `perspective` and `parties` are required: **a field left out is
unknown**, and a principle that needs it answers *undetermined* and names the field,
instead of guessing. Check a file with `collabrules validate FILE`; every problem is
reported with file, line and JSON path.

Each table lists an object's fields. Dutch descriptions (from the schema's
`x-description-nl`) stand beside the English ones.
"""

REPORT_INTRO = """
The report contract: what `collabrules evaluate --format json` prints and what
`collabrules.report_to_json` returns. Texts are in the language asked for (`lang`);
codes, statuses, severities and ids are the same in every language, so programs
should read those. See [Embedding](../embedding.md) for how to use it from another
language.
"""


OTHER_INTRO = """
Generated from `schemas/{name}.schema.json`. Dutch descriptions (from the schema's
`x-description-nl`) stand beside the English ones.
"""


@attrs.frozen
class Page:
    """A generated page: its path under ``docs/`` and the function that writes it."""

    path: str
    render: Callable[[], str]


def _case_page(root: Path) -> Callable[[], str]:
    examples = sorted((root / "examples").glob("*.yaml"))
    return lambda: schema_page("case", "Case format", CASE_INTRO, examples)


def _other_schema(name: str) -> Page:
    title = str(load_schema(name).get("title") or f"{name} format")
    title = title[:1].upper() + title[1:]
    return Page(f"reference/{name}-format.md",
                lambda: schema_page(name, title, OTHER_INTRO.format(name=name)))


def pages(root: Path) -> tuple[Page, ...]:
    """Every generated page of the repository at ``root``.

    Every schema besides ``case`` and ``report`` (e.g. a configuration schema) gets a
    reference page ``reference/<name>-format.md`` of its own.
    """
    others = tuple(_other_schema(n) for n in available() if n not in ("case", "report"))
    return (
        Page("reference/cli.md", cli_page),
        Page("reference/case-format.md", _case_page(root)),
        Page("reference/report-format.md",
             lambda: schema_page("report", "Report format", REPORT_INTRO)),
        Page("reference/hooks.md", hooks_page),
        Page("reference/api.md", api_page),
        Page("reference/glossary.md", glossary_page),
        Page("reference/answers-format.md", answers_page),
        Page("reference/http-api.md", http_page),
        Page("reference/openapi.json", openapi_json),
        *others,
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
