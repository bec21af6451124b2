"""CR03 Differences create opportunities: seek and use complementary capabilities."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import not3, or3
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Severity, Size, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..signal_values import Depth, Names

_SMALL = (Size.MICRO, Size.SMALL)


_COMPLEMENTARY_BOTH_WAYS = Check(
    "complementary_both_ways",
    Text("each side offers a capability the other needs, in both directions",
         "elke kant biedt een capaciteit die de andere nodig heeft, in beide richtingen"))

_NOT_COMPETITORS = Check(
    "not_competitors",
    Text("the parties do not offer the same capabilities in the same sector "
         "(which would make them competitors)",
         "de partijen bieden niet dezelfde capaciteiten in dezelfde sector aan "
         "(dan zouden ze concurrenten zijn)"))

_DESIGN_USES_DIFFERENCES = Check(
    "design_uses_differences",
    Text("the design combines the complementary capabilities (mixed teams, knowledge "
         "sharing or joint innovation) where the depth aimed at needs it",
         "de inrichting combineert de aanvullende capaciteiten (gemengde teams, "
         "kennisdeling of gezamenlijke innovatie) waar de beoogde diepgang dat vraagt"))


def _competitors(a: Assessment, overlap: Names) -> bool | None:
    """Whether overlapping parties share a sector (unless both are too small alone)."""
    if not overlap:
        return False
    own = a.case.own
    verdicts: list[bool | None] = []
    for other in a.case.others:
        if own.sector is None or other.sector is None:
            verdicts.append(None)
        elif (own.sector.strip().lower() != other.sector.strip().lower()
              or (own.size in _SMALL and other.size in _SMALL)):
            verdicts.append(False)
        elif own.size is None or other.size is None:
            verdicts.append(None)
        else:
            verdicts.append(True)
    return or3(*verdicts)


@reads("$.parties[].sector", "$.parties[].size", "$.relationship.governance",
       signals=("capability_fit", "aimed_depth"))
def assess(a: Assessment) -> None:
    """Check complementarity both ways, competition through overlap, and their use."""
    case = a.case
    fitted = a.signal("capability_fit")
    fit = fitted.value
    given, taken = (None, None) if fit is None else (fit.they_give_us, fit.we_give_them)
    # one direction known to be empty decides, whatever the other turns out to be
    both = False if () in (given, taken) else (
        None if given is None or taken is None else True)
    a.check(
        _COMPLEMENTARY_BOTH_WAYS.id,
        both,
        _COMPLEMENTARY_BOTH_WAYS.text,
        facts=cite(a, "capability_fit"),
        signals=("capability_fit",),
        action=Text(
            "List what each party brings that the other lacks; if one direction stays "
            "empty, find what the other party can gain from your capabilities.",
            "Maak een lijst van wat elke partij inbrengt dat de andere mist; blijft één "
            "richting leeg, zoek dan wat de andere partij aan uw capaciteiten heeft."),
    )
    overlap = None if fit is None else fit.overlap
    rivals = None if overlap is None else _competitors(a, overlap)
    sectors = [a.fact(f"{case.path_of(p)}.sector", p.sector) for p in case.parties]
    sizes = [a.fact(f"{case.path_of(p)}.size", p.size) for p in case.parties]
    a.check(
        _NOT_COMPETITORS.id,
        not3(rivals),
        _NOT_COMPETITORS.text,
        # Competitors are a risk to manage, not a breach: the article lets them work
        # together (both too small alone) and asks to protect know-how where they do.
        effect=Status.AT_RISK,
        facts=(*sectors, *sizes),
        signals=("capability_fit",),
        # the overlap waits only on the offers, not on what each side needs
        decided_by=(*(p for p in fitted.missing if p.endswith(".capabilities_offered")),
                    *(f.path for f in (*sectors, *sizes) if f.value is None)),
        action=Text(
            "Treat the other party as the competitor it is: protect your own know-how and "
            "collaborate only where the parties really differ.",
            "Behandel de andere partij als de concurrent die ze is: bescherm uw eigen kennis "
            "en werk alleen samen waar de partijen echt verschillen."),
    )
    aimed = a.signal("aimed_depth").value
    governance = case.relationship.governance if case.relationship else None
    mixed = governance.mixed_teams if governance else None
    sharing = governance.knowledge_sharing if governance else None
    joint = governance.joint_innovation if governance else None
    used: bool | None = None
    no_complements = given == () and taken == ()
    # Mixed teams and knowledge sharing are the collaborative model's governance; below that
    # depth the contract (outcomes, incentives) is where the capabilities meet.
    if no_complements or (aimed is not None and aimed < Depth.COLLABORATIVE) \
            or True in (mixed, sharing, joint):
        used = True
    elif mixed is False and sharing is False:  # joint innovation implies knowledge sharing
        used = None if fit is None or aimed is None else False
    a.check(
        _DESIGN_USES_DIFFERENCES.id,
        used,
        _DESIGN_USES_DIFFERENCES.text,
        facts=(a.fact("$.relationship.governance.mixed_teams", mixed),
               a.fact("$.relationship.governance.knowledge_sharing", sharing),
               a.fact("$.relationship.governance.joint_innovation", joint)),
        signals=("capability_fit", "aimed_depth"),
        action=Text(
            "Combine the capabilities in practice: a mixed team that shares knowledge on "
            "the work where the parties differ most.",
            "Combineer de capaciteiten in de praktijk: een gemengd team dat kennis deelt "
            "over het werk waarin de partijen het meest verschillen."),
    )


PRINCIPLE = Principle(
    code="CR03",
    slug="differences-create-opportunities",
    theme=Text("Differences create opportunities", "Verschillen bieden kansen"),
    title=Text("Seek and use complementary capabilities",
               "Zoek en benut aanvullende capaciteiten"),
    observation=Observation(Text(
        "Collaboration pays because parties differ. Two parties that offer the same thing "
        "in the same sector are competitors, unless each is too small to manage alone. "
        "Differences such as skills let each party create value for the other: a small "
        "local firm with a strong technology and a global firm with access to markets.",
        "Samenwerken loont omdat partijen verschillen. Twee partijen die hetzelfde bieden "
        "in dezelfde sector zijn concurrenten, tenzij elk te klein is om het alleen te "
        "redden. Verschillen zoals vaardigheden laten elke partij waarde creëren voor de "
        "ander: een klein lokaal bedrijf met een sterke technologie en een wereldwijd "
        "bedrijf met toegang tot markten.")),
    statement=Text(
        "Look for the capabilities in which the parties complement each other and use "
        "them to create synergy.",
        "Zoek de capaciteiten waarin de partijen elkaar aanvullen en benut ze om synergie "
        "te creëren."),
    conditions=(_COMPLEMENTARY_BOTH_WAYS, _NOT_COMPETITORS, _DESIGN_USES_DIFFERENCES),
    assess=assess,
    severity=Severity.MEDIUM,
    examples=(
        Example(True, Text(
            "The customer brings domain knowledge, the developer software engineering, and "
            "a mixed team combines both.",
            "De klant brengt domeinkennis in, de ontwikkelaar softwarevakmanschap, en een "
            "gemengd team combineert beide.")),
        Example(False, Text(
            "Two large engineering firms in the same sector, both offering the same design "
            "services, call their alliance a collaboration.",
            "Twee grote ingenieursbureaus in dezelfde sector, die allebei dezelfde "
            "ontwerpdiensten aanbieden, noemen hun alliantie een samenwerking.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR03 Differences create opportunities."""
    register(PRINCIPLE)
