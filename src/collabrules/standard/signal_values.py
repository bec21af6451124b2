"""The typed values of the standard signals, and the depth scale they are measured on.

A principle reads these by attribute (``used.depth``, ``alignment.shared``); reports and
expressions see them as plain data (:func:`collabrules.model.signals.plain`), so the field
names here are the keys a report shows and a JMESPath expression reads.
"""

from __future__ import annotations

from enum import Enum, IntEnum

import attrs

from ..model.records import shared_repr

Names = tuple[str, ...]
"""Labels or case paths, in a stable order (``()`` = none)."""


class Depth(IntEnum):
    """The depth of collaboration in the standard taxonomy (defensive counts as 0)."""

    TRANSACTIONAL = 0
    PERFORMANCE_BASED = 1
    COLLABORATIVE = 2
    STRATEGIC_ALLIANCE = 3


MAX_REQUIRED_DEPTH = Depth.COLLABORATIVE
"""The deepest a delivery calls for by itself; an alliance needs more than the delivery."""


class Quadrant(str, Enum):
    """Kraljic's quadrant of a delivery: supply risk x profit impact."""

    NON_CRITICAL = "non_critical"
    LEVERAGE = "leverage"
    BOTTLENECK = "bottleneck"
    STRATEGIC = "strategic"


@attrs.frozen
@shared_repr
class ModelInUse:
    """The collaboration model in use, as the standard taxonomy describes it."""

    id: str
    depth: Depth
    adversarial: bool

    @property
    def deep(self) -> bool:
        """A non-adversarial model of collaborative depth or deeper."""
        return self.depth >= Depth.COLLABORATIVE and not self.adversarial


@attrs.frozen
@shared_repr
class GoalAlignment:
    """Topic axes on which the parties' goals point the same way or opposite ways."""

    shared: Names
    conflicting: Names


@attrs.frozen
@shared_repr
class CapabilityFit:
    """Capabilities one side offers that the other needs, both ways, and those both offer.

    Each part is ``None`` while a list it is made of is left out: a direction needs the
    giving side's offer and the receiving side's needs, the overlap only the offers.
    """

    they_give_us: Names | None
    we_give_them: Names | None
    overlap: Names | None


@attrs.frozen
@shared_repr
class ResistanceState:
    """Recorded resistance: how much, what was not investigated, which rational objections
    remain unaddressed; ``unknown`` and ``unweighed`` are the paths that would tell."""

    count: int
    uninvestigated: Names
    unknown: Names
    rational_unaddressed: Names
    unweighed: Names
