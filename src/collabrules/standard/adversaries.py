"""CR07 Not everyone is a friend: organise to work with adversaries as adversaries.

Anti-pattern: an open, trusting, friendly design towards a party that behaves
opportunistically or with hostility, or that holds the power to impose its will.
Best practice: fit the relationship type to the attitude and power of the parties; where
needed, work together as adversaries: a strong contract, legal and negotiation capacity
and an exit plan.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..hookspecs import hookimpl
from ..principle import Example, Observation, Principle
from ..registry import PrincipleRegistrar
from ..text import Text
from ..vocab import Attitude, Posture, Severity, Status
from .evidence import cite

DEEP = 2
_ADVERSARIAL = (Attitude.HOSTILE, Attitude.OPPORTUNISTIC)
_DEFENCES = ("legal_capacity", "exit_plan", "price_guarantee")


def assess(a: Assessment) -> None:
    """Against an adversarial counterpart: no open design, and defences in place."""
    relationship = a.case.relationship
    adversaries = a.signal("adversarial_counterpart").value
    posture = relationship.posture if relationship else None
    used = a.signal("model_in_use").value
    fits: bool | None = None
    if adversaries is not None and not adversaries:
        fits = True
    elif adversaries:
        open_posture = None if posture is None else posture is Posture.OPEN
        deep = None if used is None else (used["depth"] >= DEEP and not used["adversarial"])
        if open_posture or deep:
            fits = False
        elif open_posture is False and deep is False:
            fits = True
    a.check(
        "design_fits_attitude",
        fits,
        Text("an opportunistic or hostile counterpart is not met with an open, trusting, "
             "deeply collaborative design",
             "een opportunistische of vijandige tegenpartij wordt niet tegemoet getreden met "
             "een open, vertrouwende, diep samenwerkende inrichting"),
        effect=Status.VIOLATED,
        facts=(a.fact("$.relationship.posture", posture),
               *cite(a, "adversarial_counterpart", "model_in_use")),
        signals=("adversarial_counterpart", "model_in_use"),
        action=Text(
            "Organise to work with {who} as an adversary: a strong contract, legal and "
            "negotiation capacity and an exit plan; limit openness to what the contract "
            "needs.",
            "Richt u erop in om met {who} als tegenstander samen te werken: een sterk "
            "contract, juridische en onderhandelingscapaciteit en een exitplan; beperk de "
            "openheid tot wat het contract vraagt.").format(
                who=[p.name for p in a.case.others if p.attitude in _ADVERSARIAL]
                or Text("the other party", "de andere partij")),
    )
    if not adversaries:
        return
    dominance = a.signal("counterpart_dominance").value
    safeguards = relationship.safeguards if relationship else None
    values = [getattr(safeguards, d) if safeguards else None for d in _DEFENCES]
    defended: bool | None = False if False in values else (True if all(values) else None)
    a.check(
        "defences_in_place",
        defended,
        Text("against an adversarial counterpart, legal capacity, an exit plan and a price "
             "guarantee are in place",
             "tegenover een vijandige tegenpartij zijn juridische capaciteit, een exitplan "
             "en een prijsgarantie geregeld"),
        effect=Status.VIOLATED if dominance else Status.AT_RISK,
        effect_decided_by=a.signal("counterpart_dominance").missing,
        facts=tuple(a.fact(f"$.relationship.safeguards.{d}", v)
                    for d, v in zip(_DEFENCES, values)) + cite(a, "counterpart_dominance"),
        signals=("counterpart_dominance",),
        action=Text(
            "Build a line of defence: lawyers and contract negotiators on call, a price "
            "guarantee with payment terms and penalties, and an exit plan that reduces "
            "dependence on this party.",
            "Bouw een verdedigingslinie: juristen en contractonderhandelaars beschikbaar, een "
            "prijsgarantie met betalingstermijnen en boetes, en een exitplan dat de "
            "afhankelijkheid van deze partij verkleint."),
    )


PRINCIPLE = Principle(
    code="CR07",
    slug="not-everyone-is-a-friend",
    theme=Text("Not everyone is a friend", "Niet iedereen is een vriend"),
    title=Text("Work with adversaries as adversaries",
               "Werk met tegenstanders als tegenstanders"),
    observation=Observation(Text(
        "Friendly ties are what we prefer, but conflicting interests, changed "
        "circumstances or the balance of power can leave a party unable to act as "
        "anything other than an opponent.",
        "Vriendschappelijke banden hebben onze voorkeur, maar strijdige belangen, "
        "veranderde omstandigheden of de machtsverhoudingen kunnen een partij dwingen zich "
        "als tegenstander te gedragen.")),
    statement=Text(
        "Choose the type of relationship that fits the nature and attitude of the "
        "contracting parties and, where needed, organise yourself to work together as "
        "adversaries.",
        "Kies de vorm van relatie die past bij de aard en houding van de contractpartijen "
        "en richt u, waar nodig, erop in om als tegenstanders samen te werken."),
    checks=Text(
        "An opportunistic or hostile counterpart met with an open posture or a deeply "
        "collaborative model; against such a counterpart, whether legal capacity, an exit "
        "plan and a price guarantee exist (a violation when it also holds dominant power "
        "or cannot be replaced).",
        "Een opportunistische of vijandige tegenpartij die tegemoet wordt getreden met een "
        "open houding of een diep samenwerkend model; tegenover zo'n tegenpartij, of er "
        "juridische capaciteit, een exitplan en een prijsgarantie zijn (een schending als "
        "zij ook dominante macht heeft of onvervangbaar is)."),
    assess=assess,
    severity=Severity.HIGH,
    examples=(
        Example(False, Text(
            "A supplier shares its books openly with a monopolist customer that pays late "
            "and demands free extras.",
            "Een leverancier deelt zijn boeken open met een monopolistische klant die laat "
            "betaalt en gratis extra's eist.")),
        Example(True, Text(
            "The same supplier keeps a lawyer and a negotiator on the account, agrees "
            "penalties on late payment and develops other customers.",
            "Dezelfde leverancier zet een jurist en een onderhandelaar op het account, "
            "spreekt boetes op late betaling af en ontwikkelt andere klanten.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR07 Not everyone is a friend."""
    register(PRINCIPLE)
