"""CR07 Not everyone is a friend: organise to work with adversaries as adversaries.

Anti-pattern: an open, trusting, friendly design towards a party that behaves
opportunistically or with hostility, or that holds the power to impose its will.
Best practice: fit the relationship type to the attitude and power of the parties; where
needed, work together as adversaries: a strong contract, legal and negotiation capacity
and an exit plan.
"""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.principle import Example, Observation, Principle
from ...model.text import Text
from ...model.vocab import Attitude, Posture, Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..settle import either

DEEP = 2
_ADVERSARIAL = (Attitude.HOSTILE, Attitude.OPPORTUNISTIC)


def assess(a: Assessment) -> None:
    """Against an adversarial or dominant counterpart: a guarded design with protection."""
    relationship = a.case.relationship
    adversaries = a.signal("adversarial_counterpart").value
    dominance = a.signal("counterpart_dominance").value
    if not a.applies(
        "adversary_or_dominant_counterpart",
        either(adversaries, dominance),
        Text("another party behaves opportunistically or with hostility, or holds the power "
             "to impose its will (dominant or irreplaceable)",
             "een andere partij gedraagt zich opportunistisch of vijandig, of heeft de macht "
             "om haar wil op te leggen (dominant of onvervangbaar)"),
        facts=cite(a, "adversarial_counterpart", "counterpart_dominance"),
        signals=("adversarial_counterpart", "counterpart_dominance"),
    ):
        return
    posture = relationship.posture if relationship else None
    open_posture = None if posture is None else posture is Posture.OPEN
    defence_facts = cite(a, "protection")
    protected = a.signal("protection").value
    if adversaries == []:
        guarded = True if open_posture is False or protected else None
        if open_posture and protected is False:
            guarded = False
        a.check(
            "guarded_towards_power",
            guarded,
            Text("a counterpart that holds the power is met either without an open, trusting "
                 "stance or with protection in place (legal capacity, an exit plan or a price "
                 "guarantee)",
                 "een tegenpartij met macht wordt tegemoet getreden zonder open, vertrouwende "
                 "houding of met bescherming (juridische capaciteit, een exitplan of een "
                 "prijsgarantie)"),
            facts=(a.fact("$.relationship.posture", posture), *defence_facts,
                   *cite(a, "counterpart_dominance")),
            signals=("counterpart_dominance", "protection"),
            action=Text(
                "Do not rely on the goodwill of {who}: agree a price guarantee, prepare an "
                "exit plan and keep legal capacity at hand before opening up.",
                "Vertrouw niet op de goede wil van {who}: spreek een prijsgarantie af, "
                "bereid een exitplan voor en houd juridische capaciteit achter de hand "
                "voordat u zich openstelt.").format(
                    who=", ".join(dominance or ()) or Text("the other party",
                                                         "de andere partij")),
        )
        return
    used = a.signal("model_in_use").value
    fits: bool | None = None
    deep = None if used is None else (used["depth"] >= DEEP and not used["adversarial"])
    if adversaries is None:
        # Powerful, attitude unknown: both readings must agree before deciding.
        a.check(
            "guarded_whatever_the_attitude",
            False if open_posture and protected is False else (
                True if open_posture is False and deep is False and protected else None),
            Text("a counterpart that holds the power is met with a guarded design and some "
                 "protection, whatever its attitude turns out to be",
                 "een tegenpartij met macht wordt tegemoet getreden met een behoedzame "
                 "inrichting en enige bescherming, welke houding zij ook blijkt te hebben"),
            facts=(a.fact("$.relationship.posture", posture), *defence_facts,
                   *cite(a, "adversarial_counterpart", "model_in_use")),
            signals=("adversarial_counterpart", "model_in_use", "counterpart_dominance",
                     "protection"),
            action=Text(
                "Find out how the other party behaves, and meanwhile agree a price "
                "guarantee, prepare an exit plan and keep openness to what the contract "
                "needs.",
                "Zoek uit hoe de andere partij zich gedraagt, en spreek intussen een "
                "prijsgarantie af, bereid een exitplan voor en beperk de openheid tot wat "
                "het contract vraagt."),
        )
        return
    if open_posture or deep:
        fits = False
    elif open_posture is False and deep is False:
        fits = True
    a.check(
        "design_fits_attitude",
        fits,
        Text("an opportunistic or hostile counterpart is met with a guarded design: no open, "
             "trusting posture and no deeply collaborative model",
             "een opportunistische of vijandige tegenpartij wordt tegemoet getreden met een "
             "behoedzame inrichting: geen open, vertrouwende houding en geen diep "
             "samenwerkend model"),
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
    a.check(
        "defences_in_place",
        protected,
        Text("against an adversarial counterpart, some protection is in place: legal "
             "capacity, an exit plan or a price guarantee",
             "tegenover een vijandige tegenpartij is er enige bescherming: juridische "
             "capaciteit, een exitplan of een prijsgarantie"),
        effect=Status.VIOLATED if dominance else Status.AT_RISK,
        effect_decided_by=a.signal("counterpart_dominance").missing,
        facts=defence_facts + cite(a, "counterpart_dominance"),
        signals=("counterpart_dominance", "protection"),
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
        "Applies when another party is opportunistic or hostile, or holds dominant power or "
        "cannot be replaced. Such an adversary met with an open posture or a deeply "
        "collaborative model is a violation; against it, at least one protection (legal "
        "capacity, an exit plan, a price guarantee) must be in place (a violation when it "
        "also holds the power). A powerful counterpart nobody called hostile, met with an "
        "open, trusting stance and no protection at all, is at risk.",
        "Geldt als een andere partij opportunistisch of vijandig is, of dominante macht "
        "heeft of onvervangbaar is. Zo'n tegenpartij tegemoet treden met een open houding "
        "of een diep samenwerkend model is een schending; ertegenover moet minstens één "
        "bescherming (juridische capaciteit, een exitplan, een prijsgarantie) geregeld zijn "
        "(een schending als zij ook de macht heeft). Een machtige tegenpartij die niemand "
        "vijandig noemde, tegemoet getreden met een open, vertrouwende houding zonder enige "
        "bescherming, is in gevaar."),
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
