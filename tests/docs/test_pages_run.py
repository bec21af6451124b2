"""Every example on the hand-written pages works as shown.

Console examples are run and their shown output is compared with the real output; Python
examples are executed in order, page by page, in a folder with the bundled examples. A Dutch
page at the same path as an English one (``docs/nl/lifecycle.md``) has exactly its code
blocks (``test_dutch.py``), so only the English page is run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .snippets import DOCS, ROOT, Block, blocks, commands, installs, mismatch, run


def _is_dutch_twin(page: Path) -> bool:
    parts = page.relative_to(DOCS).parts
    return parts[0] == "nl" and DOCS.joinpath(*parts[1:]).is_file()


PAGES = sorted(p for p in DOCS.rglob("*.md") if "reference" not in p.relative_to(DOCS).parts
               and not _is_dutch_twin(p))
RUNNABLE = [p for p in PAGES if any(b.lang in ("console", "python") for b in blocks(p))]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a copy of the bundled examples, the current directory of the test."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def _save(block: Block, folder: Path) -> None:
    assert block.title is not None
    target = folder / block.title
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(block.body, encoding="utf-8")


def test_pages_have_examples_to_run() -> None:
    names = {p.relative_to(DOCS).as_posix() for p in RUNNABLE}
    assert {"quickstart.md", "embedding.md", "guides/first-house-principle.md",
            "nl/snelstart.md"} <= names
    assert "nl/configuration.md" not in names


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_examples_work(page: Path, workdir: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for block in blocks(page):
        where = f"{page.relative_to(ROOT)}:{block.line}"
        if block.title is not None:
            _save(block, workdir)
        elif block.lang == "python":
            exec(compile(block.body, where, "exec"), namespace)
        elif block.lang == "console" and not installs(block):  # see test_guide_install.py
            for command, expected in commands(block):
                result = run(command, workdir)
                problem = mismatch(expected, result.stdout + result.stderr)
                assert problem is None, (
                    f"{where}: $ {command}: {problem}\n--- output ---\n"
                    f"{result.stdout}{result.stderr}")


def test_mismatch_detects_missing_and_out_of_order_lines() -> None:
    actual = "one\ntwo\nthree four\n"
    assert mismatch(["one", "...", "three ..."], actual) is None
    assert mismatch(["two", "one"], actual) is not None
    assert mismatch(["five"], actual) is not None
