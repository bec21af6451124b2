"""A griffe extension for the API pages: Sphinx roles in docstrings become code spans.

The docstrings use reST roles (``:class:`~collabrules.Signal```) that read well in an
editor; Markdown would show them raw. ``mkdocs.yml`` loads this extension.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`~?([^`]+)`")


def plain_roles(text: str) -> str:
    """Replace every Sphinx role with a code span of its target (``~`` keeps the last part)."""
    def replace(match: re.Match[str]) -> str:
        target = match.group(1)
        shown = target.rsplit(".", 1)[-1] if match.group(0).count("~") else target
        return f"`{shown}`"

    return ROLE.sub(replace, text)


class PlainRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Called by griffe once per loaded object."""
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(obj.docstring.value)
