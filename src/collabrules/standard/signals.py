"""The standard signals: named facts derived once per case and shared by principles."""

from __future__ import annotations

from ..case import Case, Party
from ..hookspecs import hookimpl
from ..registry import SignalRegistrar
from ..signals import Signal, SignalBook, SignalValue
from ..text import Text
from ..vocab import Net
from .goals import aims, opposed, pushes_by_axis, shared

_NET_ORDER = (Net.NEGATIVE, Net.UNKNOWN, Net.NEUTRAL, Net.POSITIVE)


def _benefit_path(case: Case, party: Party) -> str:
    return f"{case.path_of(party)}.expected_benefit.net"


def counterpart_benefit(case: Case, signals: SignalBook) -> SignalValue:
    """The least favourable net benefit any other party expects (``unknown`` = not stated)."""
    paths = tuple(_benefit_path(case, p) for p in case.others)
    nets = [p.expected_benefit.net if p.expected_benefit else None for p in case.others]
    missing = tuple(path for path, net in zip(paths, nets) if net is None)
    known = [n for n in nets if n is not None]
    if Net.NEGATIVE in known:
        return SignalValue(Net.NEGATIVE.value, paths)
    if missing:
        return SignalValue(None, paths, missing)
    worst = min(known, key=_NET_ORDER.index)
    return SignalValue(worst.value, paths)


def own_benefit(case: Case, signals: SignalBook) -> SignalValue:
    """The net benefit the perspective party expects."""
    path = _benefit_path(case, case.own)
    benefit = case.own.expected_benefit
    if benefit is None or benefit.net is None:
        return SignalValue(None, (path,), (path,))
    return SignalValue(benefit.net.value, (path,))


def goal_alignment(case: Case, signals: SignalBook) -> SignalValue:
    """Topics on which the perspective party and the others aim the same or opposite way."""
    own_path = case.path_of(case.own)
    needed = [f"{case.path_of(p)}.goals" for p in case.parties if p.goals is None]
    if needed:
        return SignalValue(None, (), tuple(needed))
    mine = aims(case.own, own_path)
    theirs = [a for p in case.others for a in aims(p, case.path_of(p))]
    pushes = pushes_by_axis(theirs)  # linear, not mine x theirs: cases may hold 50,000 aims
    shared_topics = sorted({a.axis for a in mine
                            if any(shared(a, b) for b in pushes.get(a.axis, ()))})
    conflicting = sorted({a.axis for a in mine
                          if any(opposed(a, b) for b in pushes.get(a.axis, ()))})
    paths = tuple(sorted({a.path for a in mine + theirs}))
    return SignalValue({"shared": shared_topics, "conflicting": conflicting}, paths)


def departmental_conflicts(case: Case, signals: SignalBook) -> SignalValue:
    """The perspective party's departmental targets that oppose another party's goals."""
    own_path = case.path_of(case.own)
    needed = []
    if case.own.departmental_targets is None:
        needed.append(f"{own_path}.departmental_targets")
    needed += [f"{case.path_of(p)}.goals" for p in case.others if p.goals is None]
    if needed:
        return SignalValue(None, (), tuple(needed))
    targets = [a for a in aims(case.own, own_path) if ".departmental_targets[" in a.path]
    theirs = pushes_by_axis([a for p in case.others for a in aims(p, case.path_of(p))])
    conflicts = []
    for aim in targets:
        if any(opposed(aim, other) for other in theirs.get(aim.axis, ())):
            index = int(aim.path.rsplit("[", 1)[1].rstrip("]"))
            target = (case.own.departmental_targets or ())[index]
            conflicts.append(f"{target.department}: {target.target}")
    return SignalValue(sorted(set(conflicts)), (f"{own_path}.departmental_targets",))


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
)


@hookimpl
def collabrules_add_signals(register: SignalRegistrar) -> None:
    """Register the standard signals."""
    for signal in STANDARD_SIGNALS:
        register(signal)
