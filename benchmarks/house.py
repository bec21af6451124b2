"""Generated house principles, to measure how the cost grows with the principle set.

Each generated principle looks like a typical house rule: an applicability gate on the
relationship phase, two checks on case fields (one citing facts) and one on a shared
signal. They are plugin objects for ``Engine(plugins=[...])`` only, never installed.
"""

from __future__ import annotations

from typing import Any

from collabrules import hookimpl
from collabrules.model.principle import Observation, Principle
from collabrules.model.text import Text
from collabrules.model.vocab import Level, Phase, Severity, Status
from collabrules.pipeline.assessment import Assessment

_PHASES = (Phase.EXITING,)


def _assess_for(number: int) -> Any:
    """The ``assess`` function of house principle ``number``."""
    strict = number % 2 == 0

    def assess(a: Assessment) -> None:
        case = a.case
        relationship = case.relationship
        phase = relationship.phase if relationship else None
        a.applies("not_exiting", None if phase is None else phase not in _PHASES,
                  Text("the relationship is not being wound down",
                       "de relatie wordt niet afgebouwd"),
                  facts=(a.fact("$.relationship.phase", phase),))
        trust = relationship.trust if relationship else None
        a.check("trust_not_low", None if trust is None else trust is not Level.LOW,
                Text("trust is not low", "het vertrouwen is niet laag"),
                effect=Status.VIOLATED if strict else Status.AT_RISK,
                facts=(a.fact("$.relationship.trust", trust),),
                action=Text("Invest in trust first.", "Investeer eerst in vertrouwen."))
        delivery = case.delivery
        risk = delivery.risk if delivery else None
        a.check("risk_known", None if risk is None else risk is not Level.HIGH,
                Text("the delivery risk is not high", "het leveringsrisico is niet hoog"),
                facts=(a.fact("$.delivery.risk", risk),))
        benefit = a.signal("counterpart_benefit").value
        a.check("counterpart_gains", None if benefit is None else benefit != "negative",
                Text("the other party does not lose", "de andere partij verliest niet"),
                signals=("counterpart_benefit",))

    return assess


def house_principles(count: int) -> tuple[Principle, ...]:
    """``count`` generated principles, codes ``HB1`` .. ``HB<count>``."""
    return tuple(
        Principle(
            code=f"HB{n}",
            slug=f"house-rule-{n}",
            theme=Text("House rule", "Huisregel"),
            title=Text(f"House rule {n}", f"Huisregel {n}"),
            observation=Observation(Text("A generated rule.", "Een gegenereerde regel.")),
            statement=Text(f"Generated rule {n}.", f"Gegenereerde regel {n}."),
            checks=Text("Trust, risk, the other party's gain.",
                        "Vertrouwen, risico, het voordeel van de andere partij."),
            assess=_assess_for(n),
            source="benchmark",
            severity=Severity.MEDIUM,
        )
        for n in range(1, count + 1)
    )


class HousePlugin:
    """A plugin object contributing ``count`` generated principles."""

    collabrules_distribution = "benchmark"
    collabrules_version = "0"

    def __init__(self, count: int) -> None:
        self.__name__ = f"house{count}"
        self._principles = house_principles(count)

    @hookimpl
    def collabrules_add_principles(self, register: Any) -> None:
        """Register the generated principles."""
        for principle in self._principles:
            register(principle)
