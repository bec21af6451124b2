"""CR06 Tailoring: choose the type of collaboration that fits what is delivered."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite

_MODEL_FITS_DELIVERY = Check(
    "model_fits_delivery",
    Text("the model in use matches the depth of collaboration the delivery calls for "
         "(at most one step deeper, never shallower)",
         "het gebruikte model past bij de diepgang van samenwerking die de levering "
         "vraagt (hooguit één stap dieper, nooit ondieper)"))


_DEEPEN = Text(
    "Move to a model that fits the delivery (see the recommended collaboration model) and "
    "build it up in stages rather than at once.",
    "Stap over op een model dat bij de levering past (zie het aanbevolen "
    "samenwerkingsmodel) en bouw het stap voor stap op in plaats van in één keer.")
_SIMPLIFY = Text(
    "Simplify the set-up: a lighter model with formal guarantees fits this delivery and "
    "frees effort for relationships that need depth.",
    "Vereenvoudig de inrichting: een lichter model met formele garanties past bij deze "
    "levering en maakt inzet vrij voor relaties die diepgang nodig hebben.")


@reads(signals=("required_depth", "model_in_use"))
def assess(a: Assessment) -> None:
    """Compare the depth of the model in use with the depth the delivery calls for."""
    needed = a.signal("required_depth").value
    used = a.signal("model_in_use").value
    fits: bool | None = None
    difference = 0
    if needed is not None and used is not None:
        difference = needed - used.depth
        fits = -1 <= difference <= 0
    a.check(
        _MODEL_FITS_DELIVERY.id,
        fits,
        _MODEL_FITS_DELIVERY.text,
        effect=Status.VIOLATED if difference >= 2 else Status.AT_RISK,
        effect_decided_by=a.signal("required_depth").missing + a.signal("model_in_use").missing,
        # The facts the two depths wait on, not every delivery fact they cite: complexity
        # does not decide a standard delivery's depth, for one.
        decided_by=() if fits is not None
        else a.signal("required_depth").missing + a.signal("model_in_use").missing,
        facts=cite(a, "required_depth", "model_in_use"),
        signals=("required_depth", "model_in_use"),
        action=_DEEPEN if difference > 0 else _SIMPLIFY,
    )


PRINCIPLE = Principle(
    code="CR06",
    slug="tailoring",
    theme=Text("Tailoring", "Maatwerk"),
    title=Text("Fit the collaboration to the delivery", "Stem de samenwerking af op de levering"),
    observation=Observation(Text(
        "Collaboration does not come in one size, and no type is better in general. "
        "Catering or cleaning calls for a very different customer/supplier set-up than "
        "complex IT outsourcing or the development of bespoke software.",
        "Samenwerking is geen confectie, en geen enkele vorm is in het algemeen beter. "
        "Catering of schoonmaak vraagt een heel andere inrichting tussen klant en "
        "leverancier dan complexe IT-uitbesteding of de ontwikkeling van maatwerksoftware.")),
    statement=Text(
        "Choose the type of collaboration that fits the nature and content of what is "
        "delivered.",
        "Kies de vorm van samenwerking die past bij de aard en inhoud van wat geleverd "
        "wordt."),
    conditions=(_MODEL_FITS_DELIVERY,),
    assess=assess,
    severity=Severity.HIGH,
    examples=(
        Example(True, Text(
            "Standard office cleaning bought transactionally with service levels.",
            "Standaard kantoorschoonmaak transactioneel ingekocht met serviceniveaus.")),
        Example(False, Text(
            "Bespoke, uncertain software development bought as a fixed-price transaction.",
            "Onzekere maatwerksoftware ingekocht als transactie tegen een vaste prijs.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR06 Tailoring."""
    register(PRINCIPLE)
