"""Every hand-written page of the documentation site is reachable from the navigation.

``mkdocs build --strict`` only logs pages left out of the nav, so a new decision record or
guide could be published without a way to find it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def test_every_decision_record_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [page.name for page in sorted((DOCS / "decisions").glob("*.md"))
               if f": decisions/{page.name}\n" not in config]
    assert missing == [], f"decision records not in mkdocs.yml's nav: {missing}"


def test_every_guide_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [page.name for page in sorted((DOCS / "guides").glob("*.md"))
               if f": guides/{page.name}\n" not in config]
    assert missing == [], f"guides not in mkdocs.yml's nav: {missing}"
