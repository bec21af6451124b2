"""The generated reference pages are current, complete, and the generator's check works."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

import collabrules
from collabrules.cli import common
from collabrules.docgen import check, pages, write
from collabrules.docgen.api_reference import public_names, qualified
from collabrules.docgen.cli_reference import EXIT_CODES, commands
from collabrules.pipeline.schemas import load_schema

from .snippets import DOCS, ROOT


def _page(path: str) -> str:
    return (DOCS / path).read_text(encoding="utf-8")


def test_generated_pages_are_current() -> None:
    stale = check(ROOT)
    assert stale == [], f"stale pages {stale}: run python -m collabrules.docgen"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(DOCS, root / "docs")
    shutil.copytree(ROOT / "examples", root / "examples")
    return root


def test_check_command_fails_on_a_stale_page_and_write_repairs_it(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    page = root / "docs" / "reference" / "cli.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nedited by hand\n", encoding="utf-8")
    (root / "docs" / "reference" / "hooks.md").unlink()
    command = [sys.executable, "-m", "collabrules.docgen", "--check", "--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "docs/reference/cli.md: out of date" in result.stderr
    assert "docs/reference/hooks.md: out of date" in result.stderr
    assert sorted(write(root)) == ["reference/cli.md", "reference/hooks.md"]
    assert check(root) == []
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr


def test_a_changed_example_makes_the_case_page_stale(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    example = root / "examples" / "office-cleaning.yaml"
    example.write_text(example.read_text(encoding="utf-8") + "# one more line\n",
                       encoding="utf-8")
    assert check(root) == ["reference/case-format.md", "nl/reference/case-format.md"]


def test_every_generated_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in pages(ROOT):
        assert f": {page.path}\n" in config, page.path


def test_cli_page_shows_every_command_and_its_options() -> None:
    text = _page("reference/cli.md")
    for name, command in commands().items():
        assert f"## `collabrules {name}`" in text
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    assert f"`{opt}`" in text, (name, opt)


def test_cli_page_exit_codes_match_the_code() -> None:
    text = _page("reference/cli.md")
    values = [getattr(common, name) for name, _ in EXIT_CODES]
    assert values == [0, 1, 2, 3]
    for (_name, meaning), value in zip(EXIT_CODES, values):
        assert f"| `{value}` | {meaning.en} | {meaning.nl} |" in text


def test_api_page_documents_every_public_name() -> None:
    text = _page("reference/api.md")
    names = public_names()
    assert set(names) == set(collabrules.__all__) - {"__version__"}
    for name in names:
        assert f"::: {qualified(name)}\n" in text
        module, _, attr = qualified(name).rpartition(".")
        documented = getattr(sys.modules.get(module) or __import__(module, fromlist=[attr]),
                             attr)
        public = getattr(collabrules, name)
        # ``collabrules.render`` is the renderers package, callable as its ``render``
        assert documented is public or documented is getattr(public, attr, None)


def _properties(node: object, path: str = "$") -> list[tuple[str, str, dict[str, object]]]:
    found: list[tuple[str, str, dict[str, object]]] = []
    if isinstance(node, dict):
        for key, child in node.get("properties", {}).items():
            found.append((f"{path}.{key}", key, child))
        for key, child in node.items():
            if key != "properties":
                found += _properties(child, f"{path}.{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _properties(child, f"{path}[{index}]")
    return found


def test_case_page_has_every_field_with_english_and_dutch() -> None:
    text = _page("reference/case-format.md")
    schema = load_schema("case")
    for path, key, child in _properties(schema):
        assert f"| `{key}` |" in text, path
        if "description" in child:
            assert "x-description-nl" in child, f"{path}: no Dutch description"
            assert str(child["x-description-nl"]).split("\n")[0][:40] in text, path
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        assert f"### {example.name}" in text


def test_report_page_has_every_field() -> None:
    text = _page("reference/report-format.md")
    for path, key, _child in _properties(load_schema("report")):
        assert f"| `{key}` |" in text, path
    assert json.dumps(load_schema("report")["$id"]) .strip('"') in text


def test_evaluating_a_case_does_not_import_the_generator() -> None:
    code = ("import sys, collabrules; collabrules.evaluate('examples/office-cleaning.yaml'); "
            "print(sorted(m for m in sys.modules if m.startswith('collabrules.docgen')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_other_schema_gets_a_reference_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from collabrules.docgen import schema_reference
    from collabrules.docgen import site_pages as pages_module

    config = {"title": "collabrules configuration", "type": "object",
              "description": "Settings.", "x-description-nl": "Instellingen.",
              "properties": {"ignore": {"type": "array", "items": {"type": "string"},
                                        "description": "Codes to leave out.",
                                        "x-description-nl": "Weg te laten codes."},
                             "waiver": {"$ref": "#/$defs/waiver"}},
              "$defs": {"date": {"type": "string", "pattern": "^[0-9-]{10}$"},
                        "waiver": {"type": "object",
                                   "properties": {"expires": {"$ref": "#/$defs/date"}}}}}
    real = load_schema

    def fake(name: str) -> dict[str, object]:
        return config if name == "config" else real(name)

    monkeypatch.setattr(pages_module, "available", lambda: ("case", "config", "report"))
    monkeypatch.setattr(pages_module, "load_schema", fake)
    monkeypatch.setattr(schema_reference, "load_schema", fake)
    extra = [p for p in pages(ROOT) if p.path == "reference/config-format.md"]
    assert len(extra) == 1
    text = extra[0].render()
    assert text.splitlines()[2] == "# Collabrules configuration"
    assert "| `ignore` | list of string |  |  | Codes to leave out. | Weg te laten codes. |" in text
    assert "| `expires` | string |  | matches `^[0-9-]{10}$` |" in text
    assert _dangling_links(text) == []


def _dangling_links(text: str) -> list[str]:
    anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", text))
    return [link for link in re.findall(r"\]\(#([^)]+)\)", text) if link not in anchors]


def test_links_within_generated_pages_resolve() -> None:
    for page in pages(ROOT):
        assert _dangling_links(page.render()) == [], page.path
