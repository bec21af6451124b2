"""Choosing a renderer by format name; a picklable callable so worker processes can use it."""

from __future__ import annotations

import attrs

from ..model.models import Taxonomy
from ..model.records import shared_repr
from ..model.report import Provenance, Report

FORMATS = ("text", "json", "markdown", "html", "github")
#: Formats that put every report of a run into one document (rendered once, at the end).
WHOLE_RUN = ("html", "sarif", "junit")


@attrs.frozen
@shared_repr
class Render:
    """Render one report in a format and language (``json`` compact or indented).

    ``run``: the run's provenance (input digest empty) and its digest; a JSON report with
    that provenance names the digest instead of repeating it (the portfolio's first line
    holds it).
    """

    fmt: str
    lang: str
    width: int = 88
    verbose: bool = True
    color: bool = False
    indent: int | None = None
    fail_on: str = "high"
    run: tuple[Provenance, str] | None = None

    def __call__(self, report: Report, taxonomy: Taxonomy | None = None) -> str:
        if self.fmt in ("sarif", "junit", "none"):
            return ""  # rendered once for the whole run, or by the caller (compact results)
        if self.fmt == "json":
            from ..io.serialize import report_to_json

            return report_to_json(report, self.lang, indent=self.indent, run=self._run(report))
        if self.fmt == "markdown":
            from .markdown import render_markdown

            return render_markdown(report, self.lang)
        if self.fmt == "github":
            from .github import render_github

            return render_github(report, self.lang, fail_on=self.fail_on)
        if self.fmt == "html":
            from .html import render_html

            return render_html(report, self.lang, taxonomy=taxonomy)
        from .text import render_text

        return render_text(report, self.lang, width=self.width, verbose=self.verbose,
                           color=self.color)

    def _run(self, report: Report) -> str | None:
        from ..io.compact import run_named

        return run_named(report, self.run)
