"""``collabrules.plugin`` is the one module a plugin imports from, and the package lists
its public API."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import collabrules
import collabrules.plugin
from collabrules.model import vocab

from ..docs.snippets import blocks

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "plugins" / "collabrules-house-example"
GUIDES = [ROOT / "docs" / "guides" / "first-house-principle.md", ROOT / "docs" / "plugins.md"]


def test_dir_of_the_package_lists_the_lazy_public_names() -> None:
    assert set(collabrules.__all__) <= set(dir(collabrules))


def test_every_public_name_of_the_plugin_module_resolves_and_is_listed() -> None:
    listed = set(dir(collabrules.plugin))
    for name in collabrules.plugin.__all__:
        assert getattr(collabrules.plugin, name) is not None
        assert name in listed


def test_every_vocabulary_is_exported() -> None:
    vocabularies = [name for name, value in vars(vocab).items()
                    if inspect.isclass(value) and issubclass(value, vocab.Vocabulary)]
    assert "Status" in vocabularies
    for name in vocabularies:
        assert getattr(collabrules.plugin, name) is getattr(vocab, name)
        assert name in dir(collabrules.plugin)


def test_a_private_or_unknown_name_is_an_attribute_error() -> None:
    for name in ("Enum", "cache", "NoSuchName", "_rank"):
        with pytest.raises(AttributeError, match=r"collabrules\.plugin"):
            getattr(collabrules.plugin, name)


def test_importing_the_plugin_module_is_cheap() -> None:
    code = ("import sys, collabrules.plugin as p; p.Principle; p.hookimpl; p.and3; "
            "print(sorted(m for m in ('pytest', 'collabrules.pipeline.engine', 'jsonschema') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def _imports(tree: ast.AST) -> list[str]:
    """The collabrules modules a piece of code imports from."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [m for m in found if m == "collabrules" or m.startswith("collabrules.")]


def _sources() -> list[tuple[str, str]]:
    files = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
             for p in sorted(EXAMPLE.rglob("*.py"))]
    snippets = [(f"{page.relative_to(ROOT)}:{block.line}", block.body)
                for page in GUIDES for block in blocks(page) if block.lang == "python"]
    return files + snippets


def test_the_example_and_the_guides_import_only_from_the_plugin_module() -> None:
    sources = _sources()
    assert len(sources) >= 8
    wrong = {where: bad for where, text in sources
             if (bad := [m for m in _imports(ast.parse(text)) if m != "collabrules.plugin"])}
    assert wrong == {}
    assert sum("collabrules.plugin" in _imports(ast.parse(t)) for _, t in sources) >= 6


def test_the_scan_sees_a_forbidden_import() -> None:
    tree = ast.parse("import collabrules\nfrom collabrules.model.vocab import Status\n"
                     "from collabrules.plugin import Text\nimport attrs\n")
    assert _imports(tree) == ["collabrules", "collabrules.model.vocab", "collabrules.plugin"]
