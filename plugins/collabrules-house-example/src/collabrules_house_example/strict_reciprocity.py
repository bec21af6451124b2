"""A stricter CR01: every failed reciprocity condition is a violation, severity critical.

The replacement is declared explicitly (``replaces="CR01"``) and keeps the code, so
selections, severities and waivers that name CR01 keep working.
"""

from __future__ import annotations

from typing import Any

import attrs

from collabrules.plugin import Assessment, Severity, Status, Text, standard_principle

CR01 = standard_principle("CR01")


class _Strict:
    """An assessment that records every condition with the effect ``violated``."""

    def __init__(self, inner: Assessment) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def check(self, *args: Any, **kwargs: Any) -> bool | None:
        kwargs["effect"] = Status.VIOLATED
        return self._inner.check(*args, **kwargs)


def assess(a: Assessment) -> None:
    """The standard reciprocity checks, each failure a violation."""
    CR01.assess(_Strict(a))  # type: ignore[arg-type]


PRINCIPLE = attrs.evolve(
    CR01,
    assess=assess,
    severity=Severity.CRITICAL,
    source="Acme Sourcing (stricter variant of collabrules CR01)",
    replaces="CR01",
    checks=CR01.checks + Text(
        " Acme: any failed condition is a violation.",
        " Acme: elke niet-voldane voorwaarde is een schending."),
)
