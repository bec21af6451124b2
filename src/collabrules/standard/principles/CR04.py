"""CR04 Differences are also a risk: investigate resistance, weigh rational objections."""

from __future__ import annotations

from ...host.hookspecs import hookimpl
from ...host.registry import PrincipleRegistrar
from ...model.principle import Check, Example, Observation, Principle
from ...model.signal_reads import reads
from ...model.text import Text
from ...model.vocab import Severity, Status
from ...pipeline.assessment import Assessment
from ..signal_values import Names

_RESISTANCE_PRESENT = Check(
    "resistance_present",
    Text("resistance against the other party or its capabilities is recorded",
         "er is weerstand vastgelegd tegen de andere partij of haar capaciteiten"),
    applicability=True)

_RESISTANCE_INVESTIGATED = Check(
    "resistance_investigated",
    Text("every resistance signal has been investigated with the people who resist",
         "elk signaal van weerstand is onderzocht met de mensen die zich verzetten"))

_RATIONAL_OBJECTIONS_ADDRESSED = Check(
    "rational_objections_addressed",
    Text("rational objections are recognised and addressed in the design",
         "rationele bezwaren zijn erkend en krijgen een plaats in de inrichting"))


def _listed(items: Names) -> str:
    return f" ({'; '.join(items)})" if items else ""


@reads("$.relationship.resistance", signals=("resistance_state",))
def assess(a: Assessment) -> None:
    """Applies when resistance is recorded; checks investigation and rational objections."""
    state = a.signal("resistance_state").value
    applies = a.applies(
        _RESISTANCE_PRESENT.id,
        None if state is None else state.count > 0,
        _RESISTANCE_PRESENT.text,
        facts=(a.fact("$.relationship.resistance", None if state is None else state.count),),
        signals=("resistance_state",),
    )
    if not applies or state is None:
        return
    items = (a.case.relationship.resistance if a.case.relationship else None) or ()
    uninvestigated = state.uninvestigated
    investigated: bool | None = False if uninvestigated else (
        None if state.unknown else True)
    a.check(
        _RESISTANCE_INVESTIGATED.id,
        investigated,
        _RESISTANCE_INVESTIGATED.text,
        effect=Status.VIOLATED,
        facts=tuple(a.fact(f"$.relationship.resistance[{i}].investigated", r.investigated)
                    for i, r in enumerate(items)),
        signals=("resistance_state",),
        decided_by=state.unknown,
        action=Text(
            "Investigate the objection with its owner{items}: ask what drives it, and "
            "record which reasons are rational.",
            "Onderzoek het bezwaar met de eigenaar ervan{items}: vraag wat erachter zit "
            "en leg vast welke redenen rationeel zijn.").format(items=_listed(uninvestigated)),
    )
    unaddressed = state.rational_unaddressed
    weighed: bool | None = False if unaddressed else (None if state.unweighed else True)
    a.check(
        _RATIONAL_OBJECTIONS_ADDRESSED.id,
        weighed,
        _RATIONAL_OBJECTIONS_ADDRESSED.text,
        facts=tuple(f for i, r in enumerate(items) for f in (
            a.fact(f"$.relationship.resistance[{i}].rational", r.rational),
            a.fact(f"$.relationship.resistance[{i}].addressed", r.addressed))),
        signals=("resistance_state",),
        decided_by=state.unweighed,
        action=Text(
            "Give the rational objections a place in the design{items}: adjust the way "
            "of working where the objection is right, and explain where it is not.",
            "Geef de rationele bezwaren een plaats in de inrichting{items}: pas de "
            "werkwijze aan waar het bezwaar klopt en leg uit waar niet.").format(
                items=_listed(unaddressed)),
    )


PRINCIPLE = Principle(
    code="CR04",
    slug="differences-are-a-risk",
    theme=Text("Differences are also a risk", "Verschillen zijn ook een risico"),
    title=Text("Investigate resistance before overruling it",
               "Onderzoek weerstand voordat u eraan voorbijgaat"),
    observation=Observation(Text(
        "People look for safety among their own kind. That breeds group-think, conformism "
        "and rejection of whatever was not invented here, which works against using the "
        "other party's strengths. Resistance usually points at something that matters, "
        "sometimes at the level of values and beliefs.",
        "Mensen zoeken veiligheid bij hun eigen soort. Dat leidt tot groepsdenken, "
        "conformisme en afwijzing van alles wat niet zelf is bedacht, en dat werkt het "
        "benutten van de sterke punten van de andere partij tegen. Weerstand wijst meestal "
        "op iets belangrijks, soms op het niveau van waarden en overtuigingen.")),
    statement=Text(
        "When resistance against using the other party's capabilities appears, "
        "investigate and weigh the drivers behind it, and give rational objections their "
        "place.",
        "Als er weerstand ontstaat tegen het benutten van de capaciteiten van de andere "
        "partij, onderzoek en weeg dan de drijfveren erachter, en geef rationele bezwaren "
        "hun plaats."),
    conditions=(_RESISTANCE_PRESENT, _RESISTANCE_INVESTIGATED, _RATIONAL_OBJECTIONS_ADDRESSED),
    assess=assess,
    severity=Severity.MEDIUM,
    examples=(
        Example(False, Text(
            "The IT department rejects the supplier's development method because its own "
            "standards are proven, and nobody asks why.",
            "De IT-afdeling wijst de ontwikkelmethode van de leverancier af omdat de eigen "
            "standaarden zich bewezen hebben, en niemand vraagt waarom.")),
        Example(True, Text(
            "Security's objection to remote access was investigated, found rational, and "
            "met with a separate test environment.",
            "Het bezwaar van security tegen toegang op afstand is onderzocht, rationeel "
            "bevonden en opgelost met een aparte testomgeving.")),
    ),
)


@hookimpl
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register CR04 Differences are also a risk."""
    register(PRINCIPLE)
