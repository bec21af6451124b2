"""Spike: the hot core compiled with mypyc, against the pure-Python tree (ADR 0028).

``python benchmarks/mypyc_spike.py [--set leaf|wide] [--cases 600] [--rounds 3] [DIR]``
copies the committed tree (``git archive HEAD``) to ``DIR`` (default
``/tmp/collabrules-mypyc``), applies ``benchmarks/mypyc/spike.patch`` (the two source
changes compiling needs, ADR 0028 "What broke"), compiles the chosen modules with the
venv's ``mypyc`` in place, checks that the compiled tree writes the same report lines as
this tree, then alternates the two in child processes: ``json.loads`` + ``evaluate`` +
``report_to_json(indent=None)`` per case, best of three, CPU time. Needs a C compiler and
the Python headers; nothing is written into this tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATCH = ROOT / "benchmarks" / "mypyc" / "spike.patch"

LEAF = [
    "standard/evidence.py", "pipeline/assessment.py", "model/signals.py", "model/finding.py",
    "model/text.py", "io/serialize.py", "standard/party_signals.py",
    "standard/design_signals.py", *(f"standard/principles/CR0{i}.py" for i in range(1, 10)),
]
"""The per-case leaf modules the brief named."""

NOT_COMPILED = {
    "model/case.py": "cattrs reads the field types, which mypyc erases to `type`",
    "model/glossary.py": "attrs.field default in a native class",
    "model/models.py": "attrs.field default in a native class",
    "model/principle.py": "attrs.field default in a native class",
    "pipeline/loading.py": "attrs.field default in a native class",
    "pipeline/settings.py": "attrs.field default in a native class",
    "model/lifecycle.py": "mypyc internal error: a closure in an attrs class's method",
    "pipeline/structurer.py": "mypyc internal error: reversed() over a list of Any",
    "pipeline/completion.py": "nested class definition",
    "pipeline/plain.py": "surrogate code points in string literals",
    "pipeline/yaml_import.py": "surrogate code points in string literals",
    "pipeline/yaml_reading.py": "class attribute assigned without ClassVar",
}
"""Modules of the wide set left pure, and why (ADR 0028)."""


def wide() -> list[str]:
    """Every module of ``model``, ``pipeline`` and ``standard`` mypyc can take, plus the
    report writers."""
    src = ROOT / "src" / "collabrules"
    found = [str(p.relative_to(src)) for folder in ("model", "pipeline", "standard")
             for p in sorted((src / folder).glob("*.py")) if p.name != "__init__.py"]
    found += [f"standard/principles/CR0{i}.py" for i in range(1, 10)]
    return [m for m in found if m not in NOT_COMPILED] + ["io/serialize.py", "io/compact.py"]


def build(tree: Path, modules: list[str]) -> float:
    """Copy HEAD to ``tree``, patch it, compile ``modules`` in place; CPU seconds of mypyc."""
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    subprocess.run(["git", "apply", str(PATCH)], cwd=tree, check=True)
    mypyc = Path(sys.executable).parent / "mypyc"
    before = os.times()
    # run from src/: setuptools would otherwise read the project's pyproject.toml
    subprocess.run([str(mypyc), *(f"collabrules/{m}" for m in modules)], cwd=tree / "src",
                   check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    return (after.children_user + after.children_system
            - before.children_user - before.children_system)


def child(src: str, drop: float, n: int, dump: bool) -> None:
    """In a child process: evaluate ``n`` example cases with the tree at ``src``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from cases import example_cases

    import collabrules
    from collabrules.io.serialize import report_to_json

    if not collabrules.__file__ or not collabrules.__file__.startswith(src):
        raise SystemExit(f"collabrules imported from {collabrules.__file__}, not {src}")
    engine = collabrules.default_engine()
    lines = [json.dumps(c) for c in example_cases(n, drop=drop)]
    if dump:
        for line in lines:
            print(report_to_json(engine.evaluate(json.loads(line)), "en", indent=None))
        return
    engine.evaluate(json.loads(lines[0]))
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for line in lines:
            report_to_json(engine.evaluate(json.loads(line)), "en", indent=None)
        best = min(best, time.process_time() - start)
    print(f"{best / n * 1e6:.0f}")


def run_child(src: Path, drop: float, n: int, dump: bool = False) -> str:
    """Run :func:`child` with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    args = [sys.executable, __file__, "--child", str(src), str(drop), str(n)]
    return subprocess.run(args + (["--dump"] if dump else []), env=env, check=True,
                          capture_output=True, text=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", nargs="?", type=Path, default=Path("/tmp/collabrules-mypyc"))
    parser.add_argument("--set", choices=("leaf", "wide"), default="leaf")
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--partial-cases", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="reuse a compiled tree")
    args = parser.parse_args()
    modules = LEAF if args.set == "leaf" else wide()
    if not args.no_build:
        seconds = build(args.tree, modules)
        print(f"compiled {len(modules)} modules in {seconds:.0f} s CPU")
    pure, compiled = ROOT / "src", args.tree / "src"
    for drop in (0.0, 0.5):
        if run_child(pure, drop, 60, dump=True) != run_child(compiled, drop, 60, dump=True):
            raise SystemExit(f"reports differ (drop={drop}): the compiled tree is wrong")
    print("reports byte-identical on 60 complete and 60 partial-facts cases")
    for drop, n in ((0.0, args.cases), (0.5, args.partial_cases)):
        for _ in range(args.rounds):
            load = os.getloadavg()[0]
            a = run_child(pure, drop, n).strip()
            b = run_child(compiled, drop, n).strip()
            print(f"drop={drop} pure {a} us/case, compiled {b} us/case "
                  f"({int(a) / int(b):.2f}x), load {load:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), "--dump" in sys.argv)
    else:
        main()
