"""A small seeded generator of valid cases for portfolio tests (no hypothesis needed)."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SIZES = ["micro", "small", "medium", "large"]
REACH = ["local", "regional", "national", "international", "global"]
ATTITUDES = ["cooperative", "neutral", "opportunistic", "hostile"]
POWER = ["low", "medium", "high", "dominant"]
REPLACE = ["easy", "moderate", "hard", "irreplaceable"]
NET = ["positive", "neutral", "negative", "unknown"]
TOPICS = ["price", "quality", "innovation", "margin", "effort"]
DIRECTIONS = ["minimise", "maximise", "achieve", "keep"]
LEVELS = ["low", "medium", "high"]
MODELS = ["transactional", "performance-based", "collaborative", "strategic-alliance"]


def _maybe(rng: random.Random, value: Any, p: float = 0.8) -> Any:
    return value if rng.random() < p else None


def _party(rng: random.Random, pid: str, role: str) -> dict[str, Any]:
    party: dict[str, Any] = {"id": pid, "name": f"{pid.title()} {rng.randint(1, 999)}",
                             "role": role}
    for key, values in (("size", SIZES), ("reach", REACH), ("attitude", ATTITUDES),
                        ("power", POWER), ("replaceability", REPLACE)):
        value = _maybe(rng, rng.choice(values))
        if value is not None:
            party[key] = value
    if rng.random() < 0.8:
        party["goals"] = [{"topic": rng.choice(TOPICS), "direction": rng.choice(DIRECTIONS),
                           "horizon": rng.choice(["short", "medium", "long"])}
                          for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.4:
        party["departmental_targets"] = [{"department": "procurement", "target": "discount",
                                          "topic": rng.choice(TOPICS),
                                          "direction": rng.choice(DIRECTIONS)}]
    if rng.random() < 0.8:
        party["expected_benefit"] = {"net": rng.choice(NET)}
    return party


def generate_case(rng: random.Random, number: int) -> dict[str, Any]:
    """One valid case; ``number`` makes the id unique."""
    perspective = rng.choice(["buyer", "vendor"])
    case: dict[str, Any] = {
        "schema_version": "1.0",
        "id": f"case-{number:05d}",
        "title": f"Generated relationship {number}",
        "perspective": perspective,
        "parties": [_party(rng, "buyer", "customer"), _party(rng, "vendor", "supplier")],
        "delivery": {"kind": rng.choice(["product", "service", "mixed"]),
                     "risk": rng.choice(LEVELS), "uncertainty": rng.choice(LEVELS)},
        "relationship": {"model": rng.choice(MODELS), "trust": rng.choice(LEVELS)},
    }
    return case


def write_portfolio(path: Path, count: int, *, seed: int = 7, bad_every: int = 0,
                    cycle: Sequence[dict[str, Any]] = ()) -> list[int]:
    """Write ``count`` lines of JSON Lines; every ``bad_every``-th line is broken.

    The good lines are generated cases (sparse: the completion rule has much to settle), or
    with ``cycle`` those cases in turn, each with a fresh id (cheap to evaluate when their
    facts are complete). Returns the line numbers of the broken lines.
    """
    rng = random.Random(seed)
    bad: list[int] = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, count + 1):
            if bad_every and number % bad_every == 0:
                bad.append(number)
                if number % (2 * bad_every) == 0:
                    handle.write('{"schema_version": "1.0", "perspective": \n')  # not JSON
                else:  # JSON, but not a valid case
                    handle.write(json.dumps({"schema_version": "1.0", "perspective": "x",
                                             "parties": []}) + "\n")
                continue
            case = ({**cycle[number % len(cycle)], "id": f"case-{number:05d}"} if cycle
                    else generate_case(rng, number))
            handle.write(json.dumps(case) + "\n")
    return bad
