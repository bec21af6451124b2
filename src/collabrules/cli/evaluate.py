"""``collabrules evaluate``: cases in, reports out; portfolios with a summary."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import resume_collection
from .common import (
    EPILOG,
    EXIT_INPUT,
    SEVERITY_CHOICES,
    _budget,
    _config,
    _fail_on,
    _fail_usage,
    _input_failure,
    _lang,
    _lang_option,
    _override,
    _plugin_options,
    _say,
)
from .group import cli

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..io.batch import EngineSpec
    from ..io.compact import Catalogue, RunProvenance
    from ..io.inputs import RawDocument
    from ..io.portfolio import PortfolioTally
    from ..io.resume import PartialRun
    from ..model.report import Report
    from ..model.text import Text
    from ..pipeline.loading import Document

SEPARATORS = {"text": "\n", "json": "", "markdown": "\n---\n\n", "html": "", "github": "",
              "sarif": "", "junit": ""}
FORMATS = ("text", "json", "markdown", "html", "sarif", "junit", "github")
BLOCK = 1 << 16
"""The write buffer of a portfolio's output file, in bytes."""


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="Output format; sarif, junit and github are for CI and code review "
                   "(see docs/ci.md) / uitvoerformaat.")
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
@click.option("--compact", is_flag=True,
              help="With --format json: compact results, texts and provenance once per run "
                   "(schemas/results.schema.json; `collabrules expand` renders them) / "
                   "compacte resultaten.")
@click.option("--provenance", type=click.Choice(["once", "each"]), default="once",
              show_default=True,
              help="A JSON portfolio's provenance: once, in the first line (each report names "
                   "it by digest), or in each report / herkomst eenmaal of per rapport.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted portfolio run (--format json with --output): cases "
                   "already in OUTPUT.partial are skipped / ga verder met een onderbroken run.")
@click.option("--skip-other-files", "skip_other", is_flag=True,
              help="Also skip named files that are not cases, with a note (as in folders; "
                   "for pre-commit hooks) / sla ook genoemde bestanden over die geen casus "
                   "zijn.")
@_lang_option
@_plugin_options
def evaluate(files: tuple[str, ...], fmt: str, output: str | None, summary_path: str | None,
             jobs: int, fail_on: str | None, brief: bool, compact: bool, provenance: str,
             resume: bool, skip_other: bool,
             lang: str | None, block: tuple[str, ...]) -> None:
    """Evaluate case files (JSON, YAML, folders, JSON Lines) and print the report.

    Beoordeel casusbestanden en toon het rapport.
    """
    # Start-up (imports, the engine) makes long-lived objects only: collecting garbage then
    # is wasted work. The collector is back on before the first case (LazyGroup.invoke
    # restores it if the command stops earlier), with what start-up made frozen out of it
    # when this process is the command (resume_collection).
    gc.disable()
    from ..io.batch import EngineSpec, evaluate_all, usable_cores
    from ..io.inputs import iter_inputs
    from ..io.portfolio import PortfolioTally
    from ..model.errors import InputError
    from ..model.text import Text
    from ..render.choose import Render
    from .progress import Progress, count_inputs

    language = _lang(lang)
    if compact and fmt != "json":
        _fail_usage(Text("--compact needs --format json", "--compact vereist --format json"),
                    language)
    if compact and resume:
        _fail_usage(Text("--resume cannot continue compact results: run again without "
                         "--resume", "--resume kan compacte resultaten niet voortzetten: "
                         "start opnieuw zonder --resume"), language)
    if resume and (fmt != "json" or not output):
        _fail_usage(Text("--resume needs --format json and --output",
                         "--resume vereist --format json en --output"), language)
    if output:
        from ..io.outputs import check_output

        try:
            check_output(output, files)  # never write over an input
        except InputError as error:
            _input_failure(error, language)
            sys.exit(EXIT_INPUT)
    config = _config()
    engine_spec = EngineSpec(config=None if config is None else config.path, block=tuple(block),
                             principle_budget=_budget(), override=_override())
    try:
        engine_spec.build()  # a faulty house-principle file stops the run here
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    resume_collection()
    items = iter_inputs(files, on_skip=lambda source, kind: _skipped(source, kind, language),
                        named_too=skip_other)
    head = list(itertools.islice(items, 2))
    single = len(head) == 1
    color = (fmt == "text" and output is None and sys.stdout.isatty()
             and "NO_COLOR" not in os.environ)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    fail_level = _fail_on(fail_on)
    collect = fmt in ("sarif", "junit") or (fmt == "html" and not single)
    writer = _compact_writer(engine_spec, single) if compact else None
    run = None
    if fmt == "json" and not single and not compact and provenance == "once":
        run = _run_header(engine_spec)
    render = Render("none" if compact else fmt, language, width=width, verbose=not brief,
                    color=color, indent=2 if single else None, fail_on=fail_level,
                    run=None if run is None else run[0])
    workers = 1 if single else (jobs or usable_cores())
    progress = Progress(None, language)
    if progress.enabled and not single:
        progress.total = count_inputs(files)
    else:
        progress.enabled = False
    tally = PortfolioTally()
    code = 0
    problems: dict[tuple[str, str], Text] = {}
    kept: list[Report] = []
    sink = _Sink(output, single and not resume, SEPARATORS[fmt])
    try:
        sink.open(resume=resume)
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    if writer is not None and not single:
        sink.write(writer.header())
    elif run is not None and not sink.has_header:
        sink.write(run[1])
    pending: Iterable[Document | RawDocument | InputError] = itertools.chain(head, items)
    if sink.resumed is not None:
        pending = sink.resumed.skip_done(pending)
    try:
        for outcome in evaluate_all(pending, engine=engine_spec,
                                    render=render, jobs=workers, fail_on=fail_level,
                                    keep_reports=collect or compact):
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
            if writer is not None and outcome.report is not None:
                sink.write(writer.line(outcome.report))
            elif outcome.report is not None:
                kept.append(outcome.report)
            else:
                sink.write(outcome.rendered)
        unmatched = None if sink.resumed is None else sink.resumed.unmatched()
        if unmatched is not None:  # the partial file is kept, the output left as it was
            _input_failure(InputError([unmatched]), language)
            code = EXIT_INPUT
        else:
            sink.commit()
    finally:
        progress.close()
        sink.close()
    if collect:
        _Sink(output, True, "").write(_whole_run(fmt, kept, engine_spec, language, fail_level))
    for message in problems.values():
        _say(message, language)
    if summary_path is not None:
        _write_summary(tally, summary_path, language)
    sys.exit(code)


def _skipped(source: str, kind: str | None, language: str) -> None:
    from ..authoring.checking import not_a_case

    _say(not_a_case(source, kind), language)


def _run_header(engine_spec: EngineSpec) -> tuple[RunProvenance, str]:
    """The run's provenance with its digest, and the portfolio's first line that holds it."""
    from ..io.compact import run_line

    return run_line(engine_spec.build())


def _compact_writer(engine_spec: EngineSpec, single: bool) -> _CompactLines:
    from ..io.compact import Catalogue

    return _CompactLines(Catalogue.of(engine_spec.build()), single)


class _CompactLines:
    """Compact results: one document for one case; a portfolio's catalogue line first."""

    def __init__(self, catalogue: Catalogue, single: bool) -> None:
        from ..io.compact import CompactWriter

        self.writer = CompactWriter(catalogue)
        self.single = single

    def header(self) -> str:
        """The catalogue line of a portfolio."""
        return self.writer.header()

    def line(self, report: Report) -> str:
        """What to write for this report."""
        return self.writer.document(report) if self.single else self.writer.line(report)


class _Sink:
    """Where rendered reports go.

    One case goes to its output file atomically. A portfolio is written line by line to
    ``OUTPUT.partial`` and renamed to ``OUTPUT`` when the run completes: an interrupted run
    leaves the previous output untouched and a partial file that ``--resume`` continues
    from. The file is written in blocks of :data:`BLOCK` bytes, not flushed per case (a
    system call per line); a run stopped by Ctrl-C or an error flushes what it wrote, a
    killed one may leave a torn last line, which ``--resume`` cuts off and evaluates again.
    """

    def __init__(self, output: str | None, single: bool, separator: str) -> None:
        self.output = output
        self.single = single
        self.separator = separator
        self.count = 0
        self.handle: TextIO | None = None
        self.resumed: PartialRun | None = None
        self.has_header = False

    @property
    def partial(self) -> Path:
        """The file a portfolio run writes to until it completes."""
        return Path(f"{self.output}.partial")

    def open(self, *, resume: bool = False) -> None:
        """Check early that the output can be written (raises :class:`InputError`)."""
        try:
            if self.output is not None and not self.single:
                if resume and self.partial.exists():
                    from ..io.resume import PartialRun

                    self.resumed = PartialRun(self.partial)
                    self.count, self.has_header = (int(self.resumed.has_lines),
                                                   self.resumed.has_header)
                self.handle = self.partial.open(
                    "a" if self.count else "w", encoding="utf-8", newline="\n",
                    buffering=BLOCK)
            elif self.output is not None and not Path(self.output).resolve().parent.is_dir():
                raise FileNotFoundError(2, "No such file or directory", self.output)
        except OSError as exc:
            from ..io.outputs import unwritable

            raise unwritable(self.output or "", exc) from None

    def write(self, text: str) -> None:
        """Add one rendered report."""
        if self.count:
            text = self.separator + text
        self.count += 1
        if self.output is None:
            click.echo(text, nl=False)
            sys.stdout.flush()
        elif self.single:
            from ..io.outputs import write_output

            write_output(self.output, text)
        elif self.handle is not None:
            self.handle.write(text)

    def commit(self) -> None:
        """The run completed: a portfolio's partial file becomes the output."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
            self.partial.replace(str(self.output))

    def close(self) -> None:
        """Release the partial file (kept after an interruption, for ``--resume``)."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _whole_run(fmt: str, reports: list[Report], engine_spec: EngineSpec, lang: str,
               fail_on: str) -> str:
    """One document for every report of the run (HTML, SARIF or JUnit)."""
    if fmt == "sarif":
        from ..render.sarif import render_sarif

        principles = [a.principle for a in engine_spec.build().active]
        return render_sarif(reports, lang, principles=principles)
    if fmt == "junit":
        from ..render.junit import render_junit

        return render_junit(reports, lang, fail_on=fail_on)
    from ..render.html import render_html_many

    return render_html_many(reports, lang, taxonomy=engine_spec.build().taxonomy)


def _write_summary(tally: PortfolioTally, path: str, lang: str) -> None:
    from ..render.portfolio import render_summary

    suffix = Path(path).suffix.lower()
    fmt = {".json": "json", ".md": "markdown", ".html": "html", ".htm": "html"}.get(suffix,
                                                                                  "text")
    if path == "-":
        click.echo(render_summary(tally, "text", lang), err=True, nl=False)
        return
    from ..io.atomic import atomic_writer

    with atomic_writer(path) as handle:
        handle.write(render_summary(tally, fmt, lang))
