"""CR05 Trust fits the depth of collaboration: not too little, and not more than needed."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.kleene import and3, is3, or3
from ...model.principle import Check, Example, Observation, Principle
from ...model.questionnaire import QUESTIONNAIRE_SIGNAL
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Level, Posture, Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..perception_checks import TRUST_ALIKE, check_trust_alike
from ..signal_values import Depth

_GUARANTEES = ("price_guarantee", "time_guarantee", "quality_guarantee")


_TRUST_SUFFICIENT = Check(
    "trust_sufficient",
    Text("the actual level of mutual trust meets the level the case requires",
         "het feitelijke niveau van wederzijds vertrouwen haalt het niveau dat de casus "
         "vraagt"))

_NO_TRUST_MODEL_WHERE_GUARANTEE_SUFFICES = Check(
    "no_trust_model_where_guarantee_suffices",
    Text("the relationship does not rely on a deep, trust-based model where a formal "
         "guarantee would do",
         "de relatie leunt niet op een diep, op vertrouwen gebaseerd model waar een "
         "formele garantie zou volstaan"))

_GUARANTEES_COVER = Check(
    "guarantees_cover",
    Text("where trust is not what carries the relationship, formal guarantees on price, "
         "time and quality do",
         "waar vertrouwen de relatie niet draagt, doen formele garanties op prijs, tijd "
         "en kwaliteit dat"))


@reads("$.relationship.trust", "$.relationship.posture", "$.relationship.safeguards",
       "$.parties[].perceptions",
       signals=("required_trust", "required_depth", "model_in_use", "perception_asymmetries",
                QUESTIONNAIRE_SIGNAL))
def assess(a: Assessment) -> None:
    """Compare actual with required trust; flag deep models and missing guarantees."""
    relationship = a.case.relationship
    actual = relationship.trust if relationship else None
    required = a.signal("required_trust").value
    used = a.signal("model_in_use").value
    enough: bool | None = None
    gap = 0
    if actual is not None and required is not None:
        gap = required.rank - actual.rank
        enough = gap <= 0
    # DOMAIN: too little trust is a violation where the relationship relies on it (a deep
    # model, or an open posture); where a shallower contract and a guarded posture carry
    # it, the gap is a risk and the too-shallow model is tailoring's finding (CR06).
    posture = relationship.posture if relationship else None
    relies = or3(None if used is None else used.deep, is3(posture, Posture.OPEN))
    undecided = () if relies is not None else (
        a.signal("model_in_use").missing + (() if posture else ("$.relationship.posture",)))
    a.check(
        _TRUST_SUFFICIENT.id,
        enough,
        _TRUST_SUFFICIENT.text,
        effect=Status.VIOLATED if gap >= 2 and relies else Status.AT_RISK,
        effect_decided_by=(() if actual is not None else ("$.relationship.trust",))
        + a.signal("required_trust").missing
        + (undecided if required in (None, Level.HIGH) and actual in (None, Level.LOW)
           and enough is not True else ()),
        # The facts the trust required waits on, not every delivery fact it cites.
        decided_by=() if enough is not None else (
            (() if actual is not None else ("$.relationship.trust",))
            + a.signal("required_trust").missing),
        facts=(a.fact("$.relationship.trust", actual), *cite(a, "required_trust"),
               *((a.fact("$.relationship.posture", posture),) if gap >= 2 else ())),
        signals=("required_trust", "model_in_use") if gap >= 2 else ("required_trust",),
        action=Text(
            "Build trust before relying on it: start small (a pilot, joint reviews), and "
            "keep formal guarantees in place until the trust has grown.",
            "Bouw vertrouwen op voordat u erop leunt: begin klein (een pilot, gezamenlijke "
            "evaluaties) en houd formele garanties aan tot het vertrouwen is gegroeid."),
    )
    needed = a.signal("required_depth").value
    # Held when either side settles it: a model that is not deep, or a delivery that asks
    # for more than a transaction.
    lean: bool | None = None
    if (used is not None and not used.deep) or (
            needed is not None and needed is not Depth.TRANSACTIONAL):
        lean = True
    elif needed is not None and used is not None:
        lean = False
    a.check(
        _NO_TRUST_MODEL_WHERE_GUARANTEE_SUFFICES.id,
        lean,
        _NO_TRUST_MODEL_WHERE_GUARANTEE_SUFFICES.text,
        decided_by=() if lean is not None
        else a.signal("required_depth").missing + a.signal("model_in_use").missing,
        facts=cite(a, "required_depth", "model_in_use"),
        signals=("required_depth", "model_in_use"),
        action=Text(
            "Replace the trust-based set-up with a contract that guarantees price, time and "
            "quality; spend the effort on relationships that need trust.",
            "Vervang de op vertrouwen gebaseerde inrichting door een contract dat prijs, "
            "tijd en kwaliteit garandeert; besteed de moeite aan relaties die vertrouwen "
            "nodig hebben."),
    )
    check_trust_alike(a)
    safeguards = relationship.safeguards if relationship else None
    values = [getattr(safeguards, g) if safeguards else None for g in _GUARANTEES]
    if required is Level.HIGH and not all(values):
        return
    covered = and3(*values)
    if actual is not None and actual is not Level.LOW:
        # DOMAIN: missing guarantees are the risk where trust is little; where mutual trust
        # is medium or high (and meets what is required, checked above) it carries the rest.
        covered = True
    if covered is False and required is None:
        covered = None  # a missing guarantee matters only once the trust required is known
    a.check(
        _GUARANTEES_COVER.id,
        covered,
        _GUARANTEES_COVER.text,
        # A missing guarantee decides only while the trust there is leaves it to them.
        decided_by=() if covered is not None else (
            tuple(f"$.relationship.safeguards.{g}" for g, v in zip(_GUARANTEES, values)
                  if v is None) + (() if actual is not None else ("$.relationship.trust",))
            + (a.signal("required_trust").missing if required is None else ())),
        facts=tuple(a.fact(f"$.relationship.safeguards.{g}", v)
                    for g, v in zip(_GUARANTEES, values)),
        signals=("required_trust",),
        action=Text(
            "Agree formal guarantees on price, time and quality (with service levels and "
            "penalties) so that the relationship does not depend on trust it does not need.",
            "Spreek formele garanties af op prijs, tijd en kwaliteit (met serviceniveaus en "
            "boetes), zodat de relatie niet afhangt van vertrouwen dat ze niet nodig heeft."),
    )


PRINCIPLE = Principle(
    code="CR05",
    slug="trust-fits-depth",
    theme=Text("Trust", "Vertrouwen"),
    title=Text("Fit trust to the depth of collaboration",
               "Laat vertrouwen passen bij de diepgang van samenwerking"),
    observation=Observation(Text(
        "A high level of trust is not always needed. Under high risk or great uncertainty "
        "strong mutual trust may be essential, but for consumables or standard services a "
        "plain formal guarantee of receiving what was contracted, at the agreed price, time "
        "and quality, is enough.",
        "Een hoog niveau van vertrouwen is niet altijd nodig. Bij hoog risico of grote "
        "onzekerheid kan sterk wederzijds vertrouwen onmisbaar zijn, maar voor "
        "verbruiksartikelen of standaarddiensten volstaat een eenvoudige formele garantie "
        "dat je krijgt wat is gecontracteerd, tegen de afgesproken prijs, tijd en "
        "kwaliteit.")),
    statement=Text(
        "Make the level of mutual trust fit the depth of collaboration the relationship "
        "requires.",
        "Laat het niveau van wederzijds vertrouwen passen bij de diepgang van samenwerking "
        "die de relatie vraagt."),
    conditions=(_TRUST_SUFFICIENT, _NO_TRUST_MODEL_WHERE_GUARANTEE_SUFFICES, _GUARANTEES_COVER,
                TRUST_ALIKE),
    assess=assess,
    severity=Severity.HIGH,
    examples=(
        Example(True, Text(
            "Office cleaning with moderate trust and a contract that guarantees price and "
            "quality.",
            "Kantoorschoonmaak met redelijk vertrouwen en een contract dat prijs en "
            "kwaliteit garandeert.")),
        Example(False, Text(
            "High-risk bespoke development run as an open collaboration while trust between "
            "the parties is low.",
            "Risicovol maatwerk dat als open samenwerking loopt terwijl het vertrouwen tussen "
            "de partijen laag is.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR05 Trust fits the depth of collaboration."""
    register(PRINCIPLE)
