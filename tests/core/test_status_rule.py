"""The one status rule every principle follows (assessment.derive_status) and severities."""

from __future__ import annotations

import pytest

from collabrules.model.finding import Condition
from collabrules.model.text import Text
from collabrules.model.vocab import Outcome, Severity, Status
from collabrules.pipeline.assessment import derive_status, severity_for

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
