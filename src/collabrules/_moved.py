"""Old import paths of modules that moved into role folders keep working, with a warning.

One ``sys.meta_path`` finder serves every old path: importing ``collabrules.case`` warns
(:class:`DeprecationWarning`) and gives the module ``collabrules.model.case`` itself, so
``collabrules.case.Case is collabrules.model.case.Case``. The table is the one in
docs/decisions/0016-layout-by-role.md.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

#: Old module path -> new module path, both relative to ``collabrules``.
MOVED: dict[str, str] = {
    "answers": "authoring.answers",
    "assessment": "pipeline.assessment",
    "atomic": "io.atomic",
    "batch": "io.batch",
    "bounds": "house.bounds",
    "case": "model.case",
    "casepaths": "house.casepaths",
    "charter": "house.charter",
    "checking": "authoring.checking",
    "choosing": "alternatives.choosing",
    "completion": "pipeline.completion",
    "config": "house.config",
    "declarative": "house.declarative",
    "design": "alternatives.design",
    "engine": "pipeline.engine",
    "errors": "model.errors",
    "exitcodes": "model.exitcodes",
    "expressions": "house.expressions",
    "finding": "model.finding",
    "fixtures": "authoring.fixtures",
    "glossary": "model.glossary",
    "goal_links": "pipeline.goal_links",
    "hookcalls": "host.hookcalls",
    "hookspecs": "host.hookspecs",
    "inputs": "io.inputs",
    "intake": "authoring.intake",
    "keywords": "authoring.keywords",
    "kinds": "io.kinds",
    "kleene": "model.kleene",
    "loading": "pipeline.loading",
    "model_ids": "pipeline.model_ids",
    "models": "model.models",
    "outputs": "io.outputs",
    "overrides": "house.overrides",
    "paths": "model.paths",
    "plain": "pipeline.plain",
    "plugins": "host.plugins",
    "portfolio": "io.portfolio",
    "principle": "model.principle",
    "problems": "model.problems",
    "questions": "pipeline.questions",
    "registry": "host.registry",
    "report": "model.report",
    "schemas": "pipeline.schemas",
    "selection": "pipeline.selection",
    "serialize": "io.serialize",
    "settings": "pipeline.settings",
    "signals": "model.signals",
    "standard.adversaries": "standard.principles.CR07",
    "standard.interests": "standard.principles.CR02",
    "standard.opportunities": "standard.principles.CR03",
    "standard.partnership": "standard.principles.CR08",
    "standard.process": "standard.principles.CR09",
    "standard.reciprocity": "standard.principles.CR01",
    "standard.resistance": "standard.principles.CR04",
    "standard.signals": "standard.party_signals",
    "standard.tailoring": "standard.principles.CR06",
    "standard.trust": "standard.principles.CR05",
    "structure": "pipeline.structure",
    "structurer": "pipeline.structurer",
    "summary": "model.summary",
    "testrun": "authoring.testrun",
    "text": "model.text",
    "topic_signal": "pipeline.topic_signal",
    "topics": "model.topics",
    "tracing": "house.tracing",
    "trends": "io.trends",
    "validation": "pipeline.validation",
    "verdict": "model.verdict",
    "versions": "pipeline.versions",
    "vocab": "model.vocab",
    "waivers": "house.waivers",
}


class _Alias:
    """Finds an old module path and loads it as the module at its new path.

    A meta path finder and loader by protocol: subclassing ``importlib.abc``'s classes
    would import ``importlib.resources`` (and ``tempfile``, ``shutil``...) on every start.
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec for an old path of a moved module, else ``None`` (the normal finders)."""
        prefix, _, rest = fullname.partition(".")
        if prefix != "collabrules" or rest not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        """The module at the new path, imported if need be, after a deprecation warning."""
        new = "collabrules." + MOVED[spec.name.partition(".")[2]]
        warnings.warn(
            f"{spec.name} moved to {new}; import it from there "
            "(docs/decisions/0016-layout-by-role.md)",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module was executed when it was imported at its new path."""


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
        sys.meta_path.append(_Alias())
