"""Case fields as a person reads them: a label per field and a question to ask about it.

A JSON path such as ``$.parties[1].expected_benefit.net`` becomes "the net benefit Fuel
Co expects" and "What net benefit does Fuel Co expect: positive, neutral, negative or
unknown?". Labels are written per field (``LABELS``, keyed by the path with list indices
left out); a question follows from the field's kind in the case schema: a choice lists
its values, a yes/no field has its own question (``ASK``), any other field asks "what
is ...". A field without a written label (an extension, a field added later) is named
by its key, so a question never shows a JSON path.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..model.case import Case
from ..model.finding import Finding
from ..model.models import ModelRecommendation
from ..model.report import Question
from ..model.text import Text, join
from ..model.vocab import Status, Vocabulary
from .schemas import load_schema

_STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")
P = "parties[]."
R = "relationship."

# {party}: the party's name; {item}: the item of a list the field belongs to.
LABELS: dict[str, Text] = {
    "schema_version": Text("the case format version", "de versie van het casusformaat"),
    "id": Text("the relationship's identifier", "de sleutel van de relatie"),
    "title": Text("the relationship's title", "de titel van de relatie"),
    "assessed_on": Text("the date the facts were assessed",
                        "de datum waarop de feiten zijn beoordeeld"),
    "perspective": Text("the party the assessment is for", "de partij voor wie de beoordeling is"),
    "parties": Text("the parties", "de partijen"),
    P + "id": Text("{party}'s identifier", "de sleutel van {party}"),
    P + "name": Text("{party}'s name", "de naam van {party}"),
    P + "role": Text("{party}'s role", "de rol van {party}"),
    P + "size": Text("{party}'s size", "de omvang van {party}"),
    P + "reach": Text("{party}'s market reach", "het marktbereik van {party}"),
    P + "sector": Text("{party}'s sector", "de sector van {party}"),
    P + "attitude": Text("{party}'s attitude towards this relationship",
                         "de houding van {party} tegenover deze relatie"),
    P + "power": Text("{party}'s market power", "de marktmacht van {party}"),
    P + "replaceability": Text("{party}'s replaceability", "de vervangbaarheid van {party}"),
    P + "interests": Text("{party}'s drivers (needs, wishes, hesitations)",
                          "de drijfveren van {party} (behoeften, wensen, aarzelingen)"),
    P + "interests[].description": Text("the description of {party}'s driver {item}",
                                        "de omschrijving van drijfveer {item} van {party}"),
    P + "interests[].kind": Text("the kind of {party}'s driver \"{item}\"",
                                 "het soort drijfveer \"{item}\" van {party}"),
    P + "interests[].disclosed": Text("whether the other side knows {party}'s driver \"{item}\"",
                                      "of de andere kant drijfveer \"{item}\" van {party} kent"),
    P + "goals": Text("{party}'s goals", "de doelen van {party}"),
    P + "goals[].topic": Text("the topic of {party}'s goal {item}",
                              "het onderwerp van doel {item} van {party}"),
    P + "goals[].direction": Text("the direction of {party}'s goal \"{item}\"",
                                  "de richting van het doel \"{item}\" van {party}"),
    P + "goals[].owner": Text("the owner of {party}'s goal \"{item}\"",
                              "de eigenaar van het doel \"{item}\" van {party}"),
    P + "goals[].horizon": Text("the time horizon of {party}'s goal \"{item}\"",
                                "de tijdshorizon van het doel \"{item}\" van {party}"),
    P + "goals[].disclosed": Text("whether the other side knows {party}'s goal \"{item}\"",
                                  "of de andere kant het doel \"{item}\" van {party} kent"),
    P + "goals[].description": Text("the description of {party}'s goal \"{item}\"",
                                    "de omschrijving van het doel \"{item}\" van {party}"),
    P + "departmental_targets": Text("{party}'s departmental targets",
                                     "de afdelingsdoelstellingen van {party}"),
    P + "departmental_targets[].department": Text(
        "the department behind {party}'s target {item}",
        "de afdeling achter doelstelling {item} van {party}"),
    P + "departmental_targets[].target": Text("{party}'s departmental target {item}",
                                              "afdelingsdoelstelling {item} van {party}"),
    P + "departmental_targets[].topic": Text("the topic of {party}'s target \"{item}\"",
                                             "het onderwerp van doelstelling \"{item}\" van "
                                             "{party}"),
    P + "departmental_targets[].direction": Text(
        "the direction of {party}'s target \"{item}\"",
        "de richting van doelstelling \"{item}\" van {party}"),
    P + "departmental_targets[].horizon": Text(
        "the time horizon of {party}'s target \"{item}\"",
        "de tijdshorizon van doelstelling \"{item}\" van {party}"),
    P + "capabilities_offered": Text("the capabilities {party} brings",
                                     "de capaciteiten die {party} inbrengt"),
    P + "capabilities_needed": Text("the capabilities {party} lacks and needs",
                                    "de capaciteiten die {party} mist en nodig heeft"),
    P + "expected_benefit": Text("the benefit {party} expects",
        "het voordeel dat {party} verwacht"),
    P + "expected_benefit.net": Text("the net benefit {party} expects",
                                     "het netto voordeel dat {party} verwacht"),
    P + "expected_benefit.description": Text("the description of what {party} gains",
                                             "de omschrijving van wat {party} wint"),
    P + "conduct": Text("{party}'s conduct in the relationship",
                        "het gedrag van {party} in de relatie"),
    "delivery": Text("the delivery", "de levering"),
    "delivery.kind": Text("the kind of delivery", "het soort levering"),
    "delivery.description": Text("the description of the delivery",
        "de omschrijving van de levering"),
    "delivery.standardisation": Text("the delivery's degree of standardisation",
                                     "de mate van standaardisatie van de levering"),
    "delivery.complexity": Text("the delivery's complexity", "de complexiteit van de levering"),
    "delivery.risk": Text("the impact when the delivery fails",
                          "de impact als de levering faalt"),
    "delivery.uncertainty": Text("the delivery's uncertainty",
                                 "de onzekerheid van de levering"),
    "delivery.strategic_importance": Text("the delivery's strategic importance",
                                          "het strategisch belang van de levering"),
    "delivery.spend_impact": Text("the financial impact of the spend",
                                  "de financiële impact van de uitgaven"),
    "delivery.annual_spend": Text("the spend per year", "de uitgaven per jaar"),
    "delivery.currency": Text("the currency of the spend", "de valuta van de uitgaven"),
    "delivery.duration_months": Text("the contract duration in months",
                                     "de contractduur in maanden"),
    "relationship": Text("the organisation of the relationship",
                         "de inrichting van de relatie"),
    R + "model": Text("the collaboration model in use", "het gebruikte samenwerkingsmodel"),
    R + "label": Text("the name used for the relationship", "de naam voor de relatie"),
    R + "posture": Text("your posture in the relationship", "uw opstelling in de relatie"),
    R + "trust": Text("the actual level of mutual trust",
                      "het werkelijke niveau van wederzijds vertrouwen"),
    R + "safeguards": Text("the formal safeguards", "de formele waarborgen"),
    R + "governance": Text("the joint governance", "de gezamenlijke besturing"),
    R + "resistance": Text("the signs of resistance", "de signalen van weerstand"),
    R + "resistance[].who": Text("the party resisting ({item})",
        "de partij die zich verzet ({item})"),
    R + "resistance[].against": Text("the subject of the resistance ({item})",
                                  "het onderwerp van de weerstand ({item})"),
    R + "resistance[].reasons": Text("the reasons given for the resistance \"{item}\"",
                                     "de redenen voor de weerstand \"{item}\""),
    R + "resistance[].rational": Text("whether the objection \"{item}\" is rational",
                                      "of het bezwaar \"{item}\" rationeel is"),
    R + "resistance[].investigated": Text(
        "whether the drivers behind \"{item}\" were investigated",
        "of de drijfveren achter \"{item}\" zijn onderzocht"),
    R + "resistance[].addressed": Text("whether the objection \"{item}\" was given its place",
                                       "of het bezwaar \"{item}\" een plaats kreeg"),
    R + "resistance[].outcome": Text("the outcome of the resistance \"{item}\"",
                                     "de uitkomst van de weerstand \"{item}\""),
    R + "phase": Text("the relationship's lifecycle phase",
                      "de fase van de relatie in haar levenscyclus"),
    R + "development": Text("the development of the relationship",
                            "de ontwikkeling van de relatie"),
    R + "development.structured_process": Text(
        "whether a structured process develops the relationship",
        "of een gestructureerd proces de relatie ontwikkelt"),
    R + "development.stages": Text("the stages of the development process",
                                   "de fasen van het ontwikkelproces"),
    R + "development.stage_count": Text("the number of stages of the development process",
                                        "het aantal fasen van het ontwikkelproces"),
    R + "notes": Text("the notes on the relationship", "de notities over de relatie"),
    P + "notes": Text("the notes on {party}", "de notities over {party}"),
    P + "goals[].id": Text("the identifier of {party}'s goal \"{item}\"",
                           "de sleutel van het doel \"{item}\" van {party}"),
    P + "goals[].opposes": Text("the goals that {party}'s goal \"{item}\" opposes",
                                "de doelen waar het doel \"{item}\" van {party} tegenin gaat"),
    P + "goals[].target": Text("the target of {party}'s goal \"{item}\"",
                               "de doelstelling bij het doel \"{item}\" van {party}"),
    R + "development.planned_months": Text(
        "the number of months planned until full operation",
        "het aantal geplande maanden tot volledige werking"),
    R + "development.done_at_signing": Text(
        "whether the relationship counts as done at signing",
        "of de relatie als af geldt bij ondertekening"),
    "charter": Text("the principle charter", "het principehandvest"),
    "charter.endorsements": Text("the charter's endorsements",
                                 "de instemmingen met het handvest"),
    "charter.endorsements[].stakeholder": Text("the endorsing stakeholder ({item})",
                                               "de instemmende belanghebbende ({item})"),
    "charter.endorsements[].role": Text("the role of {item}", "de rol van {item}"),
    "charter.endorsements[].date": Text("the date {item} endorsed",
        "de datum waarop {item} instemde"),
    "charter.endorsements[].digest": Text("the principle set {item} endorsed",
                                          "de principeset waarmee {item} instemde"),
    "charter.endorsements[].phase": Text("the lifecycle phase {item} endorsed in",
                                         "de levensfase waarin {item} instemde"),
    "extensions": Text("the organisation-specific facts", "de organisatiespecifieke feiten"),
}
_GUARD = R + "safeguards."
_GOV = R + "governance."
for _key, _en, _nl in (
    ("price_guarantee", "a price guarantee", "een prijsgarantie"),
    ("time_guarantee", "a delivery-time guarantee", "een levertijdgarantie"),
    ("quality_guarantee", "a quality guarantee", "een kwaliteitsgarantie"),
    ("service_levels", "agreed and measured service levels",
     "afgesproken en gemeten serviceniveaus"),
    ("penalties", "penalties for missed guarantees", "boetes bij gemiste garanties"),
    ("escalation", "an escalation procedure", "een escalatieprocedure"),
    ("exit_plan", "an exit plan", "een exitplan"),
    ("legal_capacity", "legal and negotiation capacity",
     "juridische en onderhandelingscapaciteit"),
):
    LABELS[_GUARD + _key] = Text(f"whether there is {_en}", f"of er {_nl} is")
for _key, _en, _nl in (
    ("mixed_teams", "mixed teams of both parties", "gemengde teams van beide partijen"),
    ("knowledge_sharing", "knowledge sharing between the parties",
     "kennisdeling tussen de partijen"),
    ("joint_steering", "a joint steering group", "een gezamenlijke stuurgroep"),
    ("commercial_review", "an open commercial review", "een open commercieel overleg"),
    ("open_book", "open-book calculation", "openboekcalculatie"),
    ("gain_sharing", "gain-sharing between the parties", "het delen van opbrengsten"),
    ("performance_incentives", "a performance incentive for the supplier",
     "een prestatieprikkel voor de leverancier"),
    ("joint_innovation", "joint innovation", "gezamenlijke innovatie"),
):
    LABELS[_GOV + _key] = Text(f"whether there is {_en}", f"of er {_nl} is")

# Questions of their own: yes/no fields and lists (the others follow from the label).
ASK: dict[str, Text] = {
    P + "interests": Text("What drives {party}: which needs, wishes and hesitations?",
                          "Wat drijft {party}: welke behoeften, wensen en aarzelingen?"),
    P + "interests[].disclosed": Text("Does the other side know that \"{item}\" drives {party}?",
                                      "Weet de andere kant dat \"{item}\" {party} drijft?"),
    P + "goals": Text("What are {party}'s goals, and which way does each push?",
                      "Wat zijn de doelen van {party}, en welke kant duwt elk doel op?"),
    P + "goals[].disclosed": Text("Does the other side know {party}'s goal \"{item}\"?",
                                  "Kent de andere kant het doel \"{item}\" van {party}?"),
    P + "departmental_targets": Text("Which targets do {party}'s departments have?",
                                     "Welke doelstellingen hebben de afdelingen van {party}?"),
    P + "capabilities_offered": Text("Which capabilities does {party} bring?",
                                     "Welke capaciteiten brengt {party} in?"),
    P + "capabilities_needed": Text("Which capabilities does {party} lack and need?",
                                    "Welke capaciteiten mist {party} en heeft het nodig?"),
    P + "conduct": Text("How has {party} behaved in the relationship so far?",
                        "Hoe heeft {party} zich tot nu toe in de relatie gedragen?"),
    R + "resistance": Text("Is anyone resisting the relationship, and against what?",
                           "Verzet iemand zich tegen de relatie, en waartegen?"),
    R + "resistance[].reasons": Text("Which reasons are given for the resistance \"{item}\"?",
                                     "Welke redenen worden gegeven voor de weerstand "
                                     "\"{item}\"?"),
    R + "resistance[].rational": Text("Is the objection \"{item}\" rational (could it be "
                                      "right)?",
                                      "Is het bezwaar \"{item}\" rationeel (kan het terecht "
                                      "zijn)?"),
    R + "resistance[].investigated": Text("Were the drivers behind \"{item}\" investigated?",
                                          "Zijn de drijfveren achter \"{item}\" onderzocht?"),
    R + "resistance[].addressed": Text("Was the objection \"{item}\" given its place?",
                                       "Heeft het bezwaar \"{item}\" een plaats gekregen?"),
    R + "development.structured_process": Text(
        "Is the relationship developed in a structured process with stages?",
        "Wordt de relatie ontwikkeld in een gestructureerd proces met fasen?"),
    R + "development.stages": Text("Which stages does the development process have?",
                                   "Welke fasen heeft het ontwikkelproces?"),
    R + "development.done_at_signing": Text(
        "Is the relationship considered done once the contract is signed?",
        "Wordt de relatie als af gezien zodra het contract getekend is?"),
    "parties": Text("Who are the parties in the relationship?",
                    "Wie zijn de partijen in de relatie?"),
    R + "safeguards": Text("Which formal safeguards are in place?",
                           "Welke formele waarborgen zijn er?"),
    "extensions": Text("Which organisation-specific facts apply?",
                       "Welke organisatiespecifieke feiten gelden?"),
    "charter.endorsements": Text("Who endorsed the principle charter?",
                                 "Wie stemde in met het principehandvest?"),
}
for _key, _en, _nl in (
    ("price_guarantee", "Does the contract guarantee the price?",
     "Garandeert het contract de prijs?"),
    ("time_guarantee", "Does the contract guarantee delivery times?",
     "Garandeert het contract de levertijden?"),
    ("quality_guarantee", "Does the contract guarantee quality?",
     "Garandeert het contract de kwaliteit?"),
    ("service_levels", "Are service levels agreed and measured?",
     "Zijn serviceniveaus afgesproken en worden ze gemeten?"),
    ("penalties", "Do penalties apply when guarantees are missed?",
     "Gelden er boetes als garanties gemist worden?"),
    ("escalation", "Is there an escalation procedure?", "Is er een escalatieprocedure?"),
    ("exit_plan", "Is there an exit plan?", "Is er een exitplan?"),
    ("legal_capacity", "Is legal and negotiation capacity available?",
     "Is er juridische en onderhandelingscapaciteit?"),
):
    ASK[_GUARD + _key] = Text(_en, _nl)
for _key, _en, _nl in (
    ("mixed_teams", "Do both parties work in mixed teams?",
     "Werken beide partijen in gemengde teams?"),
    ("knowledge_sharing", "Do the parties share knowledge?", "Delen de partijen kennis?"),
    ("joint_steering", "Is there a joint steering group?", "Is er een gezamenlijke stuurgroep?"),
    ("commercial_review", "Are price, margin and effort discussed openly in a regular review?",
     "Worden prijs, marge en inspanning openlijk besproken in een vast overleg?"),
    ("open_book", "Is the calculation open-book?", "Wordt er met open boeken gecalculeerd?"),
):
    ASK[_GOV + _key] = Text(_en, _nl)

_WHAT = Text("What is {label}?", "Wat is {label}?")
_CHOOSE = Text("What is {label}: {choices}?", "Wat is {label}: {choices}?")
_YES_NO = Text("Is this so: {label}?", "Klopt dit: {label}?")
_ANSWER = Text("the answer to \"{question}\" is {value}",
               "het antwoord op \"{question}\" {value} is")
_IS = Text("{label} is {value}", "{label} {value} is")
_OR = Text(" or ", " of ")
_AND = Text(" and ", " en ")
_YES = Text("yes", "ja")
_NO = Text("no", "nee")
_HOUSE = Text("the organisation's fact \"{name}\"", "het organisatiefeit \"{name}\"")


def steps(path: str) -> list[str | int]:
    """``$.parties[1].goals`` -> ``["parties", 1, "goals"]``."""
    return [int(index) if index else key for key, index in _STEP.findall(path)]


def field_key(path: str) -> str:
    """The path with list indices left out and without ``$.``: ``parties[].goals``."""
    key = re.sub(r"\[\d+\]", "[]", path)
    return key[2:] if key.startswith("$.") else key


@cache
def _schema_leaf(key: str) -> dict[str, Any] | None:
    schema = load_schema("case")
    node: dict[str, Any] | None = schema
    for part in re.findall(r"([^.\[\]]+)|(\[\])", key):
        node = resolve(schema, node) if node is not None else None
        if node is None:
            return None
        node = node.get("items") if part[1] else node.get("properties", {}).get(part[0])
    return resolve(schema, node) if node is not None else None


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` followed (within the same schema)."""
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def choices(path: str) -> tuple[Any, ...] | None:
    """The values a field can take when they are few and named (enum, boolean), else None."""
    leaf = _schema_leaf(field_key(path))
    if leaf is None:
        return None
    if "enum" in leaf:
        return tuple(leaf["enum"])
    if "const" in leaf:
        return (leaf["const"],)
    if leaf.get("type") == "boolean":
        return (True, False)
    options = leaf.get("oneOf") or leaf.get("anyOf")
    if options and all(isinstance(o, dict) and "const" in o for o in options):
        return tuple(o["const"] for o in options)
    return None


def value_label(value: Any) -> Text:
    """How a case value reads: the vocabulary's label, yes/no, or the value itself."""
    if value is True:
        return _YES
    if value is False:
        return _NO
    for vocabulary in _vocabularies():
        if value in vocabulary._value2member_map_:
            label: Text = vocabulary(value).label
            return label
    return Text(str(value), str(value))


@cache
def _vocabularies() -> tuple[type[Vocabulary], ...]:
    return tuple(Vocabulary.__subclasses__())


def _item(case: Case | None, parts: list[str | int]) -> str:
    """A short name for the list item a path goes through (goal topic, resistance, ...)."""
    if case is None:
        return "?"
    try:
        if parts[0] == "parties" and len(parts) > 3:
            party = case.parties[int(parts[1])]
            item = getattr(party, str(parts[2]))[int(parts[3])]
            return str(getattr(item, "topic", None) or getattr(item, "target", None)
                       or getattr(item, "description", None) or int(parts[3]) + 1)
        if parts[0] == "relationship" and parts[1] == "resistance" and case.relationship:
            entry = (case.relationship.resistance or ())[int(parts[2])]
            return f"{entry.who}: {entry.against}"
        if parts[0] == "charter" and case.charter:
            return str((case.charter.endorsements or ())[int(parts[2])].stakeholder)
    except (IndexError, TypeError, AttributeError, ValueError):
        pass
    return "?"


def _party(case: Case | None, parts: list[str | int]) -> str | Text:
    if parts[:1] != ["parties"] or len(parts) < 2 or not isinstance(parts[1], int):
        return "?"
    if case is not None and parts[1] < len(case.parties):
        return case.parties[parts[1]].name
    return Text(f"party {parts[1] + 1}", f"partij {parts[1] + 1}")


def label(path: str, case: Case | None = None) -> Text:
    """The field a JSON path names, as a person reads it ("the delivery's complexity")."""
    key = field_key(path)
    parts = steps(path)
    text = LABELS.get(key)
    if text is None and parts[:1] == ["extensions"]:
        text = _HOUSE.format(name=".".join(str(p) for p in parts[1:]))
    elif text is None:  # a field without a written label: its key, never the path
        name = str(parts[-1]).replace("_", " ") if parts else "?"
        text = Text(name, name)
    return text.format(party=_party(case, parts), item=_item(case, parts))


def labels(paths: list[str] | tuple[str, ...], case: Case | None = None) -> Text:
    """Several fields named in one text: "a, b and c"."""
    named = [label(p, case) for p in paths]
    if len(named) < 2:
        return named[0] if named else Text("", "")
    return join(named[:-1], ", ") + _AND + named[-1]


def either(values: list[Text] | tuple[Text, ...]) -> Text:
    """``a, b or c`` in both languages."""
    if len(values) < 2:
        return values[0] if values else Text("", "")
    return join(list(values[:-1]), ", ") + _OR + values[-1]


def question(path: str, case: Case | None = None) -> Text:
    """What to ask a person to learn this field, naming parties and fields, not paths."""
    parts = steps(path)
    own = ASK.get(field_key(path))
    if own is not None:
        return own.format(party=_party(case, parts), item=_item(case, parts))
    values = choices(path)
    name = label(path, case)
    if values == (True, False):
        leaf = _schema_leaf(field_key(path)) or {}
        return _YES_NO.format(label=Text(leaf.get("description", "").rstrip("."),
                                         leaf.get("x-description-nl", "").rstrip(".")))
    if values:
        return _CHOOSE.format(label=name, choices=either([value_label(v) for v in values]))
    return _WHAT.format(label=name)


def condition(path: str, values: list[Any] | tuple[Any, ...], case: Case | None = None) -> Text:
    """A field having one of some values, as a clause: "the delivery's complexity is low"."""
    named = either([value_label(v) for v in values])
    if choices(path) == (True, False):
        return _ANSWER.format(question=question(path, case), value=named)
    return _IS.format(label=label(path, case), value=named)


MODEL = "model"
"""How the recommendation is named among the verdicts a question settles."""


def to_ask(findings: tuple[Finding, ...] | list[Finding],
           recommendation: ModelRecommendation | None, case: Case) -> tuple[Question, ...]:
    """The facts to find out, most open verdicts settled first, each as a question."""
    waiting: dict[str, list[str]] = {}
    for finding in findings:
        if finding.status is Status.UNDETERMINED or finding.missing:
            for path in dict.fromkeys(finding.missing):
                waiting.setdefault(path, []).append(finding.code)
    if recommendation is not None and recommendation.model is None:
        for path in dict.fromkeys(recommendation.missing):
            waiting.setdefault(path, []).append(MODEL)
    ranked = sorted(waiting.items(), key=lambda item: -len(item[1]))  # stable: first seen
    return tuple(Question(path=path, text=question(path, case), verdicts=tuple(codes))
                 for path, codes in ranked)
