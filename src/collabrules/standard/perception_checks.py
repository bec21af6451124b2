"""The conditions principles draw from perception answers (ADR 0022).

Each is recorded only when the answers it reads exist, so a case without perceptions is
assessed exactly as before; when recorded it is always known (never a missing fact the
completion rule would fill in). A failure puts the principle at risk, never further:
answers are views, and the facts of the case decide violations.
"""

from __future__ import annotations

from ..model.finding import Fact
from ..model.perceptions import (
    GAP,
    LOW,
    Asymmetry,
    PerceptionGap,
    ThemeScore,
    asymmetries_of,
    gaps_of,
)
from ..model.principle import Check
from ..model.text import Text
from ..model.vocab import Status
from ..pipeline.assessment import Assessment
from .evidence import reader
from .perception_signals import theme_scores

ONE_SIDED_THEMES = ("reciprocity", "contract_fairness")

TRUST_ALIKE = Check("trust_perceived_alike", Text(
    "the parties trust each other about equally: their answers on trust differ by less "
    "than 2 points",
    "de partijen vertrouwen elkaar ongeveer even veel: hun antwoorden over vertrouwen "
    "verschillen minder dan 2 punten"))
NOT_ONE_SIDED = Check("deal_not_felt_one_sided", Text(
    "no party finds the deal one-sided: each rates what it gets from the relationship and "
    "the fairness of the contract above 2",
    "geen partij vindt de afspraak eenzijdig: elk beoordeelt wat het uit de relatie haalt "
    "en de redelijkheid van het contract hoger dan 2"))
OPENNESS_ALIKE = Check("openness_seen_alike", Text(
    "how open each party says it is about its drivers matches how open the other party "
    "finds it (less than 2 points apart)",
    "hoe open elke partij zegt te zijn over haar drijfveren komt overeen met hoe open de "
    "andere partij haar vindt (minder dan 2 punten verschil)"))
"""The perception conditions, declared with CR05, CR01 and CR02 (texts state GAP and LOW)."""


def _facts(a: Assessment, paths: tuple[str, ...]) -> tuple[Fact, ...]:
    """The answers a condition read, each path once, cited like any other fact."""
    return tuple(a.fact(path, reader(path)(a.case)) for path in dict.fromkeys(paths))


def _name(a: Assessment, party_id: str) -> str:
    return next((p.name for p in a.case.parties if p.id == party_id), party_id)


def _views(a: Assessment, items: tuple[PerceptionGap | Asymmetry, ...]) -> str:
    """The differing views as ``name score / name score`` pairs, for the action."""
    parts = []
    for item in items:
        if isinstance(item, Asymmetry):
            parts.append(f"{_name(a, item.party)} {item.party_about_other:g} / "
                         f"{_name(a, item.other)} {item.other_about_party:g}")
        else:
            parts.append(f"{_name(a, item.party)} {item.own_view:g} / "
                         f"{_name(a, item.seen_by)} {item.other_view:g}")
    return "; ".join(parts)


def _scores(a: Assessment) -> tuple[ThemeScore, ...]:
    return theme_scores(a.case, a.signals)


def _alike(a: Assessment, check: Check, items: tuple[PerceptionGap | Asymmetry, ...],
           signal: str, action: Text) -> None:
    """Record that two views differ by less than :data:`GAP` (``action`` has ``{views}``);
    nothing when no pair of views exists."""
    if not items:
        return
    apart = tuple(i for i in items if i.size >= GAP)
    a.check(check.id, not apart, check.text,
            facts=_facts(a, tuple(p for i in items for p in i.paths)), signals=(signal,),
            action=action.format(views=_views(a, apart) or "-"))


def check_trust_alike(a: Assessment) -> None:
    """CR05: the parties trust each other about equally (asymmetry below :data:`GAP`)."""
    _alike(
        a, TRUST_ALIKE,
        tuple(i for i in asymmetries_of(a.case, _scores(a)) if i.theme == "trust"),
        "perception_asymmetries",
        Text("Talk about the difference in trust ({views}) with the other party: ask what "
             "would make the side that trusts less rely on the other, and agree small, "
             "visible commitments that build it.",
             "Bespreek het verschil in vertrouwen ({views}) met de andere partij: vraag wat "
             "de kant die minder vertrouwt nodig heeft om op de ander te bouwen, en spreek kleine, "
             "zichtbare toezeggingen af die dat opbouwen."))


def check_not_one_sided(a: Assessment) -> None:
    """CR01: no party finds the deal one-sided (own reciprocity or fairness above :data:`LOW`)."""
    every = [s for s in _scores(a) if s.theme in ONE_SIDED_THEMES and s.us is not None]
    if not every:
        return
    scores = [s for s in every if s.us is not None and s.us <= LOW]
    short = " (" + "; ".join(f"{_name(a, s.party)} {s.us:g}" for s in scores) + ")" \
        if scores else ""
    a.check(
        NOT_ONE_SIDED.id,
        not scores,
        NOT_ONE_SIDED.text,
        effect=Status.AT_RISK,
        facts=_facts(a, tuple(p for s in every for p in s.us_paths)),
        signals=("perception_scores",),
        action=Text(
            "Ask the party that feels short-changed{views} what would make the relationship "
            "worth it for them, and put their gain first in the next commercial review.",
            "Vraag de partij die zich tekortgedaan voelt{views} wat de relatie voor haar de "
            "moeite waard maakt, en zet haar winst voorop in het volgende commerciële "
            "overleg.").format(views=short),
    )


def check_openness_seen(a: Assessment) -> None:
    """CR02: how open a party thinks it is matches how open the other finds it."""
    _alike(
        a, OPENNESS_ALIKE,
        tuple(g for g in gaps_of(a.case, _scores(a)) if g.theme == "openness"),
        "perception_gaps",
        Text("Make the drivers explicit together ({views}): each party writes down what it "
             "needs from the relationship and what holds it back, and the other says what it had "
             "assumed.",
             "Maak de drijfveren samen expliciet ({views}): elke partij schrijft op wat ze "
             "uit de relatie nodig heeft en wat haar tegenhoudt, en de ander zegt wat ze had "
             "aangenomen."))
