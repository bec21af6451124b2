"""The package layout of docs/decisions/0016-layout-by-role.md: imports only go downward,
and old module paths still import (with a warning) but nothing in the repository uses them."""

from __future__ import annotations

import ast
import importlib
import re
import sys
import warnings
from pathlib import Path

import pytest

from collabrules._moved import MOVED

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"

# Each folder of collabrules and the folders it may import from at run time. Type-only
# imports (under ``if TYPE_CHECKING:``) may point anywhere: they create no dependency.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "host": {"model"},
    "pipeline": {"model", "host"},
    "house": {"model", "host", "pipeline"},
    "io": {"model", "host", "pipeline", "house"},
    "alternatives": {"model", "host", "pipeline", "house"},
    "authoring": {"model", "host", "pipeline", "house", "io", "alternatives"},
    "standard": {"model", "host", "pipeline"},
    "render": {"model", "host", "pipeline", "house", "io", "alternatives", "authoring",
               "standard"},
    "cli": {"model", "host", "pipeline", "house", "io", "alternatives", "authoring",
            "standard", "render", "service"},
    "service": {"model", "host", "pipeline", "house", "io", "alternatives", "authoring",
                "standard", "render"},
    "docgen": {"model", "host", "pipeline", "house", "io", "alternatives", "authoring",
               "standard", "render", "cli", "service", "collabrules"},  # documents the API
}
# Imports against the direction, each deferred to first use and with its reason.
EXCEPTIONS = {
    # a case names model ids and answers perception statements; with no engine at hand
    # they are checked against the standard taxonomy and questionnaire (the engine passes
    # its own registered models and statements)
    ("pipeline", "standard"),
    # ``render.render(report)`` without an engine uses the package's default engine
    ("render", "collabrules"),
}
# Functions that name a package by string: ``resources.files("collabrules.standard")``.
_BY_NAME = {"files", "read_text", "read_binary", "open_text", "open_binary", "path",
            "contents", "is_resource", "import_module"}
# Top-level modules: the facades may import any folder; every folder may import these two.
FACADES = {"_moved", "_version"}


def _module(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_only(tree: ast.Module) -> set[int]:
    """Line numbers of the statements under ``if TYPE_CHECKING:``."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _imports(path: Path, src: Path) -> list[tuple[int, str]]:
    """Every run-time import of a collabrules module in ``path``, absolute, with its line."""
    tree = ast.parse(path.read_text("utf-8"))
    module = _module(path, src).split(".")
    package = module if path.name == "__init__.py" else module[:-1]
    skip = _type_only(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        else:
            found += [(node.lineno, alias.name) for alias in node.names]
    return sorted((line, name) for line, name in found + _named(tree, skip)
                  if name.startswith("collabrules."))


def _named(tree: ast.Module, skip: set[int]) -> list[tuple[int, str]]:
    """Packages named by string to read their data or import them, with their lines."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.lineno in skip or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else (
            node.func.id if isinstance(node.func, ast.Name) else "")
        first = node.args[0]
        if name in _BY_NAME and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value))
    return found


def _violations(src: Path) -> list[str]:
    """``file:line: folder/ imports module`` for each import against :data:`ALLOWED`."""
    wrong = []
    for path in sorted((src / "collabrules").rglob("*.py")):
        if path.parent == src / "collabrules":
            continue  # a facade
        source = _module(path, src).split(".")[1]
        for line, target in _imports(path, src):
            folder = target.split(".")[1]
            if folder not in ALLOWED:  # a name of the package itself or a top-level module
                folder = folder if folder in FACADES else "collabrules"
            if folder in FACADES or folder == source or (source, folder) in EXCEPTIONS:
                continue
            if folder not in ALLOWED.get(source, set()):
                wrong.append(f"{path.relative_to(src)}:{line}: "
                             f"{source}/ imports {target}")
    return wrong


def test_folders_import_only_downward() -> None:
    wrong = _violations(SRC)
    assert not wrong, "imports against the layering of ADR 0016:\n" + "\n".join(wrong)


def test_every_folder_is_in_the_table() -> None:
    folders = {p.parent.name for p in (SRC / "collabrules").glob("*/__init__.py")}
    assert folders == set(ALLOWED)


def _model_module(src: Path, name: str, text: str) -> None:
    """Write ``collabrules/model/<name>`` under ``src``."""
    model = src / "collabrules" / "model"
    model.mkdir(parents=True)
    (model / name).write_text(text)


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    _model_module(
        tmp_path, "case.py",
        "from typing import TYPE_CHECKING\n"
        "from .vocab import Status\n"
        "if TYPE_CHECKING:\n"
        "    from ..pipeline.engine import Engine\n"
        "def late():\n"
        "    from collabrules.host import hookspecs\n")
    assert _violations(tmp_path) == [
        "collabrules/model/case.py:6: model/ imports collabrules.host.hookspecs"]


def test_the_check_finds_a_data_file_read_across_folders(tmp_path: Path) -> None:
    _model_module(
        tmp_path, "topics.py",
        "from importlib import resources\n"
        "import importlib.resources as r\n"
        "OWN = resources.files(__package__).joinpath('own.json')\n"
        "SAME = resources.files('collabrules.model').joinpath('own.json')\n"
        "def words():\n"
        "    return resources.files('collabrules.standard').joinpath('topics.json')\n"
        "def older():\n"
        "    return r.read_text('collabrules.io', 'x.json')\n")
    assert _violations(tmp_path) == [
        "collabrules/model/topics.py:6: model/ imports collabrules.standard",
        "collabrules/model/topics.py:8: model/ imports collabrules.io"]


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_warns_and_is_the_same_module(old: str, new: str) -> None:
    module = importlib.import_module(f"collabrules.{new}")
    sys.modules.pop(f"collabrules.{old}", None)
    with pytest.warns(DeprecationWarning, match=f"collabrules.{re.escape(new)}"):
        alias = importlib.import_module(f"collabrules.{old}")
    assert alias is module


def test_an_old_name_is_the_same_object() -> None:
    sys.modules.pop("collabrules.case", None)
    with pytest.warns(DeprecationWarning, match="collabrules.model.case"):
        from collabrules.case import Case
    from collabrules.model.case import Case as moved

    assert Case is moved


def test_a_new_path_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.import_module("collabrules.model.case")


_OLDS = sorted(MOVED, key=len, reverse=True)
_OLD = re.compile(
    r"(?<![\w.])collabrules(?:\.(" + "|".join(map(re.escape, _OLDS)) + r")(?![\w])"
    r"|/(" + "|".join(re.escape(old.replace(".", "/")) for old in _OLDS) + r")\.py\b)")
_TEXT = {".py", ".md", ".toml", ".yml", ".yaml", ".txt", ".json", ".cfg", ".ini"}


# Text that looks like an old module path but is not one, by file.
_NOT_A_PATH = {
    "src/collabrules/cli/common.py": "collabrules.config",  # the click context key of --config
}


def test_the_repository_uses_no_old_path() -> None:
    skip = {ROOT / "src/collabrules/_moved.py", ROOT / "docs/decisions/0016-layout-by-role.md",
            Path(__file__)}  # the table, the ADR and this test name old paths on purpose
    paths = [ROOT / name for name in ("pyproject.toml", "mkdocs.yml", "README.md",
                                      "CONTRIBUTING.md")]
    for folder in ("src", "tests", "plugins", "docs", "benchmarks", "scripts"):
        paths += sorted(p for p in (ROOT / folder).rglob("*")
                        if p.suffix in _TEXT and ".venv" not in p.parts and "site" not in p.parts)
    wrong = []
    for path in paths:
        if path in skip or not path.is_file():
            continue
        for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
            name = path.relative_to(ROOT).as_posix()
            wrong += [f"{name}:{number}: {m.group(0)}" for m in _OLD.finditer(line)
                      if _NOT_A_PATH.get(name) != m.group(0)]
    assert not wrong, "old module paths (use the new ones of ADR 0016):\n" + "\n".join(wrong)
