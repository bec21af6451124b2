"""The closed vocabularies of a case and a report, each value with an English and Dutch label.

The string values are the ones used in case files and JSON reports; they never change
meaning within a ``schema_version``.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from .glossary import value_label
from .text import Text


class Vocabulary(str, Enum):
    """An enumeration whose members carry a bilingual :attr:`label`."""

    @property
    def label(self) -> Text:
        """How the value reads in a report (from :mod:`collabrules.model.glossary`)."""
        # By vocabulary name and value: str-enum members of different vocabularies compare
        # equal when their values do (Size.MEDIUM == Level.MEDIUM), so no dict of members.
        label = value_label(type(self).__name__, self.value)
        if label is None:
            words = self.value.replace("_", " ")
            return Text(words, words)
        return label

    @property
    def rank(self) -> int:
        """Position in declaration order; ordered vocabularies compare by it."""
        return _rank(type(self), self.value)


class Role(Vocabulary):
    """A party's role in the relationship."""

    CUSTOMER = "customer"
    SUPPLIER = "supplier"


class Size(Vocabulary):
    """How large an organisation is."""

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class Reach(Vocabulary):
    """How far an organisation's market reaches."""

    LOCAL = "local"
    REGIONAL = "regional"
    NATIONAL = "national"
    INTERNATIONAL = "international"
    GLOBAL = "global"


class Attitude(Vocabulary):
    """How a party behaves towards this relationship."""

    COOPERATIVE = "cooperative"
    NEUTRAL = "neutral"
    OPPORTUNISTIC = "opportunistic"
    HOSTILE = "hostile"


ADVERSARIAL_ATTITUDES = (Attitude.HOSTILE, Attitude.OPPORTUNISTIC)
"""The attitudes of an adversary: it works against the relationship, not with it."""


class Power(Vocabulary):
    """A party's market power relative to the other parties."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    DOMINANT = "dominant"


STRONG_POWER = (Power.HIGH, Power.DOMINANT)
"""Power enough over the other party to make an adversary dangerous."""
DOMINANT_POWER = (Power.DOMINANT,)
"""Power to dictate terms ("high" power is strong, not dominant)."""


class Replaceability(Vocabulary):
    """How easily the other parties could replace this party."""

    EASY = "easy"
    MODERATE = "moderate"
    HARD = "hard"
    IRREPLACEABLE = "irreplaceable"


class InterestKind(Vocabulary):
    """The kind of driver behind a party's behaviour."""

    NEED = "need"
    WISH = "wish"
    HESITATION = "hesitation"


class Direction(Vocabulary):
    """Which way a goal pushes its topic."""

    MINIMISE = "minimise"
    MAXIMISE = "maximise"
    ACHIEVE = "achieve"
    KEEP = "keep"


class Horizon(Vocabulary):
    """The time horizon of a goal or target."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Net(Vocabulary):
    """The net value of an expected benefit."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class DeliveryKind(Vocabulary):
    """What is delivered."""

    PRODUCT = "product"
    SERVICE = "service"
    MIXED = "mixed"


class Standardisation(Vocabulary):
    """How standard the delivery is."""

    COMMODITY = "commodity"
    STANDARD = "standard"
    CONFIGURABLE = "configurable"
    BESPOKE = "bespoke"


class Level(Vocabulary):
    """A three-step scale used for complexity, risk, uncertainty, importance, trust."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Posture(Vocabulary):
    """How the perspective party conducts itself in the relationship design."""

    OPEN = "open"
    BUSINESSLIKE = "businesslike"
    DEFENSIVE = "defensive"


class Phase(Vocabulary):
    """The relationship's lifecycle phase."""

    EXPLORING = "exploring"
    SELECTING = "selecting"
    CONTRACTING = "contracting"
    TRANSITION = "transition"
    OPERATING = "operating"
    RESTRUCTURING = "restructuring"
    EXITING = "exiting"


class Conduct(Vocabulary):
    """Observed behaviour of a party in the relationship."""

    LATE_PAYMENT = "late_payment"
    DEMANDS_FREE_EXTRAS = "demands_free_extras"
    NO_FOLLOW_UP_WORK = "no_follow_up_work"
    MINIMAL_EFFORT = "minimal_effort"
    WITHHOLDS_INFORMATION = "withholds_information"
    SHARES_INFORMATION = "shares_information"
    INVESTS_IN_RELATIONSHIP = "invests_in_relationship"


class Status(Vocabulary):
    """A finding's verdict."""

    UPHELD = "upheld"
    AT_RISK = "at_risk"
    VIOLATED = "violated"
    NOT_APPLICABLE = "not_applicable"
    UNDETERMINED = "undetermined"
    ERROR = "error"


class Severity(Vocabulary):
    """How much a finding matters, from ``none`` to ``critical`` (ordered)."""

    NONE = "none"
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Outcome(Vocabulary):
    """The outcome of one condition a principle checks."""

    HELD = "held"
    FAILED = "failed"
    UNKNOWN = "unknown"


@cache
def _rank(kind: type[Vocabulary], value: str) -> int:
    # Keyed by type and value: str-enum members of different vocabularies compare equal
    # when their values do ("low"), so the member itself is no safe cache key.
    return [m.value for m in kind].index(value)
