"""docs/principles.md is generated from the registry and must not go stale."""

from __future__ import annotations

import subprocess
import sys

from collabrules.render.catalogue import catalogue_markdown, standard_catalogue

from .helpers import ROOT, engine

DOC = ROOT / "docs" / "principles.md"


def test_committed_catalogue_is_current() -> None:
    expected = standard_catalogue()
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/principles.md is stale: run "
        "`python -m collabrules.render.catalogue > docs/principles.md`")


def test_catalogue_has_every_principle_in_both_languages() -> None:
    text = standard_catalogue()
    english, dutch = text.split("## Nederlands", 1)
    for principle in engine().principles:
        assert f"### {principle.code} {principle.title.en}" in english
        assert f"### {principle.code} {principle.title.nl}" in dutch
        assert principle.observation.text.nl in dutch


def test_catalogue_module_runs_as_a_script() -> None:
    result = subprocess.run([sys.executable, "-m", "collabrules.render.catalogue"],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    assert result.stdout == standard_catalogue()


def test_catalogue_is_sorted_by_code() -> None:
    principles = list(reversed(engine().principles))
    text = catalogue_markdown(principles, engine().phase_tags)
    positions = [text.index(f"### {p.code} ") for p in sorted(principles, key=lambda p: p.code)]
    assert positions == sorted(positions)
