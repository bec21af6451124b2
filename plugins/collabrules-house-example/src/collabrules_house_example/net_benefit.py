"""ACME01: sourcing contracts demonstrably give the contracted supplier a net benefit.

Observation: Acme's policy is to advance the long-term interests of the organisation and
of all its stakeholders, suppliers included. A supplier that loses on a contract cuts
corners, stops investing and leaves at the first chance.
"""

from __future__ import annotations

from collabrules.plugin import (
    Assessment,
    Case,
    Observation,
    Phase,
    PhaseTag,
    Principle,
    Role,
    Severity,
    Signal,
    SignalBook,
    SignalValue,
    Status,
    Text,
    action_id,
    reads,
)


@reads("$.parties[].role", "$.parties[].expected_benefit")
def supplier_net_benefit(case: Case, signals: SignalBook) -> SignalValue:
    """The least favourable net benefit a supplier in the case expects, and its evidence."""
    suppliers = [(case.path_of(p), p) for p in case.parties if p.role is Role.SUPPLIER]
    paths = tuple(f"{path}.expected_benefit" for path, _ in suppliers)
    missing = tuple(f"{path}.expected_benefit.net" for path, p in suppliers
                    if p.expected_benefit is None or p.expected_benefit.net is None)
    if missing or not suppliers:
        return SignalValue(None, paths, missing or ("$.parties",))
    order = ["negative", "unknown", "neutral", "positive"]
    worst = min((p.expected_benefit.net.value for _, p in suppliers  # type: ignore[union-attr]
                 ), key=order.index)
    described = all(bool(p.expected_benefit and p.expected_benefit.description)
                    for _, p in suppliers)
    return SignalValue({"net": worst, "described": described}, paths)


SIGNAL = Signal(name="acme_supplier_net_benefit", compute=supplier_net_benefit, description=Text(
    "The least favourable net benefit a contracted supplier expects, and whether it is "
    "described.",
    "Het minst gunstige netto voordeel dat een gecontracteerde leverancier verwacht, en of "
    "het beschreven is."))


def assess(a: Assessment) -> None:
    """The supplier's benefit must be stated, net positive and described."""
    own = a.case.own
    if a.applies("we_are_the_customer", own.role is Role.CUSTOMER, Text(
            "we are the customer concluding the sourcing contract",
            "wij zijn de klant die het inkoopcontract sluit"),
            facts=(a.fact(f"{a.case.path_of(own)}.role", own.role),)) is not True:
        return
    benefit = a.signal("acme_supplier_net_benefit").value
    net = None if benefit is None else benefit["net"]
    a.check(
        "supplier_net_positive", None if net is None else net == "positive",
        Text("the contracted supplier expects a net positive benefit",
             "de gecontracteerde leverancier verwacht een netto positief voordeel"),
        effect=Status.AT_RISK if net == "neutral" else Status.VIOLATED,
        signals=("acme_supplier_net_benefit",),
        action=Text("Work out with the supplier what it gains from the contract and adjust "
                    "the terms until its benefit is net positive.",
                    "Bepaal samen met de leverancier wat het contract hem oplevert en pas de "
                    "voorwaarden aan tot zijn voordeel netto positief is."))
    a.check(
        "supplier_benefit_demonstrated", None if benefit is None else benefit["described"],
        Text("the supplier's benefit is described, so it can be demonstrated",
             "het voordeel van de leverancier is beschreven en dus aantoonbaar"),
        signals=("acme_supplier_net_benefit",),
        action=Text("Describe the supplier's benefit in the business case.",
                    "Beschrijf het voordeel van de leverancier in de businesscase."))


PRINCIPLE = Principle(
    code="ACME01",
    slug="supplier-net-benefit",
    theme=Text("Stakeholder value", "Waarde voor belanghebbenden"),
    title=Text("Contracts give the supplier a net benefit",
               "Contracten geven de leverancier netto voordeel"),
    observation=Observation(Text(
        "Our policy is to advance the long-term interests of our organisation and of all "
        "stakeholders, suppliers included.",
        "Ons beleid is de belangen op lange termijn van onze organisatie en van alle "
        "belanghebbenden te dienen, leveranciers inbegrepen.")),
    statement=Text(
        "We conclude sourcing contracts so that they demonstrably give the contracted "
        "supplier a net benefit.",
        "Wij sluiten inkoopcontracten zo dat ze de gecontracteerde leverancier aantoonbaar "
        "netto voordeel opleveren."),
    checks=Text("Whether every supplier's expected benefit is stated, net positive and "
                "described.",
                "Of het verwachte voordeel van elke leverancier benoemd, netto positief en "
                "beschreven is."),
    assess=assess,
    source="Acme Sourcing",
    severity=Severity.HIGH,
)


# The lifecycle phases ACME01's actions apply in (registered through
# ``collabrules_add_phase_tags``): a report's phase plan lists them in these phases only.
PHASE_TAGS = {
    action_id("ACME01", "supplier_net_positive"): PhaseTag(
        Text("terms that give the supplier a net benefit",
             "voorwaarden die de leverancier netto voordeel geven"),
        frozenset({Phase.SELECTING, Phase.CONTRACTING, Phase.RESTRUCTURING})),
    action_id("ACME01", "supplier_benefit_demonstrated"): PhaseTag(
        Text("the supplier's benefit in the business case",
             "het voordeel van de leverancier in de businesscase"),
        frozenset({Phase.EXPLORING, Phase.SELECTING})),
}
