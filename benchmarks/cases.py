"""Seeded, realistic, schema-valid case documents for the benchmark.

Each case is two to four parties (one customer and one supplier at least) with goals,
departmental targets, expected benefits and conduct, a delivery and a relationship with
safeguards, governance and development. Optional fields are left out at random (a real
portfolio is incomplete), so every principle sees upheld, at-risk, violated and
undetermined cases. The same seed always gives the same documents.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TOPICS = ("price", "margin", "discount", "cleanliness", "quality", "innovation", "effort",
          "availability", "revenue", "cost", "scope", "safety")
DIRECTIONS = ("minimise", "maximise", "achieve", "keep")
HORIZONS = ("short", "medium", "long")
LEVELS = ("low", "medium", "high")
NETS = ("positive", "positive", "neutral", "negative", "unknown")
CONDUCT = ("late_payment", "demands_free_extras", "no_follow_up_work", "minimal_effort",
           "withholds_information", "shares_information", "invests_in_relationship")
DEPARTMENTS = ("procurement", "sales", "finance", "operations", "facilities", "it")
SECTORS = ("insurance", "rail transport", "facility services", "software", "logistics",
           "healthcare", "energy", "retail")
SAFEGUARDS = ("price_guarantee", "time_guarantee", "quality_guarantee", "service_levels",
              "penalties", "escalation", "exit_plan", "legal_capacity")
GOVERNANCE = ("mixed_teams", "knowledge_sharing", "joint_steering", "commercial_review",
              "open_book")


def _maybe(rng: random.Random, p: float = 0.85) -> bool:
    return rng.random() < p


def _goal(rng: random.Random) -> dict[str, Any]:
    goal: dict[str, Any] = {"topic": rng.choice(TOPICS)}
    if _maybe(rng, 0.9):
        goal["direction"] = rng.choice(DIRECTIONS)
    if _maybe(rng):
        goal["owner"] = rng.choice(DEPARTMENTS)
    if _maybe(rng):
        goal["horizon"] = rng.choice(HORIZONS)
    if _maybe(rng, 0.6):
        goal["disclosed"] = rng.random() < 0.5
    return goal


def _target(rng: random.Random) -> dict[str, Any]:
    topic = rng.choice(TOPICS)
    target: dict[str, Any] = {"department": rng.choice(DEPARTMENTS),
                              "target": f"{rng.randint(5, 30)}% {topic}"}
    if _maybe(rng):
        target["topic"] = topic
        target["direction"] = rng.choice(DIRECTIONS)
    if _maybe(rng, 0.5):
        target["horizon"] = rng.choice(HORIZONS)
    return target


def _party(rng: random.Random, index: int, role: str) -> dict[str, Any]:
    party: dict[str, Any] = {"id": f"p{index}", "name": f"Party {index} {role}", "role": role}
    optional: dict[str, Any] = {
        "size": rng.choice(("micro", "small", "medium", "large")),
        "reach": rng.choice(("local", "regional", "national", "international", "global")),
        "sector": rng.choice(SECTORS),
        "attitude": rng.choice(("cooperative", "neutral", "opportunistic", "hostile")),
        "power": rng.choice(("low", "medium", "high", "dominant")),
        "replaceability": rng.choice(("easy", "moderate", "hard", "irreplaceable")),
        "interests": [{"description": "continuity of supply", "kind": rng.choice(
            ("need", "wish", "hesitation")), "disclosed": rng.random() < 0.5}
            for _ in range(rng.randint(0, 2))],
        "goals": [_goal(rng) for _ in range(rng.randint(0, 3))],
        "departmental_targets": [_target(rng) for _ in range(rng.randint(0, 2))],
        "capabilities_offered": rng.sample(("cleaning", "payment", "software", "volume",
                                            "know-how"), rng.randint(0, 2)),
        "capabilities_needed": rng.sample(("cleaning", "payment", "software", "volume",
                                           "know-how"), rng.randint(0, 2)),
        "expected_benefit": {"net": rng.choice(NETS), "description": "what it gains"},
        "conduct": rng.sample(CONDUCT, rng.randint(0, 2)),
    }
    for key, value in optional.items():
        if _maybe(rng):
            party[key] = value
    return party


def make_case(rng: random.Random, number: int) -> dict[str, Any]:
    """One valid case document (a plain JSON-ready mapping)."""
    roles = ["customer", "supplier"] + [rng.choice(("customer", "supplier"))
                                        for _ in range(rng.randint(0, 2))]
    rng.shuffle(roles)
    parties = [_party(rng, i, role) for i, role in enumerate(roles)]
    case: dict[str, Any] = {
        "schema_version": "1.0",
        "id": f"case-{number:07d}",
        "title": f"Relationship {number}",
        "perspective": rng.choice(parties)["id"],
        "parties": parties,
    }
    if _maybe(rng):
        case["delivery"] = {
            "kind": rng.choice(("product", "service", "mixed")),
            "description": "what is delivered",
            "standardisation": rng.choice(("commodity", "standard", "configurable", "bespoke")),
            "complexity": rng.choice(LEVELS), "risk": rng.choice(LEVELS),
            "uncertainty": rng.choice(LEVELS), "strategic_importance": rng.choice(LEVELS),
            "spend_impact": rng.choice(LEVELS),
            "annual_spend": rng.randint(10, 5000) * 1000, "currency": "EUR",
            "duration_months": rng.choice((12, 24, 36, 48, 60)),
        }
    if _maybe(rng):
        relationship: dict[str, Any] = {
            "model": rng.choice(("transactional", "collaborative", "performance-based")),
            "posture": rng.choice(("open", "businesslike", "defensive")),
            "trust": rng.choice(LEVELS),
            "safeguards": {k: rng.random() < 0.6 for k in SAFEGUARDS if _maybe(rng, 0.7)},
            "governance": {k: rng.random() < 0.5 for k in GOVERNANCE if _maybe(rng, 0.7)},
            "resistance": [{"who": "operations", "against": "the new model",
                            "reasons": ["workload"], "rational": rng.random() < 0.5,
                            "investigated": rng.random() < 0.5}
                           for _ in range(rng.randint(0, 1))],
            "phase": rng.choice(("exploring", "selecting", "contracting", "transition",
                                 "operating", "restructuring", "exiting")),
            "development": {"structured_process": rng.random() < 0.6,
                            "stages": ["pilot", "roll-out"],
                            "planned_months": rng.choice((1, 2, 6, 12)),
                            "done_at_signing": rng.random() < 0.3},
        }
        case["relationship"] = {k: v for k, v in relationship.items() if _maybe(rng)}
    return case


def iter_cases(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``count`` case documents from one seed."""
    rng = random.Random(seed)
    for number in range(count):
        yield make_case(rng, number)


def write_json_lines(path: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` cases as JSON Lines (one compact document per line)."""
    with path.open("w", encoding="utf-8") as handle:
        for case in iter_cases(count, seed):
            handle.write(json.dumps(case, separators=(",", ":")) + "\n")
    return path


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "case.schema.json"


def example_cases(count: int, seed: int = 7, drop: float = 0.0) -> Iterator[dict[str, Any]]:
    """``count`` cases cycling the bundled examples, each with a fresh id (the issue's
    portfolio); with ``drop`` > 0, each optional field (per the case schema, at any depth)
    is left out with that probability: a partial-facts portfolio."""
    import copy

    import yaml

    examples = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    schema = json.loads(SCHEMA.read_text("utf-8"))
    rng = random.Random(seed)
    for number in range(count):
        case = copy.deepcopy(examples[number % len(examples)])
        case["id"] = f"{case.get('id', 'case')}-{number}"
        if drop:
            _drop_optional(case, schema, schema, rng, drop)
        yield case


def _drop_optional(value: Any, node: dict[str, Any], schema: dict[str, Any],
                   rng: random.Random, p: float) -> None:
    """Leave out each optional property of ``value`` (described by schema ``node``) with
    probability ``p``, then do the same inside what is kept; ``id`` is always kept."""
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if isinstance(value, list):
        for item in value:
            _drop_optional(item, node.get("items", {}), schema, rng, p)
        return
    if not isinstance(value, dict):
        return
    required = set(node.get("required", ())) | {"id"}
    for option in node.get("anyOf", ()):  # one of these keeps it valid: keep the first
        required |= set(option.get("required", ())[:1])
        break
    properties = node.get("properties", {})
    for key in list(value):
        if key not in required and rng.random() < p:
            del value[key]
        elif key in properties:
            _drop_optional(value[key], properties[key], schema, rng, p)


def write_example_lines(path: Path, count: int, seed: int = 7, drop: float = 0.0) -> Path:
    """Write :func:`example_cases` as JSON Lines."""
    with path.open("w", encoding="utf-8") as handle:
        for case in example_cases(count, seed, drop):
            handle.write(json.dumps(case, separators=(",", ":")) + "\n")
    return path
