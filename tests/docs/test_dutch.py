"""The Dutch pages (ADR 0026): every page the ADR lists is translated, a translation shows the
same examples as its English page, Dutch pages link to pages that exist (the Dutch version
where there is one), and the generated Dutch references speak Dutch."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from collabrules.authoring.intake import QUESTIONS
from collabrules.cli import common
from collabrules.docgen import pages
from collabrules.docgen.cli_reference import EXIT_CODES
from collabrules.docgen.site_pages import DUTCH, dutch_pages
from collabrules.pipeline.schemas import load_schema
from collabrules.render.catalogue import standard_catalogue

from .snippets import DOCS, ROOT, blocks

ADR = DOCS / "decisions" / "0026-documentation-in-dutch.md"
NL = DOCS / "nl"
_ROW = re.compile(r"^\s*\| `([^`]+\.md)` \| `(nl/[^`]+\.md)` \|$", re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def translations() -> dict[str, str]:
    """English page -> Dutch page, from the table in ADR 0026 (paths under ``docs/``)."""
    found = dict(_ROW.findall(ADR.read_text(encoding="utf-8")))
    assert found, f"{ADR}: no table of translated pages"
    return found


TRANSLATIONS = translations()
TWINS = [english for english, dutch in TRANSLATIONS.items() if dutch == DUTCH + english]
GENERATED = {page.path for page in dutch_pages(ROOT)}
HAND_WRITTEN = sorted(p for p in NL.rglob("*.md")
                      if p.relative_to(DOCS).as_posix() not in GENERATED)


def test_every_listed_page_has_its_dutch_page() -> None:
    assert len(TRANSLATIONS) >= 8
    for english, dutch in TRANSLATIONS.items():
        assert (DOCS / english).is_file(), f"{ADR.name}: {english} does not exist"
        assert (DOCS / dutch).is_file(), f"{english} has no Dutch page {dutch}"


def test_every_hand_written_dutch_page_is_listed() -> None:
    listed = set(TRANSLATIONS.values())
    for page in HAND_WRITTEN:
        assert page.relative_to(DOCS).as_posix() in listed, (
            f"{page.relative_to(ROOT)}: add it to the table in {ADR.name}")


def differences(english: Path, dutch: Path) -> str | None:
    """Where the fenced code blocks of a translation differ from its English page's."""
    theirs = [(b.lang, b.title, b.body) for b in blocks(english)]
    ours = [(b.lang, b.title, b.body) for b in blocks(dutch)]
    if len(theirs) != len(ours):
        return f"{len(ours)} code blocks, the English page has {len(theirs)}"
    for number, (want, got, block) in enumerate(zip(theirs, ours, blocks(dutch)), 1):
        if want != got:
            return f"line {block.line}: code block {number} differs from the English page's"
    return None


@pytest.mark.parametrize("english", TWINS)
def test_a_translation_shows_the_examples_of_its_english_page(english: str) -> None:
    problem = differences(DOCS / english, DOCS / DUTCH / english)
    assert problem is None, f"docs/nl/{english}: {problem}; copy the block unchanged"


def test_differences_finds_a_changed_or_missing_block(tmp_path: Path) -> None:
    english = tmp_path / "en.md"
    english.write_text("Text.\n\n```console\n$ collabrules models\n```\n\n"
                       "```yaml\na: 1\n```\n", encoding="utf-8")
    same = tmp_path / "same.md"
    same.write_text("Tekst.\n\n```console\n$ collabrules models\n```\n\nMeer.\n\n"
                    "```yaml\na: 1\n```\n", encoding="utf-8")
    changed = tmp_path / "changed.md"
    changed.write_text("Tekst.\n\n```console\n$ collabrules models --lang nl\n```\n\n"
                       "```yaml\na: 1\n```\n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    missing.write_text("Tekst.\n\n```console\n$ collabrules models\n```\n", encoding="utf-8")
    assert differences(english, same) is None
    assert differences(english, changed) == (
        "line 3: code block 1 differs from the English page's")
    assert differences(english, missing) == "1 code blocks, the English page has 2"


def anchors(page: Path) -> set[str]:
    """The heading ids of a page, as MkDocs makes them (or as set with ``{#id}``)."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE):
        explicit = re.search(r"\{#([^}]+)\}\s*$", heading)
        found.add(explicit.group(1) if explicit else slugify(heading, "-"))
    return found


def bad_links(page: Path) -> list[str]:
    """Links of a Dutch page to a missing file, or to an English page that has a Dutch one
    (unless the link names a section only the English page has)."""
    problems = []
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        path, _, anchor = target.partition("#")
        if not path or re.match(r"^[a-z]+:", path):
            continue
        resolved = (page.parent / path).resolve()
        if not resolved.is_file():
            problems.append(f"{target}: no such page")
            continue
        inside = resolved.relative_to(DOCS.resolve()).as_posix()
        twin = NL / inside
        if (not inside.startswith(DUTCH) and twin.is_file()
                and (not anchor or anchor in anchors(twin))):
            problems.append(f"{target}: link to the Dutch page nl/{inside} instead")
    return problems


@pytest.mark.parametrize("page", sorted(NL.rglob("*.md")),
                         ids=lambda p: p.relative_to(NL).as_posix())
def test_dutch_pages_link_to_pages_that_exist_in_dutch_where_possible(page: Path) -> None:
    assert bad_links(page) == [], page.relative_to(ROOT)


def test_bad_links_finds_missing_pages_and_english_twins(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    docs = tmp_path / "docs"
    (docs / "nl").mkdir(parents=True)
    for name in ("lifecycle.md", "plugins.md"):
        (docs / name).write_text("# Page\n\n## Only in English\n\n## Shared\n",
                                 encoding="utf-8")
    (docs / "nl" / "lifecycle.md").write_text("# Pagina\n\n## Gedeeld {#shared}\n",
                                              encoding="utf-8")
    page = docs / "nl" / "history.md"
    page.write_text("[a](lifecycle.md#x) [b](../lifecycle.md) [c](../plugins.md) "
                    "[d](gone.md) [e](https://example.org) [f](#anchor) "
                    "[g](../lifecycle.md#only-in-english) [h](../lifecycle.md#shared)\n",
                    encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "DOCS", docs)
    monkeypatch.setattr(sys.modules[__name__], "NL", docs / "nl")
    assert bad_links(page) == [
        "../lifecycle.md: link to the Dutch page nl/lifecycle.md instead",
        "gone.md: no such page",
        "../lifecycle.md#shared: link to the Dutch page nl/lifecycle.md instead"]
    assert anchors(docs / "lifecycle.md") == {"page", "only-in-english", "shared"}


def test_the_nav_has_a_dutch_section_with_every_dutch_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - Nederlands:\n" in config
    for page in sorted(NL.rglob("*.md")):
        assert f": {page.relative_to(DOCS).as_posix()}\n" in config, page


def _generated(path: str) -> str:
    page = next(p for p in pages(ROOT) if p.path == path)
    return page.render()


def test_dutch_cli_page_is_written_in_dutch_around_the_same_help() -> None:
    dutch = _generated("nl/reference/cli.md")
    english = _generated("reference/cli.md")
    assert "# Opdrachtregel\n" in dutch and "## Afsluitcodes {#exit-codes}" in dutch
    for (name, meaning), value in zip(EXIT_CODES, (0, 1, 2, 3)):
        assert getattr(common, name) == value
        assert f"| `{value}` | {meaning.nl} | {meaning.en} |" in dutch
    help_blocks = re.findall(r"```text\n.*?```", english, re.DOTALL)
    assert help_blocks == re.findall(r"```text\n.*?```", dutch, re.DOTALL)
    assert "| Argument or option |" not in dutch and "| Argument of optie |" in dutch


def test_dutch_case_page_puts_every_dutch_description_first() -> None:
    text = _generated("nl/reference/case-format.md")
    assert text.splitlines()[2] == "# Casusformaat"
    schema = load_schema("case")
    defs = schema["$defs"]
    for name, node in defs.items():
        for key, child in node.get("properties", {}).items():
            if "x-description-nl" in child:
                nl = " ".join(str(child["x-description-nl"]).split())[:40]
                assert f"| `{key}` |" in text and nl in text, (name, key)
    assert "Other keys are" not in text and "Andere sleutels zijn een fout." in text
    assert "## Voorbeelden met toelichting {#annotated-examples}" in text


def test_dutch_glossary_puts_dutch_first() -> None:
    text = _generated("nl/reference/glossary.md")
    assert "# Woordenlijst / Glossary" in text
    assert "| Nederlands | English | Betekenis | Meaning |" in text
    assert "| casus / casussen | case / cases |" in text


def test_dutch_catalogue_has_only_the_dutch_part() -> None:
    text = standard_catalogue("nl")
    assert text.startswith("# De principes van collabrules\n")
    assert "### CR01 Denk zij - wij - ik" in text
    assert "Think they - we - I" not in text and "## English" not in text
    assert _generated("nl/principles.md") == text
    result = subprocess.run([sys.executable, "-m", "collabrules.render.catalogue", "--lang",
                             "nl"], capture_output=True, text=True, encoding="utf-8",
                            check=True)
    assert result.stdout == text


def test_dutch_answers_page_asks_every_question_in_dutch() -> None:
    text = _generated("nl/reference/answers-format.md")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [q.key for q in QUESTIONS]
    for question, row in zip(QUESTIONS, rows):
        cells = row.split(" | ")
        assert cells[4] == " ".join(question.prompt.nl.split()).replace("|", "\\|"), row
    english = _generated("reference/answers-format.md")
    assert re.findall(r"```yaml\n.*?```", text, re.DOTALL) == re.findall(
        r"```yaml\n.*?```", english, re.DOTALL)
