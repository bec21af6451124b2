"""CR01 Reciprocity: think they - we - I.

Anti-pattern: the relationship is "just the contract": each side takes what it can, and
narrow departmental targets (a purchasing discount, a sales quota) set the tone.
Best practice: state first what the other party gains from joint success, then the joint
gain, then your own; organise the collaboration so that it serves every party.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..hookspecs import hookimpl
from ..principle import Example, Observation, Principle
from ..registry import PrincipleRegistrar
from ..text import Text
from ..vocab import Net, Severity, Status
from .evidence import cite


def assess(a: Assessment) -> None:
    """Check the order they - we - I in what the case states about benefits and targets."""
    case = a.case
    theirs = a.signal("counterpart_benefit").value
    a.check(
        "counterpart_benefit_positive",
        None if theirs is None else theirs == Net.POSITIVE.value,
        Text("the other party's expected benefit is stated and net positive",
             "het verwachte voordeel van de andere partij is benoemd en netto positief"),
        effect=Status.VIOLATED if theirs == Net.NEGATIVE.value else Status.AT_RISK,
        facts=cite(a, "counterpart_benefit"),
        signals=("counterpart_benefit",),
        action=Text(
            "State what the other party gains from joint success before negotiating terms "
            "such as a discount.",
            "Benoem wat de andere partij wint bij gezamenlijk succes voordat u over "
            "voorwaarden zoals korting onderhandelt."),
    )
    mine = a.signal("own_benefit").value
    own_only = None
    if theirs is not None and mine is not None:
        own_only = not (mine != Net.UNKNOWN.value and theirs == Net.UNKNOWN.value)
    a.check(
        "not_only_own_benefit",
        own_only,
        Text("wherever our own benefit is stated, the other party's is stated too "
             "(they - we - I, not I first)",
             "waar ons eigen voordeel is benoemd, is dat van de andere partij ook benoemd "
             "(zij - wij - ik, niet ik eerst)"),
        effect=Status.VIOLATED,
        facts=cite(a, "own_benefit", "counterpart_benefit"),
        signals=("own_benefit", "counterpart_benefit"),
        action=Text(
            "Reverse the order of the business case: describe their gain, then the joint "
            "gain, then ours.",
            "Draai de volgorde van de businesscase om: beschrijf eerst hun winst, dan de "
            "gezamenlijke winst, dan de onze."),
    )
    alignment = a.signal("goal_alignment").value
    a.check(
        "joint_benefit_stated",
        None if alignment is None else bool(alignment["shared"]),
        Text("the parties share at least one goal, so a joint benefit is stated",
             "de partijen delen minstens één doel, dus er is een gezamenlijk voordeel benoemd"),
        facts=cite(a, "goal_alignment"),
        signals=("goal_alignment",),
        action=Text(
            "Agree one goal both parties gain from and make it the first item of the "
            "joint agenda.",
            "Spreek één doel af waar beide partijen baat bij hebben en zet het bovenaan de "
            "gezamenlijke agenda."),
    )
    conflicts = a.signal("departmental_conflicts").value
    a.check(
        "no_departmental_conflict",
        None if conflicts is None else not conflicts,
        Text("no departmental target of ours works against the other party's goals",
             "geen afdelingsdoelstelling van ons werkt tegen de doelen van de andere partij in"),
        signals=("departmental_conflicts",),
        facts=(a.fact(f"{case.path_of(case.own)}.departmental_targets",
                      None if case.own.departmental_targets is None
                      else len(case.own.departmental_targets)),),
        action=Text(
            "Align the conflicting departmental targets with the joint goal, or balance "
            "them with a target for the relationship's success.",
            "Stem de strijdige afdelingsdoelstellingen af op het gezamenlijke doel, of zet er "
            "een doelstelling voor het succes van de relatie tegenover."),
    )


PRINCIPLE = Principle(
    code="CR01",
    slug="reciprocity",
    theme=Text("Reciprocity", "Wederkerigheid"),
    title=Text("Think they - we - I", "Denk zij - wij - ik"),
    observation=Observation(Text(
        "A business relationship takes at least two. The other party only looks after your "
        "interests, and only invests in real collaboration, when the relationship gives it "
        "enough in return. Without that the relationship shrinks to the contract: the "
        "customer gets exactly what it ordered and paid for, the supplier gets paid late, "
        "is asked for extras for free and sees no follow-up work. Organisations drift "
        "towards self-interest, pushed by narrow departmental targets.",
        "Voor een zakelijke relatie zijn er minstens twee nodig. De andere partij behartigt "
        "uw belangen alleen, en investeert alleen in echte samenwerking, als de relatie haar "
        "genoeg oplevert. Zonder dat blijft de relatie beperkt tot het contract: de klant "
        "krijgt precies wat is besteld en betaald, de leverancier wordt laat betaald, krijgt "
        "verzoeken om gratis extra's en geen vervolgwerk. Organisaties schuiven op naar "
        "eigenbelang, aangewakkerd door smalle afdelingsdoelstellingen.")),
    statement=Text(
        "Reason in the order they - we - I: first what the other party gains from joint "
        "success, then what we gain together, then what I gain. Shape the collaboration so "
        "that it serves all parties.",
        "Redeneer in de volgorde zij - wij - ik: eerst wat de andere partij wint bij "
        "gezamenlijk succes, dan wat we samen winnen, dan wat ik win. Richt de samenwerking "
        "zo in dat zij alle partijen dient."),
    checks=Text(
        "Whether the other party's benefit is stated and net positive; whether a joint "
        "benefit (a shared goal) exists; whether our departmental targets work against the "
        "other party's goals; whether our own benefit is the only one stated.",
        "Of het voordeel van de andere partij benoemd en netto positief is; of er een "
        "gezamenlijk voordeel (een gedeeld doel) is; of onze afdelingsdoelstellingen tegen "
        "de doelen van de andere partij ingaan; of alleen ons eigen voordeel benoemd is."),
    assess=assess,
    severity=Severity.HIGH,
    examples=(
        Example(False, Text(
            "Procurement's only goal is a 20% discount and nobody knows what the supplier "
            "gains.",
            "Het enige doel van inkoop is 20% korting en niemand weet wat de leverancier "
            "eraan heeft.")),
        Example(True, Text(
            "Both parties expect a net gain and share the goal of clean offices.",
            "Beide partijen verwachten netto voordeel en delen het doel van schone kantoren.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR01 Reciprocity."""
    register(PRINCIPLE)
