"""The standard signals: named facts derived once per case and shared by principles."""

from __future__ import annotations

from ..host.hookspecs import hookimpl
from ..host.registry import SignalRegistrar
from ..model.case import Case, Goal, Party
from ..model.signal_reads import reads
from ..model.signals import Signal, SignalBook, SignalValue
from ..model.text import Text
from ..model.topics import TopicRegistrar, TopicVocabulary, normalise
from ..model.vocab import (
    ADVERSARIAL_ATTITUDES,
    DOMINANT_POWER,
    STRONG_POWER,
    Conduct,
    Net,
    Power,
    Replaceability,
    Role,
)
from ..pipeline.topic_signal import TOPIC_SIGNAL
from .goals import (
    COMMERCIAL_AXES,
    Aim,
    aims,
    explicit_oppositions,
    goal_label,
    opposed,
    party_goals,
    pushes_by_axis,
    shared,
    undecided_goals,
)

# The perception questionnaire and signals ship with this plugin, so that a case without
# perceptions gets the same provenance (plugin list) as before schema 1.2.
from .perception_signals import PERCEPTION_SIGNALS
from .perception_signals import (
    collabrules_add_perception_statements as collabrules_add_perception_statements,
)

# The phase tags of the standard actions too (no plugin of their own, for the same reason).
from .phases import collabrules_add_phase_tags as collabrules_add_phase_tags
from .signal_values import CapabilityFit, GoalAlignment
from .topic_axes import standard_axes, standard_vocabulary

_NET_ORDER = (Net.NEGATIVE, Net.UNKNOWN, Net.NEUTRAL, Net.POSITIVE)


def _benefit_path(case: Case, party: Party) -> str:
    return f"{case.path_of(party)}.expected_benefit.net"


@reads("$.parties[].expected_benefit.net")
def counterpart_benefit(case: Case, signals: SignalBook) -> SignalValue:
    """The least favourable net benefit any other party expects (``unknown`` = not stated)."""
    paths = tuple(_benefit_path(case, p) for p in case.others)
    nets = [p.expected_benefit.net if p.expected_benefit else None for p in case.others]
    missing = tuple(path for path, net in zip(paths, nets) if net is None)
    known = [n for n in nets if n is not None]
    if Net.NEGATIVE in known:
        return SignalValue(Net.NEGATIVE, paths)
    if missing:
        return SignalValue(None, paths, missing)
    worst = min(known, key=_NET_ORDER.index)
    return SignalValue(worst, paths)


@reads("$.parties[].expected_benefit.net")
def own_benefit(case: Case, signals: SignalBook) -> SignalValue:
    """The net benefit the perspective party expects."""
    path = _benefit_path(case, case.own)
    benefit = case.own.expected_benefit
    if benefit is None or benefit.net is None:
        return SignalValue(None, (path,), (path,))
    return SignalValue(benefit.net, (path,))


def vocabulary_of(signals: SignalBook) -> TopicVocabulary:
    """The engine's topic vocabulary (the standard one when a book lacks the signal)."""
    value = signals[TOPIC_SIGNAL].value
    return value if isinstance(value, TopicVocabulary) else standard_vocabulary()


@reads("$.parties[].goals", "$.parties[].departmental_targets", signals=(TOPIC_SIGNAL,))
def goal_alignment(case: Case, signals: SignalBook) -> SignalValue:
    """Topics on which the perspective party and the others aim the same or opposite way.

    Goals are placed on axes through the topic vocabulary; goals linked by ``opposes``
    conflict whatever their topics.
    """
    vocabulary = vocabulary_of(signals)
    own_path = case.path_of(case.own)
    needed = [f"{case.path_of(p)}.goals" for p in case.parties if p.goals is None]
    needed += undecided_goals(case)
    if needed:
        return SignalValue(None, (), tuple(needed))
    mine = aims(case.own, own_path, vocabulary)
    theirs = [a for p in case.others for a in aims(p, case.path_of(p), vocabulary)]
    pushes = pushes_by_axis(theirs)  # linear, not mine x theirs: cases may hold 50,000 aims
    shared_topics = sorted({a.axis for a in mine
                            if any(shared(a, b) for b in pushes.get(a.axis, ()))})
    conflicting = {a.axis for a in mine if any(opposed(a, b) for b in pushes.get(a.axis, ()))}
    links = explicit_oppositions(case)
    conflicting |= {f"{ours} / {theirs_}" for ours, theirs_, _ in links}
    paths = tuple(f"{a.path}.{key}" for a in sorted(mine + theirs, key=lambda a: a.path)
                  for key in ("topic", "direction")) + tuple(path for *_, path in links)
    return SignalValue(GoalAlignment(tuple(shared_topics), tuple(sorted(conflicting))), paths)


def _one_label_per_department_aim(targets: dict[str, Goal], owned: list[Aim]
                                  ) -> dict[str, str]:
    """Each owned goal's label -> the label it counts under.

    A department's target and the same department's goal on the same axis, pushed the
    same way ("procurement: 20% discount" and procurement's goal to minimise the price),
    are one goal with an owner, stated twice: they count once, under the label of the one
    that names a target. Two different targets stay two.
    """
    label = {goal_label(goal): goal_label(goal) for goal in targets.values()}
    groups: dict[tuple[str, str, int], list[Goal]] = {}
    for aim in owned:
        goal = targets[aim.path]
        groups.setdefault((normalise(goal.owner or ""), aim.axis, aim.push), []).append(goal)
    for goals in groups.values():
        chosen = goal_label(min(goals, key=lambda g: g.target is None))
        label.update((goal_label(goal), chosen) for goal in goals if goal.target is None)
    return label


def _target_paths(targets: dict[str, Goal]) -> tuple[str, ...]:
    """The fields that make each departmental target one: its owner, topic and direction."""
    return tuple(f"{where}.{key}" for where in targets
                 for key in ("department" if ".departmental_targets[" in where else "owner",
                             "topic", "direction"))


@reads("$.parties[].goals", "$.parties[].departmental_targets", signals=(TOPIC_SIGNAL,))
def departmental_conflicts(case: Case, signals: SignalBook) -> SignalValue:
    """The perspective party's departmental targets (goals with an owner) that oppose
    another party's goals.

    The targets are known when the party's ``departmental_targets`` list is recorded (an
    empty list: none) or its goals name their owners; goals that name no owner leave them
    unknown (ADR 0025). A target without topic or direction leaves the answer unknown (it
    could be a conflict), unless a known conflict already exists.
    """
    vocabulary = vocabulary_of(signals)
    own = case.own
    own_path = case.path_of(own)
    listed = f"{own_path}.departmental_targets"
    paths = (f"{own_path}.goals", listed)
    known = own.departmental_targets is not None or any(g.owner for g in own.goals or ())
    needed = [] if known else [listed]
    needed += [f"{case.path_of(p)}.goals" for p in case.others if p.goals is None]
    if needed:
        return SignalValue(None, paths, tuple(needed))
    targets = {where: goal for where, goal in party_goals(own, own_path) if goal.owner}
    cited = (() if own.departmental_targets is None else (listed,)) + _target_paths(targets)
    owned = [aim for aim in aims(own, own_path, vocabulary) if aim.path in targets]
    label = _one_label_per_department_aim(targets, owned)
    theirs = pushes_by_axis([a for p in case.others
                             for a in aims(p, case.path_of(p), vocabulary)])
    conflicts = {label[goal_label(targets[aim.path])] for aim in owned
                 if any(opposed(aim, other) for other in theirs.get(aim.axis, ()))}
    conflicts |= {label[ours] for ours, _, _ in explicit_oppositions(case) if ours in label}
    if conflicts:
        return SignalValue(tuple(sorted(conflicts)), cited)
    undecided = undecided_goals(case, case.others)
    undecided += [f"{where}.{key}" for where, goal in targets.items()
                  for key, value in (("topic", goal.topic), ("direction", goal.direction))
                  if value is None]
    if undecided:
        return SignalValue(None, cited, tuple(undecided))
    return SignalValue((), cited)


def _stated_by_another(case: Case, vocabulary: TopicVocabulary) -> set[str]:
    """Paths of goals another party states too (same axis, same push): known to both."""
    every = [a for p in case.parties for a in aims(p, case.path_of(p), vocabulary)]
    stated_by: dict[tuple[str, int], set[str]] = {}
    for aim in every:  # linear: two distinct parties per (axis, push) are enough to know
        parties = stated_by.setdefault((aim.axis, aim.push), set())
        if len(parties) < 2:
            parties.add(aim.party)
    return {a.path for a in every if stated_by[(a.axis, a.push)] - {a.party}}


@reads("$.parties[].goals", "$.parties[].departmental_targets", "$.parties[].interests",
       signals=(TOPIC_SIGNAL,))
def undisclosed_drivers(case: Case, signals: SignalBook) -> SignalValue:
    """Goals and interests a party keeps from the other (``()`` = none).

    A goal both parties state is known to both, whatever its ``disclosed`` says.
    """
    both = _stated_by_another(case, vocabulary_of(signals))
    found: list[str] = []
    missing: list[str] = []
    paths: list[str] = []
    for party in case.parties:
        where = case.path_of(party)
        if party.goals is None:
            paths.append(f"{where}.goals")
            missing.append(f"{where}.goals")
        drivers = [(f"{where}.goals[{i}]", goal_label(g), g.disclosed)
                   for i, g in enumerate(party.goals or ())
                   if f"{where}.goals[{i}]" not in both]
        drivers += [(f"{where}.interests[{i}]", d.description, d.disclosed)
                    for i, d in enumerate(party.interests or ())]
        for path, label, disclosed in drivers:
            paths.append(f"{path}.disclosed")
            if disclosed is None:
                missing.append(f"{path}.disclosed")
            elif not disclosed:
                found.append(f"{party.name}: {label}")
    if found or not missing:
        return SignalValue(tuple(found), tuple(paths))
    return SignalValue(None, tuple(paths), tuple(missing))


def _norm(items: tuple[str, ...]) -> set[str]:
    return {i.strip().lower() for i in items}


def _pooled(lists: list[tuple[str, ...] | None]) -> set[str] | None:
    """The capabilities in all ``lists`` together; ``None`` while one is left out."""
    if any(items is None for items in lists):
        return None
    return {c for items in lists for c in _norm(items or ())}


def _meeting(offered: set[str] | None, wanted: set[str] | None) -> tuple[str, ...] | None:
    return None if offered is None or wanted is None else tuple(sorted(offered & wanted))


@reads("$.parties[].capabilities_offered", "$.parties[].capabilities_needed")
def capability_fit(case: Case, signals: SignalBook) -> SignalValue:
    """Capabilities each side offers that the other needs, and capabilities both offer.

    A list left out leaves unknown only the parts made of it (ADR 0025 point 6): the
    overlap is known from the offers alone, each direction from one side's offer and the
    other side's needs. Unknown as a whole only when no part is known.
    """
    needed = []
    for party in case.parties:
        where = case.path_of(party)
        if party.capabilities_offered is None:
            needed.append(f"{where}.capabilities_offered")
        if party.capabilities_needed is None:
            needed.append(f"{where}.capabilities_needed")
    paths = tuple(f"{case.path_of(p)}.{key}" for p in case.parties
                  for key in ("capabilities_offered", "capabilities_needed"))
    own, others = case.own, case.others
    we_offer = _pooled([own.capabilities_offered])
    they_offer = _pooled([p.capabilities_offered for p in others])
    fit = CapabilityFit(
        they_give_us=_meeting(they_offer, _pooled([own.capabilities_needed])),
        we_give_them=_meeting(we_offer, _pooled([p.capabilities_needed for p in others])),
        overlap=_meeting(we_offer, they_offer),
    )
    if fit.they_give_us is None and fit.we_give_them is None and fit.overlap is None:
        return SignalValue(None, paths, tuple(needed))
    return SignalValue(fit, paths, tuple(needed))


@reads("$.parties[].attitude")
def adversarial_counterpart(case: Case, signals: SignalBook) -> SignalValue:
    """Other parties that behave opportunistically or with hostility (``()`` = none)."""
    paths = tuple(f"{case.path_of(p)}.attitude" for p in case.others)
    found = tuple(f"{p.name} ({p.attitude.value})" for p in case.others
                  if p.attitude in ADVERSARIAL_ATTITUDES)
    missing = tuple(path for path, p in zip(paths, case.others) if p.attitude is None)
    if found or not missing:
        return SignalValue(found, paths)
    return SignalValue(None, paths, missing)


@reads("$.parties[].power", "$.parties[].replaceability")
def counterpart_dominance(case: Case, signals: SignalBook) -> SignalValue:
    """Other parties with dominant power, or that cannot be replaced (``()`` = none)."""
    return _holding_power(case, DOMINANT_POWER)


@reads("$.parties[].power", "$.parties[].replaceability")
def counterpart_power(case: Case, signals: SignalBook) -> SignalValue:
    """Other parties with high or dominant power, or that cannot be replaced (``()`` = none):
    power enough over us to make an adversary dangerous."""
    return _holding_power(case, STRONG_POWER)


def _holding_power(case: Case, levels: tuple[Power, ...]) -> SignalValue:
    found: list[str] = []
    missing: list[str] = []
    paths: list[str] = []
    for party in case.others:
        where = case.path_of(party)
        paths += [f"{where}.power", f"{where}.replaceability"]
        if party.power in levels:
            found.append(f"{party.name}: power {party.power.value}")
        elif party.replaceability is Replaceability.IRREPLACEABLE:
            found.append(f"{party.name}: {party.replaceability.value}")
        else:
            missing += [f"{where}.power"] if party.power is None else []
            missing += [f"{where}.replaceability"] if party.replaceability is None else []
    if found or not missing:
        return SignalValue(tuple(found), tuple(paths))
    return SignalValue(None, tuple(paths), tuple(missing))


@reads(signals=("goal_alignment",))
def commercial_opposition(case: Case, signals: SignalBook) -> SignalValue:
    """Commercial axes (money: price and margin; effort) on which goals oppose each other."""
    alignment = signals["goal_alignment"]
    if alignment.value is None:
        return SignalValue(None, alignment.paths, alignment.missing)
    axes = tuple(a for a in alignment.value.conflicting if a in COMMERCIAL_AXES)
    return SignalValue(axes, alignment.paths)


COMMERCIAL_MECHANISMS = ("commercial_review", "gain_sharing", "performance_incentives")
"""Governance that manages the commercial opposition of customer and supplier."""


def commercial_mechanisms(case: Case) -> list[bool | None]:
    """Whether each of :data:`COMMERCIAL_MECHANISMS` is in place (``None`` = not stated)."""
    rel = case.relationship
    governance = rel.governance if rel else None
    return [getattr(governance, m) if governance else None for m in COMMERCIAL_MECHANISMS]


_SQUEEZE = (Conduct.LATE_PAYMENT, Conduct.DEMANDS_FREE_EXTRAS, Conduct.NO_FOLLOW_UP_WORK)


def squeeze_found(case: Case) -> tuple[str, ...]:
    """The squeezing conduct recorded for any customer so far (a lower bound)."""
    return tuple(sorted({c.value for p in case.parties if p.role is Role.CUSTOMER
                   for c in p.conduct or () if c in _SQUEEZE}))


@reads("$.parties[].conduct")
def supplier_squeeze(case: Case, signals: SignalBook) -> SignalValue:
    """The article's supplier picture in a customer's recorded conduct: paying late,
    demanding free extras, giving no follow-up work (``()`` = none of it).

    Read the same way whoever assesses: the customer may be us or the other party.
    Unknown while a customer's conduct is not recorded (see :func:`squeeze_found`).
    """
    customers = [p for p in case.parties if p.role is Role.CUSTOMER]
    paths = tuple(f"{case.path_of(p)}.conduct" for p in customers)
    found = squeeze_found(case)
    missing = tuple(path for path, p in zip(paths, customers) if p.conduct is None)
    if len(found) == len(_SQUEEZE) or not missing:
        return SignalValue(found, paths)
    return SignalValue(None, paths, missing)


STANDARD_SIGNALS = (
    Signal(name="counterpart_benefit", compute=counterpart_benefit, description=Text(
        "The least favourable net benefit another party expects from the relationship.",
        "Het minst gunstige netto voordeel dat een andere partij van de relatie verwacht.")),
    Signal(name="own_benefit", compute=own_benefit, description=Text(
        "The net benefit the perspective party expects.",
        "Het netto voordeel dat de perspectiefpartij verwacht.")),
    Signal(name="goal_alignment", compute=goal_alignment, description=Text(
        "Topics on which the parties' goals point the same way (shared) or opposite ways "
        "(conflicting).",
        "Onderwerpen waarop de doelen van de partijen dezelfde kant op wijzen (gedeeld) of "
        "tegengesteld zijn (strijdig).")),
    Signal(name="departmental_conflicts", compute=departmental_conflicts, description=Text(
        "Departmental targets of the perspective party that work against another party's goals.",
        "Afdelingsdoelstellingen van de perspectiefpartij die tegen de doelen van een andere "
        "partij ingaan.")),
    Signal(name="supplier_squeeze", compute=supplier_squeeze, description=Text(
        "What a customer's recorded conduct shows of the supplier's side of a bare "
        "contract: paying late, demanding free extras, giving no follow-up work.",
        "Wat het vastgelegde gedrag van een klant laat zien van de kant van de leverancier "
        "bij een kaal contract: laat betalen, gratis extra's eisen, geen vervolgwerk geven.")),
    Signal(name="undisclosed_drivers", compute=undisclosed_drivers, description=Text(
        "Goals and interests a party keeps from the other party.",
        "Doelen en belangen die een partij niet aan de andere partij kenbaar maakt.")),
    Signal(name="capability_fit", compute=capability_fit, description=Text(
        "Capabilities each side offers that the other needs, in both directions, and "
        "capabilities both offer (overlap).",
        "Capaciteiten die de ene kant biedt en de andere nodig heeft, in beide richtingen, en "
        "capaciteiten die beide bieden (overlap).")),
    Signal(name="adversarial_counterpart", compute=adversarial_counterpart, description=Text(
        "Other parties whose attitude is opportunistic or hostile.",
        "Andere partijen met een opportunistische of vijandige houding.")),
    Signal(name="counterpart_dominance", compute=counterpart_dominance, description=Text(
        "Other parties with dominant market power, or that cannot be replaced.",
        "Andere partijen met dominante marktmacht, of die onvervangbaar zijn.")),
    Signal(name="counterpart_power", compute=counterpart_power, description=Text(
        "Other parties with high or dominant market power, or that cannot be replaced.",
        "Andere partijen met veel of dominante marktmacht, of die onvervangbaar zijn.")),
    Signal(name="commercial_opposition", compute=commercial_opposition, description=Text(
        "Commercial topics (price and margin, effort) on which the parties' goals oppose.",
        "Commerciële onderwerpen (prijs en marge, inspanning) waarop de doelen van de "
        "partijen tegengesteld zijn.")),
)


@hookimpl
def collabrules_add_signals(register: SignalRegistrar) -> None:
    """Register the standard signals."""
    for signal in (*STANDARD_SIGNALS, *PERCEPTION_SIGNALS):
        register(signal)


@hookimpl
def collabrules_add_topics(register: TopicRegistrar) -> None:
    """Register the standard topic axes (``topics.json``)."""
    for axis in standard_axes():
        register(axis)
