"""Evaluate a partitioned JSON Lines portfolio on a Dask cluster (``collabrules[dask]``).

Evaluation is a pure function of each case, so a cluster maps it over the partitions of a
portfolio; ``docs/scale-out.md`` shows the same map on Spark.

Each partition is one JSON Lines file. A worker process builds the engine once (the
:class:`~collabrules.io.batch.EngineSpec` cache) and turns its files into the same report
lines ``collabrules evaluate PART... --format json`` writes; the client writes them in
partition order, so the output is byte for byte the command line's::

    from dask.distributed import Client
    from collabrules.io.dask import evaluate_portfolio

    with Client("tcp://scheduler:8786") as client:
        problems = evaluate_portfolio(client, ["part-000.jsonl", "part-001.jsonl"],
                                      "results.jsonl")

The part files must be readable by every worker under the same path (a shared file
system), as for any Dask bag read from files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import EngineSpec

if TYPE_CHECKING:
    from distributed import Client

    from ..model.models import Taxonomy
    from ..model.report import Report

Line = tuple[str, str]
"""``("report", JSON line)`` for an evaluated case, ``("problem", message)`` for an input
that could not be evaluated (in the order of the input)."""


def evaluate_partition(paths: Iterable[str], engine: EngineSpec | None = None,
                       lang: str = "en") -> list[Line]:
    """The report lines of every case in these JSON Lines files, in order (runs on a worker).

    The engine described by ``engine`` (default: the installed plugins) is built once per
    worker process and reused for every later partition.
    """
    from functools import partial

    from .batch import evaluate_all
    from .inputs import iter_inputs

    out: list[Line] = []
    for result in evaluate_all(iter_inputs(list(paths)), engine=engine or EngineSpec(),
                               render=partial(_json_line, lang=lang)):
        if result.digest is None:
            out += [("problem", issue.render(lang)) for issue in result.issues]
        else:
            out.append(("report", result.rendered))
    return out


def _json_line(report: Report, taxonomy: Taxonomy | None, lang: str) -> str:
    """One report as the line ``collabrules evaluate --format json`` writes for a portfolio."""
    from .serialize import report_to_json

    return report_to_json(report, lang, indent=None)


def evaluate_bag(paths: Sequence[str | Path], *, engine: EngineSpec | None = None,
                 lang: str = "en") -> Any:
    """A Dask bag of :data:`Line` items, one partition per file (nothing computed yet)."""
    import dask.bag as db

    bag = db.from_sequence(  # type: ignore[no-untyped-call]
        [str(p) for p in paths], npartitions=max(len(paths), 1))
    return bag.map_partitions(evaluate_partition, engine=engine, lang=lang)


def evaluate_portfolio(client: Client, paths: Sequence[str | Path], output: str | Path, *,
                       engine: EngineSpec | None = None, lang: str = "en") -> list[str]:
    """Evaluate the part files on the cluster and write the report lines to ``output``.

    Partitions are written in order as they complete, so the client holds one partition's
    results at a time. Returns the problems (inputs that could not be evaluated), which
    the command line would print on standard error.
    """
    parts = evaluate_bag(paths, engine=engine, lang=lang).to_delayed()
    futures = client.compute(parts)  # type: ignore[no-untyped-call]
    problems: list[str] = []
    with Path(output).open("w", encoding="utf-8", newline="\n") as handle:
        for future in futures:
            for kind, text in future.result():
                if kind == "report":
                    handle.write(text)
                else:
                    problems.append(text)
            future.release()
    return problems
