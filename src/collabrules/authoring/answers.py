"""Answers files for ``collabrules new --answers``: checked against the intake questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.errors import Issue
from ..pipeline.validation import line_of


def read_answers(given: Mapping[str, Any], source: str,
                 lines: Mapping[str, int] | None = None, *,
                 lang: str = "en") -> tuple[dict[str, Any], list[Issue]]:
    """The parsed answer per question key, and an issue per unknown key or bad answer.

    Choices are accepted as ids or as their labels in ``lang``.
    """
    from .intake import MESSAGES, QUESTIONS, AnswerError, is_asked, parse_answer

    issues: list[Issue] = []

    def problem(key: str, message: Any) -> None:
        path = f"$.{key}"
        issues.append(Issue(file=source, path=path, message=message,
                            line=line_of(path, lines or {})))

    known = {q.key for q in QUESTIONS}
    for key in sorted(set(given) - known):
        problem(key, MESSAGES["unknown_key"].format(value=key, allowed=", ".join(sorted(known))))
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        if not is_asked(question, answers):
            answers[question.key] = None
            if given.get(question.key) is not None:
                problem(question.key, MESSAGES["needs_after"].format(value=question.after))
            continue
        try:
            answers[question.key] = parse_answer(question, given.get(question.key), lang)
        except AnswerError as error:
            problem(question.key, error.text)
    return answers, issues
