"""The issue-14 table: collabrules against a bare Python floor and ZEN, measured in one run.

Every contender works through the same portfolio (cases cycling the bundled examples, a
fresh id each, ``cases.example_cases``), one core, CPU time per case, best of ``repeats``:

* **floor**: ``../shared/bench/floor.py IN OUT`` (parse, look up, tiny result) as a process;
* **compact**: ``collabrules evaluate IN --format json --compact -o OUT`` when the installed
  collabrules has ``--compact``, else the row says "not available";
* **full**: in-process ``json.loads`` + ``Engine.evaluate`` + ``report_to_json(indent=None)``
  (the explained report, one language, as JSON Lines);
* **CLI**: ``collabrules evaluate IN --format json -o OUT`` (start-up included);
* **ZEN** (``--peer``): ``../shared/bench/zen_peer.py`` in its own process, when zen-engine is
  installed (it is not a dependency of collabrules);
* **partial facts**: full and compact again on a portfolio with half of the optional fields
  left out, so the completion rule has undetermined verdicts to settle.

The shared scripts are run from where they are, never copied into the project.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from cases import example_cases

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
PEER_COLLABRULES = "collabrules e2e: json.loads + evaluate + to_json(None)"


def _cpu(command: list[str]) -> float:
    """CPU seconds (user + system) of one command, which must succeed."""
    import os

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings at or above --fail-on, still a complete run
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return usage.ru_utime + usage.ru_stime


def _best(action: Callable[[], float], repeats: int) -> float:
    return min(action() for _ in range(repeats))


def _row(name: str, us: float | None, note: str = "") -> dict[str, Any]:
    return {"contender": name, "us_per_case": us,
            "cases_per_s": None if not us else 1e6 / us, "note": note}


def _write(path: Path, cases: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(c, separators=(",", ":")) + "\n" for c in cases),
                    encoding="utf-8")
    return path


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "collabrules", *args]


def compact_supported() -> bool:
    """Whether the installed ``collabrules evaluate`` has ``--compact``."""
    done = subprocess.run(_cli("evaluate", "--help"), capture_output=True, text=True,
                          check=False)
    return "--compact" in done.stdout


def _in_process_full(lines: Sequence[str], repeats: int) -> float:
    """CPU microseconds per case: json.loads + evaluate + one JSON Lines report line."""
    import gc

    import collabrules
    from collabrules.io.serialize import report_to_json

    engine = collabrules.default_engine()
    engine.evaluate(json.loads(lines[0]))  # warm up: lazy imports, caches

    def once() -> float:
        gc.collect()
        start = time.process_time()
        for line in lines:
            report_to_json(engine.evaluate(json.loads(line)), "en", indent=None)
        return time.process_time() - start

    return _best(once, repeats) / len(lines) * 1e6


def _cli_us(path: Path, count: int, repeats: int, *extra: str) -> float:
    out = path.with_suffix(".out")
    command = _cli("evaluate", str(path), "--format", "json", "-o", str(out), "--fail-on",
                   "never", *extra)
    seconds = _best(lambda: _cpu(command), repeats)
    with out.open("rb") as handle:
        written = sum(1 for _ in handle)
    if written < count:
        raise SystemExit(f"expected {count} result lines, found {written}")
    return seconds / count * 1e6


def peer(bench: Path, count: int) -> dict[str, Any]:
    """ZEN's rows from ``zen_peer.py`` (its own process, pinned to one CPU), or why not."""
    script = bench / "zen_peer.py"
    if find_spec("zen") is None:
        return {"available": False, "why": "zen-engine not installed"}
    if not script.is_file():
        return {"available": False, "why": f"{script} not found"}
    done = subprocess.run([sys.executable, str(script), str(ROOT / "examples"), str(count)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"available": False, "why": f"zen_peer.py failed: {done.stderr[-500:]}"}
    rows = {}
    for line in done.stdout.splitlines():
        parts = line.rsplit(None, 3)
        if len(parts) == 4 and line.startswith(("zen", "floor", "collabrules")):
            try:
                rows[parts[0].strip()] = float(parts[1])
            except ValueError:
                continue
    # The graph that encodes the nine principles as they are (not the lean one-node variant).
    zen_e2e = {k: v for k, v in rows.items() if k.startswith("zen e2e") and "lean" not in k}
    if not zen_e2e:
        return {"available": False, "why": "no ZEN rows in zen_peer.py's output"}
    fastest = min(zen_e2e, key=zen_e2e.__getitem__)
    return {"available": True, "rows": rows, "fastest": fastest, "us": zen_e2e[fastest],
            "equal": done.stdout.strip().splitlines()[-1]}


def measure(count: int, partial_count: int, repeats: int, work: Path, *, bench: Path,
            with_peer: bool, seed: int = 7) -> dict[str, Any]:
    """Every row of the table, with ratios against ZEN when it ran."""
    full_cases = list(example_cases(count, seed))
    part_cases = list(example_cases(partial_count, seed, drop=0.5))
    full_path = _write(work / "examples.jsonl", full_cases)
    part_path = _write(work / "partial.jsonl", part_cases)
    full_lines = full_path.read_text("utf-8").splitlines()
    part_lines = part_path.read_text("utf-8").splitlines()
    compact = compact_supported()
    rows = []
    floor = bench / "floor.py"
    if floor.is_file():
        us = _best(lambda: _cpu([sys.executable, str(floor), str(full_path),
                                 str(work / "floor.out")]), repeats) / count * 1e6
        rows.append(_row("bare Python floor (floor.py: parse, look up, tiny result)", us,
                         "its own process, start-up included"))
    else:
        rows.append(_row("bare Python floor", None, f"not available: {floor} not found"))
    zen = peer(bench, count) if with_peer else {"available": False, "why": "run with --peer"}
    full_us = _in_process_full(full_lines, repeats)
    zen_row = len(rows)
    rows.append(_row("ZEN, statuses + model only", None, zen.get("why", "")))
    na = "not available (this collabrules has no --compact)"
    rows.append(_row("collabrules compact (evaluate --format json --compact)",
                     _cli_us(full_path, count, repeats, "--compact") if compact else None,
                     "command line, start-up included" if compact else na))
    rows.append(_row("collabrules full explained report, JSON Lines (in-process)", full_us,
                     "json.loads + evaluate + report_to_json(indent=None)"))
    if zen["available"]:
        # zen_peer.py times wall clock; it also times the same collabrules loop, so ZEN's
        # figure is put on this table's clock (CPU) through that common contender.
        theirs = zen["rows"].get(PEER_COLLABRULES)
        zen["us"] = zen["us"] * full_us / theirs if theirs else zen["us"]
        rows[zen_row] = _row(f"ZEN, statuses + model only ({zen['fastest']})", zen["us"],
                             "zen_peer.py, pinned to one CPU, on this table's clock"
                             if theirs else "zen_peer.py, wall clock")
    rows.append(_row("collabrules evaluate cases.jsonl --format json -o out.jsonl",
                     _cli_us(full_path, count, repeats), "command line, start-up included"))
    rows.append(_row("partial facts: full explained report (in-process)",
                     _in_process_full(part_lines, repeats),
                     f"{partial_count} cases, half the optional fields left out"))
    rows.append(_row("partial facts: compact (command line)",
                     _cli_us(part_path, partial_count, repeats, "--compact") if compact
                     else None, f"{partial_count} cases" if compact else na))
    for row in rows:
        row["over_zen"] = (row["us_per_case"] / zen["us"]
                           if zen["available"] and row["us_per_case"] else None)
    return {"cases": count, "partial_cases": partial_count, "repeats": repeats,
            "bytes_per_case": sum(map(len, full_lines)) / count, "rows": rows,
            "peer": zen}


def render_table(table: dict[str, Any]) -> list[str]:
    """The table as plain-text lines."""
    out = [f"contenders, end to end per case ({table['cases']} cases cycling the examples, "
           f"{table['bytes_per_case']:.0f} B of JSON each; one core, CPU time, best of "
           f"{table['repeats']})",
           f"  {'contender':<76} {'us/case':>9} {'cases/s':>8} {'x ZEN':>6}"]
    for row in table["rows"]:
        us, ratio = row["us_per_case"], row["over_zen"]
        figures = ("{:9.0f} {:8.0f}".format(us, row["cases_per_s"]) if us
                   else f"{'-':>9} {'-':>8}")
        out.append(f"  {row['contender']:<76} {figures} "
                   f"{'-' if ratio is None else f'{ratio:.2f}':>6}  {row['note']}")
    if table["peer"].get("available"):
        out.append(f"  zen_peer.py: {table['peer']['equal']}")
    return out
