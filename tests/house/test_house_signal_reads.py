"""A house signal declares what it reads with ``collabrules.plugin.reads``; without the
declaration it still works, and the completion rule computes it again for every
completed case instead of taking it over."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import attrs
import pytest

from collabrules.io.serialize import report_to_dict
from collabrules.pipeline.signal_reuse import SignalReuse
from collabrules.plugin import (
    Assessment,
    Case,
    Engine,
    Observation,
    Principle,
    Signal,
    SignalBook,
    SignalValue,
    Text,
    case_with,
    hookimpl,
    reads,
    standard_plugins,
)

from .conftest import EXAMPLE_PLUGIN, ROOT

ACME_SIGNAL = "acme_supplier_net_benefit"
OFFICE = ROOT / "examples" / "office-cleaning.yaml"
BESPOKE = ROOT / "examples" / "bespoke-software.yaml"
Compute = Callable[[Case, SignalBook], SignalValue]


@pytest.fixture
def acme(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The example distribution's package, imported from its source folder."""
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN / "src"))
    yield importlib.import_module("collabrules_house_example")


def _counted(compute: Compute, calls: list[int]) -> Compute:
    """``compute`` counting its calls, with no ``@reads`` declaration of its own."""
    def counting(case: Case, signals: SignalBook) -> SignalValue:
        calls.append(1)
        return compute(case, signals)

    return counting


def _content(report: Any) -> dict[str, Any]:
    """The report as JSON without its provenance (which lists the plugins)."""
    data = report_to_dict(report)
    del data["provenance"]
    return data


def _engine(*plugins: tuple[str, object], signal: Signal) -> Engine:
    """The standard plugins, ``plugins`` and ``signal`` replacing its namesake."""
    class Replacement:
        @hookimpl
        def collabrules_add_signals(self, register: Any) -> None:
            register(signal, replaces=True)

    return Engine(plugins=[*standard_plugins(), *plugins, ("zz_replacement", Replacement())],
                  entry_points=False)


def test_the_example_signal_declares_what_it_reads(acme: ModuleType) -> None:
    engine = Engine(plugins=[*standard_plugins(), ("acme", acme)], entry_points=False)
    assert SignalReuse(engine.signals).reads(ACME_SIGNAL) is not None
    assert engine.evaluate(BESPOKE).finding("ACME01").status.value == "violated"
    assert not engine.problems


@pytest.mark.parametrize("source", ["office-no-net", "bespoke"])
def test_the_example_signal_without_reads_gives_the_same_report(
        acme: ModuleType, source: str) -> None:
    case = BESPOKE if source == "bespoke" else case_with(OFFICE, lambda doc: [
        p["expected_benefit"].pop("net") for p in doc["parties"]])
    declared = Engine(plugins=[*standard_plugins(), ("acme", acme)], entry_points=False)
    signal = acme.net_benefit.SIGNAL
    undeclared = _engine(("acme", acme), signal=attrs.evolve(
        signal, compute=_counted(signal.compute, [])))
    assert not undeclared.problems
    assert SignalReuse(undeclared.signals).reads(ACME_SIGNAL) is None

    expected = declared.evaluate(case)
    assert _content(undeclared.evaluate(case)) == _content(expected)
    if source == "office-no-net":  # the completion rule ran on ACME01
        assert expected.finding("ACME01").status.value == "undetermined"


def _risky(case: Case, signals: SignalBook) -> SignalValue:
    risk = case.delivery.risk
    return SignalValue(None if risk is None else risk.value == "high", ("$.delivery.risk",))


def _assess(a: Assessment) -> None:
    trust = a.case.relationship.trust
    high_risk = a.signal("house_high_risk").value
    held = None if trust is None or high_risk is None else (
        not high_risk or trust.value == "high")
    a.check("trust_fits_risk", held,
            Text("trust is high where the risk is high", "vertrouwen is hoog waar het risico "
                 "hoog is"), signals=("house_high_risk",),
            facts=(a.fact("$.relationship.trust", trust),))


HOUSE = Principle(
    code="HOUSE01", slug="trust-fits-risk", theme=Text("Trust", "Vertrouwen"),
    title=Text("Trust fits risk", "Vertrouwen past bij risico"),
    observation=Observation(Text("Risk needs trust.", "Risico vraagt vertrouwen.")),
    statement=Text("Match trust to risk.", "Stem vertrouwen af op risico."), assess=_assess)


def _house(compute: Compute) -> object:
    class House:
        @hookimpl
        def collabrules_add_signals(self, register: Any) -> None:
            register(Signal(name="house_high_risk", compute=compute,
                            description=Text("High delivery risk.", "Hoog leveringsrisico.")))

        @hookimpl
        def collabrules_add_principles(self, register: Any) -> None:
            register(HOUSE)

    return House()


def _trust_seen(seen: list[object]) -> Compute:
    """:func:`_risky`, noting the trust level of each case it is computed for."""
    def compute(case: Case, signals: SignalBook) -> SignalValue:
        seen.append(case.relationship.trust)
        return _risky(case, signals)

    return compute


def test_completion_reuses_a_declared_house_signal_and_recomputes_an_undeclared_one() -> None:
    # Trust left out: the completion rule fills it in with every level; the house
    # signal reads only the risk, so a completed case can take it over if declared.
    case = case_with(OFFICE, lambda doc: doc["relationship"].pop("trust"))
    declared_seen: list[object] = []
    undeclared_seen: list[object] = []
    declared = Engine(plugins=[*standard_plugins(), ("house", _house(
        reads("$.delivery.risk")(_trust_seen(declared_seen))))], entry_points=False)
    undeclared = Engine(plugins=[*standard_plugins(), ("house", _house(
        _trust_seen(undeclared_seen)))], entry_points=False)
    assert not declared.problems and not undeclared.problems

    with_reads, without_reads = declared.evaluate(case), undeclared.evaluate(case)

    assert _content(without_reads) == _content(with_reads)
    assert with_reads.finding("HOUSE01").status.value == "upheld"  # low risk: trust settles
    assert declared_seen and set(declared_seen) == {None}  # never for a completed case
    assert {t for t in undeclared_seen if t is not None}  # computed for completed cases
