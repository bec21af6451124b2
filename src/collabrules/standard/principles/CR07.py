"""CR07 Not everyone is a friend: organise to work with adversaries as adversaries."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import is3
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import ADVERSARIAL_ATTITUDES, Posture, Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..settle import either

_ADVERSARY_OR_DOMINANT_COUNTERPART = Check(
    "adversary_or_dominant_counterpart",
    Text("another party behaves opportunistically or with hostility, or holds the power "
         "to impose its will (dominant or irreplaceable)",
         "een andere partij gedraagt zich opportunistisch of vijandig, of heeft de macht "
         "om haar wil op te leggen (dominant of onvervangbaar)"),
    applicability=True)

_GUARDED_TOWARDS_POWER = Check(
    "guarded_towards_power",
    Text("a counterpart that holds the power is met either without an open, trusting "
         "stance or with protection in place (legal capacity, an exit plan or a price "
         "guarantee)",
         "een tegenpartij met macht wordt tegemoet getreden zonder open, vertrouwende "
         "houding of met bescherming (juridische capaciteit, een exitplan of een "
         "prijsgarantie)"))

_GUARDED_WHATEVER_THE_ATTITUDE = Check(
    "guarded_whatever_the_attitude",
    Text("a counterpart that holds the power is met with a guarded design and some "
         "protection, whatever its attitude turns out to be",
         "een tegenpartij met macht wordt tegemoet getreden met een behoedzame "
         "inrichting en enige bescherming, welke houding zij ook blijkt te hebben"))

_DESIGN_FITS_ATTITUDE = Check(
    "design_fits_attitude",
    Text("an opportunistic or hostile counterpart is met with a guarded design: no open, "
         "trusting posture and no deeply collaborative model",
         "een opportunistische of vijandige tegenpartij wordt tegemoet getreden met een "
         "behoedzame inrichting: geen open, vertrouwende houding en geen diep "
         "samenwerkend model"))

_DEFENCES_IN_PLACE = Check(
    "defences_in_place",
    Text("against an adversarial counterpart, some protection is in place: legal "
         "capacity, an exit plan or a price guarantee",
         "tegenover een vijandige tegenpartij is er enige bescherming: juridische "
         "capaciteit, een exitplan of een prijsgarantie"))


@reads("$.relationship.posture", "$.parties[].attitude", "$.parties[].name",
       signals=("adversarial_counterpart", "counterpart_dominance", "protection",
                "model_in_use"))
def assess(a: Assessment) -> None:
    """Against an adversarial or dominant counterpart: a guarded design with protection."""
    relationship = a.case.relationship
    adversaries = a.signal("adversarial_counterpart").value
    dominance = a.signal("counterpart_dominance").value
    if not a.applies(
        _ADVERSARY_OR_DOMINANT_COUNTERPART.id,
        either(adversaries, dominance),
        _ADVERSARY_OR_DOMINANT_COUNTERPART.text,
        facts=cite(a, "adversarial_counterpart", "counterpart_dominance"),
        signals=("adversarial_counterpart", "counterpart_dominance"),
    ):
        return
    posture = relationship.posture if relationship else None
    open_posture = is3(posture, Posture.OPEN)
    defence_facts = cite(a, "protection")
    protected = a.signal("protection").value
    if adversaries == ():
        guarded = True if open_posture is False or protected else None
        if open_posture and protected is False:
            guarded = False
        a.check(
            _GUARDED_TOWARDS_POWER.id,
            guarded,
            _GUARDED_TOWARDS_POWER.text,
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
    deep = None if used is None else used.deep
    if adversaries is None:
        # Powerful, attitude unknown: both readings must agree before deciding.
        a.check(
            _GUARDED_WHATEVER_THE_ATTITUDE.id,
            False if open_posture and protected is False else (
                True if open_posture is False and deep is False and protected else None),
            _GUARDED_WHATEVER_THE_ATTITUDE.text,
            # an open, unprotected posture is at risk now and violated once the attitude
            # turns out adversarial (design_fits_attitude): the attitude decides the effect
            effect_decided_by=a.signal("adversarial_counterpart").missing,
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
    # DOMAIN: an adversary met openly *without protection* is the violation; an open or
    # deep design with protection in place is a risk (the protection is a defence).
    a.check(
        _DESIGN_FITS_ATTITUDE.id,
        fits,
        _DESIGN_FITS_ATTITUDE.text,
        effect=Status.VIOLATED if protected is False else Status.AT_RISK,
        effect_decided_by=a.signal("protection").missing,
        # the protection decides the effect, so the condition cites it too
        facts=(a.fact("$.relationship.posture", posture), *defence_facts,
               *cite(a, "adversarial_counterpart", "model_in_use")),
        signals=("adversarial_counterpart", "model_in_use", "protection"),
        action=Text(
            "Organise to work with {who} as an adversary: a strong contract, legal and "
            "negotiation capacity and an exit plan; limit openness to what the contract "
            "needs.",
            "Richt u erop in om met {who} als tegenstander samen te werken: een sterk "
            "contract, juridische en onderhandelingscapaciteit en een exitplan; beperk de "
            "openheid tot wat het contract vraagt.").format(
                who=[p.name for p in a.case.others if p.attitude in ADVERSARIAL_ATTITUDES]
                or Text("the other party", "de andere partij")),
    )
    a.check(
        _DEFENCES_IN_PLACE.id,
        protected,
        _DEFENCES_IN_PLACE.text,
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
    conditions=(_ADVERSARY_OR_DOMINANT_COUNTERPART, _GUARDED_TOWARDS_POWER,
                _GUARDED_WHATEVER_THE_ATTITUDE, _DESIGN_FITS_ATTITUDE, _DEFENCES_IN_PLACE),
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
