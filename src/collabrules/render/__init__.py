"""Renderers: a report as text, JSON, Markdown, HTML, SARIF, JUnit XML or GitHub annotations.

``collabrules.render(report, "sarif", "nl")`` renders one report (this package is callable;
typed code may import :func:`render` from it).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.models import Taxonomy
    from ..model.report import Report

FORMATS = ("text", "json", "markdown", "html", "sarif", "junit", "github")


def render(report: Report, format: str = "text", lang: str = "en", *,
           fail_on: str = "high", taxonomy: Taxonomy | None = None) -> str:
    """One report in a format (one of :data:`FORMATS`) and language (``en`` or ``nl``).

    ``fail_on`` is the severity from which a violated or at-risk finding fails the run
    (``junit`` failures, ``github`` errors; ``never`` for none); ``taxonomy`` is the one
    the HTML report draws the recommended and current model from (default: the default
    engine's taxonomy of the report's name). Raises ``ValueError`` for an unknown format
    or language.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if lang not in ("en", "nl"):
        raise ValueError(f"unknown language {lang!r}; use 'en' or 'nl'")
    if format == "sarif":
        from .. import default_engine
        from .sarif import render_sarif

        codes = {f.code for f in report.findings}
        principles = [a.principle for a in default_engine().all_principles
                      if a.principle.code in codes]  # the rules' full texts, where known
        return render_sarif([report], lang, principles=principles)
    if format == "junit":
        from .junit import render_junit

        return render_junit([report], lang, fail_on=fail_on)
    if format == "html" and taxonomy is None:
        from .. import default_engine

        taxonomy = default_engine().taxonomies.get(report.provenance.taxonomy)
    from .choose import Render

    return Render(format, lang, indent=2, fail_on=fail_on)(report, taxonomy)


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`render`."""

    def __call__(self, report: Report, format: str = "text", lang: str = "en", *,
                 fail_on: str = "high", taxonomy: Taxonomy | None = None) -> str:
        return render(report, format, lang, fail_on=fail_on, taxonomy=taxonomy)


sys.modules[__name__].__class__ = _CallableModule
