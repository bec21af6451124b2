"""The collaboration-model recommendation: which model fits, why, and how to get there.

The rule, in order:

1. an adversarial counterpart (opportunistic or hostile) that also dominates: dominant
   power, or it cannot be replaced (signal ``counterpart_dominance``, the power CR07 and
   CR08 guard against) -> the taxonomy's adversarial model (``defensive``); high power
   alone is not dominance (ADR 0025 point 7);
2. otherwise the non-adversarial model whose depth equals the depth the delivery calls
   for (signal ``required_depth``), performance-based rather than transactional when the
   delivery's risk is medium; towards an adversary no deeper than the deepest model that
   is not a deep collaboration (DOMAIN: collaboration needs a cooperative counterpart, and
   CR07 finds a deep model towards an adversary); a strategic alliance only on top of a
   delivery that calls for collaboration, for a strategic Kraljic quadrant, high strategic
   importance, a cooperative counterpart and at least ``ALLIANCE_MONTHS`` months of
   duration;
3. when a fact this rule needs is missing (an attitude or power that could make the
   counterpart a dominant adversary, an attitude that would cap a collaborative depth,
   the delivery's depth, a fact the alliance waits on), no model:
   the recommendation names the missing facts and advises no move. The engine then
   fills them in (the completion rule, docs/decisions/0003-unknown-is-not-a-default.md):
   when every completion leads to the same model, that model is the advice.

The path is the stages of every model between the one in use and the recommended one
("it takes time" applies to the advice itself).
"""

from __future__ import annotations

from ..host.hookspecs import hookimpl
from ..model.case import Case
from ..model.glossary import TERMS
from ..model.kleene import and3, is3
from ..model.models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
from ..model.signal_reads import reads
from ..model.signals import SignalBook
from ..model.text import Text
from ..model.vocab import (
    ADVERSARIAL_ATTITUDES,
    DOMINANT_POWER,
    Attitude,
    Level,
    Replaceability,
)
from ..pipeline.questions import labels
from .signal_values import MAX_REQUIRED_DEPTH, Depth, Quadrant

ALLIANCE_MONTHS = 60

W = {
    "adversary": Text(
        "{who} behaves as an adversary and dominates us ({power}): a defensive design "
        "protects the relationship better than openness.",
        "{who} gedraagt zich als tegenstander en domineert ons ({power}): een defensieve "
        "inrichting beschermt de relatie beter dan openheid."),
    "depth": Text(
        "The delivery calls for depth {depth} of 3 (standardisation {std}, complexity "
        "{complexity}, uncertainty {uncertainty}, risk {risk}).",
        "De levering vraagt diepgang {depth} van 3 (standaardisatie {std}, complexiteit "
        "{complexity}, onzekerheid {uncertainty}, risico {risk})."),
    "weak_adversary": Text(
        "{who} behaves as an adversary but does not dominate us (no dominant power, and it "
        "can be replaced): keep the contract strong and be ready to replace the party if "
        "the behaviour persists.",
        "{who} gedraagt zich als tegenstander maar domineert ons niet (geen dominante macht, "
        "en de partij is te vervangen): houd het contract sterk en wees klaar om de partij "
        "te vervangen als het gedrag aanhoudt."),
    "guarded_depth": Text(
        "Deep collaboration needs a cooperative counterpart: towards an adversary the "
        "advice stops at {model}, with the contract's guarantees as a floor.",
        "Diepe samenwerking vraagt een coöperatieve tegenpartij: tegenover een "
        "tegenstander stopt het advies bij {model}, met de garanties van het contract als "
        "ondergrens."),
    "conduct": Text("Observed conduct of the counterpart: {conduct}.",
                    "Waargenomen gedrag van de tegenpartij: {conduct}."),
    "medium_risk": Text(
        "At medium risk the outcomes are worth measuring and rewarding: a performance-based "
        "model rather than a bare transaction.",
        "Bij een middelgroot risico loont het de resultaten te meten en te belonen: een "
        "prestatiegericht model in plaats van een kale transactie."),
    "kraljic": Text("Kraljic quadrant of the delivery: {quadrant}.",
                    "Kraljic-kwadrant van de levering: {quadrant}."),
    "alliance": Text(
        "A strategic delivery of high importance over {months:g} months with a cooperative "
        "counterpart justifies a long-term alliance.",
        "Een strategische levering van groot belang over {months:g} maanden met een "
        "coöperatieve tegenpartij rechtvaardigt een langdurige alliantie."),
    "unknown": Text(
        "The facts do not yet settle which model fits: no change is advised until {missing} "
        "is known.",
        "De feiten bepalen nog niet welk model past: er wordt geen verandering geadviseerd "
        "tot {missing} bekend is."),
    "over_trust": Text(
        "Actual trust ({actual}) already meets what this model needs ({needed}): a "
        "trust-building programme would be over-investment.",
        "Het feitelijke vertrouwen ({actual}) haalt al wat dit model vraagt ({needed}): een "
        "programma om vertrouwen op te bouwen zou een overinvestering zijn."),
    "trust_short": Text(
        "Actual trust ({actual}) is below what this model needs ({needed}): build it "
        "along the path, not by declaration.",
        "Het feitelijke vertrouwen ({actual}) ligt onder wat dit model vraagt ({needed}): "
        "bouw het op langs de route, niet bij besluit."),
}
QUADRANTS = {
    Quadrant.NON_CRITICAL: Text("non-critical (low supply risk, low profit impact)",
                         "routine (laag toeleveringsrisico, lage winstimpact)"),
    Quadrant.LEVERAGE: Text("leverage (low supply risk, high profit impact)",
                     "hefboom (laag toeleveringsrisico, hoge winstimpact)"),
    Quadrant.BOTTLENECK: Text("bottleneck (high supply risk, low profit impact)",
                       "knelpunt (hoog toeleveringsrisico, lage winstimpact)"),
    Quadrant.STRATEGIC: Text("strategic (high supply risk, high profit impact)",
                      "strategisch (hoog toeleveringsrisico, hoge winstimpact)"),
}
GAP = {
    "same": Text("The model in use already fits.", "Het gebruikte model past al."),
    "undecided": Text("No move is advised until the facts decide between the models.",
                      "Er wordt geen overstap geadviseerd tot de feiten tussen de modellen "
                      "beslissen."),
    "none": Text("No model in use is stated; start with {model}.",
                 "Er is geen gebruikt model vermeld; begin met {model}."),
    "unknown_current": Text(
        "The model in use ({current}) is not part of this taxonomy; compare it with {model}.",
        "Het gebruikte model ({current}) hoort niet bij deze taxonomie; vergelijk het met "
        "{model}."),
    "deeper": Text(
        "Deepen from {current} to {model} ({steps}), over about {months:g} months.",
        "Verdiep van {current} naar {model} ({steps}), in ongeveer {months:g} maanden."),
    "lighter": Text(
        "The model in use ({current}) goes deeper than needed: move to {model} and spend "
        "the effort where depth pays.",
        "Het gebruikte model ({current}) gaat dieper dan nodig: stap over op {model} en "
        "besteed de inzet waar diepgang loont."),
    "switch": Text(
        "Switch from {current} to {model}, over about {months:g} months.",
        "Stap over van {current} naar {model}, in ongeveer {months:g} maanden."),
}


def _label(value: object) -> object:
    return "?" if value is None else value


def _adversaries(case: Case) -> list[Text]:
    return [Text(f"{p.name} (", f"{p.name} (") + p.attitude.label + Text(")", ")")
            for p in case.others if p.attitude in ADVERSARIAL_ATTITUDES]


def _powers(case: Case) -> list[Text]:
    found = []
    for party in case.others:
        name = Text(f"{party.name}: ", f"{party.name}: ")
        if party.power in DOMINANT_POWER:
            found.append(name + Text("power ", "macht ") + party.power.label)
        elif party.replaceability is Replaceability.IRREPLACEABLE:
            found.append(name + party.replaceability.label)
    return found


def _choose(case: Case, signals: SignalBook, taxonomy: Taxonomy, why: list[Text],
            facts: list[str], missing: list[str]) -> CollaborationModel | None:
    """The model the rule leads to; ``None`` with ``missing`` filled when facts are missing."""
    adversaries = signals["adversarial_counterpart"]
    dominance = signals["counterpart_dominance"]
    defensive = next((m for m in taxonomy.models.values() if m.adversarial), None)
    if defensive is not None and adversaries.value != () and dominance.value != () \
            and (adversaries.value is None or dominance.value is None):
        missing.extend(adversaries.missing + dominance.missing)  # could be an adversary
        return None
    if adversaries.value and dominance.value and defensive is not None:
        facts.extend(adversaries.paths + dominance.paths)
        why.append(W["adversary"].format(who=_adversaries(case), power=_powers(case)))
        conduct = [(case.path_of(p), c) for p in case.others for c in p.conduct or ()]
        if conduct:
            facts.extend(dict.fromkeys(f"{path}.conduct" for path, _ in conduct))
            why.append(W["conduct"].format(conduct=[c for _, c in conduct]))
        return defensive
    if adversaries.value and dominance.value == ():
        facts.extend(adversaries.paths + dominance.paths)
        why.append(W["weak_adversary"].format(who=_adversaries(case)))
    scale = taxonomy.by_depth()
    if not scale:
        return defensive
    needed = signals["required_depth"]
    facts.extend(needed.paths)
    if needed.value is None:
        missing.extend(needed.missing)
        return None
    d = case.delivery
    why.append(W["depth"].format(
        depth=int(needed.value), std=_label(d.standardisation if d else None),
        complexity=_label(d.complexity if d else None),
        uncertainty=_label(d.uncertainty if d else None), risk=_label(d.risk if d else None)))
    quadrant = signals["kraljic_quadrant"]
    if quadrant.value is not None:
        facts.extend(quadrant.paths)
        why.append(W["kraljic"].format(quadrant=QUADRANTS[quadrant.value]))
    fitting = [m for m in scale if m.depth <= needed.value]
    chosen = fitting[-1] if fitting else scale[0]
    if chosen.depth == 0 and d is not None and d.risk is Level.MEDIUM:
        # DOMAIN: transactional for low-risk work, performance-based for measurable outputs
        # at medium risk (one step deeper than the delivery needs, which tailoring tolerates).
        measured = [m for m in scale if m.depth == 1]
        if measured:
            chosen = measured[0]
            facts.append("$.delivery.risk")
            why.append(W["medium_risk"])
    if chosen.depth >= Depth.COLLABORATIVE and adversaries.value != ():
        guarded = [m for m in scale if m.depth < Depth.COLLABORATIVE]
        if guarded and adversaries.value is None:
            missing.extend(adversaries.missing)  # an adversary would cap the depth
            return None
        if guarded:
            chosen = guarded[-1]
            facts.extend(adversaries.paths)
            why.append(W["guarded_depth"].format(model=chosen.name))
    deeper = [m for m in scale if m.depth > chosen.depth]
    # An alliance is one step beyond the deepest depth a delivery calls for (tailoring
    # tolerates one step): on lighter work its strategic importance already raised the
    # depth, and a second step would be too deep.
    alliance = _alliance(case, quadrant.value, quadrant.missing, missing) \
        if deeper and chosen.depth >= MAX_REQUIRED_DEPTH else False
    if alliance is None:
        return None
    if alliance:
        why.append(W["alliance"].format(months=d.duration_months if d else None))
        facts.extend(("$.delivery.duration_months", "$.delivery.strategic_importance"))
        return deeper[0]
    return chosen


def _alliance(case: Case, quadrant: Quadrant | None, quadrant_missing: tuple[str, ...],
              missing: list[str]) -> bool | None:
    """Whether the case justifies a strategic alliance; ``None`` when facts are missing."""
    d = case.delivery
    importance = d.strategic_importance if d else None
    duration = d.duration_months if d else None
    attitudes = [p.attitude for p in case.others]
    tests: list[tuple[bool | None, tuple[str, ...]]] = [
        (is3(quadrant, Quadrant.STRATEGIC), quadrant_missing),
        (is3(importance, Level.HIGH),
         ("$.delivery.strategic_importance",)),
        (None if duration is None else duration >= ALLIANCE_MONTHS,
         ("$.delivery.duration_months",)),
        # Unknown while any attitude is unknown, even beside a known uncooperative one.
        (None if None in attitudes else all(a is Attitude.COOPERATIVE for a in attitudes),
         tuple(f"{case.path_of(p)}.attitude" for p in case.others if p.attitude is None)),
    ]
    alliance = and3(*(held for held, _ in tests))
    if alliance is None:
        missing.extend(path for held, paths in tests if held is None for path in paths)
    return alliance


def _path(current: CollaborationModel | None, target: CollaborationModel,
          taxonomy: Taxonomy) -> tuple[Stage, ...]:
    if current is not None and current.id == target.id:
        return ()
    if target.adversarial or current is None or current.adversarial:
        return target.stages
    if target.depth <= current.depth:
        return target.stages
    steps = [m for m in taxonomy.by_depth() if current.depth < m.depth <= target.depth]
    return tuple(stage for model in steps for stage in model.stages)


def recommend(case: Case, signals: SignalBook, taxonomy: Taxonomy) -> ModelRecommendation | None:
    """The model that fits the case (see the module docstring for the rule)."""
    why: list[Text] = []
    facts: list[str] = []
    missing: list[str] = []
    target = _choose(case, signals, taxonomy, why, facts, missing)
    if missing:
        return undecided(case, why, facts, missing)
    if target is None:
        return None
    relationship = case.relationship
    current_id = relationship.model if relationship else None
    current = taxonomy.get(current_id)
    facts.append("$.relationship.model")
    path = _path(current, target, taxonomy)
    months = sum(stage.months for stage in path)
    if current_id is None:
        gap = GAP["none"].format(model=target.name)
    elif current is None:
        gap = GAP["unknown_current"].format(current=current_id, model=target.name)
    elif current.id == target.id:
        gap = GAP["same"]
    elif current.adversarial or target.adversarial:
        gap = GAP["switch"].format(current=current.name, model=target.name, months=months)
    elif target.depth > current.depth:
        gap = GAP["deeper"].format(current=current.name, model=target.name,
                                   steps=_steps(target.depth - current.depth), months=months)
    else:
        gap = GAP["lighter"].format(current=current.name, model=target.name)
    actual = relationship.trust if relationship else None
    if actual is not None and not target.adversarial:
        facts.append("$.relationship.trust")
        key = "over_trust" if actual.rank >= target.trust.rank else "trust_short"
        if key == "trust_short" or actual.rank > target.trust.rank:
            why.append(W[key].format(actual=actual, needed=target.trust))
    return ModelRecommendation(
        model=target.id, name=target.name, why=tuple(why), current=current_id, gap=gap,
        path=path, trust=target.trust, governance=target.governance,
        facts=tuple(dict.fromkeys(facts)))


NOT_DECIDED = Text("Not decided yet", "Nog niet te bepalen")


def undecided(case: Case, why: list[Text], facts: list[str],
              missing: list[str]) -> ModelRecommendation:
    """A recommendation that names the facts it waits on and advises no move."""
    wanted = tuple(dict.fromkeys(missing))
    relationship = case.relationship
    return ModelRecommendation(
        model=None, name=NOT_DECIDED,
        why=(*why, W["unknown"].format(missing=labels(wanted, case))),
        current=relationship.model if relationship else None, gap=GAP["undecided"],
        facts=tuple(dict.fromkeys(facts)), missing=wanted)


@hookimpl
@reads("$.parties[].name", "$.parties[].attitude", "$.parties[].power",
       "$.parties[].replaceability", "$.parties[].conduct", "$.relationship.model",
       "$.relationship.trust", *(f"$.delivery.{field}" for field in (
           "standardisation", "complexity", "uncertainty", "risk", "strategic_importance",
           "duration_months")),
       signals=("adversarial_counterpart", "counterpart_dominance", "required_depth",
                "kraljic_quadrant"))
def collabrules_recommend_model(
    case: Case, signals: SignalBook, taxonomy: Taxonomy
) -> ModelRecommendation | None:
    """Recommend a model from the engine's taxonomy."""
    return recommend(case, signals, taxonomy)


def _steps(number: int) -> Text:
    """``1 step`` / ``2 steps`` in both languages."""
    steps = TERMS["stage"]
    return Text(steps.count(number, "en"), steps.count(number, "nl"))
