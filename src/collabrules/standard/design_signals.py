"""Signals about the delivery and the relationship design, shared by several principles.

Depth is the scale of the standard taxonomy: 0 transactional, 1 performance-based,
2 collaborative, 3 strategic alliance (defensive counts as 0). What the delivery calls
for is the highest depth any of its facts demands:

* standardisation: commodity or standard 0, configurable 1, bespoke 2;
* high complexity, high uncertainty or high risk 1 each; high complexity *and* high
  uncertainty together 2.

A fact left out leaves the depth unknown, unless a known fact already demands the
highest depth (2). Required trust: high under high risk or high uncertainty; otherwise
it follows the depth of the model in use (2+ high, 1 medium, 0 low when risk and
uncertainty are both low, else medium).
"""

from __future__ import annotations

from ..case import Case, Delivery, Party
from ..hookspecs import hookimpl
from ..registry import SignalRegistrar
from ..signals import Signal, SignalBook, SignalValue
from ..text import Text
from ..vocab import Level, Posture, Replaceability, Role, Standardisation
from .taxonomy import standard_model, standard_models

MAX_REQUIRED_DEPTH = 2
_STANDARDISATION_DEPTH = {
    Standardisation.COMMODITY: 0, Standardisation.STANDARD: 0,
    Standardisation.CONFIGURABLE: 1, Standardisation.BESPOKE: 2,
}
_HARD_TO_REPLACE = (Replaceability.HARD, Replaceability.IRREPLACEABLE)
D = "$.delivery"
R = "$.relationship"


def _delivery(case: Case) -> Delivery:
    return case.delivery or Delivery()


def _supplier(case: Case) -> Party | None:
    return next((p for p in case.parties if p.role is Role.SUPPLIER), None)


def model_in_use(case: Case, signals: SignalBook) -> SignalValue:
    """The model in use as ``{"id", "depth", "adversarial"}`` from the standard taxonomy."""
    path = f"{R}.model"
    model_id = case.relationship.model if case.relationship else None
    model = standard_model(model_id) if model_id else None
    if model is None:
        return SignalValue(None, (path,), (path,))
    return SignalValue({"id": model.id, "depth": model.depth, "adversarial": model.adversarial},
                       (path,))


def required_depth(case: Case, signals: SignalBook) -> SignalValue:
    """The depth of collaboration the delivery calls for (0-2, see the module docstring)."""
    d = _delivery(case)
    facts = {
        f"{D}.standardisation": None if d.standardisation is None
        else _STANDARDISATION_DEPTH[d.standardisation],
        f"{D}.complexity": None if d.complexity is None else int(d.complexity is Level.HIGH),
        f"{D}.uncertainty": None if d.uncertainty is None else int(d.uncertainty is Level.HIGH),
        f"{D}.risk": None if d.risk is None else int(d.risk is Level.HIGH),
    }
    if d.complexity is Level.HIGH and d.uncertainty is Level.HIGH:
        facts[f"{D}.complexity"] = MAX_REQUIRED_DEPTH
    paths = tuple(facts)
    known = [v for v in facts.values() if v is not None]
    missing = tuple(p for p, v in facts.items() if v is None)
    if missing and MAX_REQUIRED_DEPTH not in known:
        return SignalValue(None, paths, missing)
    return SignalValue(max(known), paths)


def aimed_depth(case: Case, signals: SignalBook) -> SignalValue:
    """The depth aimed at: the model in use, or the delivery's required depth when higher."""
    used, needed = signals["model_in_use"], signals["required_depth"]
    paths = used.paths + needed.paths
    if used.value is None or needed.value is None:
        return SignalValue(None, paths, used.missing + needed.missing)
    return SignalValue(max(int(used.value["depth"]), int(needed.value)), paths)


def months_needed(case: Case, signals: SignalBook) -> SignalValue:
    """Months the standard taxonomy says it takes to build the depth aimed at."""
    aimed = signals["aimed_depth"]
    if aimed.value is None:
        return SignalValue(None, aimed.paths, aimed.missing)
    model = next(m for m in standard_models() if not m.adversarial and m.depth == aimed.value)
    return SignalValue(model.build_months, aimed.paths)


def required_trust(case: Case, signals: SignalBook) -> SignalValue:
    """The mutual trust the case needs: from risk, uncertainty and the model's depth."""
    d = _delivery(case)
    paths = (f"{D}.risk", f"{D}.uncertainty", f"{R}.model")
    if Level.HIGH in (d.risk, d.uncertainty):
        return SignalValue(Level.HIGH.value, paths)
    used = signals["model_in_use"]
    missing = tuple(p for p, v in zip(paths, (d.risk, d.uncertainty)) if v is None)
    if missing or used.value is None:
        return SignalValue(None, paths, missing + used.missing)
    depth = int(used.value["depth"])
    if depth >= 2:
        return SignalValue(Level.HIGH.value, paths)
    if depth == 1 or Level.MEDIUM in (d.risk, d.uncertainty):
        return SignalValue(Level.MEDIUM.value, paths)
    return SignalValue(Level.LOW.value, paths)


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
    risk: bool | None = None
    if repl in _HARD_TO_REPLACE or d.standardisation is Standardisation.BESPOKE:
        risk = True
    elif repl is not None and d.standardisation is not None:
        risk = False
    impact: bool | None = None
    if Level.HIGH in (d.spend_impact, d.strategic_importance):
        impact = True
    elif d.spend_impact is not None and d.strategic_importance is not None:
        impact = False
    if risk is None or impact is None:
        missing = [p for p, v in zip(paths[:2], (repl, d.standardisation)) if v is None] \
            if risk is None else []
        missing += [p for p, v in zip(paths[2:], (d.spend_impact, d.strategic_importance))
                    if v is None] if impact is None else []
        return SignalValue(None, paths, tuple(missing))
    quadrant = {(False, False): "non_critical", (False, True): "leverage",
                (True, False): "bottleneck", (True, True): "strategic"}[(risk, impact)]
    return SignalValue(quadrant, paths)


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
    treated: bool | None = None
    if (posture is not None and posture is not Posture.OPEN) or books is False:
        treated = False
    elif posture is Posture.OPEN and books:
        treated = True
    if called or treated:
        return SignalValue(True, paths)
    if called is False and treated is False:
        return SignalValue(False, paths)
    missing = tuple(p for p, v in zip(paths, (label, posture, books)) if v is None)
    return SignalValue(None, paths, missing)


def resistance_state(case: Case, signals: SignalBook) -> SignalValue:
    """Resistance signals: how many, which were not investigated, which rational ones remain.

    ``unknown`` lists the paths of resistance whose investigation is not recorded;
    ``unweighed`` the paths that would say whether an objection is rational and addressed.
    """
    path = f"{R}.resistance"
    items = case.relationship.resistance if case.relationship else None
    if items is None:
        return SignalValue(None, (path,), (path,))
    value: dict[str, list[str] | int] = {"count": len(items), "uninvestigated": [],
                                         "unknown": [], "rational_unaddressed": [],
                                         "unweighed": []}
    for i, item in enumerate(items):
        label = f"{item.who}: {item.against}"
        if item.investigated is None:
            value["unknown"].append(f"{path}[{i}].investigated")  # type: ignore[union-attr]
        elif not item.investigated:
            value["uninvestigated"].append(label)  # type: ignore[union-attr]
        if item.rational is None:
            value["unweighed"].append(f"{path}[{i}].rational")  # type: ignore[union-attr]
        elif item.rational and item.addressed is None:
            value["unweighed"].append(f"{path}[{i}].addressed")  # type: ignore[union-attr]
        elif item.rational and not item.addressed:
            value["rational_unaddressed"].append(label)  # type: ignore[union-attr]
    return SignalValue(value, (path,))


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
        "The mutual trust the case needs, from risk, uncertainty and the model's depth.",
        "Het wederzijds vertrouwen dat de casus vraagt, uit risico, onzekerheid en de "
        "diepgang van het model.")),
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
