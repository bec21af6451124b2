"""Generators for the reference pages of the documentation site.

Each generated page is a pure function of the code, the schemas and the examples, so a
test can regenerate it and compare (``python -m collabrules.docgen --check``). Nothing
here is imported when collabrules evaluates a case.
"""

from __future__ import annotations

from .site_pages import Page, check, pages, write

__all__ = ["Page", "check", "pages", "write"]
