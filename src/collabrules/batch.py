"""Evaluating many cases, optionally on several cores, results in input order.

Workers each build their own engine once; a case travels to a worker as a parsed
document and comes back as a report plus its rendered output, so rendering is parallel too.
The order and bytes of the output do not depend on the number of jobs.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Union

import attrs

from .errors import InputError, Issue
from .loading import Document
from .models import Taxonomy
from .report import Report

Renderer = Callable[[Report, "Taxonomy | None"], str]
Item = Union[Document, InputError]  # noqa: UP007  (a runtime alias on 3.10)


@attrs.frozen
class Outcome:
    """One input's result: a report and its rendered text, or the issues that stopped it."""

    source: str
    report: Report | None
    rendered: str
    issues: tuple[Issue, ...] = ()


_STATE: dict[str, Any] = {}


def _init(block: tuple[str, ...], render: Renderer) -> None:
    from .engine import Engine
    from .settings import Settings

    _STATE["engine"] = Engine(settings=Settings(block=block))
    _STATE["render"] = render


def _work(item: Document | tuple[str, tuple[Issue, ...]]) -> Outcome:
    if isinstance(item, tuple):
        return Outcome(source=item[0], report=None, rendered="", issues=item[1])
    try:
        report = _STATE["engine"].evaluate(item)
    except InputError as error:
        return Outcome(source=item.source, report=None, rendered="", issues=error.issues)
    rendered = _STATE["render"](report, _STATE["engine"].taxonomy)
    return Outcome(source=item.source, report=report, rendered=rendered)


def _portable(item: Item) -> Document | tuple[str, tuple[Issue, ...]]:
    if isinstance(item, InputError):
        source = item.issues[0].file if item.issues else "?"
        return (source, item.issues)
    return item


def evaluate_all(items: Iterable[Item], *, block: tuple[str, ...], render: Renderer,
                 jobs: int = 1, chunksize: int = 16) -> Iterator[Outcome]:
    """Evaluate every item; yields one :class:`Outcome` per item, in input order."""
    portable = (_portable(item) for item in items)
    if jobs <= 1:
        _init(block, render)
        yield from (_work(item) for item in portable)
        return
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init, initargs=(block, render)) as pool:
        yield from pool.imap(_work, portable, chunksize=chunksize)
