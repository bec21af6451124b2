"""CR09 It takes time: develop the relationship through a structured process."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.case import Development
from ...model.kleene import not3
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Severity, Status
from ...pipeline.assessment import Assessment
from ..evidence import cite
from ..settle import either
from ..signal_values import Depth

DEV = "$.relationship.development"


_MEANT_TO_DEVELOP = Check(
    "meant_to_develop",
    Text("the relationship is meant to be developed: its model is deeper than "
         "transactional, or it is called a partnership",
         "de relatie is bedoeld om te ontwikkelen: haar model is dieper dan "
         "transactioneel, of ze heet een partnerschap"),
    applicability=True)

_STRUCTURED_PROCESS = Check(
    "structured_process",
    Text("a structured process with stages develops the relationship",
         "een gestructureerd proces met fasen ontwikkelt de relatie"))

_NOT_DONE_AT_SIGNING = Check(
    "not_done_at_signing",
    Text("the relationship is not assumed to be complete once the contract is signed",
         "de relatie wordt niet als af beschouwd zodra het contract is getekend"))

_TIME_FITS_DEPTH = Check(
    "time_fits_depth",
    Text("the time planned fits the depth of collaboration aimed at",
         "de geplande tijd past bij de beoogde diepgang van samenwerking"))


@reads("$.relationship.development", "$.relationship.label",
       signals=("model_in_use", "aimed_depth", "months_needed"))
def assess(a: Assessment) -> None:
    """Check the process, the signing assumption and the time planned for the depth."""
    relationship = a.case.relationship
    used = a.signal("model_in_use").value
    deeper = None if used is None else (used.depth >= Depth.PERFORMANCE_BASED
                                        and not used.adversarial)
    # The word, not the treatment (DOMAIN: "a model deeper than transactional, or a
    # partnership label"): open books on a transactional contract develop nothing.
    label = relationship.label if relationship else None
    labelled = None if label is None else "partner" in label.lower()
    if not a.applies(
        _MEANT_TO_DEVELOP.id,
        either(deeper, labelled),
        _MEANT_TO_DEVELOP.text,
        facts=(*cite(a, "model_in_use"), a.fact("$.relationship.label", label)),
        signals=("model_in_use",),
    ):
        return
    dev = (relationship.development if relationship else None) or Development()
    aimed = a.signal("aimed_depth").value
    a.check(
        _STRUCTURED_PROCESS.id,
        dev.structured_process,
        _STRUCTURED_PROCESS.text,
        effect=Status.VIOLATED if aimed is not None and aimed >= Depth.COLLABORATIVE
        else Status.AT_RISK,
        effect_decided_by=a.signal("aimed_depth").missing,
        facts=(a.fact(f"{DEV}.structured_process", dev.structured_process),
               *cite(a, "aimed_depth")),
        # Only the process decides it; the depth aimed at decides the effect alone.
        decided_by=(f"{DEV}.structured_process",) if dev.structured_process is None else (),
        signals=("aimed_depth",),
        action=Text(
            "Set up a staged development process (for example joint start, pilot, "
            "scale-up) with a review at the end of each stage.",
            "Richt een gefaseerd ontwikkelproces in (bijvoorbeeld gezamenlijke start, "
            "pilot, opschaling) met een evaluatie aan het eind van elke fase."),
    )
    not_done = not3(dev.done_at_signing)
    if not_done is None and dev.staged and dev.planned_months:
        not_done = True  # stages planned over months from signing: not done at signing
    a.check(
        _NOT_DONE_AT_SIGNING.id,
        not_done,
        _NOT_DONE_AT_SIGNING.text,
        effect=Status.VIOLATED if aimed is not None and aimed >= Depth.PERFORMANCE_BASED
        else Status.AT_RISK,
        effect_decided_by=a.signal("aimed_depth").missing,
        facts=(a.fact(f"{DEV}.done_at_signing", dev.done_at_signing),
               a.fact(f"{DEV}.planned_months", dev.planned_months)),
        decided_by=() if not_done is not None else (
            f"{DEV}.done_at_signing",
            *((f"{DEV}.stages", f"{DEV}.stage_count") if dev.staged is None else ()),
            *((f"{DEV}.planned_months",) if dev.planned_months is None else ())),
        signals=("aimed_depth",),
        action=Text(
            "Plan the work after signing: transition, joint reviews and the steps that "
            "build trust are part of the relationship, not an afterthought.",
            "Plan het werk na de ondertekening: transitie, gezamenlijke evaluaties en de "
            "stappen die vertrouwen opbouwen horen bij de relatie, niet erna."),
    )
    needed = a.signal("months_needed").value
    planned = dev.planned_months
    enough = None if planned is None or needed is None else planned >= needed
    a.check(
        _TIME_FITS_DEPTH.id,
        enough,
        _TIME_FITS_DEPTH.text,
        # Too little time is a breach only for a deep model (DOMAIN: "a few weeks for a deep
        # model"), as a missing process is; below collaborative depth it is a risk.
        effect=Status.VIOLATED if enough is False and planned is not None and needed is not None
        and planned < needed / 2 and aimed is not None and aimed >= Depth.COLLABORATIVE
        else Status.AT_RISK,
        effect_decided_by=a.signal("months_needed").missing
        + ((f"{DEV}.planned_months",) if planned is None else ()),
        facts=(a.fact(f"{DEV}.planned_months", planned),),
        signals=("months_needed",),
        action=Text(
            "Plan at least {months:g} months to build this depth of collaboration, in "
            "stages; until then, keep formal safeguards in place.",
            "Plan minstens {months:g} maanden om deze diepgang van samenwerking op te bouwen, "
            "in fasen; houd tot dan formele waarborgen aan.").format(months=needed or 0),
    )


PRINCIPLE = Principle(
    code="CR09",
    slug="it-takes-time",
    theme=Text("It takes time", "Het heeft tijd nodig"),
    title=Text("Take the time and follow a structured process",
               "Neem de tijd en volg een gestructureerd proces"),
    observation=Observation(Text(
        "A close relationship does not appear because two executives sign a contract in "
        "front of a camera. Building trust and a productive relationship costs effort and "
        "time, and needs a controlled process.",
        "Een hechte relatie ontstaat niet doordat twee bestuurders voor de camera een "
        "contract tekenen. Vertrouwen en een productieve relatie opbouwen kost moeite en "
        "tijd, en vraagt een beheerst proces.")),
    statement=Text(
        "Take the time that change needs and develop the relationship through a "
        "structured process.",
        "Neem de tijd die verandering nodig heeft en ontwikkel de relatie via een "
        "gestructureerd proces."),
    conditions=(_MEANT_TO_DEVELOP, _STRUCTURED_PROCESS, _NOT_DONE_AT_SIGNING, _TIME_FITS_DEPTH),
    assess=assess,
    severity=Severity.MEDIUM,
    examples=(
        Example(False, Text(
            "Three months are planned from signing to full operation of a bespoke "
            "development, with no stages.",
            "Voor maatwerkontwikkeling is drie maanden gepland van ondertekening tot "
            "volledige uitvoering, zonder fasen.")),
        Example(True, Text(
            "A joint start, a pilot with a mixed team and a scale-up, each closed with a "
            "review.",
            "Een gezamenlijke start, een pilot met een gemengd team en een opschaling, elk "
            "afgesloten met een evaluatie.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR09 It takes time."""
    register(PRINCIPLE)
