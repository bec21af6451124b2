"""Spike: one house-principle condition in JMESPath and in CEL (docs/decisions/0004).

Run with ``python benchmarks/expression_spike.py``. JMESPath is a dependency of
collabrules; the CEL rows appear only when ``cel`` (common-expression-language, the Rust
binding) or ``celpy`` (cel-python, pure Python) can be imported, e.g. in a throw-away
venv. It also prints how each library reports a syntax error and a missing field.
Numbers are microseconds per call, best of five runs.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jmespath
import yaml
from jmespath.parser import Parser

CASE = Path(__file__).resolve().parents[1] / "examples" / "bespoke-software.yaml"
JMES = "delivery.risk == 'high' && length(parties[?role == 'supplier']) > `0`"
CEL = ("document.delivery.risk == 'high' && "
       "size(document.parties.filter(p, p.role == 'supplier')) > 0")
BAD = " == 'high' &&"
MISSING = "delivery.no_such_field == 'x'"

Rows = list[tuple[str, str]]


def timed(rows: Rows, name: str, func: Callable[[], Any], number: int = 2000) -> None:
    """Add a row: microseconds per call of ``func``."""
    best = min(timeit.repeat(func, number=number, repeat=5)) / number * 1e6
    rows.append((name, f"{best:.1f} us"))


def outcome(rows: Rows, name: str, func: Callable[[], Any]) -> None:
    """Add a row: what ``func`` returns or raises."""
    try:
        text = f"value {func()!r}"
    except Exception as exc:
        text = f"{type(exc).__name__}: {' '.join(str(exc).split())[:150]}"
    rows.append((name, text))


def uncached_compile() -> Any:
    Parser.purge()
    return Parser().parse(JMES)


def jmespath_rows(rows: Rows, document: dict[str, Any]) -> None:
    from collabrules.house.expressions import compile_expression

    compiled = jmespath.compile(JMES)
    ours = compile_expression(JMES)
    timed(rows, "jmespath compile (uncached)", uncached_compile, 200)
    timed(rows, "jmespath search (compiled)", lambda: compiled.search(document))
    timed(rows, "collabrules Expression.evaluate", lambda: ours.evaluate(document))
    outcome(rows, "jmespath syntax error", lambda: jmespath.compile("delivery.risk" + BAD))
    outcome(rows, "jmespath missing field", lambda: jmespath.search(MISSING, document))


def cel_rows(rows: Rows, document: dict[str, Any]) -> None:
    try:
        import cel  # type: ignore[import-not-found]
    except ImportError:
        rows.append(("cel (Rust binding)", "not installed"))
        return
    program = cel.compile(CEL)
    context = cel.Context({"document": document})
    timed(rows, "cel compile", lambda: cel.compile(CEL), 200)
    timed(rows, "cel build context from dict", lambda: cel.Context({"document": document}))
    timed(rows, "cel execute (context built)", lambda: program.execute(context))
    timed(rows, "cel execute (dict each call)", lambda: program.execute({"document": document}))
    outcome(rows, "cel syntax error", lambda: cel.compile("document.delivery.risk" + BAD))
    outcome(rows, "cel missing field",
            lambda: cel.compile("document." + MISSING).execute(context))


def celpy_rows(rows: Rows, document: dict[str, Any]) -> None:
    try:
        import celpy  # type: ignore[import-not-found]
    except ImportError:
        rows.append(("cel-python", "not installed"))
        return
    env = celpy.Environment()
    program = env.program(env.compile(CEL))
    activation = {"document": celpy.json_to_cel(document)}
    timed(rows, "cel-python compile", lambda: env.program(env.compile(CEL)), 20)
    timed(rows, "cel-python convert document", lambda: celpy.json_to_cel(document), 200)
    timed(rows, "cel-python evaluate", lambda: program.evaluate(activation), 200)
    outcome(rows, "cel-python syntax error",
            lambda: env.compile("document.delivery.risk" + BAD))
    outcome(rows, "cel-python missing field",
            lambda: env.program(env.compile("document." + MISSING)).evaluate(activation))


def main() -> None:
    document = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    rows: Rows = []
    jmespath_rows(rows, document)
    cel_rows(rows, document)
    celpy_rows(rows, document)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
