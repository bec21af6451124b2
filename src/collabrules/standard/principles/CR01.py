"""CR01 Reciprocity: think they - we - I."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import is3, not3
from ...model.principle import Check, Example, Observation, Principle
from ...model.questionnaire import QUESTIONNAIRE_SIGNAL
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Net, Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..party_signals import squeeze_found
from ..perception_checks import NOT_ONE_SIDED, check_not_one_sided

SQUEEZED = 1  # any recorded sign of the bare-contract picture: the relationship fails the supplier


_COUNTERPART_BENEFIT_POSITIVE = Check(
    "counterpart_benefit_positive",
    Text("the other party's expected benefit is stated and net positive",
         "het verwachte voordeel van de andere partij is benoemd en netto positief"))

_OWN_BENEFIT_NOT_NEGATIVE = Check(
    "own_benefit_not_negative",
    Text("the relationship serves us too: our own expected benefit is not a net loss",
         "de relatie dient ons ook: ons eigen verwachte voordeel is geen netto verlies"))

_SUPPLIER_NOT_SQUEEZED = Check(
    "supplier_not_squeezed",
    Text("the customer does not treat the supplier to the bare contract (paying late, "
         "demanding free extras, giving no follow-up work)",
         "de klant houdt de leverancier niet aan het kale contract (laat betalen, gratis "
         "extra's eisen, geen vervolgwerk geven)"))

_NOT_ONLY_OWN_BENEFIT = Check(
    "not_only_own_benefit",
    Text("wherever our own benefit is stated, the other party's is stated too "
         "(they - we - I, not I first)",
         "waar ons eigen voordeel is benoemd, is dat van de andere partij ook benoemd "
         "(zij - wij - ik, niet ik eerst)"))

_JOINT_BENEFIT_STATED = Check(
    "joint_benefit_stated",
    Text("the parties share at least one goal, so a joint benefit is stated",
         "de partijen delen minstens één doel, dus er is een gezamenlijk voordeel benoemd"))

_NO_DEPARTMENTAL_CONFLICT = Check(
    "no_departmental_conflict",
    Text("no departmental target of ours works against the other party's goals without "
         "a commercial review that balances it",
         "geen afdelingsdoelstelling van ons werkt tegen de doelen van de andere partij "
         "in zonder een commerciële evaluatie die haar in evenwicht brengt"))


@reads("$.parties[].conduct", "$.parties[].perceptions", "$.parties[].name",
       "$.relationship.governance.commercial_review",
       signals=("counterpart_benefit", "own_benefit", "supplier_squeeze", "goal_alignment",
                "departmental_conflicts", "perception_scores", QUESTIONNAIRE_SIGNAL))
def assess(a: Assessment) -> None:
    """Weigh both sides: each party's benefit, the supplier's side, then they - we - I."""
    case = a.case
    theirs = a.signal("counterpart_benefit").value
    a.check(
        _COUNTERPART_BENEFIT_POSITIVE.id,
        is3(theirs, Net.POSITIVE),
        _COUNTERPART_BENEFIT_POSITIVE.text,
        effect=Status.VIOLATED if theirs is Net.NEGATIVE else Status.AT_RISK,
        effect_decided_by=a.signal("counterpart_benefit").missing,
        facts=cite(a, "counterpart_benefit"),
        signals=("counterpart_benefit",),
        action=Text(
            "State what the other party gains from joint success before negotiating terms "
            "such as a discount.",
            "Benoem wat de andere partij wint bij gezamenlijk succes voordat u over "
            "voorwaarden zoals korting onderhandelt."),
    )
    mine = a.signal("own_benefit").value
    a.check(
        _OWN_BENEFIT_NOT_NEGATIVE.id,
        not3(is3(mine, Net.NEGATIVE)),
        _OWN_BENEFIT_NOT_NEGATIVE.text,
        effect=Status.VIOLATED,
        facts=cite(a, "own_benefit"),
        signals=("own_benefit",),
        action=Text(
            "Renegotiate the terms (price, scope, payment) until the relationship yields a "
            "net benefit for us as well, or prepare to leave it.",
            "Heronderhandel de voorwaarden (prijs, omvang, betaling) tot de relatie ook ons "
            "netto voordeel oplevert, of bereid het vertrek voor."),
    )
    squeeze = a.signal("supplier_squeeze").value
    found = squeeze if squeeze is not None else squeeze_found(case)
    a.check(
        _SUPPLIER_NOT_SQUEEZED.id,
        not found if squeeze is not None or len(found) >= SQUEEZED else None,
        _SUPPLIER_NOT_SQUEEZED.text,
        effect=Status.VIOLATED if len(found) >= SQUEEZED else Status.AT_RISK,
        facts=cite(a, "supplier_squeeze"),
        signals=("supplier_squeeze",),
        action=Text(
            "Agree payment terms that are kept, pay for extra work and give the supplier a "
            "prospect of follow-up work{found}.",
            "Spreek betalingstermijnen af die worden nagekomen, betaal voor extra werk en "
            "geef de leverancier uitzicht op vervolgwerk{found}.").format(
                found=" (" + ", ".join(found) + ")" if found else ""),
    )
    own_only = None
    if theirs is not None and mine is not None:
        own_only = not (mine is not Net.UNKNOWN and theirs is Net.UNKNOWN)
    a.check(
        _NOT_ONLY_OWN_BENEFIT.id,
        own_only,
        _NOT_ONLY_OWN_BENEFIT.text,
        effect=Status.AT_RISK,
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
        _JOINT_BENEFIT_STATED.id,
        None if alignment is None else bool(alignment.shared),
        _JOINT_BENEFIT_STATED.text,
        facts=cite(a, "goal_alignment"),
        signals=("goal_alignment",),
        action=Text(
            "Agree one goal both parties gain from and make it the first item of the "
            "joint agenda.",
            "Spreek één doel af waar beide partijen baat bij hebben en zet het bovenaan de "
            "gezamenlijke agenda."),
    )
    conflicts = a.signal("departmental_conflicts").value
    rel = case.relationship
    review = rel.governance.commercial_review if rel and rel.governance else None
    # A commercial review balances any departmental conflict (ADR 0007): with one, the
    # targets need not be known; without conflicts, the review does not matter.
    balanced: bool | None = True if conflicts == () or review is True else None
    if conflicts and review is False:
        balanced = False
    a.check(
        _NO_DEPARTMENTAL_CONFLICT.id,
        balanced,
        _NO_DEPARTMENTAL_CONFLICT.text,
        signals=("departmental_conflicts",),
        facts=(*cite(a, "departmental_conflicts"),
               *(() if conflicts == () else (
                   a.fact("$.relationship.governance.commercial_review", review),))),
        decided_by=(() if conflicts is not None else a.signal("departmental_conflicts").missing)
        + (("$.relationship.governance.commercial_review",) if review is None else ()),
        action=Text(
            "Align the conflicting departmental targets ({targets}) with the joint goal, or "
            "balance them in a commercial review with the other party.",
            "Stem de strijdige afdelingsdoelstellingen ({targets}) af op het gezamenlijke "
            "doel, of breng ze in evenwicht in een commerciële evaluatie met de andere "
            "partij.").format(targets=", ".join(conflicts or ()) or "-"),
    )
    check_not_one_sided(a)


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
    conditions=(_COUNTERPART_BENEFIT_POSITIVE, _OWN_BENEFIT_NOT_NEGATIVE, _SUPPLIER_NOT_SQUEEZED,
                _NOT_ONLY_OWN_BENEFIT, _JOINT_BENEFIT_STATED, _NO_DEPARTMENTAL_CONFLICT,
                NOT_ONE_SIDED),
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
