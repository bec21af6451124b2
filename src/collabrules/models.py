"""Collaboration models: the taxonomy a recommendation is chosen from."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .finding import Possibility
from .text import Text
from .vocab import Level


@attrs.frozen(kw_only=True)
class Stage:
    """One step on the path to a collaboration model: what it establishes, how long."""

    name: Text
    establishes: Text
    months: float


@attrs.frozen(kw_only=True)
class CollaborationModel:
    """A type of customer/supplier collaboration, with the trust and governance it needs.

    ``depth`` orders models from transactional (0) to the deepest collaboration; an
    ``adversarial`` model (defensive) stands outside that scale.
    """

    id: str
    name: Text
    description: Text
    depth: int
    trust: Level
    governance: tuple[str, ...]
    build_months: float
    stages: tuple[Stage, ...] = ()
    adversarial: bool = False
    taxonomy: str = "standard"
    frameworks: tuple[str, ...] = ()


@attrs.frozen
class Taxonomy:
    """The models one engine recommends from, by id."""

    name: str
    models: Mapping[str, CollaborationModel]

    def get(self, model_id: str | None) -> CollaborationModel | None:
        """The model with this id, or ``None``."""
        return self.models.get(model_id) if model_id else None

    def by_depth(self) -> list[CollaborationModel]:
        """The non-adversarial models, shallowest first."""
        return sorted(
            (m for m in self.models.values() if not m.adversarial), key=lambda m: (m.depth, m.id)
        )


@attrs.frozen(kw_only=True)
class ModelRecommendation:
    """The model that fits the case, why, the gap from the model in use, and the path.

    ``model`` is ``None`` when the facts do not settle it: then ``missing`` names the facts
    that decide, ``possible`` the models each completion of them leads to, and no move is
    advised. ``settled_over`` names missing facts the advice holds for whatever they are.
    """

    model: str | None
    name: Text
    why: tuple[Text, ...]
    current: str | None
    gap: Text
    path: tuple[Stage, ...] = ()
    trust: Level | None = None
    governance: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    possible: tuple[Possibility, ...] = ()
    settled_over: tuple[str, ...] = ()
