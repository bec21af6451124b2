"""Collaboration models: the taxonomy a recommendation is chosen from."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .case import Relationship
from .finding import Possibility
from .records import shared_repr
from .text import Text
from .vocab import Level


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Stage:
    """One step on the path to a collaboration model: what it establishes, how long."""

    name: Text
    establishes: Text
    months: float


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class CollaborationModel:
    """A type of customer/supplier collaboration, with the trust and governance it needs.

    ``depth`` orders models from transactional (0) to the deepest collaboration; an
    ``adversarial`` model (defensive) stands outside that scale. ``implies`` is the
    relationship design choosing the model brings (posture, safeguards, governance,
    development); ``None`` means choosing it only sets the model id. It never holds the
    facts of a relationship (trust, label, phase, resistance): the trust a model needs is
    ``trust``, a requirement, not a fact.
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
    implies: Relationship | None = attrs.field(default=None)

    @implies.validator
    def _design_only(self, attribute: attrs.Attribute[Relationship | None],
                     value: Relationship | None) -> None:
        facts = [name for name in FACTS if value is not None and getattr(value, name) is not None]
        if facts:
            raise ValueError(f"model {self.id!r}: 'implies' may describe posture, safeguards, "
                             f"governance and development only, not {', '.join(facts)}")


FACTS = ("model", "label", "trust", "resistance", "phase")


@attrs.frozen(slots=False)
@shared_repr
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

    def ordered(self) -> list[CollaborationModel]:
        """Every model: the depth scale shallowest first, then the adversarial ones."""
        return self.by_depth() + sorted(
            (m for m in self.models.values() if m.adversarial), key=lambda m: m.id)

    def path(self, current_id: str | None, target: CollaborationModel) -> tuple[Stage, ...]:
        """The stages from the model with ``current_id`` to ``target``.

        Deepening passes through every model in between; a switch to or from an
        adversarial model, a lighter model or an unknown start takes the target's stages.
        """
        current = self.get(current_id)
        if current is not None and current.id == target.id:
            return ()
        if current is None or current.adversarial or target.adversarial \
                or target.depth <= current.depth:
            return target.stages
        return tuple(stage for model in self.by_depth()
                     if current.depth < model.depth <= target.depth for stage in model.stages)


@attrs.frozen(kw_only=True)
@shared_repr
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
