"""Evaluating many cases, optionally on several cores, results in input order.

Workers each build their own engine once; a case travels to a worker as a parsed
document and comes back as a report plus its rendered output, so rendering is parallel too.
The order and bytes of the output do not depend on the number of jobs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import attrs

from ..house.overrides import Override
from ..model.errors import InputError, Issue
from ..model.models import Taxonomy
from ..model.records import shared_repr
from ..model.report import Report
from ..pipeline.loading import Document
from .inputs import RawDocument
from .portfolio import CaseDigest

if TYPE_CHECKING:
    from ..pipeline.engine import Engine

Renderer = Callable[[Report, "Taxonomy | None"], str]
Item = Union[Document, RawDocument, InputError]  # noqa: UP007  (a runtime alias on 3.10)


@attrs.frozen(kw_only=True)
@shared_repr
class CaseResult:
    """One input's result: its digest, exit code and rendered text, or what stopped it.

    ``report`` is only sent back when asked for (``keep_reports``): full reports are
    costly to move between processes.
    """

    source: str
    digest: CaseDigest | None = None
    rendered: str = ""
    exit_code: int = 0
    report: Report | None = None
    issues: tuple[Issue, ...] = ()


@attrs.frozen
@shared_repr
class EngineSpec:
    """How to build the engine in every worker: a configuration file, blocked plugins and
    the command line's selection and severities (``override``).

    Plain, picklable data, so worker processes build the same engine as the parent.
    """

    config: Path | None = None
    block: tuple[str, ...] = ()
    principle_budget: float | None = 2.0
    override: Override = attrs.field(factory=Override)

    def build(self) -> Engine:
        """The engine, built once per process (raises :class:`InputError` for a bad config)."""
        engine = _BUILT.get(self)
        if engine is None:
            from ..house.config import Config, build_engine, load_config

            config = load_config(self.config) if self.config is not None else None
            if self.override:
                config = config or Config()
                config = attrs.evolve(config, settings=self.override.apply(config.settings))
            engine = _BUILT[self] = build_engine(config, block=self.block,
                                                 principle_budget=self.principle_budget)
        return engine


_BUILT: dict[EngineSpec, Engine] = {}


_STATE: dict[str, Any] = {}


def _init(spec: EngineSpec, render: Renderer, fail_on: str, keep: bool) -> None:
    _STATE.update(engine=spec.build(), render=render, fail_on=fail_on, keep=keep)


def _work(item: Document | RawDocument | tuple[str, tuple[Issue, ...]]) -> CaseResult:
    if isinstance(item, tuple):
        return CaseResult(source=item[0], issues=item[1])
    try:
        document = item.parse() if isinstance(item, RawDocument) else item
        report = _STATE["engine"].evaluate(document)
    except InputError as error:
        return CaseResult(source=item.source, issues=error.issues)
    from ..model.exitcodes import exit_code

    rendered = _STATE["render"](report, _STATE["engine"].taxonomy)
    return CaseResult(source=item.source, digest=CaseDigest.of(report), rendered=rendered,
                   exit_code=exit_code([report], False, _STATE["fail_on"]),
                   report=report if _STATE["keep"] else None)


def _portable(item: Item) -> Document | RawDocument | tuple[str, tuple[Issue, ...]]:
    if isinstance(item, InputError):
        source = item.issues[0].file if item.issues else "?"
        return (source, item.issues)
    return item


def usable_cores() -> int:
    """The cores this process may run on (``--jobs 0``): its CPU affinity where the system
    has one (a container or ``taskset`` may allow fewer than the machine has), else all."""
    import os

    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def evaluate_all(items: Iterable[Item], *, engine: EngineSpec, render: Renderer,
                 jobs: int = 1, chunksize: int = 32, fail_on: str = "high",
                 keep_reports: bool = False) -> Iterator[CaseResult]:
    """Evaluate every item; yields one :class:`CaseResult` per item, in input order."""
    portable = (_portable(item) for item in items)
    initargs = (engine, render, fail_on, keep_reports)
    if jobs <= 1:
        _init(*initargs)
        yield from (_work(item) for item in portable)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init, initargs=initargs) as pool:
        yield from pool.imap(_work, portable, chunksize=chunksize)
