"""Case fields as a person reads them: a label per field and a question to ask about it.

A JSON path such as ``$.parties[1].expected_benefit.net`` becomes "the net benefit Fuel
Co expects" and "What net benefit does Fuel Co expect: positive, neutral, negative or
unknown?". Labels are the ``phrase`` of each field in :data:`glossary.FIELDS` (keyed by
the path with list indices left out); a question follows from the field's kind in the
case schema: a choice lists its values, a yes/no field has its own question (``ASK``),
any other field asks "what is ...". A field without a written label (an extension, a
field added later) is named by its key, so a question never shows a JSON path.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..model.case import Case
from ..model.finding import Finding
from ..model.glossary import FIELDS
from ..model.models import ModelRecommendation
from ..model.report import Question
from ..model.text import Text, join
from ..model.vocab import Status, Vocabulary
from .schemas import load_schema

_STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")
P = "parties[]."
R = "relationship."
_GUARD = R + "safeguards."
_GOV = R + "governance."

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
    return list(_steps(path))


# The same paths are asked about case after case: each is parsed once (bounded caches).
@lru_cache(maxsize=4096)
def _steps(path: str) -> tuple[str | int, ...]:
    return tuple(int(index) if index else key for key, index in _STEP.findall(path))


@lru_cache(maxsize=4096)
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
    field = FIELDS.get(key)
    text = field.phrase if field else None
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
