"""The collaboration model a case names must exist: a misspelt id is an input error.

A model id outside the taxonomy would otherwise be read as "model unknown" and quietly
change verdicts; instead the file is rejected with a "did you mean" hint.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

from ..model.errors import Issue
from ..model.text import Text
from .validation import did_you_mean

PATH = "$.relationship.model"


@cache
def installed_model_ids() -> frozenset[str]:
    """Model ids of every taxonomy the installed plugins contribute."""
    from .engine import Engine  # the engine imports this module: import on first use

    return frozenset(m for t in Engine().taxonomies.values() for m in t.models)


def _standard_ids() -> frozenset[str]:
    from ..standard.taxonomy import standard_models

    return frozenset(m.id for m in standard_models())


def model_issues(data: Any, source: str, models: Collection[str] | None = None) -> list[Issue]:
    """An issue when ``relationship.model`` names no known model (``models``: the ids)."""
    relationship = data.get("relationship") if isinstance(data, dict) else None
    model = relationship.get("model") if isinstance(relationship, dict) else None
    if not isinstance(model, str):
        return []
    if models is None:
        if model in _standard_ids():
            return []
        models = installed_model_ids()
    if model in models:
        return []
    known = sorted(models)
    return [Issue(
        file=source, path=PATH,
        message=Text("the model {model!r} is not in the taxonomy",
                     "het model {model!r} staat niet in de taxonomie").format(model=model),
        hint=did_you_mean(model, known) or Text(
            "use one of: {ids}", "gebruik een van: {ids}").format(ids=", ".join(known)))]
