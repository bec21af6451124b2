"""The closed vocabularies of a case and a report, each value with an English and Dutch label.

The string values are the ones used in case files and JSON reports; they never change
meaning within a ``schema_version``.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from .text import Text


class Vocabulary(str, Enum):
    """An enumeration whose members carry a bilingual :attr:`label`."""

    @property
    def label(self) -> Text:
        """How the value reads in a report."""
        return _LABELS.get(self, Text(self.value.replace("_", " "), self.value.replace("_", " ")))

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


class Power(Vocabulary):
    """A party's market power relative to the other parties."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    DOMINANT = "dominant"


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


_LABELS: dict[Vocabulary, Text] = {
    Role.CUSTOMER: Text("customer", "klant"),
    Role.SUPPLIER: Text("supplier", "leverancier"),
    Size.MICRO: Text("micro", "micro"),
    Size.SMALL: Text("small", "klein"),
    Size.MEDIUM: Text("medium-sized", "middelgroot"),
    Size.LARGE: Text("large", "groot"),
    Reach.LOCAL: Text("local", "lokaal"),
    Reach.REGIONAL: Text("regional", "regionaal"),
    Reach.NATIONAL: Text("national", "nationaal"),
    Reach.INTERNATIONAL: Text("international", "internationaal"),
    Reach.GLOBAL: Text("global", "wereldwijd"),
    Attitude.COOPERATIVE: Text("cooperative", "coöperatief"),
    Attitude.NEUTRAL: Text("neutral", "neutraal"),
    Attitude.OPPORTUNISTIC: Text("opportunistic", "opportunistisch"),
    Attitude.HOSTILE: Text("hostile", "vijandig"),
    Power.LOW: Text("low", "laag"),
    Power.MEDIUM: Text("medium", "gemiddeld"),
    Power.HIGH: Text("high", "hoog"),
    Power.DOMINANT: Text("dominant", "dominant"),
    Replaceability.EASY: Text("easy to replace", "makkelijk vervangbaar"),
    Replaceability.MODERATE: Text("replaceable with effort", "met moeite vervangbaar"),
    Replaceability.HARD: Text("hard to replace", "moeilijk vervangbaar"),
    Replaceability.IRREPLACEABLE: Text("irreplaceable", "onvervangbaar"),
    InterestKind.NEED: Text("need", "behoefte"),
    InterestKind.WISH: Text("wish", "wens"),
    InterestKind.HESITATION: Text("hesitation", "aarzeling"),
    Direction.MINIMISE: Text("minimise", "minimaliseren"),
    Direction.MAXIMISE: Text("maximise", "maximaliseren"),
    Direction.ACHIEVE: Text("achieve", "bereiken"),
    Direction.KEEP: Text("keep", "behouden"),
    Horizon.SHORT: Text("short term", "korte termijn"),
    Horizon.MEDIUM: Text("medium term", "middellange termijn"),
    Horizon.LONG: Text("long term", "lange termijn"),
    Net.POSITIVE: Text("net positive", "netto positief"),
    Net.NEUTRAL: Text("neutral", "neutraal"),
    Net.NEGATIVE: Text("net negative", "netto negatief"),
    Net.UNKNOWN: Text("unknown", "onbekend"),
    DeliveryKind.PRODUCT: Text("product", "product"),
    DeliveryKind.SERVICE: Text("service", "dienst"),
    DeliveryKind.MIXED: Text("product and service", "product en dienst"),
    Standardisation.COMMODITY: Text("commodity", "commodity"),
    Standardisation.STANDARD: Text("standard", "standaard"),
    Standardisation.CONFIGURABLE: Text("configurable", "configureerbaar"),
    Standardisation.BESPOKE: Text("bespoke", "maatwerk"),
    Level.LOW: Text("low", "laag"),
    Level.MEDIUM: Text("medium", "gemiddeld"),
    Level.HIGH: Text("high", "hoog"),
    Posture.OPEN: Text("open and trusting", "open en vertrouwend"),
    Posture.BUSINESSLIKE: Text("businesslike", "zakelijk"),
    Posture.DEFENSIVE: Text("defensive", "defensief"),
    Phase.EXPLORING: Text("exploring", "verkennen"),
    Phase.SELECTING: Text("selecting", "selecteren"),
    Phase.CONTRACTING: Text("contracting", "contracteren"),
    Phase.TRANSITION: Text("transition", "transitie"),
    Phase.OPERATING: Text("operating", "uitvoering"),
    Phase.RESTRUCTURING: Text("restructuring", "herinrichting"),
    Phase.EXITING: Text("exiting", "afbouw"),
    Conduct.LATE_PAYMENT: Text("pays late", "betaalt laat"),
    Conduct.DEMANDS_FREE_EXTRAS: Text("demands free extras", "eist gratis extra's"),
    Conduct.NO_FOLLOW_UP_WORK: Text("gives no follow-up work", "geeft geen vervolgopdrachten"),
    Conduct.MINIMAL_EFFORT: Text("makes minimal effort", "levert minimale inspanning"),
    Conduct.WITHHOLDS_INFORMATION: Text("withholds information", "houdt informatie achter"),
    Conduct.SHARES_INFORMATION: Text("shares information", "deelt informatie"),
    Conduct.INVESTS_IN_RELATIONSHIP: Text(
        "invests in the relationship", "investeert in de relatie"
    ),
    Status.UPHELD: Text("upheld", "nageleefd"),
    Status.AT_RISK: Text("at risk", "in gevaar"),
    Status.VIOLATED: Text("violated", "geschonden"),
    Status.NOT_APPLICABLE: Text("not applicable", "niet van toepassing"),
    Status.UNDETERMINED: Text("undetermined", "onbepaald"),
    Status.ERROR: Text("error", "fout"),
    Severity.NONE: Text("none", "geen"),
    Severity.INFO: Text("info", "info"),
    Severity.LOW: Text("low", "laag"),
    Severity.MEDIUM: Text("medium", "gemiddeld"),
    Severity.HIGH: Text("high", "hoog"),
    Severity.CRITICAL: Text("critical", "kritiek"),
    Outcome.HELD: Text("held", "voldaan"),
    Outcome.FAILED: Text("failed", "niet voldaan"),
    Outcome.UNKNOWN: Text("unknown", "onbekend"),
}


@cache
def _rank(kind: type[Vocabulary], value: str) -> int:
    # Keyed by type and value: str-enum members of different vocabularies compare equal
    # when their values do ("low"), so the member itself is no safe cache key.
    return [m.value for m in kind].index(value)
