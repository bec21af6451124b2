"""``collabrules evaluate``: cases in, reports out; portfolios with a summary."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from .common import (
    EPILOG,
    EXIT_INPUT,
    SEVERITY_CHOICES,
    _config,
    _fail_on,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    _plugin_options,
    _say,
)
from .group import cli

if TYPE_CHECKING:
    from ..portfolio import PortfolioTally
    from ..report import Report
    from ..text import Text

SEPARATORS = {"text": "\n", "json": "", "markdown": "\n---\n\n", "html": ""}


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
              default="text", show_default=True, help="Output format / uitvoerformaat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output (one case: atomically; "
                   "a portfolio: line by line) / schrijf naar dit bestand.")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False), default=None,
              help="Write a portfolio summary here (.json, .md, .html, else text; '-' for "
                   "standard error) / schrijf een portefeuilleoverzicht.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes; 0 means one per core / aantal processen.")
@click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=None,
              help="Exit 1 when a violated or at-risk finding has this severity or more "
                   "(default: fail-on in collabrules.toml, else high).")
@click.option("--brief", is_flag=True, help="Leave out the conditions / zonder voorwaarden.")
@_lang_option
@_plugin_options
def evaluate(files: tuple[str, ...], fmt: str, output: str | None, summary_path: str | None,
             jobs: int, fail_on: str | None, brief: bool, lang: str | None,
             block: tuple[str, ...]) -> None:
    """Evaluate case files (JSON, YAML, folders, JSON Lines) and print the report.

    Beoordeel casusbestanden en toon het rapport.
    """
    from ..batch import EngineSpec, evaluate_all
    from ..errors import InputError
    from ..inputs import iter_inputs
    from ..portfolio import PortfolioTally
    from ..render.choose import Render
    from ..text import Text
    from .progress import Progress, count_inputs

    language = _lang(lang)
    config = _config()
    engine_spec = EngineSpec(config=None if config is None else config.path, block=tuple(block))
    try:
        engine_spec.build()  # a faulty house-principle file stops the run here
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    items = iter_inputs(files)
    head = list(itertools.islice(items, 2))
    single = len(head) == 1
    color = (fmt == "text" and output is None and sys.stdout.isatty()
             and "NO_COLOR" not in os.environ)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    render = Render(fmt, language, width=width, verbose=not brief, color=color,
                    indent=2 if single else None)
    workers = 1 if single else (jobs or os.cpu_count() or 1)
    progress = Progress(None, language)
    if progress.enabled and not single:
        progress.total = count_inputs(files)
    else:
        progress.enabled = False
    tally = PortfolioTally()
    code = 0
    problems: dict[tuple[str, str], Text] = {}
    html_reports: list[Report] = []
    sink = _Sink(output, single, SEPARATORS[fmt])
    try:
        sink.open()
    except OSError as exc:
        _fail_usage(Text("cannot write {path}: {error}; check that the folder exists",
                         "kan {path} niet schrijven: {error}; controleer of de map bestaat"
                         ).format(path=output, error=exc.strerror or str(exc)), language)
    try:
        for outcome in evaluate_all(itertools.chain(head, items), engine=engine_spec,
                                    render=render, jobs=workers, fail_on=_fail_on(fail_on),
                                    keep_reports=fmt == "html" and not single):
            progress.advance()
            if outcome.digest is None:
                progress.clear()
                for issue in outcome.issues:
                    click.echo(issue.render(language), err=True)
                tally.skip(outcome.source, outcome.issues)
                code = max(code, EXIT_INPUT)
                continue
            tally.add(outcome.digest)
            code = max(code, outcome.exit_code)
            for problem in outcome.digest.problems:
                problems.setdefault((problem.kind.value, problem.message.en), problem.message)
            if outcome.report is not None:
                html_reports.append(outcome.report)
            else:
                sink.write(outcome.rendered)
    finally:
        progress.close()
        sink.close()
    if html_reports:
        from ..render.html import render_html_many

        taxonomy = engine_spec.build().taxonomy
        _Sink(output, True, "").write(render_html_many(html_reports, language,
                                                       taxonomy=taxonomy))
    for message in problems.values():
        _say(message, language)
    if summary_path is not None:
        _write_summary(tally, summary_path, language)
    sys.exit(code)


class _Sink:
    """Where rendered reports go: one case atomically, a portfolio piece by piece."""

    def __init__(self, output: str | None, single: bool, separator: str) -> None:
        self.output = output
        self.single = single
        self.separator = separator
        self.count = 0
        self.handle: TextIO | None = None

    def write(self, text: str) -> None:
        if self.count:
            text = self.separator + text
        self.count += 1
        if self.output is None:
            click.echo(text, nl=False)
            sys.stdout.flush()
        elif self.single:
            from ..atomic import atomic_writer

            with atomic_writer(self.output) as handle:
                handle.write(text)
        else:
            if self.handle is None:
                self.handle = Path(self.output).open(  # noqa: SIM115  (closed in close())
                    "w", encoding="utf-8", newline="\n")
            self.handle.write(text)
            self.handle.flush()

    def open(self) -> None:
        """Check early that the output can be written (a missing folder is a usage error)."""
        if self.output is not None and not self.single:
            self.handle = Path(self.output).open(  # noqa: SIM115  (closed in close())
                "w", encoding="utf-8", newline="\n")
        elif self.output is not None and not Path(self.output).resolve().parent.is_dir():
            raise FileNotFoundError(2, "No such file or directory", self.output)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def _write_summary(tally: PortfolioTally, path: str, lang: str) -> None:
    from ..render.portfolio import render_summary

    suffix = Path(path).suffix.lower()
    fmt = {".json": "json", ".md": "markdown", ".html": "html", ".htm": "html"}.get(suffix,
                                                                                  "text")
    if path == "-":
        click.echo(render_summary(tally, "text", lang), err=True, nl=False)
        return
    from ..atomic import atomic_writer

    with atomic_writer(path) as handle:
        handle.write(render_summary(tally, fmt, lang))
