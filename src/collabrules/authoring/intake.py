"""Guided intake: the questions a consultant answers to describe a relationship.

Each question knows where its answer goes in the case, what it means, and which values it
allows. :func:`case_yaml` writes the answers as a commented YAML case; unanswered
questions are left out (a field left out is unknown, never a silent default).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ..model.glossary import TERMS
from ..model.records import shared_repr
from ..model.text import Text
from ..model.vocab import (
    Attitude,
    DeliveryKind,
    Direction,
    Level,
    Net,
    Phase,
    Posture,
    Power,
    Reach,
    Replaceability,
    Role,
    Size,
    Standardisation,
    Vocabulary,
)

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
YES = ("yes", "ja", "y", "j", "true")
NO = ("no", "nee", "n", "false")


@attrs.frozen(kw_only=True)
@shared_repr
class Question:
    """One intake question.

    ``kind`` is ``choice`` (one of ``choices``), ``text``, ``id``, ``model`` (a model id
    from the taxonomy), ``bool``, ``number`` or ``list`` (comma-separated text); ``key``
    is where the answer lands: ``us.size``, ``delivery.risk``,
    ``relationship.safeguards.price_guarantee`` (``us``/``them`` are the two parties).
    A question with ``after`` is asked only when that question was answered;
    ``required`` then holds only when it is asked.
    """

    key: str
    prompt: Text
    explain: Text
    kind: str = "choice"
    choices: type[Vocabulary] | None = None
    required: bool = False
    after: str | None = None


def _party(side: str, who_en: str, who_nl: str) -> list[Question]:
    return [
        Question(key=f"{side}.name", kind="text", required=True,
                 prompt=Text(f"Name of {who_en}", f"Naam van {who_nl}"),
                 explain=Text("The organisation's name as it appears in the report.",
                              "De naam van de organisatie zoals die in het rapport staat.")),
        Question(key=f"{side}.size", choices=Size,
                 prompt=Text(f"How large is {who_en}?", f"Hoe groot is {who_nl}?"),
                 explain=Text("Size matters for power balance and for what a party can invest.",
                              "Omvang bepaalt mede de machtsbalans en wat een partij kan "
                              "investeren.")),
        Question(key=f"{side}.reach", choices=Reach,
                 prompt=Text(f"How far does the market of {who_en} reach?",
                             f"Hoe ver reikt de markt van {who_nl}?"),
                 explain=Text("From local to global; wide reach often means more alternatives.",
                              "Van lokaal tot wereldwijd; een groot bereik betekent vaak meer "
                              "alternatieven.")),
        Question(key=f"{side}.attitude", choices=Attitude,
                 prompt=Text(f"How does {who_en} behave towards this relationship?",
                             f"Hoe gedraagt {who_nl} zich in deze relatie?"),
                 explain=Text("Not everyone is a friend: an opportunistic or hostile party "
                              "calls for a different design than a cooperative one.",
                              "Niet iedereen is een vriend: een opportunistische of vijandige "
                              "partij vraagt een ander ontwerp dan een coöperatieve.")),
        Question(key=f"{side}.power", choices=Power,
                 prompt=Text(f"How much market power does {who_en} have?",
                             f"Hoeveel marktmacht heeft {who_nl}?"),
                 explain=Text("Relative to the other party; dominant means it can dictate terms.",
                              "Ten opzichte van de andere partij; dominant betekent dat zij de "
                              "voorwaarden kan dicteren.")),
        Question(key=f"{side}.replaceability", choices=Replaceability,
                 prompt=Text(f"How easily could {who_en} be replaced?",
                             f"Hoe makkelijk is {who_nl} te vervangen?"),
                 explain=Text("A monopolist cannot be replaced; that shapes dependence.",
                              "Een monopolist is niet te vervangen; dat bepaalt de "
                              "afhankelijkheid.")),
        Question(key=f"{side}.benefit", choices=Net,
                 prompt=Text(f"What net benefit does {who_en} expect from the relationship?",
                             f"Welk netto voordeel verwacht {who_nl} van de relatie?"),
                 explain=Text("Think they - we - I: a relationship lasts when each side gains; "
                              "'unknown' says explicitly that nobody knows.",
                              "Denk zij - wij - ik: een relatie houdt stand als beide kanten "
                              "winnen; 'onbekend' zegt uitdrukkelijk dat niemand het weet.")),
        *_party_goals(side, who_en, who_nl),
    ]


_CAPABILITIES = TERMS["capability"].many or TERMS["capability"].one


def _party_goals(side: str, who_en: str, who_nl: str) -> list[Question]:
    return [
        Question(key=f"{side}.capabilities_offered", kind="list",
                 prompt=Text(f"Which {{many}} does {who_en} bring (comma-separated)?",
                             f"Welke {{many}} brengt {who_nl} in (gescheiden door komma's)?"
                             ).format(many=_CAPABILITIES),
                 explain=Text("Each party should bring something the other lacks.",
                              "Elke partij hoort iets in te brengen wat de ander mist.")),
        Question(key=f"{side}.capabilities_needed", kind="list",
                 prompt=Text(f"Which {{many}} does {who_en} lack and need "
                             "(comma-separated)?",
                             f"Welke {{many}} mist {who_nl} en heeft zij nodig "
                             "(gescheiden door komma's)?").format(many=_CAPABILITIES),
                 explain=Text("Complementary needs and offers make a relationship worth it.",
                              "Aanvullende behoeften en aanbod maken een relatie de moeite "
                              "waard.")),
        Question(key=f"{side}.goal.topic", kind="text",
                 prompt=Text(f"What is the main goal of {who_en} about (e.g. price, quality)?",
                             f"Waar gaat het belangrijkste doel van {who_nl} over (bijv. prijs, "
                             "kwaliteit)?"),
                 explain=Text("One word for the topic; goals of both parties on the same topic "
                              "are compared.",
                              "Eén woord voor het onderwerp; doelen van beide partijen over "
                              "hetzelfde onderwerp worden vergeleken.")),
        Question(key=f"{side}.goal.direction", choices=Direction, after=f"{side}.goal.topic",
                 prompt=Text("Which way does that goal push the topic?",
                             "Wat wil dat doel met het onderwerp?"),
                 explain=Text("One side minimising what the other maximises is a conflict.",
                              "Als de ene kant minimaliseert wat de andere maximaliseert, "
                              "botsen de doelen.")),
        Question(key=f"{side}.goal.disclosed", kind="bool", after=f"{side}.goal.topic",
                 prompt=Text("Does the other party know this goal?",
                             "Kent de andere partij dit doel?"),
                 explain=Text("Hidden goals cannot be aligned.",
                              "Verborgen doelen zijn niet op elkaar af te stemmen.")),
        Question(key=f"{side}.target.department", kind="text",
                 prompt=Text(f"Which department of {who_en} has its own target here "
                             "(e.g. purchasing)?",
                             f"Welke afdeling van {who_nl} heeft hier een eigen doelstelling "
                             "(bijv. inkoop)?"),
                 explain=Text("A narrow departmental target can work against the shared goal.",
                              "Een smalle afdelingsdoelstelling kan het gezamenlijke doel "
                              "tegenwerken.")),
        Question(key=f"{side}.target.target", kind="text", required=True,
                 after=f"{side}.target.department",
                 prompt=Text("What is that department's target (e.g. 20% discount)?",
                             "Wat is de doelstelling van die afdeling (bijv. 20% korting)?"),
                 explain=Text("As the department states it.",
                              "Zoals de afdeling het zelf formuleert.")),
        Question(key=f"{side}.target.topic", kind="text", after=f"{side}.target.department",
                 prompt=Text("What is that target about, in one word (e.g. price, cost, "
                             "speed)?",
                             "Waar gaat die doelstelling over, in één woord (bijv. prijs, "
                             "kosten, snelheid)?"),
                 explain=Text("Without a topic nobody can tell whether the target works "
                              "against the other party's goals.",
                              "Zonder onderwerp is niet te zeggen of de doelstelling tegen de "
                              "doelen van de andere partij ingaat.")),
        Question(key=f"{side}.target.direction", choices=Direction,
                 after=f"{side}.target.topic",
                 prompt=Text("Which way does that target push its topic?",
                             "In welke richting duwt die doelstelling haar onderwerp?"),
                 explain=Text("A department minimising what the other party maximises works "
                              "against it.",
                              "Een afdeling die minimaliseert wat de andere partij "
                              "maximaliseert, werkt haar tegen.")),
    ]


def _level(key: str, en: str, nl: str, explain_en: str, explain_nl: str) -> Question:
    return Question(key=key, choices=Level, prompt=Text(en, nl),
                    explain=Text(explain_en, explain_nl))


def _yes_no(key: str, en: str, nl: str, explain_en: str, explain_nl: str) -> Question:
    return Question(key=key, kind="bool", prompt=Text(en, nl),
                    explain=Text(explain_en, explain_nl))


QUESTIONS: tuple[Question, ...] = (
    Question(key="id", kind="id", required=True,
             prompt=Text("A short identifier for this relationship",
                         "Een korte sleutel voor deze relatie"),
             explain=Text("Letters, digits, '-', '_' or '.'; used to match versions in "
                          "'collabrules compare'.",
                          "Letters, cijfers, '-', '_' of '.'; hiermee koppelt "
                          "'collabrules compare' versies aan elkaar.")),
    Question(key="title", kind="text",
             prompt=Text("Title of the relationship", "Titel van de relatie"),
             explain=Text("One line that people recognise, e.g. 'Office cleaning'.",
                          "Eén regel die mensen herkennen, bijv. 'Kantoorschoonmaak'.")),
    Question(key="perspective", choices=Role, required=True,
             prompt=Text("Whose side is the assessment for: are we the customer or the "
                         "supplier?",
                         "Voor welke kant is de beoordeling: zijn wij de klant of de "
                         "leverancier?"),
             explain=Text("The assessment is made for one party (we), looking at the other "
                          "(they).",
                          "De beoordeling is voor één partij (wij) en kijkt naar de andere "
                          "(zij).")),
    *_party("us", "our organisation", "onze organisatie"),
    *_party("them", "the other party", "de andere partij"),
    Question(key="delivery.kind", choices=DeliveryKind,
             prompt=Text("What is delivered?", "Wat wordt er geleverd?"),
             explain=Text("A product, a service, or both.", "Een product, een dienst of beide.")),
    Question(key="delivery.standardisation", choices=Standardisation,
             prompt=Text("How standard is the delivery?", "Hoe standaard is de levering?"),
             explain=Text("Commodity and standard deliveries need little tailoring; bespoke "
                          "ones need close collaboration.",
                          "Commodity- en standaardleveringen vragen weinig maatwerk in de "
                          "samenwerking; maatwerk vraagt nauwe samenwerking.")),
    _level("delivery.complexity", "How complex is the delivery?", "Hoe complex is de levering?",
           "Complex work needs more coordination between the parties.",
           "Complex werk vraagt meer afstemming tussen de partijen."),
    _level("delivery.risk", "How large is the impact when the delivery fails?",
           "Hoe groot is de impact als de levering mislukt?",
           "High risk justifies investing in trust and joint governance.",
           "Hoog risico rechtvaardigt investeren in vertrouwen en gezamenlijke sturing."),
    _level("delivery.uncertainty", "How uncertain or poorly specified is the work?",
           "Hoe onzeker of slecht gespecificeerd is het werk?",
           "When little can be specified up front, guarantees in a contract help less.",
           "Als er vooraf weinig te specificeren valt, helpen garanties in een contract minder."),
    _level("delivery.strategic_importance", "How strategically important is it?",
           "Hoe strategisch belangrijk is het?",
           "Strategic deliveries deserve a deeper relationship.",
           "Strategische leveringen verdienen een diepere relatie."),
    Question(key="relationship.model", kind="model",
             prompt=Text("Which collaboration model is in use or planned (e.g. transactional)?",
                         "Welk samenwerkingsmodel wordt gebruikt of gepland (bijv. "
                         "'transactional')?"),
             explain=Text("The model's key in the taxonomy; see 'collabrules principles'.",
                          "De sleutel van het model in de taxonomie; zie "
                          "'collabrules principles'.")),
    Question(key="relationship.label", kind="text",
             prompt=Text("What do people call the relationship (e.g. partnership)?",
                         "Hoe noemen mensen de relatie (bijv. partnerschap)?"),
             explain=Text("Words matter: a 'partnership' raises expectations the design must "
                          "meet.",
                          "Woorden doen ertoe: een 'partnerschap' wekt verwachtingen waar het "
                          "ontwerp aan moet voldoen.")),
    Question(key="relationship.posture", choices=Posture,
             prompt=Text("How do we conduct ourselves in this relationship?",
                         "Hoe stellen wij ons op in deze relatie?"),
             explain=Text("Open and trusting, businesslike, or defensive.",
                          "Open en vertrouwend, zakelijk of defensief.")),
    _level("relationship.trust", "How much mutual trust is there today?",
           "Hoeveel wederzijds vertrouwen is er nu?",
           "The actual level, not the hoped-for one.",
           "Het werkelijke niveau, niet het gehoopte."),
    Question(key="relationship.phase", choices=Phase,
             prompt=Text("Which phase is the relationship in?",
                         "In welke fase zit de relatie?"),
             explain=Text("From exploring to exiting; each phase needs other attention.",
                          "Van verkennen tot afbouw; elke fase vraagt andere aandacht.")),
    _yes_no("relationship.safeguards.price_guarantee", "Does the contract guarantee the price?",
            "Garandeert het contract de prijs?", "A formal safeguard.", "Een formele waarborg."),
    _yes_no("relationship.safeguards.time_guarantee", "Does the contract guarantee delivery "
            "times?", "Garandeert het contract de levertijden?",
            "A formal safeguard.", "Een formele waarborg."),
    _yes_no("relationship.safeguards.quality_guarantee", "Does the contract guarantee quality?",
            "Garandeert het contract de kwaliteit?",
            "A formal safeguard.", "Een formele waarborg."),
    _yes_no("relationship.governance.mixed_teams", "Do the parties work in mixed teams?",
            "Werken de partijen in gemengde teams?",
            "Joint governance: people of both parties in one team.",
            "Gezamenlijke sturing: mensen van beide partijen in één team."),
    _yes_no("relationship.governance.knowledge_sharing", "Do the parties share knowledge?",
            "Delen de partijen kennis?", "Joint governance.", "Gezamenlijke sturing."),
    _yes_no("relationship.governance.joint_steering", "Is there a joint steering group?",
            "Is er een gezamenlijke stuurgroep?", "Joint governance.", "Gezamenlijke sturing."),
    _yes_no("relationship.development.structured_process",
            "Is there a structured process with stages to build the relationship?",
            "Is er een gestructureerd proces met fasen om de relatie op te bouwen?",
            "A relationship grows in stages; it takes time.",
            "Een relatie groeit in fasen; dat kost tijd."),
    Question(key="relationship.development.planned_months", kind="number",
             prompt=Text("How many months are planned from signing to full operation?",
                         "Hoeveel maanden zijn gepland van ondertekening tot volledige werking?"),
             explain=Text("A number; deep collaboration usually needs more than a few months.",
                          "Een getal; diepe samenwerking vraagt meestal meer dan een paar "
                          "maanden.")),
    _yes_no("relationship.development.done_at_signing",
            "Is the relationship considered done once the contract is signed?",
            "Wordt de relatie als klaar beschouwd zodra het contract getekend is?",
            "Signing is the start of the work on a relationship, not its end.",
            "Ondertekening is het begin van het werk aan een relatie, niet het einde."),
    Question(key="relationship.resistance.who", kind="text",
             prompt=Text("Who resists the relationship or a change in it (e.g. the sales "
                         "team)?",
                         "Wie verzet zich tegen de relatie of een verandering erin (bijv. het "
                         "verkoopteam)?"),
             explain=Text("Resistance is a signal worth investigating, not only an obstacle.",
                          "Weerstand is een signaal om te onderzoeken, niet alleen een "
                          "obstakel.")),
    Question(key="relationship.resistance.against", kind="text", required=True,
             after="relationship.resistance.who",
             prompt=Text("What do they resist?", "Waartegen verzetten zij zich?"),
             explain=Text("The plan, decision or change they object to.",
                          "Het plan, besluit of de verandering waar zij bezwaar tegen hebben.")),
    Question(key="relationship.resistance.investigated", kind="bool",
             after="relationship.resistance.who",
             prompt=Text("Were the drivers behind this resistance investigated?",
                         "Zijn de drijfveren achter deze weerstand onderzocht?"),
             explain=Text("The objection may be right; ask what drives it.",
                          "Het bezwaar kan terecht zijn; vraag wat erachter zit.")),
)

# Answers that form one list item in the case: question key prefix -> list field.
GROUPS = {"goal": "goals", "target": "departmental_targets", "resistance": "resistance"}

MESSAGES = {
    "intro": Text("Describe the relationship. Press Enter to skip an optional question: the "
                  "field is then unknown. Questions marked (required) need an answer.",
                  "Beschrijf de relatie. Druk op Enter om een optionele vraag over te slaan: "
                  "het veld is dan onbekend. Vragen met (verplicht) vragen om een antwoord."),
    "required_mark": Text("(required)", "(verplicht)"),
    "allowed": Text("Allowed", "Toegestaan"),
    "yes_no": Text("yes or no", "ja of nee"),
    "required": Text("an answer is required; this question cannot be skipped",
                     "een antwoord is verplicht; deze vraag kan niet worden overgeslagen"),
    "bad_choice": Text("'{value}' is not one of: {allowed}",
                       "'{value}' is niet een van: {allowed}"),
    "bad_bool": Text("answer yes or no", "antwoord ja of nee"),
    "bad_number": Text("'{value}' is not a number", "'{value}' is geen getal"),
    "needs_after": Text("answered, but '{value}' was skipped; answer it or leave this out",
                        "beantwoord, maar '{value}' is overgeslagen; beantwoord die of laat "
                        "dit weg"),
    "bad_id": Text("'{value}' is not a valid identifier (letters, digits, '-', '_', '.')",
                   "'{value}' is geen geldige sleutel (letters, cijfers, '-', '_', '.')"),
    "unknown_key": Text("unknown question '{value}'; known: {allowed}",
                        "onbekende vraag '{value}'; bekend: {allowed}"),
    "written": Text("wrote {path}", "{path} geschreven"),
    "header": Text("Case written by 'collabrules new'. A field left out is unknown.",
                   "Casus geschreven door 'collabrules new'. Een weggelaten veld is onbekend."),
}


class AnswerError(ValueError):
    """An answer does not fit its question; carries a bilingual message."""

    def __init__(self, message: Text) -> None:
        self.text = message
        super().__init__(message.en)


def allowed(question: Question) -> list[str]:
    """The values a choice or model question accepts."""
    if question.kind == "model":
        from ..pipeline.model_ids import installed_model_ids

        return sorted(installed_model_ids())
    return [member.value for member in question.choices] if question.choices else []


def choice_labels(question: Question, lang: str) -> list[str]:
    """The choices as shown: ``customer (klant)`` in Dutch, the id alone where they agree."""
    if question.choices is None:
        return allowed(question)
    return [f"{v} ({m.label.get(lang)})" if m.label.get(lang) != v else v
            for v, m in zip(allowed(question), question.choices)]


def parse_answer(question: Question, raw: Any, lang: str = "en") -> Any:
    """Check and convert one answer; ``None`` (or blank) means unknown.

    A choice is its id (``customer``) or, in ``lang``, its label (``klant``), in any case.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if question.required:
            raise AnswerError(MESSAGES["required"])
        return None
    if question.kind == "bool":
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in YES or word in NO:
            return word in YES
        raise AnswerError(MESSAGES["bad_bool"])
    if question.kind == "number":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return raw
        try:
            number = float(str(raw).strip().replace(",", "."))
        except ValueError:
            raise AnswerError(MESSAGES["bad_number"].format(value=raw)) from None
        return int(number) if number.is_integer() else number
    if question.kind == "list":
        items = raw if isinstance(raw, list) else str(raw).split(",")
        values = [str(item).strip() for item in items if str(item).strip()]
        if not values and question.required:
            raise AnswerError(MESSAGES["required"])
        return values or None
    value = str(raw).strip()
    if question.kind == "id" and not ID_PATTERN.match(value):
        raise AnswerError(MESSAGES["bad_id"].format(value=value))
    if (question.choices is not None or question.kind == "model") \
            and value not in allowed(question):
        by_label = {m.label.get(lang).casefold(): m.value for m in question.choices or ()}
        by_id = {v.casefold(): v for v in allowed(question)}
        found = by_id.get(value.casefold()) or by_label.get(value.casefold())
        if found is None:
            raise AnswerError(MESSAGES["bad_choice"].format(
                value=value, allowed=", ".join(choice_labels(question, lang))))
        return found
    return value


def is_asked(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether ``question`` applies: its ``after`` question (if any) was answered."""
    return question.after is None or answers.get(question.after) is not None


def build_case(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The case document the (already parsed) answers describe."""
    ours = answers["perspective"]
    theirs = "supplier" if ours == "customer" else "customer"
    case: dict[str, Any] = {"schema_version": "1.0"}
    for key in ("id", "title"):
        if answers.get(key) is not None:
            case[key] = answers[key]
    case["perspective"] = ours
    parties = []
    for side, role in (("us", ours), ("them", theirs)):
        party: dict[str, Any] = {"id": role, "name": answers[f"{side}.name"], "role": role}
        for field in ("size", "reach", "attitude", "power", "replaceability"):
            if answers.get(f"{side}.{field}") is not None:
                party[field] = answers[f"{side}.{field}"]
        if answers.get(f"{side}.benefit") is not None:
            party["expected_benefit"] = {"net": answers[f"{side}.benefit"]}
        for field in ("capabilities_offered", "capabilities_needed"):
            if answers.get(f"{side}.{field}") is not None:
                party[field] = list(answers[f"{side}.{field}"])
        party.update(_groups(answers, side, ("goal", "target")))
        parties.append(party)
    case["parties"] = parties
    for key, value in answers.items():
        if value is None or not key.startswith(("delivery.", "relationship.")):
            continue
        if key.startswith("relationship.resistance."):
            continue
        node = case
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    resistance = _groups(answers, "relationship", ("resistance",))
    if resistance:
        case.setdefault("relationship", {}).update(resistance)
    return case


def _groups(answers: Mapping[str, Any], owner: str, groups: tuple[str, ...]) -> dict[str, Any]:
    """One-item lists (goals, targets, resistance) from the ``owner.group.field`` answers.

    A follow-up whose lead question went unanswered is left out, as it is never asked.
    """
    asked = {q.key for q in QUESTIONS if is_asked(q, answers)}
    found: dict[str, Any] = {}
    for group in groups:
        prefix = f"{owner}.{group}."
        item = {key[len(prefix):]: value for key, value in answers.items()
                if key.startswith(prefix) and value is not None and key in asked}
        if item:
            found[GROUPS[group]] = [item]
    return found


def case_yaml(answers: Mapping[str, Any], lang: str) -> str:
    """The case as YAML, each answered field preceded by its question as a comment."""
    case = build_case(answers)
    comments = {q.key: q for q in QUESTIONS}
    out = [f"# {MESSAGES['header'].get(lang)}"]
    _emit(case, 0, out, "", comments, lang)
    return "\n".join(out) + "\n"


def _comment_key(path: str) -> str:
    for index, side in enumerate(("us", "them")):
        prefix = f"parties.{index}."
        if path.startswith(prefix):
            rest = path[len(prefix):]
            return _ungroup(f"{side}.{'benefit' if rest == 'expected_benefit' else rest}")
    return _ungroup(path)


def _ungroup(key: str) -> str:
    """``us.goals.0.topic`` -> ``us.goal.topic``: the question key of a list item's field."""
    for group, field in GROUPS.items():
        key = re.sub(rf"\.{field}\.\d+\.", f".{group}.", key)
    return key


def _emit(node: Any, depth: int, out: list[str], path: str, comments: Mapping[str, Question],
          lang: str) -> None:
    pad = "  " * depth
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            question = comments.get(_comment_key(here))
            if question is not None:
                out.append(f"{pad}# {question.prompt.get(lang)}")
                out.append(f"{pad}#   {question.explain.get(lang)}")
            if isinstance(value, (dict, list)):
                out.append(f"{pad}{key}:")
                _emit(value, depth + 1, out, here, comments, lang)
            else:
                out.append(f"{pad}{key}: {_scalar(value)}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, (dict, list)):
                out.append(f"{pad}- # {index + 1}")
                _emit(item, depth + 1, out, f"{path}.{index}", comments, lang)
            else:
                out.append(f"{pad}- {_scalar(item)}")


def _scalar(value: Any) -> str:
    """A YAML scalar: JSON syntax is valid YAML and quotes every string safely."""
    return json.dumps(value, ensure_ascii=False)
