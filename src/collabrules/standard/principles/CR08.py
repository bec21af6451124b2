"""CR08 Partnership is not a model for customer/supplier relationships."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import or3
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..party_signals import COMMERCIAL_MECHANISMS, commercial_mechanisms

_CALLED_PARTNERSHIP = Check(
    "called_partnership",
    Text("the relationship is called a partnership, or treated as one (an open posture "
         "with open books)",
         "de relatie wordt een partnerschap genoemd, of als zodanig behandeld (een open "
         "houding met open boeken)"),
    applicability=True)

_NOT_A_PARTNERSHIP_WITH_A_DOMINANT_ADVERSARY = Check(
    "not_a_partnership_with_a_dominant_adversary",
    Text("the partnership is not with a counterpart that holds the power (dominant, or a "
         "sole source that cannot be replaced) while no protection is in place",
         "het partnerschap is niet met een tegenpartij die de macht heeft (dominant, of een "
         "enige bron die niet te vervangen is) terwijl er geen bescherming is"))

_COMMERCIAL_OPPOSITION_MANAGED = Check(
    "commercial_opposition_managed",
    Text("the commercial opposition (price against margin, delivery against effort) is "
         "managed explicitly: a commercial review, gain-sharing or performance incentives",
         "de commerciële tegenstelling (prijs tegenover marge, levering tegenover "
         "inspanning) wordt expliciet beheerst: een commercieel overleg, het delen van "
         "opbrengsten of prestatieprikkels"))

_LABEL_BACKED_BY_SHARED_GOAL = Check(
    "label_backed_by_shared_goal",
    Text("a goal both parties share stands behind the word partnership",
         "achter het woord partnerschap staat een doel dat beide partijen delen"))


@reads(*(f"$.relationship.governance.{m}" for m in COMMERCIAL_MECHANISMS),
       signals=("called_partnership", "counterpart_dominance", "protection",
                "commercial_opposition", "goal_alignment"))
def assess(a: Assessment) -> None:
    """Applies to relationships called a partnership; checks the opposition is managed."""
    applies = a.applies(
        _CALLED_PARTNERSHIP.id,
        a.signal("called_partnership").value,
        _CALLED_PARTNERSHIP.text,
        facts=cite(a, "called_partnership"),
    )
    if not applies:
        return
    # DOMAIN's textbook violation is a partnership with an opportunistic *or* dominant sole
    # source and no safeguards: the power alone decides, whatever the attitude (ADR 0025).
    dominance = a.signal("counterpart_dominance").value
    protected = a.signal("protection").value
    textbook: bool | None = None
    if dominance and protected is False:
        textbook = False
    elif dominance == () or protected:
        textbook = True
    a.check(
        _NOT_A_PARTNERSHIP_WITH_A_DOMINANT_ADVERSARY.id,
        textbook,
        _NOT_A_PARTNERSHIP_WITH_A_DOMINANT_ADVERSARY.text,
        effect=Status.VIOLATED,
        facts=cite(a, "counterpart_dominance", "protection"),
        signals=("counterpart_dominance", "protection"),
        action=Text(
            "Stop calling it a partnership: this counterpart holds the power over you. "
            "Organise a defence (a price guarantee, an exit plan, legal capacity).",
            "Noem het geen partnerschap meer: deze tegenpartij heeft de macht over u. "
            "Organiseer een verdediging (een prijsgarantie, een exitplan, juridische "
            "capaciteit)."),
    )
    opposition = a.signal("commercial_opposition").value
    mechanisms = commercial_mechanisms(a.case)
    managed = or3(*mechanisms)
    a.check(
        _COMMERCIAL_OPPOSITION_MANAGED.id,
        managed,
        _COMMERCIAL_OPPOSITION_MANAGED.text,
        effect=Status.VIOLATED if opposition else Status.AT_RISK,
        effect_decided_by=a.signal("commercial_opposition").missing,
        facts=(*(a.fact(f"$.relationship.governance.{m}", v)
                 for m, v in zip(COMMERCIAL_MECHANISMS, mechanisms)),
               *cite(a, "commercial_opposition")),
        signals=("commercial_opposition",),
        action=Text(
            "Name the commercial opposition and manage it in a regular commercial review, "
            "instead of covering it with the word partnership.",
            "Benoem de commerciële tegenstelling en beheers haar in een vast commercieel "
            "overleg, in plaats van haar te verhullen met het woord partnerschap."),
    )
    alignment = a.signal("goal_alignment").value
    a.check(
        _LABEL_BACKED_BY_SHARED_GOAL.id,
        None if alignment is None else bool(alignment.shared),
        _LABEL_BACKED_BY_SHARED_GOAL.text,
        facts=cite(a, "goal_alignment"),
        signals=("goal_alignment",),
        action=Text(
            "Either agree the shared goal that would justify the word partnership, or call "
            "the relationship what it is: a customer/supplier relationship.",
            "Spreek het gedeelde doel af dat het woord partnerschap zou rechtvaardigen, of "
            "noem de relatie wat ze is: een klant-leveranciersrelatie."),
    )


PRINCIPLE = Principle(
    code="CR08",
    slug="partnership-is-not-a-model",
    theme=Text("Partnership is not a model", "Partnerschap is geen model"),
    title=Text("Do not confuse a commercial relationship with a partnership",
               "Verwar een commerciële relatie niet met partnerschap"),
    observation=Observation(Text(
        "Partnership is often held up as the ideal. Partners in society share a future and "
        "a goal, look after each other and keep nothing from each other. Customer and "
        "supplier are, to a degree, opponents: cost against revenue and margin, more "
        "delivery against less effort.",
        "Partnerschap wordt vaak als ideaal voorgesteld. Partners in de samenleving delen "
        "een toekomst en een doel, zorgen voor elkaar en houden niets voor elkaar "
        "verborgen. Klant en leverancier zijn tot op zekere hoogte tegenspelers: kosten "
        "tegenover omzet en marge, meer levering tegenover minder inspanning.")),
    statement=Text(
        "Do not mistake the inherently competitive commercial relationship for the "
        "friendly, intimate bond of a real partnership.",
        "Verwar de van nature competitieve commerciële relatie niet met de "
        "vriendschappelijke, hechte band van een echt partnerschap."),
    conditions=(_CALLED_PARTNERSHIP, _NOT_A_PARTNERSHIP_WITH_A_DOMINANT_ADVERSARY,
                _COMMERCIAL_OPPOSITION_MANAGED, _LABEL_BACKED_BY_SHARED_GOAL),
    assess=assess,
    severity=Severity.MEDIUM,
    examples=(
        Example(False, Text(
            "A customer calls its software developer a partner while procurement's only "
            "goal is a 20% discount.",
            "Een klant noemt zijn softwareontwikkelaar een partner terwijl het enige doel "
            "van inkoop 20% korting is.")),
        Example(True, Text(
            "The 'partnership' has a quarterly commercial review where price, margin and "
            "scope are negotiated openly.",
            "Het 'partnerschap' heeft elk kwartaal een commercieel overleg waarin prijs, "
            "marge en scope open worden besproken.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR08 Partnership is not a model."""
    register(PRINCIPLE)
