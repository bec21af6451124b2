"""The one status rule every principle follows (assessment.derive_status) and severities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.finding import Condition
from collabrules.model.text import Text
from collabrules.model.vocab import Outcome, Severity, Status
from collabrules.pipeline.assessment import derive_status, severity_for

from ..conftest import ci_examples

H, F, U = Outcome.HELD, Outcome.FAILED, Outcome.UNKNOWN


def c(outcome: Outcome, effect: Status = Status.AT_RISK, gate: bool = False) -> Condition:
    return Condition(id="x", outcome=outcome, text=Text("t", "t"), effect=effect,
                     applicability=gate)


def gate(outcome: Outcome) -> Condition:
    return c(outcome, Status.NOT_APPLICABLE, gate=True)


V = Status.VIOLATED
TABLE = [
    ((), Status.NOT_APPLICABLE),
    ((c(H),), Status.UPHELD),
    ((c(F),), Status.AT_RISK),
    ((c(F, V),), Status.VIOLATED),
    ((c(U),), Status.UNDETERMINED),
    ((c(U, V),), Status.UNDETERMINED),
    ((c(F), c(F, V)), Status.VIOLATED),
    ((c(F), c(U, V)), Status.AT_RISK),
    ((c(H), c(U)), Status.UNDETERMINED),
    ((c(H), c(H, V)), Status.UPHELD),
    ((gate(F), c(F, V)), Status.NOT_APPLICABLE),
    ((gate(U), c(F, V)), Status.UNDETERMINED),
    ((gate(F), gate(U)), Status.NOT_APPLICABLE),
    ((gate(H), c(F, V)), Status.VIOLATED),
    ((gate(H),), Status.NOT_APPLICABLE),
    ((gate(H), c(H)), Status.UPHELD),
]


@pytest.mark.parametrize(("conditions", "expected"), TABLE)
def test_derive_status(conditions: tuple[Condition, ...], expected: Status) -> None:
    assert derive_status(conditions) is expected


def _rule(conditions: tuple[Condition, ...]) -> Status:
    """The rule as the module docstring states it, one list per step (the reference of
    the one-pass :func:`derive_status`)."""
    gates = [x for x in conditions if x.applicability]
    decisive = [x for x in conditions if not x.applicability]
    failed = [x for x in decisive if x.outcome is F]
    if any(x.outcome is F for x in gates):
        return Status.NOT_APPLICABLE
    if any(x.outcome is U for x in gates):
        return Status.UNDETERMINED
    if any(x.effect is V for x in failed):
        return Status.VIOLATED
    if failed:
        return Status.AT_RISK
    if any(x.outcome is U for x in decisive):
        return Status.UNDETERMINED
    return Status.UPHELD if decisive else Status.NOT_APPLICABLE


_CONDITIONS = st.lists(st.builds(c, st.sampled_from([H, F, U]),
                                 st.sampled_from([Status.AT_RISK, V]))
                       | st.builds(gate, st.sampled_from([H, F, U])), max_size=6)


@given(_CONDITIONS)
@ci_examples(200)
def test_derive_status_follows_the_rule_step_by_step(conditions: list[Condition]) -> None:
    assert derive_status(tuple(conditions)) is _rule(tuple(conditions))


@pytest.mark.parametrize(("status", "base", "expected"), [
    (Status.VIOLATED, Severity.HIGH, Severity.HIGH),
    (Status.ERROR, Severity.CRITICAL, Severity.CRITICAL),
    (Status.AT_RISK, Severity.HIGH, Severity.MEDIUM),
    (Status.AT_RISK, Severity.CRITICAL, Severity.HIGH),
    (Status.AT_RISK, Severity.LOW, Severity.LOW),
    (Status.AT_RISK, Severity.INFO, Severity.LOW),
    (Status.UNDETERMINED, Severity.CRITICAL, Severity.INFO),
    (Status.UPHELD, Severity.CRITICAL, Severity.NONE),
    (Status.NOT_APPLICABLE, Severity.HIGH, Severity.NONE),
])
def test_severity_for(status: Status, base: Severity, expected: Severity) -> None:
    assert severity_for(status, base) is expected


def test_check_refuses_an_effect_other_than_at_risk_or_violated() -> None:
    from collabrules.pipeline.assessment import Assessment

    assessment = Assessment(None, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at_risk or violated"):
        assessment.check("x", False, Text("t", "t"), effect=Status.UPHELD)
