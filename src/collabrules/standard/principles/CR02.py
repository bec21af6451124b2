"""CR02 Interests and goals: understand how the parties' interests and goals fit."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import or3
from ...model.principle import Check, Example, Observation, Principle
from ...model.text import Text
from ...model.vocab import Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..goals import core_conflicts, goal_label, undecided_goals
from ..party_signals import COMMERCIAL_MECHANISMS, commercial_mechanisms, vocabulary_of
from ..perception_checks import OPENNESS_ALIKE, check_openness_seen
from ..signal_values import Depth

MONEY = "money"  # the topic axis of price, cost, margin and revenue


_GOALS_CARRY_DEPTH = Check(
    "goals_carry_depth",
    Text("the balance of shared and conflicting goals can carry the depth of "
         "collaboration aimed at (opposed money goals need a commercial mechanism)",
         "de balans tussen gedeelde en strijdige doelen kan de beoogde diepgang van "
         "samenwerking dragen (tegengestelde geldelijke doelen vragen een commercieel "
         "mechanisme)"))

_NO_HIDDEN_EXCLUDING_GOAL = Check(
    "no_hidden_excluding_goal",
    Text("no party keeps from the other a goal that works against the other party's goals "
         "beyond the ordinary tension over money and effort",
         "geen partij houdt een doel voor de ander verborgen dat tegen de doelen van de ander "
         "ingaat, buiten de gewone spanning over geld en inspanning"))

_DRIVERS_DISCLOSED = Check(
    "drivers_disclosed",
    Text("the drivers behind the parties' goals are disclosed, as far as the depth "
         "aimed at needs",
         "de drijfveren achter de doelen van de partijen zijn kenbaar, voor zover de "
         "beoogde diepgang dat vraagt"))


def assess(a: Assessment) -> None:
    """Weigh shared against conflicting goals for the depth aimed at; check disclosure."""
    alignment = a.signal("goal_alignment").value
    aimed = a.signal("aimed_depth").value
    hidden = a.signal("undisclosed_drivers").value
    mechanisms = commercial_mechanisms(a.case)
    mechanism = or3(*mechanisms)
    conflicting = set(alignment.conflicting) if alignment else set()
    money_only = bool(conflicting) and conflicting <= {MONEY}
    fits: bool | None = None
    no_common_ground = bool(alignment and conflicting and not alignment.shared)
    if aimed is not None and aimed < Depth.COLLABORATIVE:
        fits = True
    elif alignment is not None and alignment.shared and not conflicting:
        # Goals that meet and clash nowhere carry any depth, so the depth aimed at (open
        # while the model in use is not recorded) does not matter.
        fits = True
    elif alignment is not None and aimed is not None:
        shared = len(alignment.shared)
        fits = shared > 0 and len(conflicting) <= shared
        if not fits and money_only and shared == 0 and mechanism is not False:
            # Opposed money goals are carried by a commercial mechanism (review,
            # gain-sharing, incentives): the ordinary tension of customer and supplier.
            fits = mechanism
    # Core goals that exclude each other, kept from the other side, break the relationship;
    # opposed money goals or disclosed conflicts put it at risk.
    excluding = no_common_ground and not money_only
    a.check(
        _GOALS_CARRY_DEPTH.id,
        fits,
        _GOALS_CARRY_DEPTH.text,
        effect=Status.VIOLATED if excluding and hidden else Status.AT_RISK,
        effect_decided_by=(*a.signal("goal_alignment").missing,
                           *(a.signal("undisclosed_drivers").missing if excluding else ())),
        facts=(*cite(a, "goal_alignment", "aimed_depth"),
               *(a.fact(f"$.relationship.governance.{m}", v)
                 for m, v in zip(COMMERCIAL_MECHANISMS, mechanisms) if money_only)),
        signals=("goal_alignment", "aimed_depth", "undisclosed_drivers"),
        action=Text(
            "Put the conflicting goals on the table and agree how the collaboration balances "
            "them (for example price against margin) before deepening it.",
            "Leg de strijdige doelen op tafel en spreek af hoe de samenwerking ze in evenwicht "
            "brengt (bijvoorbeeld prijs tegenover marge) voordat u haar verdiept."),
    )
    _check_hidden_excluding_goal(a)
    open_enough: bool | None = None
    # Openness about drivers is what deep collaboration runs on; a transactional or
    # performance-based contract is steered by its terms and measured output instead.
    if (hidden is not None and not hidden) or (aimed is not None and aimed < Depth.COLLABORATIVE):
        open_enough = True
    elif hidden:
        open_enough = None if aimed is None else False
    a.check(
        _DRIVERS_DISCLOSED.id,
        open_enough,
        _DRIVERS_DISCLOSED.text,
        facts=cite(a, "undisclosed_drivers"),
        signals=("undisclosed_drivers", "aimed_depth"),
        action=Text(
            "Ask each party to state the drivers behind its goals, starting with the ones "
            "not yet disclosed{hidden}.",
            "Vraag elke partij de drijfveren achter haar doelen te benoemen, te beginnen met "
            "de nog niet gedeelde{hidden}.").format(
                hidden=": " + ", ".join(hidden) if hidden else ""),
    )
    check_openness_seen(a)


def _check_hidden_excluding_goal(a: Assessment) -> None:
    """Core goals that exclude each other, one of them kept from the other party, break the
    relationship whatever its depth (opposed money goals are CR08's commercial opposition)."""
    case = a.case
    unknown = [f"{case.path_of(p)}.goals" for p in case.parties if p.goals is None]
    unknown += undecided_goals(case)
    conflicts = core_conflicts(case, vocabulary_of(a.signals))
    hidden = [goal_label(g) for g in conflicts.values() if g.disclosed is False]
    unknown += [f"{where}.disclosed" for where, g in conflicts.items() if g.disclosed is None]
    a.check(
        _NO_HIDDEN_EXCLUDING_GOAL.id,
        False if hidden else (None if unknown else True),
        _NO_HIDDEN_EXCLUDING_GOAL.text,
        effect=Status.VIOLATED,
        facts=(*cite(a, "goal_alignment"),
               *(a.fact(f"{where}.disclosed", g.disclosed) for where, g in conflicts.items())),
        signals=("goal_alignment",),
        decided_by=() if hidden else tuple(unknown),
        action=Text(
            "Put the goal that works against the other party on the table ({goals}) and "
            "agree openly whether and how the relationship continues.",
            "Leg het doel dat tegen de andere partij ingaat op tafel ({goals}) en spreek "
            "openlijk af of en hoe de relatie verdergaat.").format(
                goals=", ".join(hidden) or "-"),
    )


PRINCIPLE = Principle(
    code="CR02",
    slug="interests-and-goals",
    theme=Text("Interests and goals", "Belangen en doelen"),
    title=Text("Know how interests and goals fit", "Weet hoe belangen en doelen passen"),
    observation=Observation(Text(
        "Interests and goals set the conditions for collaboration: they raise obstacles or "
        "remove them. Goals the parties share pull them together; goals that point in "
        "opposite directions push them apart. The drivers behind goals are often unclear, "
        "even to the party that has them, so openness about them pays.",
        "Belangen en doelen bepalen de voorwaarden voor samenwerking: ze werpen drempels op "
        "of nemen ze weg. Gedeelde doelen trekken partijen naar elkaar toe; tegengestelde "
        "doelen drijven ze uit elkaar. De drijfveren achter doelen zijn vaak onduidelijk, "
        "zelfs voor de partij die ze heeft, dus openheid erover loont.")),
    statement=Text(
        "Find out whether and how the parties' interests and goals fit together, and "
        "organise the collaboration to match.",
        "Zoek uit of en hoe de belangen en doelen van de partijen op elkaar aansluiten, en "
        "richt de samenwerking daarop in."),
    conditions=(_GOALS_CARRY_DEPTH, _NO_HIDDEN_EXCLUDING_GOAL, _DRIVERS_DISCLOSED,
                OPENNESS_ALIKE),
    assess=assess,
    severity=Severity.MEDIUM,
    examples=(
        Example(False, Text(
            "A close collaboration where the customer only wants a lower price and the "
            "supplier only a higher one.",
            "Een nauwe samenwerking waarin de klant alleen een lagere prijs wil en de "
            "leverancier alleen een hogere.")),
        Example(True, Text(
            "Both parties want clean offices; the remaining price tension is handled by "
            "the contract.",
            "Beide partijen willen schone kantoren; de resterende spanning over de prijs "
            "regelt het contract.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR02 Interests and goals."""
    register(PRINCIPLE)
