"""Observations and principles: the guidelines a case is assessed against."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from .text import Text
from .vocab import Severity

if TYPE_CHECKING:
    from ..pipeline.assessment import Assessment

CODE_PATTERN = r"^[A-Z]{1,4}[0-9]{1,4}$"


@attrs.frozen
class Observation:
    """The general truth a principle rests on: a value, belief or regularity."""

    text: Text


@attrs.frozen
class Example:
    """A short illustration of a principle upheld or violated, for its page."""

    upheld: bool
    text: Text


Assess = Callable[["Assessment"], None]
"""A principle's logic: it records conditions on the assessment it is given."""


@attrs.frozen(kw_only=True)
class Principle:
    """A guideline derived from an observation, with the logic that assesses a case.

    ``code`` is stable (``CR01``); ``slug`` is a readable name (``reciprocity``).
    ``replaces`` names the code of a principle this one explicitly overrides.
    """

    code: str
    slug: str
    theme: Text
    title: Text
    observation: Observation
    statement: Text
    checks: Text
    assess: Assess = attrs.field(eq=False, repr=False)
    source: str = "collabrules"
    severity: Severity = Severity.MEDIUM
    examples: tuple[Example, ...] = ()
    replaces: str | None = None
