"""Spike: evaluate one house-principle condition with JMESPath and with CEL (ADR 0004).

Run with ``python benchmarks/expression_spike.py``. JMESPath is a dependency of
collabrules; the CEL rows are measured only when ``cel`` (common-expression-language, Rust
binding) or ``celpy`` (cel-python, pure Python) are importable, e.g. in a throw-away venv.
It also prints how each library reports a syntax error and a missing field.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jmespath
import yaml

CASE = Path(__file__).resolve().parents[1] / "examples" / "bespoke-software.yaml"
JMES = "delivery.risk == 'high' && length(parties[?role == 'supplier']) > `0`"
CEL = "document.delivery.risk == 'high' && size(document.parties.filter(p, p.role == 'supplier')) > 0"
BAD_JMES = "delivery.risk == 'high' &&"
BAD_CEL = "document.delivery.risk == 'high' &&"
MISSING_JMES = "delivery.no_such_field == 'x'"
MISSING_CEL = "document.delivery.no_such_field == 'x'"


def per_call_us(func: Callable[[], Any], number: int = 2000) -> float:
    """Best of five runs, microseconds per call."""
    return min(timeit.repeat(func, number=number, repeat=5)) / number * 1e6


def describe(func: Callable[[], Any]) -> str:
    try:
        return f"value {func()!r}"
    except Exception as exc:
        return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"


def main() -> None:
    document = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    rows: list[tuple[str, str]] = []
    compiled = jmespath.compile(JMES)
    rows.append(("jmespath compile", f"{per_call_us(lambda: jmespath.compile(JMES), 200):.1f} us"))
    rows.append(("jmespath search (compiled)", f"{per_call_us(lambda: compiled.search(document)):.1f} us"))
    rows.append(("jmespath syntax error", describe(lambda: jmespath.compile(BAD_JMES))))
    rows.append(("jmespath missing field", describe(lambda: jmespath.search(MISSING_JMES, document))))
    try:
        import cel  # type: ignore[import-not-found]
    except ImportError:
        rows.append(("cel (Rust)", "not installed"))
    else:
        program = cel.compile(CEL)
        context = cel.Context({"document": document})
        rows.append(("cel compile", f"{per_call_us(lambda: cel.compile(CEL), 200):.1f} us"))
        rows.append(("cel build context", f"{per_call_us(lambda: cel.Context({'document': document})):.1f} us"))
        rows.append(("cel execute (context built)", f"{per_call_us(lambda: program.execute(context)):.1f} us"))
        rows.append(("cel execute (dict each time)",
                     f"{per_call_us(lambda: program.execute({'document': document})):.1f} us"))
        rows.append(("cel syntax error", describe(lambda: cel.compile(BAD_CEL))))
        rows.append(("cel missing field",
                     describe(lambda: cel.compile(MISSING_CEL).execute(context))))
    try:
        import celpy  # type: ignore[import-not-found]
    except ImportError:
        rows.append(("cel-python", "not installed"))
    else:
        env = celpy.Environment()
        program = env.program(env.compile(CEL))
        activation = {"document": celpy.json_to_cel(document)}
        rows.append(("cel-python compile", f"{per_call_us(lambda: env.program(env.compile(CEL)), 20):.1f} us"))
        rows.append(("cel-python convert document",
                     f"{per_call_us(lambda: celpy.json_to_cel(document), 200):.1f} us"))
        rows.append(("cel-python evaluate", f"{per_call_us(lambda: program.evaluate(activation), 200):.1f} us"))
        rows.append(("cel-python syntax error", describe(lambda: env.compile(BAD_CEL))))
        rows.append(("cel-python missing field", describe(
            lambda: env.program(env.compile(MISSING_CEL)).evaluate(activation))))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
