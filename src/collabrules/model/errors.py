"""Input errors: what is wrong, where (file, JSON path, line), and how to fix it."""

from __future__ import annotations

import attrs

from .records import shared_repr
from .text import Text


@attrs.frozen(kw_only=True)
@shared_repr
class Issue:
    """One problem with an input document."""

    file: str
    path: str
    message: Text
    hint: Text | None = None
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        """``file:line:column`` as far as known."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, lang: str = "en") -> str:
        """One line (plus a hint line) a person can act on."""
        text = f"{self.location()}: {self.path}: {self.message.get(lang)}"
        if self.hint is not None:
            text += f" ({self.hint.get(lang)})"
        return text


class InputError(Exception):
    """An input document is unreadable or invalid; carries every issue found at once."""

    def __init__(self, issues: list[Issue] | tuple[Issue, ...]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(issue.render() for issue in self.issues))


class UsageError(Exception):
    """A command or API was used wrongly (unknown principle code, bad option value)."""

    def __init__(self, message: Text) -> None:
        self.text = message
        super().__init__(message.en)
