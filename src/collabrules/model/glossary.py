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

from .records import shared_repr
from .text import Text


@attrs.frozen(slots=False)
@shared_repr
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


@attrs.frozen(slots=False)
@shared_repr
class Field:
    """A case field in words: ``label`` as a report's evidence names it ("role of Acme"),
    ``phrase`` as a sentence or a question names it ("Acme's role"); ``values`` names the
    vocabulary of its values.

    ``{party}`` is filled with the party's name, ``{item}`` with the list item the field
    belongs to. A field without a ``label`` is not shown as evidence.
    """

    label: Text | None = None
    values: str | None = None
    phrase: Text | None = None


_INTEREST = T("interest of {party}", "belang van {party}")
_GOAL = T("goal of {party}", "doel van {party}")
_TARGET = T("departmental target of {party}", "afdelingsdoelstelling van {party}")
_BENEFIT = T("expected benefit of {party}", "verwacht voordeel van {party}")

FIELDS: dict[str, Field] = {
    "parties[].role": Field(T("role of {party}", "rol van {party}"), "Role",
        phrase=T("{party}'s role", "de rol van {party}")),
    "parties[].size": Field(T("size of {party}", "omvang van {party}"), "Size",
        phrase=T("{party}'s size", "de omvang van {party}")),
    "parties[].reach": Field(T("market reach of {party}", "marktbereik van {party}"), "Reach",
        phrase=T("{party}'s market reach", "het marktbereik van {party}")),
    "parties[].sector": Field(T("sector of {party}", "sector van {party}"),
        phrase=T("{party}'s sector", "de sector van {party}")),
    "parties[].attitude": Field(T("attitude of {party}", "houding van {party}"), "Attitude",
        phrase=T("{party}'s attitude towards this relationship",
                 "de houding van {party} tegenover deze relatie")),
    "parties[].power": Field(T("market power of {party}", "marktmacht van {party}"), "Power",
        phrase=T("{party}'s market power", "de marktmacht van {party}")),
    "parties[].replaceability": Field(T("replaceability of {party}",
                                        "vervangbaarheid van {party}"), "Replaceability",
        phrase=T("{party}'s replaceability", "de vervangbaarheid van {party}")),
    "parties[].interests": Field(T("interests of {party}", "belangen van {party}"),
        phrase=T("{party}'s drivers (needs, wishes, hesitations)",
                 "de drijfveren van {party} (behoeften, wensen, aarzelingen)")),
    "parties[].name": Field(T("name of {party}", "naam van {party}"),
        phrase=T("{party}'s name", "de naam van {party}")),
    "parties[].interests[]": Field(_INTEREST),
    "parties[].interests[].description": Field(_INTEREST,
        phrase=T("the description of {party}'s driver {item}",
                 "de omschrijving van drijfveer {item} van {party}")),
    "parties[].interests[].kind": Field(T("kind of interest of {party}",
                                          "soort belang van {party}"), "InterestKind",
        phrase=T("the kind of {party}'s driver \"{item}\"",
                 "het soort drijfveer \"{item}\" van {party}")),
    "parties[].interests[].disclosed": Field(T("interest of {party} disclosed",
                                               "belang van {party} kenbaar gemaakt"),
        phrase=T("whether the other side knows {party}'s driver \"{item}\"",
                 "of de andere kant drijfveer \"{item}\" van {party} kent")),
    "parties[].goals": Field(T("goals of {party}", "doelen van {party}"),
        phrase=T("{party}'s goals", "de doelen van {party}")),
    "parties[].goals[].owner": Field(T("owner of a goal of {party}",
                                       "eigenaar van een doel van {party}"),
        phrase=T("the owner of {party}'s goal \"{item}\"",
                 "de eigenaar van het doel \"{item}\" van {party}")),
    "parties[].goals[].description": Field(_GOAL,
        phrase=T("the description of {party}'s goal \"{item}\"",
                 "de omschrijving van het doel \"{item}\" van {party}")),
    "parties[].goals[]": Field(_GOAL),
    "parties[].goals[].topic": Field(T("goal topic of {party}", "onderwerp van een doel van "
                                                                 "{party}"),
        phrase=T("the topic of {party}'s goal {item}",
                 "het onderwerp van doel {item} van {party}")),
    "parties[].goals[].direction": Field(T("goal direction of {party}",
                                           "richting van een doel van {party}"), "Direction",
        phrase=T("the direction of {party}'s goal \"{item}\"",
                 "de richting van het doel \"{item}\" van {party}")),
    "parties[].goals[].horizon": Field(T("goal horizon of {party}",
                                         "termijn van een doel van {party}"), "Horizon",
        phrase=T("the time horizon of {party}'s goal \"{item}\"",
                 "de tijdshorizon van het doel \"{item}\" van {party}")),
    "parties[].goals[].disclosed": Field(T("goal of {party} disclosed",
                                           "doel van {party} kenbaar gemaakt"),
        phrase=T("whether the other side knows {party}'s goal \"{item}\"",
                 "of de andere kant het doel \"{item}\" van {party} kent")),
    "parties[].departmental_targets": Field(T("departmental targets of {party}",
                                              "afdelingsdoelstellingen van {party}"),
        phrase=T("{party}'s departmental targets", "de afdelingsdoelstellingen van {party}")),
    "parties[].departmental_targets[]": Field(_TARGET),
    "parties[].departmental_targets[].topic": Field(
        T("departmental target topic of {party}",
          "onderwerp van een afdelingsdoelstelling van {party}"),
        phrase=T("the topic of {party}'s target \"{item}\"",
                 "het onderwerp van doelstelling \"{item}\" van {party}")),
    "parties[].departmental_targets[].department": Field(
        T("department with a target at {party}", "afdeling met een doelstelling bij {party}"),
        phrase=T("the department behind {party}'s target {item}",
                 "de afdeling achter doelstelling {item} van {party}")),
    "parties[].departmental_targets[].target": Field(_TARGET,
        phrase=T("{party}'s departmental target {item}",
                 "afdelingsdoelstelling {item} van {party}")),
    "parties[].departmental_targets[].horizon": Field(
        T("departmental target horizon of {party}",
          "termijn van een afdelingsdoelstelling van {party}"), "Horizon",
        phrase=T("the time horizon of {party}'s target \"{item}\"",
                 "de tijdshorizon van doelstelling \"{item}\" van {party}")),
    "parties[].departmental_targets[].direction": Field(
        T("departmental target direction of {party}",
          "richting van een afdelingsdoelstelling van {party}"), "Direction",
        phrase=T("the direction of {party}'s target \"{item}\"",
                 "de richting van doelstelling \"{item}\" van {party}")),
    "parties[].capabilities_offered": Field(T("capabilities {party} offers",
                                              "capaciteiten die {party} biedt"),
        phrase=T("the capabilities {party} brings", "de capaciteiten die {party} inbrengt")),
    "parties[].capabilities_needed": Field(T("capabilities {party} needs",
                                             "capaciteiten die {party} nodig heeft"),
        phrase=T("the capabilities {party} lacks and needs",
                 "de capaciteiten die {party} mist en nodig heeft")),
    "parties[].expected_benefit.net": Field(_BENEFIT, "Net",
        phrase=T("the net benefit {party} expects", "het netto voordeel dat {party} verwacht")),
    "parties[].expected_benefit.description": Field(_BENEFIT,
        phrase=T("the description of what {party} gains", "de omschrijving van wat {party} wint")),
    "parties[].conduct": Field(T("conduct of {party}", "gedrag van {party}"), "Conduct",
        phrase=T("{party}'s conduct in the relationship", "het gedrag van {party} in de relatie")),
    "delivery.kind": Field(T("delivery", "levering"), "DeliveryKind",
        phrase=T("the kind of delivery", "het soort levering")),
    "delivery.description": Field(T("what is delivered", "wat er wordt geleverd"),
        phrase=T("the description of the delivery", "de omschrijving van de levering")),
    "delivery.currency": Field(T("currency", "valuta"),
        phrase=T("the currency of the spend", "de valuta van de uitgaven")),
    "delivery.standardisation": Field(T("standardisation", "standaardisatie"), "Standardisation",
        phrase=T("the delivery's degree of standardisation",
                 "de mate van standaardisatie van de levering")),
    "delivery.complexity": Field(T("complexity", "complexiteit"), "Level",
        phrase=T("the delivery's complexity", "de complexiteit van de levering")),
    "delivery.risk": Field(T("delivery risk", "leveringsrisico"), "Level",
        phrase=T("the impact when the delivery fails", "de impact als de levering faalt")),
    "delivery.uncertainty": Field(T("uncertainty", "onzekerheid"), "Level",
        phrase=T("the delivery's uncertainty", "de onzekerheid van de levering")),
    "delivery.strategic_importance": Field(T("strategic importance", "strategisch belang"),
                                           "Level",
        phrase=T("the delivery's strategic importance", "het strategisch belang van de levering")),
    "delivery.spend_impact": Field(T("spend impact", "financiële impact"), "Level",
        phrase=T("the financial impact of the spend", "de financiële impact van de uitgaven")),
    "delivery.annual_spend": Field(T("annual spend", "jaarlijkse uitgaven"),
        phrase=T("the spend per year", "de uitgaven per jaar")),
    "delivery.duration_months": Field(T("duration in months", "looptijd in maanden"),
        phrase=T("the contract duration in months", "de contractduur in maanden")),
    "relationship.model": Field(T("model in use", "huidig model"), "model",
        phrase=T("the collaboration model in use", "het gebruikte samenwerkingsmodel")),
    "relationship.label": Field(T("the relationship is called", "de relatie heet"),
        phrase=T("the name used for the relationship", "de naam voor de relatie")),
    "relationship.posture": Field(T("our posture", "onze houding"), "Posture",
        phrase=T("your posture in the relationship", "uw opstelling in de relatie")),
    "relationship.trust": Field(T("mutual trust", "wederzijds vertrouwen"), "Level",
        phrase=T("the actual level of mutual trust",
                 "het werkelijke niveau van wederzijds vertrouwen")),
    "relationship.phase": Field(T("lifecycle phase", "levensfase"), "Phase",
        phrase=T("the relationship's lifecycle phase",
                 "de fase van de relatie in haar levenscyclus")),
    "relationship.safeguards": Field(T("safeguards", "waarborgen"),
        phrase=T("the formal safeguards", "de formele waarborgen")),
    "relationship.governance": Field(T("joint governance", "gezamenlijke sturing"),
        phrase=T("the joint governance", "de gezamenlijke besturing")),
    "relationship.development": Field(T("development process", "ontwikkelproces"),
        phrase=T("the development of the relationship", "de ontwikkeling van de relatie")),
    "charter.endorsements": Field(T("endorsements of the principle set",
                                    "onderschrijvingen van de principeset"),
        phrase=T("the charter's endorsements", "de instemmingen met het handvest")),
    "relationship.resistance": Field(T("resistance signals", "signalen van weerstand"),
        phrase=T("the signs of resistance", "de signalen van weerstand")),
    "relationship.resistance[]": Field(T("resistance signal", "signaal van weerstand")),
    "relationship.resistance[].who": Field(T("who resists", "wie zich verzet"),
        phrase=T("the party resisting ({item})", "de partij die zich verzet ({item})")),
    "relationship.resistance[].against": Field(T("resistance against", "weerstand tegen"),
        phrase=T("the subject of the resistance ({item})",
                 "het onderwerp van de weerstand ({item})")),
    "relationship.resistance[].reasons": Field(T("stated reasons", "genoemde redenen"),
        phrase=T("the reasons given for the resistance \"{item}\"",
                 "de redenen voor de weerstand \"{item}\"")),
    "relationship.resistance[].outcome": Field(T("outcome of the resistance",
                                                 "uitkomst van de weerstand"),
        phrase=T("the outcome of the resistance \"{item}\"",
                 "de uitkomst van de weerstand \"{item}\"")),
    "relationship.resistance[].rational": Field(T("objection is rational",
                                                  "bezwaar is rationeel"),
        phrase=T("whether the objection \"{item}\" is rational",
                 "of het bezwaar \"{item}\" rationeel is")),
    "relationship.resistance[].investigated": Field(T("resistance investigated",
                                                      "weerstand onderzocht"),
        phrase=T("whether the drivers behind \"{item}\" were investigated",
                 "of de drijfveren achter \"{item}\" zijn onderzocht")),
    "relationship.resistance[].addressed": Field(T("objection addressed",
                                                   "bezwaar behandeld"),
        phrase=T("whether the objection \"{item}\" was given its place",
                 "of het bezwaar \"{item}\" een plaats kreeg")),
    "relationship.development.structured_process": Field(T("structured process",
                                                           "gestructureerd proces"),
        phrase=T("whether a structured process develops the relationship",
                 "of een gestructureerd proces de relatie ontwikkelt")),
    "relationship.development.stages": Field(T("development stages", "ontwikkelfasen"),
        phrase=T("the stages of the development process", "de fasen van het ontwikkelproces")),
    "relationship.development.planned_months": Field(T("months planned",
                                                       "geplande maanden"),
        phrase=T("the number of months planned until full operation",
                 "het aantal geplande maanden tot volledige werking")),
    "relationship.development.done_at_signing": Field(T("done at signing",
                                                        "af bij ondertekening"),
        phrase=T("whether the relationship counts as done at signing",
                 "of de relatie als af geldt bij ondertekening")),
    "schema_version": Field(phrase=T("the case format version", "de versie van het casusformaat")),
    "id": Field(phrase=T("the relationship's identifier", "de sleutel van de relatie")),
    "title": Field(phrase=T("the relationship's title", "de titel van de relatie")),
    "assessed_on": Field(T("assessment date", "beoordelingsdatum"),
                         phrase=T("the date the facts were assessed",
                                  "de datum waarop de feiten zijn beoordeeld")),
    "perspective": Field(phrase=T("the party the assessment is for",
                                  "de partij voor wie de beoordeling is")),
    "parties": Field(phrase=T("the parties", "de partijen")),
    "parties[].id": Field(phrase=T("{party}'s identifier", "de sleutel van {party}")),
    "parties[].expected_benefit": Field(phrase=T("the benefit {party} expects",
                                                 "het voordeel dat {party} verwacht")),
    "delivery": Field(phrase=T("the delivery", "de levering")),
    "relationship": Field(phrase=T("the organisation of the relationship",
                                   "de inrichting van de relatie")),
    "relationship.development.stage_count": Field(phrase=T("the number of stages of the "
                                                           "development process",
                                                           "het aantal fasen van het "
                                                           "ontwikkelproces")),
    "relationship.notes": Field(phrase=T("the notes on the relationship",
                                         "de notities over de relatie")),
    "parties[].notes": Field(phrase=T("the notes on {party}", "de notities over {party}")),
    "parties[].perceptions": Field(phrase=T(
        "{party}'s answers to the perception questionnaire",
        "de antwoorden van {party} op de vragenlijst over percepties")),
    "parties[].perceptions.respondent": Field(phrase=T(
        "who answered the questionnaire for {party}", "wie de vragenlijst voor {party} invulde")),
    "parties[].perceptions.respondent.name": Field(phrase=T(
        "the name of {party}'s respondent", "de naam van wie voor {party} invulde")),
    "parties[].perceptions.respondent.role": Field(phrase=T(
        "the role of {party}'s respondent", "de rol van wie voor {party} invulde")),
    "parties[].perceptions.date": Field(phrase=T(
        "when {party} answered the questionnaire", "wanneer {party} de vragenlijst invulde")),
    "parties[].perceptions.questionnaire_version": Field(phrase=T(
        "the questionnaire version {party} answered",
        "de versie van de vragenlijst die {party} invulde")),
    "parties[].perceptions.answers": Field(phrase=T("{party}'s answers",
                                                    "de antwoorden van {party}")),
    "parties[].perceptions.answers[].statement": Field(phrase=T(
        "the statement {party} answered", "de stelling die {party} beantwoordde")),
    "parties[].perceptions.answers[].us": Field(
        T("{party} about itself", "{party} over zichzelf"),
        phrase=T("{party}'s agreement about itself", "de instemming van {party} over zichzelf")),
    "parties[].perceptions.answers[].them": Field(
        T("{party} about the other party", "{party} over de andere partij"),
        phrase=T("{party}'s agreement about the other party",
                 "de instemming van {party} over de andere partij")),
    "parties[].goals[].id": Field(phrase=T("the identifier of {party}'s goal \"{item}\"",
                                           "de sleutel van het doel \"{item}\" van {party}")),
    "parties[].goals[].opposes": Field(phrase=T("the goals that {party}'s goal \"{item}\" "
                                                "opposes",
                                                "de doelen waar het doel \"{item}\" van {party} "
                                                "tegenin gaat")),
    "parties[].goals[].target": Field(phrase=T("the target of {party}'s goal \"{item}\"",
                                               "de doelstelling bij het doel \"{item}\" van "
                                               "{party}")),
    "charter": Field(phrase=T("the principle charter", "het principehandvest")),
    "charter.endorsements[].stakeholder": Field(phrase=T("the endorsing stakeholder ({item})",
                                                         "de instemmende belanghebbende ({item})")),
    "charter.endorsements[].role": Field(phrase=T("the role of {item}", "de rol van {item}")),
    "charter.endorsements[].date": Field(phrase=T("the date {item} endorsed",
                                                  "de datum waarop {item} instemde")),
    "charter.endorsements[].digest": Field(phrase=T("the principle set {item} endorsed",
                                                    "de principeset waarmee {item} instemde")),
    "charter.endorsements[].phase": Field(T("phase of endorsement", "fase van instemming"),
                                          "Phase",
                                          phrase=T("the lifecycle phase {item} endorsed in",
                                                   "de levensfase waarin {item} instemde")),
    "extensions": Field(phrase=T("the organisation-specific facts",
                                 "de organisatiespecifieke feiten")),
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
for _group, _key, _en, _nl in (
    ("safeguards", "price_guarantee", "a price guarantee", "een prijsgarantie"),
    ("safeguards", "time_guarantee", "a delivery-time guarantee", "een levertijdgarantie"),
    ("safeguards", "quality_guarantee", "a quality guarantee", "een kwaliteitsgarantie"),
    ("safeguards", "service_levels", "agreed and measured service levels",
     "afgesproken en gemeten serviceniveaus"),
    ("safeguards", "penalties", "penalties for missed guarantees",
     "boetes bij gemiste garanties"),
    ("safeguards", "escalation", "an escalation procedure", "een escalatieprocedure"),
    ("safeguards", "exit_plan", "an exit plan", "een exitplan"),
    ("safeguards", "legal_capacity", "legal and negotiation capacity",
     "juridische en onderhandelingscapaciteit"),
    ("governance", "mixed_teams", "mixed teams of both parties",
     "gemengde teams van beide partijen"),
    ("governance", "knowledge_sharing", "knowledge sharing between the parties",
     "kennisdeling tussen de partijen"),
    ("governance", "joint_steering", "a joint steering group", "een gezamenlijke stuurgroep"),
    ("governance", "commercial_review", "an open commercial review",
     "een open commercieel overleg"),
    ("governance", "open_book", "open-book calculation", "openboekcalculatie"),
    ("governance", "gain_sharing", "gain-sharing between the parties",
     "het delen van opbrengsten"),
    ("governance", "performance_incentives", "a performance incentive for the supplier",
     "een prestatieprikkel voor de leverancier"),
    ("governance", "joint_innovation", "joint innovation", "gezamenlijke innovatie"),
):
    _path = f"relationship.{_group}.{_key}"
    FIELDS[_path] = attrs.evolve(FIELDS.get(_path, Field()),
                                 phrase=T(f"whether there is {_en}", f"of er {_nl} is"))

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
    if field is None or field.label is None:
        name = shape.rpartition(".")[2].replace("[]", "").replace("_", " ")
        return Text(name, name)
    if "{party}" not in field.label.en:
        return field.label
    return field.label.format(party=party_text(parties, indices[0] if indices else -1))
