"""The standard collaboration-model taxonomy, shipped as data (``models.json``).

The models run from transactional (formal guarantees suffice) through performance-based
and collaborative to a strategic alliance, plus ``defensive`` for adversarial
counterparts. An organisation replaces or extends them with its own plugin through
``collabrules_add_models`` (``replaces=True`` for a model with the same id).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..host.hookspecs import hookimpl
from ..host.registry import ModelRegistrar
from ..model.case import Development, Governance, Relationship, Safeguards
from ..model.models import CollaborationModel, Stage
from ..model.text import Text
from ..model.vocab import Level, Posture

DATA = "models.json"


def _text(data: dict[str, str]) -> Text:
    return Text(data["en"], data["nl"])


def model_from_data(data: dict[str, Any], taxonomy: str = "standard") -> CollaborationModel:
    """One model from its JSON form (see ``models.json``)."""
    return CollaborationModel(
        id=data["id"],
        name=_text(data["name"]),
        description=_text(data["description"]),
        depth=int(data["depth"]),
        trust=Level(data["trust"]),
        governance=tuple(data["governance"]),
        build_months=float(data["build_months"]),
        stages=tuple(Stage(name=_text(s["name"]), establishes=_text(s["establishes"]),
                           months=float(s["months"])) for s in data.get("stages", ())),
        adversarial=bool(data.get("adversarial", False)),
        taxonomy=taxonomy,
        frameworks=tuple(data.get("frameworks", ())),
        implies=implied_design(data["implies"]) if "implies" in data else None,
    )


def implied_design(data: dict[str, Any]) -> Relationship:
    """The relationship design a model brings, from its JSON form (``implies``).

    The form is a partial case ``relationship``: ``posture``, ``safeguards``,
    ``governance`` and ``development``; any other key is rejected.
    """
    extra = sorted(set(data) - {"posture", "safeguards", "governance", "development"})
    if extra:
        raise ValueError(f"'implies' may not set {', '.join(extra)}: only posture, safeguards, "
                         "governance and development")
    development: dict[str, Any] | None = data.get("development")
    return Relationship(
        posture=Posture(data["posture"]) if "posture" in data else None,
        safeguards=Safeguards(**data["safeguards"]) if "safeguards" in data else None,
        governance=Governance(**data["governance"]) if "governance" in data else None,
        development=None if development is None else Development(**{
            k: tuple(v) if k == "stages" else v for k, v in development.items()}),  # type: ignore[arg-type]
    )


@cache
def standard_models() -> tuple[CollaborationModel, ...]:
    """The shipped models, read once per process."""
    raw = json.loads(resources.files(__package__).joinpath(DATA).read_text("utf-8"))
    return tuple(model_from_data(m, raw["taxonomy"]) for m in raw["models"])


@cache
def standard_model(model_id: str) -> CollaborationModel | None:
    """A shipped model by id, or ``None``."""
    return next((m for m in standard_models() if m.id == model_id), None)


@hookimpl
def collabrules_add_models(register: ModelRegistrar) -> None:
    """Register the standard taxonomy."""
    for model in standard_models():
        register(model)
