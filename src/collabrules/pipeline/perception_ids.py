"""Perception answers must name statements of the questionnaire, each at most once.

An answer to a misspelt statement would otherwise be ignored and quietly leave a theme
unscored; instead the file is rejected with a "did you mean" hint. The 1-5 range is the
schema's to check.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

from ..model.errors import Issue
from ..model.questionnaire import Questionnaire
from ..model.text import Text
from .validation import did_you_mean


@cache
def installed_questionnaire() -> Questionnaire:
    """The questionnaire with the statements every installed plugin adds."""
    from .engine import Engine  # the engine imports this module: import on first use

    return Engine().questionnaire


@cache
def _standard_ids() -> frozenset[str]:
    """The standard statements: known without building an engine."""
    from ..standard.questionnaire import standard_questionnaire  # the standard plugin's data

    return frozenset(standard_questionnaire().ids())


def _installed_ids() -> frozenset[str]:
    return frozenset(installed_questionnaire().ids())


def perception_issues(data: Any, source: str,
                      statements: Collection[str] | None = None) -> list[Issue]:
    """Issues for answers to unknown statements and statements answered twice by a party.

    ``statements`` are the known statement ids (default: the installed questionnaire's).
    """
    parties = data.get("parties") if isinstance(data, dict) else None
    issues: list[Issue] = []
    for index, party in enumerate(parties if isinstance(parties, list) else ()):
        perceptions = party.get("perceptions") if isinstance(party, dict) else None
        answers = perceptions.get("answers") if isinstance(perceptions, dict) else None
        seen: set[str] = set()
        for number, answer in enumerate(answers if isinstance(answers, list) else ()):
            statement = answer.get("statement") if isinstance(answer, dict) else None
            if not isinstance(statement, str):
                continue
            path = f"$.parties[{index}].perceptions.answers[{number}].statement"
            if statement in seen:
                issues.append(Issue(file=source, path=path, message=Text(
                    "the statement {id!r} is answered twice by this party",
                    "de stelling {id!r} is twee keer beantwoord door deze partij").format(
                        id=statement), hint=Text("keep one answer per statement",
                                                 "houd één antwoord per stelling")))
            seen.add(statement)
            if statement in _standard_ids():
                continue
            known = statements if statements is not None else _installed_ids()
            if statement not in known:
                ids = sorted(known)
                issues.append(Issue(file=source, path=path, message=Text(
                    "the statement {id!r} is not in the perception questionnaire",
                    "de stelling {id!r} staat niet in de vragenlijst over percepties").format(
                        id=statement), hint=did_you_mean(statement, ids) or Text(
                    "use one of: {ids}", "gebruik een van: {ids}").format(ids=", ".join(ids))))
    return issues
