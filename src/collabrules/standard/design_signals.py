"""Signals about the delivery and the relationship design, shared by several principles.

Depth is the scale of the standard taxonomy: 0 transactional, 1 performance-based,
2 collaborative, 3 strategic alliance (defensive counts as 0). What the delivery calls
for follows from its standardisation first (commodity or standard 0, configurable 1,
bespoke 2), one step deeper when its risk, uncertainty or strategic importance is high
(so a high-risk supply never calls for a transactional depth). Complexity only refines
what the others leave open: high complexity adds the step to a configurable delivery when
nothing else did; a commodity, standard or bespoke delivery does not need it. The result
is at most 2.

Required trust: a commodity or standard delivery covered by guarantees on price, time
and quality plus an exit plan, under a model no deeper than performance-based, needs
little trust whatever its supply risk; a defensive model does not run on trust either.
Otherwise trust follows the depth aimed at (the model in use, or what the delivery calls
for when deeper): high for 2 or more or under high risk or uncertainty, medium for 1 or
under medium risk or uncertainty, else low.

A fact left out is tried with every value it could take (``settle``): when all agree,
that is the answer; otherwise the signal is unknown and names the facts that matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..host.hookspecs import hookimpl
from ..host.registry import SignalRegistrar
from ..model.case import Case, Delivery, Party
from ..model.kleene import and3, is3, or3
from ..model.signal_reads import reads
from ..model.signals import Signal, SignalBook, SignalValue
from ..model.text import Text
from ..model.vocab import Level, Posture, Replaceability, Role, Standardisation
from .settle import settle
from .signal_values import MAX_REQUIRED_DEPTH, Depth, ModelInUse, Quadrant, ResistanceState
from .taxonomy import standard_model, standard_models

_STANDARDISATION_DEPTH = {
    Standardisation.COMMODITY: Depth.TRANSACTIONAL, Standardisation.STANDARD: Depth.TRANSACTIONAL,
    Standardisation.CONFIGURABLE: Depth.PERFORMANCE_BASED,
    Standardisation.BESPOKE: Depth.COLLABORATIVE,
}
_HARD_TO_REPLACE = (Replaceability.HARD, Replaceability.IRREPLACEABLE)
D = "$.delivery"
R = "$.relationship"


def _delivery(case: Case) -> Delivery:
    return case.delivery or Delivery()


def _supplier(case: Case) -> Party | None:
    return next((p for p in case.parties if p.role is Role.SUPPLIER), None)


@reads(f"{R}.model")
def model_in_use(case: Case, signals: SignalBook) -> SignalValue:
    """The model in use, as the standard taxonomy describes it."""
    path = f"{R}.model"
    model_id = case.relationship.model if case.relationship else None
    model = standard_model(model_id) if model_id else None
    if model is None:
        return SignalValue(None, (path,), (path,))
    return SignalValue(ModelInUse(model.id, Depth(model.depth), model.adversarial), (path,))


_LEVELS = tuple(Level)
_STANDARDISATIONS = tuple(Standardisation)
_DEPTH_FACTS = ("standardisation", "complexity", "risk", "uncertainty", "strategic_importance")


def _depth_rule(v: Mapping[str, Any]) -> Depth:
    depth = _STANDARDISATION_DEPTH[v["standardisation"]]
    raised = Level.HIGH in (v["risk"], v["uncertainty"], v["strategic_importance"])
    # Complexity only refines what the others leave open: a configurable delivery, between
    # the specified (commodity, standard) and the bespoke; it is not needed elsewhere.
    refined = v["standardisation"] is Standardisation.CONFIGURABLE and v["complexity"] is Level.HIGH
    if raised or refined:
        return min(Depth(depth + 1), MAX_REQUIRED_DEPTH)
    return depth


def _depth_facts(d: Delivery) -> dict[str, Any]:
    return {name: getattr(d, name) for name in _DEPTH_FACTS}


def _depth_domains() -> dict[str, tuple[Any, ...]]:
    return {name: _STANDARDISATIONS if name == "standardisation" else _LEVELS
            for name in _DEPTH_FACTS}


@reads(*(f"{D}.{name}" for name in _DEPTH_FACTS))
def required_depth(case: Case, signals: SignalBook) -> SignalValue:
    """The depth of collaboration the delivery calls for (0-2, see the module docstring)."""
    facts = _depth_facts(_delivery(case))
    paths = tuple(f"{D}.{name}" for name in _DEPTH_FACTS)
    value, deciding = settle(_depth_rule, facts, _depth_domains())
    if value is None:
        return SignalValue(None, paths, tuple(f"{D}.{name}" for name in deciding))
    return SignalValue(value, paths)


@reads(signals=("model_in_use", "required_depth"))
def aimed_depth(case: Case, signals: SignalBook) -> SignalValue:
    """The depth aimed at: the model in use, or the delivery's required depth when higher."""
    used, needed = signals["model_in_use"], signals["required_depth"]
    paths = used.paths + needed.paths
    if used.value is None or needed.value is None:
        return SignalValue(None, paths, used.missing + needed.missing)
    return SignalValue(max(used.value.depth, needed.value), paths)


@reads(signals=("aimed_depth",))
def months_needed(case: Case, signals: SignalBook) -> SignalValue:
    """Months the standard taxonomy says it takes to build the depth aimed at."""
    aimed = signals["aimed_depth"]
    if aimed.value is None:
        return SignalValue(None, aimed.paths, aimed.missing)
    model = next(m for m in standard_models() if not m.adversarial and m.depth == aimed.value)
    return SignalValue(model.build_months, aimed.paths)


_GUARANTEES = ("price_guarantee", "time_guarantee", "quality_guarantee", "exit_plan")
_LIGHT = (Standardisation.COMMODITY, Standardisation.STANDARD)


def _trust_rule(v: Mapping[str, Any]) -> Level:
    model_depth, adversarial = v["model"]
    if adversarial:
        return Level.LOW
    if v["standardisation"] in _LIGHT and v["covered"] and model_depth <= Depth.PERFORMANCE_BASED:
        return Level.LOW
    aimed = max(model_depth, _depth_rule(v))
    if aimed >= MAX_REQUIRED_DEPTH or Level.HIGH in (v["risk"], v["uncertainty"]):
        return Level.HIGH
    if aimed == Depth.PERFORMANCE_BASED or Level.MEDIUM in (v["risk"], v["uncertainty"]):
        return Level.MEDIUM
    return Level.LOW


def _covered(case: Case) -> tuple[bool | None, list[str]]:
    """Guarantees on price, time and quality and an exit plan: all in place (Kleene and)."""
    rel = case.relationship
    safeguards = rel.safeguards if rel else None
    values = [getattr(safeguards, g) if safeguards else None for g in _GUARANTEES]
    covered = and3(*values)
    if covered is not None:
        return covered, []
    return None, [f"{R}.safeguards.{g}" for g, v in zip(_GUARANTEES, values) if v is None]


@reads(*(f"{D}.{name}" for name in _DEPTH_FACTS), f"{R}.model",
       *(f"{R}.safeguards.{g}" for g in _GUARANTEES), signals=("model_in_use",))
def required_trust(case: Case, signals: SignalBook) -> SignalValue:
    """The mutual trust the case needs (see the module docstring)."""
    used = signals["model_in_use"].value
    covered, covered_paths = _covered(case)
    facts = {**_depth_facts(_delivery(case)), "covered": covered,
             "model": None if used is None else (used.depth, used.adversarial)}
    domains = {**_depth_domains(), "covered": (True, False),
               "model": tuple(sorted({(Depth(m.depth), m.adversarial)
                                      for m in standard_models()}))}
    where: dict[str, tuple[str, ...]] = {name: (f"{D}.{name}",) for name in _DEPTH_FACTS}
    where |= {"covered": tuple(covered_paths), "model": (f"{R}.model",)}
    paths = (*(f"{D}.{name}" for name in _DEPTH_FACTS), f"{R}.model",
             *(f"{R}.safeguards.{g}" for g in _GUARANTEES))
    value, deciding = settle(_trust_rule, facts, domains)
    if value is None:
        return SignalValue(None, paths, tuple(p for name in deciding for p in where[name]))
    return SignalValue(value, paths)


DEFENCES = ("legal_capacity", "exit_plan", "price_guarantee")


@reads(*(f"{R}.safeguards.{d}" for d in DEFENCES))
def protection(case: Case, signals: SignalBook) -> SignalValue:
    """Whether some protection against the other party is in place: legal capacity, an
    exit plan or a price guarantee (any one known to exist is enough)."""
    rel = case.relationship
    safeguards = rel.safeguards if rel else None
    paths = tuple(f"{R}.safeguards.{d}" for d in DEFENCES)
    values = [getattr(safeguards, d) if safeguards else None for d in DEFENCES]
    held = or3(*values)
    if held is not None:
        return SignalValue(held, paths)
    return SignalValue(None, paths, tuple(p for p, v in zip(paths, values) if v is None))


@reads("$.parties[].replaceability", f"{D}.standardisation", f"{D}.spend_impact",
       f"{D}.strategic_importance")
def kraljic_quadrant(case: Case, signals: SignalBook) -> SignalValue:
    """Kraljic's quadrant of the delivery: supply risk x profit impact.

    Supply risk is high for a bespoke delivery or a supplier that is hard to replace;
    profit impact is high when the spend impact or the strategic importance is high.
    """
    d = _delivery(case)
    supplier = _supplier(case)
    where = case.path_of(supplier) if supplier else "$.parties"
    repl = supplier.replaceability if supplier else None
    paths = (f"{where}.replaceability", f"{D}.standardisation", f"{D}.spend_impact",
             f"{D}.strategic_importance")
    risk = or3(is3(repl, *_HARD_TO_REPLACE), is3(d.standardisation, Standardisation.BESPOKE))
    impact = or3(is3(d.spend_impact, Level.HIGH), is3(d.strategic_importance, Level.HIGH))
    if risk is None or impact is None:
        missing = [p for p, v in zip(paths[:2], (repl, d.standardisation)) if v is None] \
            if risk is None else []
        missing += [p for p, v in zip(paths[2:], (d.spend_impact, d.strategic_importance))
                    if v is None] if impact is None else []
        return SignalValue(None, paths, tuple(missing))
    quadrant = {(False, False): Quadrant.NON_CRITICAL, (False, True): Quadrant.LEVERAGE,
                (True, False): Quadrant.BOTTLENECK, (True, True): Quadrant.STRATEGIC
                }[(risk, impact)]
    return SignalValue(quadrant, paths)


@reads(f"{R}.label", f"{R}.posture", f"{R}.governance.open_book")
def called_partnership(case: Case, signals: SignalBook) -> SignalValue:
    """Whether the relationship is called a partnership, or treated as one.

    Treated as one: an open posture together with open books, the intimacy of partners.
    """
    rel = case.relationship
    label = rel.label if rel else None
    posture = rel.posture if rel else None
    books = rel.governance.open_book if rel and rel.governance else None
    paths = (f"{R}.label", f"{R}.posture", f"{R}.governance.open_book")
    called = None if label is None else "partner" in label.lower()
    held = or3(called, and3(is3(posture, Posture.OPEN), books))
    if held is not None:
        return SignalValue(held, paths)
    missing = tuple(p for p, v in zip(paths, (label, posture, books)) if v is None)
    return SignalValue(None, paths, missing)


@reads(f"{R}.resistance")
def resistance_state(case: Case, signals: SignalBook) -> SignalValue:
    """Resistance signals: how many, which were not investigated, which rational ones remain.

    ``unknown`` lists the paths of resistance whose investigation is not recorded;
    ``unweighed`` the paths that would say whether an objection is rational and addressed.
    """
    path = f"{R}.resistance"
    items = case.relationship.resistance if case.relationship else None
    if items is None:
        return SignalValue(None, (path,), (path,))
    uninvestigated: list[str] = []
    unknown: list[str] = []
    rational_unaddressed: list[str] = []
    unweighed: list[str] = []
    for i, item in enumerate(items):
        label = f"{item.who}: {item.against}"
        if item.investigated is None:
            unknown.append(f"{path}[{i}].investigated")
        elif not item.investigated:
            uninvestigated.append(label)
        if item.rational is None:
            unweighed.append(f"{path}[{i}].rational")
        elif item.rational and item.addressed is None:
            unweighed.append(f"{path}[{i}].addressed")
        elif item.rational and not item.addressed:
            rational_unaddressed.append(label)
    return SignalValue(ResistanceState(len(items), tuple(uninvestigated), tuple(unknown),
                                       tuple(rational_unaddressed), tuple(unweighed)), (path,))


DESIGN_SIGNALS = (
    Signal(name="model_in_use", compute=model_in_use, description=Text(
        "The collaboration model in use, with its depth in the standard taxonomy.",
        "Het gebruikte samenwerkingsmodel, met zijn diepgang in de standaardtaxonomie.")),
    Signal(name="required_depth", compute=required_depth, description=Text(
        "The depth of collaboration the delivery calls for (0 transactional to 2 "
        "collaborative).",
        "De diepgang van samenwerking die de levering vraagt (0 transactioneel tot 2 "
        "samenwerkend).")),
    Signal(name="aimed_depth", compute=aimed_depth, description=Text(
        "The depth aimed at: the model in use, or what the delivery calls for when higher.",
        "De beoogde diepgang: het gebruikte model, of wat de levering vraagt als dat meer is.")),
    Signal(name="months_needed", compute=months_needed, description=Text(
        "The months it takes to build the depth aimed at.",
        "Het aantal maanden dat nodig is om de beoogde diepgang op te bouwen.")),
    Signal(name="required_trust", compute=required_trust, description=Text(
        "The mutual trust the case needs: little where guarantees and an exit plan cover "
        "a standard delivery, otherwise from the depth aimed at, risk and uncertainty.",
        "Het wederzijds vertrouwen dat de casus vraagt: weinig waar garanties en een "
        "exitplan een standaardlevering dekken, anders uit de beoogde diepgang, risico en "
        "onzekerheid.")),
    Signal(name="protection", compute=protection, description=Text(
        "Whether some protection against the other party is in place: legal capacity, an "
        "exit plan or a price guarantee.",
        "Of er enige bescherming tegen de andere partij is: juridische capaciteit, een "
        "exitplan of een prijsgarantie.")),
    Signal(name="kraljic_quadrant", compute=kraljic_quadrant, description=Text(
        "Kraljic's quadrant of the delivery: non-critical, leverage, bottleneck or strategic.",
        "Het Kraljic-kwadrant van de levering: routine, hefboom, knelpunt of strategisch.")),
    Signal(name="called_partnership", compute=called_partnership, description=Text(
        "Whether the relationship is called a partnership, or treated as one (an open "
        "posture with open books).",
        "Of de relatie een partnerschap wordt genoemd, of als zodanig wordt behandeld (een "
        "open houding met open boeken).")),
    Signal(name="resistance_state", compute=resistance_state, description=Text(
        "Resistance signals, those not investigated and rational objections not addressed.",
        "Signalen van weerstand, de niet onderzochte en de niet behandelde rationele "
        "bezwaren.")),
)


@hookimpl
def collabrules_add_signals(register: SignalRegistrar) -> None:
    """Register the design signals."""
    for signal in DESIGN_SIGNALS:
        register(signal)
