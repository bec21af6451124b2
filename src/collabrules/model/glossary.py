"""The glossary: every term a person reads, in English and Dutch, from one table.

Vocabulary labels (:mod:`collabrules.model.vocab`), the intake, the report renderers and the
documentation's glossary page all take their words from here, so a term reads the same
everywhere ("capability" is always *capaciteit*, never *vermogen* in one place and
*capaciteit* in another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .text import Text


@attrs.frozen
class Term:
    """A term in both languages: singular, plural (if it counts) and what it means."""

    one: Text
    many: Text | None = None
    means: Text | None = None

    def count(self, number: float, lang: str) -> str:
        """``1 step`` / ``2 steps`` (``1 stap`` / ``2 stappen``)."""
        word = self.one if number == 1 or self.many is None else self.many
        return f"{number:g} {word.get(lang)}"


T = Text

TERMS: dict[str, Term] = {
    "case": Term(T("case", "casus"), T("cases", "casussen"),
                 T("One relationship under assessment: its parties, what is delivered and how "
                   "the collaboration is organised.",
                   "Eén relatie die wordt beoordeeld: de partijen, wat er wordt geleverd en hoe "
                   "de samenwerking is ingericht.")),
    "party": Term(T("party", "partij"), T("parties", "partijen"),
                  T("An organisation in the relationship, as customer or supplier.",
                    "Een organisatie in de relatie, als klant of leverancier.")),
    "perspective": Term(T("perspective", "perspectief"), None,
                        T("The party the assessment is made for (we); the others are they.",
                          "De partij voor wie de beoordeling is (wij); de andere partijen zijn "
                          "zij.")),
    "observation": Term(T("observation", "observatie"), T("observations", "observaties"),
                        T("The general truth about how organisations behave that a principle "
                          "rests on.",
                          "De algemene waarheid over het gedrag van organisaties waarop een "
                          "principe rust.")),
    "principle": Term(T("principle", "principe"), T("principles", "principes"),
                      T("A guideline concrete enough to decide with, derived from an "
                        "observation.",
                        "Een richtlijn die concreet genoeg is om mee te beslissen, afgeleid "
                        "uit een observatie.")),
    "house_principle": Term(T("house principle", "huisprincipe"),
                            T("house principles", "huisprincipes"),
                            T("An organisation's own principle, added as a plugin or a file.",
                              "Een eigen principe van een organisatie, toegevoegd als plug-in "
                              "of als bestand.")),
    "principle_set": Term(T("principle set", "principeset"), T("principle sets", "principesets"),
                          T("The principles an organisation has adopted, with who endorsed "
                            "them.",
                            "De principes die een organisatie heeft aangenomen, met wie ze "
                            "heeft onderschreven.")),
    "signal": Term(T("signal", "signaal"), T("signals", "signalen"),
                   T("A fact derived from the case once and shared by the principles that "
                     "need it.",
                     "Een feit dat eenmaal uit de casus wordt afgeleid en dat de principes "
                     "delen die het nodig hebben.")),
    "finding": Term(T("finding", "bevinding"), T("findings", "bevindingen"),
                    T("One principle's verdict on one case, with its reasons and actions.",
                      "Het oordeel van één principe over één casus, met redenen en acties.")),
    "status": Term(T("verdict", "oordeel"), T("verdicts", "oordelen"),
                   T("Upheld, at risk, violated, not applicable, undetermined or error.",
                     "Nageleefd, in gevaar, geschonden, niet van toepassing, onbepaald of "
                     "fout.")),
    "severity": Term(T("severity", "ernst"), None,
                     T("How much a finding matters, from none to critical.",
                       "Hoe zwaar een bevinding weegt, van geen tot kritiek.")),
    "condition": Term(T("condition", "voorwaarde"), T("conditions", "voorwaarden"),
                      T("One check a principle makes: met, not met or unknown.",
                        "Eén toets van een principe: voldaan, niet voldaan of onbekend.")),
    "evidence": Term(T("evidence", "onderbouwing"), None,
                     T("The case fields and signals a condition used, with their values.",
                       "De velden van de casus en de signalen die een voorwaarde gebruikte, "
                       "met hun waarden.")),
    "capability": Term(T("capability", "capaciteit"), T("capabilities", "capaciteiten"),
                       T("Something a party can do or offer, such as knowledge, staff or "
                         "market access.",
                         "Iets wat een partij kan of biedt, zoals kennis, mensen of "
                         "markttoegang.")),
    "model": Term(T("collaboration model", "samenwerkingsmodel"),
                  T("collaboration models", "samenwerkingsmodellen"),
                  T("A type of customer/supplier collaboration, from transactional to a "
                    "strategic alliance, plus a defensive one.",
                    "Een type samenwerking tussen klant en leverancier, van transactioneel tot "
                    "strategische alliantie, plus een defensief type.")),
    "depth": Term(T("depth of collaboration", "diepgang van samenwerking"), None,
                  T("How closely the parties work together: 0 is transactional, 3 the "
                    "deepest.",
                    "Hoe nauw de partijen samenwerken: 0 is transactioneel, 3 het diepst.")),
    "safeguard": Term(T("safeguard", "waarborg"), T("safeguards", "waarborgen"),
                      T("A formal protection: guarantees, service levels, penalties, "
                        "escalation, an exit plan.",
                        "Een formele bescherming: garanties, serviceniveaus, boetes, "
                        "escalatie, een exitplan.")),
    "governance": Term(T("governance", "sturing"), None,
                       T("How the parties steer the relationship together.",
                         "Hoe de partijen de relatie samen sturen.")),
    "charter": Term(T("charter", "handvest"), None,
                    T("Who endorsed the principle set, and when.",
                      "Wie de principeset heeft onderschreven, en wanneer.")),
    "waiver": Term(T("waiver", "vrijstelling"), T("waivers", "vrijstellingen"),
                   T("A recorded, reasoned exception to one finding.",
                     "Een vastgelegde, beargumenteerde vrijstelling voor één bevinding.")),
    "stage": Term(T("step", "stap"), T("steps", "stappen")),
    "month": Term(T("month", "maand"), T("months", "maanden")),
    "attention_score": Term(
        T("attention score", "aandachtsscore"), None,
        T("How urgently a relationship needs attention: per principle, a violation counts "
          "twice its severity weight and a risk once (severity weight 1 for none up to 6 for "
          "critical); waived findings do not count.",
          "Hoe dringend een relatie aandacht vraagt: per principe telt een schending twee "
          "keer het gewicht van haar ernst en een risico één keer (gewicht 1 voor geen tot 6 "
          "voor kritiek); vrijgestelde bevindingen tellen niet mee.")),
}

VALUES: dict[str, dict[str, Text]] = {
    "Role": {"customer": T("customer", "klant"), "supplier": T("supplier", "leverancier")},
    "Size": {"micro": T("micro", "micro"), "small": T("small", "klein"),
             "medium": T("medium-sized", "middelgroot"), "large": T("large", "groot")},
    "Reach": {"local": T("local", "lokaal"), "regional": T("regional", "regionaal"),
              "national": T("national", "nationaal"),
              "international": T("international", "internationaal"),
              "global": T("global", "wereldwijd")},
    "Attitude": {"cooperative": T("cooperative", "coöperatief"),
                 "neutral": T("neutral", "neutraal"),
                 "opportunistic": T("opportunistic", "opportunistisch"),
                 "hostile": T("hostile", "vijandig")},
    "Power": {"low": T("low", "laag"), "medium": T("medium", "gemiddeld"),
              "high": T("high", "hoog"), "dominant": T("dominant", "dominant")},
    "Replaceability": {"easy": T("easy to replace", "makkelijk vervangbaar"),
                       "moderate": T("replaceable with effort", "met moeite vervangbaar"),
                       "hard": T("hard to replace", "moeilijk vervangbaar"),
                       "irreplaceable": T("irreplaceable", "onvervangbaar")},
    "InterestKind": {"need": T("need", "behoefte"), "wish": T("wish", "wens"),
                     "hesitation": T("hesitation", "aarzeling")},
    "Direction": {"minimise": T("minimise", "minimaliseren"),
                  "maximise": T("maximise", "maximaliseren"),
                  "achieve": T("achieve", "bereiken"), "keep": T("keep", "behouden")},
    "Horizon": {"short": T("short term", "korte termijn"),
                "medium": T("medium term", "middellange termijn"),
                "long": T("long term", "lange termijn")},
    "Net": {"positive": T("net positive", "netto positief"), "neutral": T("neutral", "neutraal"),
            "negative": T("net negative", "netto negatief"), "unknown": T("unknown", "onbekend")},
    "DeliveryKind": {"product": T("product", "product"), "service": T("service", "dienst"),
                     "mixed": T("product and service", "product en dienst")},
    "Standardisation": {"commodity": T("commodity", "commodity"),
                        "standard": T("standard", "standaard"),
                        "configurable": T("configurable", "configureerbaar"),
                        "bespoke": T("bespoke", "maatwerk")},
    "Level": {"low": T("low", "laag"), "medium": T("medium", "gemiddeld"),
              "high": T("high", "hoog")},
    "Posture": {"open": T("open and trusting", "open en vertrouwend"),
                "businesslike": T("businesslike", "zakelijk"),
                "defensive": T("defensive", "defensief")},
    "Phase": {"exploring": T("exploring", "verkennen"), "selecting": T("selecting", "selecteren"),
              "contracting": T("contracting", "contracteren"),
              "transition": T("transition", "transitie"), "operating": T("operating", "uitvoering"),
              "restructuring": T("restructuring", "herinrichting"),
              "exiting": T("exiting", "afbouw")},
    "Conduct": {"late_payment": T("pays late", "betaalt laat"),
                "demands_free_extras": T("demands free extras", "eist gratis extra's"),
                "no_follow_up_work": T("gives no follow-up work", "geeft geen vervolgopdrachten"),
                "minimal_effort": T("makes minimal effort", "levert minimale inspanning"),
                "withholds_information": T("withholds information", "houdt informatie achter"),
                "shares_information": T("shares information", "deelt informatie"),
                "invests_in_relationship": T("invests in the relationship",
                                             "investeert in de relatie")},
    "Status": {"upheld": T("upheld", "nageleefd"), "at_risk": T("at risk", "in gevaar"),
               "violated": T("violated", "geschonden"),
               "not_applicable": T("not applicable", "niet van toepassing"),
               "undetermined": T("undetermined", "onbepaald"), "error": T("error", "fout")},
    "Severity": {"none": T("none", "geen"), "info": T("info", "info"), "low": T("low", "laag"),
                 "medium": T("medium", "gemiddeld"), "high": T("high", "hoog"),
                 "critical": T("critical", "kritiek")},
    "Outcome": {"held": T("met", "voldaan"), "failed": T("not met", "niet voldaan"),
                "unknown": T("unknown", "onbekend")},
    # What the models of the taxonomy put in place (``governance`` in models.json).
    "Governance": {
        "guarantees": T("guarantees on price, time and quality",
                        "garanties op prijs, tijd en kwaliteit"),
        "service_levels": T("service levels", "serviceniveaus"),
        "penalties": T("penalty clauses", "boeteclausules"),
        "escalation": T("escalation route", "escalatieroute"),
        "performance_incentives": T("performance incentives", "prestatieprikkels"),
        "commercial_review": T("commercial review", "commercieel overleg"),
        "mixed_teams": T("mixed teams", "gemengde teams"),
        "knowledge_sharing": T("knowledge sharing", "kennisdeling"),
        "joint_steering": T("joint steering", "gezamenlijke sturing"),
        "open_book": T("open books", "open boeken"),
        "exit_plan": T("exit plan", "exitplan"),
        "legal_capacity": T("legal capacity", "juridische capaciteit"),
        "negotiation_capacity": T("negotiation capacity", "onderhandelingscapaciteit"),
    },
}


@attrs.frozen
class Field:
    """A case field as a report names it; ``values`` names the vocabulary of its values.

    ``{party}`` in the label is filled with the party's name.
    """

    label: Text
    values: str | None = None


_INTEREST = T("interest of {party}", "belang van {party}")
_GOAL = T("goal of {party}", "doel van {party}")
_TARGET = T("departmental target of {party}", "afdelingsdoelstelling van {party}")
_BENEFIT = T("expected benefit of {party}", "verwacht voordeel van {party}")

FIELDS: dict[str, Field] = {
    "parties[].role": Field(T("role of {party}", "rol van {party}"), "Role"),
    "parties[].size": Field(T("size of {party}", "omvang van {party}"), "Size"),
    "parties[].reach": Field(T("market reach of {party}", "marktbereik van {party}"), "Reach"),
    "parties[].sector": Field(T("sector of {party}", "sector van {party}")),
    "parties[].attitude": Field(T("attitude of {party}", "houding van {party}"), "Attitude"),
    "parties[].power": Field(T("market power of {party}", "marktmacht van {party}"), "Power"),
    "parties[].replaceability": Field(T("replaceability of {party}",
                                        "vervangbaarheid van {party}"), "Replaceability"),
    "parties[].interests": Field(T("interests of {party}", "belangen van {party}")),
    "parties[].name": Field(T("name of {party}", "naam van {party}")),
    "parties[].interests[]": Field(_INTEREST),
    "parties[].interests[].description": Field(_INTEREST),
    "parties[].interests[].kind": Field(T("kind of interest of {party}",
                                          "soort belang van {party}"), "InterestKind"),
    "parties[].interests[].disclosed": Field(T("interest of {party} disclosed",
                                               "belang van {party} kenbaar gemaakt")),
    "parties[].goals": Field(T("goals of {party}", "doelen van {party}")),
    "parties[].goals[].owner": Field(T("owner of a goal of {party}",
                                       "eigenaar van een doel van {party}")),
    "parties[].goals[].description": Field(_GOAL),
    "parties[].goals[]": Field(_GOAL),
    "parties[].goals[].topic": Field(T("goal topic of {party}", "onderwerp van een doel van "
                                                                 "{party}")),
    "parties[].goals[].direction": Field(T("goal direction of {party}",
                                           "richting van een doel van {party}"), "Direction"),
    "parties[].goals[].horizon": Field(T("goal horizon of {party}",
                                         "termijn van een doel van {party}"), "Horizon"),
    "parties[].goals[].disclosed": Field(T("goal of {party} disclosed",
                                           "doel van {party} kenbaar gemaakt")),
    "parties[].departmental_targets": Field(T("departmental targets of {party}",
                                              "afdelingsdoelstellingen van {party}")),
    "parties[].departmental_targets[]": Field(_TARGET),
    "parties[].departmental_targets[].topic": Field(
        T("departmental target topic of {party}",
          "onderwerp van een afdelingsdoelstelling van {party}")),
    "parties[].departmental_targets[].department": Field(
        T("department with a target at {party}", "afdeling met een doelstelling bij {party}")),
    "parties[].departmental_targets[].target": Field(_TARGET),
    "parties[].departmental_targets[].horizon": Field(
        T("departmental target horizon of {party}",
          "termijn van een afdelingsdoelstelling van {party}"), "Horizon"),
    "parties[].departmental_targets[].direction": Field(
        T("departmental target direction of {party}",
          "richting van een afdelingsdoelstelling van {party}"), "Direction"),
    "parties[].capabilities_offered": Field(T("capabilities {party} offers",
                                              "capaciteiten die {party} biedt")),
    "parties[].capabilities_needed": Field(T("capabilities {party} needs",
                                             "capaciteiten die {party} nodig heeft")),
    "parties[].expected_benefit.net": Field(_BENEFIT, "Net"),
    "parties[].expected_benefit.description": Field(_BENEFIT),
    "parties[].conduct": Field(T("conduct of {party}", "gedrag van {party}"), "Conduct"),
    "delivery.kind": Field(T("delivery", "levering"), "DeliveryKind"),
    "delivery.description": Field(T("what is delivered", "wat er wordt geleverd")),
    "delivery.currency": Field(T("currency", "valuta")),
    "delivery.standardisation": Field(T("standardisation", "standaardisatie"), "Standardisation"),
    "delivery.complexity": Field(T("complexity", "complexiteit"), "Level"),
    "delivery.risk": Field(T("delivery risk", "leveringsrisico"), "Level"),
    "delivery.uncertainty": Field(T("uncertainty", "onzekerheid"), "Level"),
    "delivery.strategic_importance": Field(T("strategic importance", "strategisch belang"),
                                           "Level"),
    "delivery.spend_impact": Field(T("spend impact", "financiële impact"), "Level"),
    "delivery.annual_spend": Field(T("annual spend", "jaarlijkse uitgaven")),
    "delivery.duration_months": Field(T("duration in months", "looptijd in maanden")),
    "relationship.model": Field(T("model in use", "huidig model"), "model"),
    "relationship.label": Field(T("the relationship is called", "de relatie heet")),
    "relationship.posture": Field(T("our posture", "onze houding"), "Posture"),
    "relationship.trust": Field(T("mutual trust", "wederzijds vertrouwen"), "Level"),
    "relationship.phase": Field(T("lifecycle phase", "levensfase"), "Phase"),
    "relationship.safeguards": Field(T("safeguards", "waarborgen")),
    "relationship.governance": Field(T("joint governance", "gezamenlijke sturing")),
    "relationship.development": Field(T("development process", "ontwikkelproces")),
    "charter.endorsements": Field(T("endorsements of the principle set",
                                    "onderschrijvingen van de principeset")),
    "relationship.resistance": Field(T("resistance signals", "signalen van weerstand")),
    "relationship.resistance[]": Field(T("resistance signal", "signaal van weerstand")),
    "relationship.resistance[].who": Field(T("who resists", "wie zich verzet")),
    "relationship.resistance[].against": Field(T("resistance against", "weerstand tegen")),
    "relationship.resistance[].reasons": Field(T("stated reasons", "genoemde redenen")),
    "relationship.resistance[].outcome": Field(T("outcome of the resistance",
                                                 "uitkomst van de weerstand")),
    "relationship.resistance[].rational": Field(T("objection is rational",
                                                  "bezwaar is rationeel")),
    "relationship.resistance[].investigated": Field(T("resistance investigated",
                                                      "weerstand onderzocht")),
    "relationship.resistance[].addressed": Field(T("objection addressed",
                                                   "bezwaar behandeld")),
    "relationship.development.structured_process": Field(T("structured process",
                                                           "gestructureerd proces")),
    "relationship.development.stages": Field(T("development stages", "ontwikkelfasen")),
    "relationship.development.planned_months": Field(T("months planned",
                                                       "geplande maanden")),
    "relationship.development.done_at_signing": Field(T("done at signing",
                                                        "af bij ondertekening")),
}

_GUARANTEES = {
    "price_guarantee": T("price guarantee", "prijsgarantie"),
    "time_guarantee": T("time guarantee", "levertijdgarantie"),
    "quality_guarantee": T("quality guarantee", "kwaliteitsgarantie"),
}
_DESIGN = {"safeguards": ("service_levels", "penalties", "escalation", "exit_plan",
                          "legal_capacity"),
           "governance": ("mixed_teams", "knowledge_sharing", "joint_steering",
                          "commercial_review", "open_book")}
# The safeguards and governance of a case are the ones the models put in place: one label.
FIELDS.update({f"relationship.safeguards.{key}": Field(text) for key, text in
               _GUARANTEES.items()})
FIELDS.update({f"relationship.{group}.{key}": Field(VALUES["Governance"][key])
               for group, keys in _DESIGN.items() for key in keys})

# Signals whose value reads well in a sentence; the others appear only as evidence.
SIGNALS: dict[str, Field] = {
    "required_trust": Field(T("trust the case requires", "vertrouwen dat de casus vraagt"),
                            "Level"),
    "required_depth": Field(T("depth the delivery calls for",
                              "diepgang die de levering vraagt"), "depth"),
    "aimed_depth": Field(T("depth aimed at", "beoogde diepgang"), "depth"),
    "months_needed": Field(T("months needed", "benodigde maanden")),
}

ANSWERS: dict[bool | None, Text] = {
    True: T("yes", "ja"),
    False: T("no", "nee"),
    None: T("unknown", "onbekend"),
}


def value_label(vocabulary: str, value: str) -> Text | None:
    """The label of one value of a vocabulary (``Level``, ``Governance``), or ``None``."""
    return VALUES.get(vocabulary, {}).get(value)


def term(key: str) -> Text:
    """A term's singular text (``term("capability")``)."""
    return TERMS[key].one


_INDEX = re.compile(r"\[(\d+)\]")
_PARTY = T("party {number}", "partij {number}")


def generic(path: str) -> tuple[str, tuple[int, ...]]:
    """``$.parties[1].goals[0].topic`` -> (``parties[].goals[].topic``, ``(1, 0)``)."""
    bare = path[2:] if path.startswith("$.") else path
    return _INDEX.sub("[]", bare), tuple(int(i) for i in _INDEX.findall(bare))


def party_text(parties: Sequence[str], index: int) -> Text:
    """The name of the party at this position in the case ("party 3" when unnamed)."""
    if 0 <= index < len(parties):
        return Text(parties[index], parties[index])
    return _PARTY.format(number=index + 1)


def field_text(path: str, parties: Sequence[str] = ()) -> Text:
    """A case field named by its JSON path, in words, with the party's name filled in.

    A field the glossary does not name reads as its last name (``open_book`` -> "open book").
    """
    shape, indices = generic(path)
    field = FIELDS.get(shape)
    if field is None:
        name = shape.rpartition(".")[2].replace("[]", "").replace("_", " ")
        return Text(name, name)
    if "{party}" not in field.label.en:
        return field.label
    return field.label.format(party=party_text(parties, indices[0] if indices else -1))
