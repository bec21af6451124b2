"""Problems: what went wrong in a plugin or principle, said so a person can fix it.

A problem never stops an evaluation: the rest of the principles still complete and the
report lists the problems; the CLI then exits with code 3.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import attrs

from .records import shared_repr
from .text import Text


class ProblemKind(str, Enum):
    """What kind of problem occurred."""

    PLUGIN_LOAD = "plugin_load"
    PLUGIN_HOOK = "plugin_hook"
    DUPLICATE = "duplicate"
    NOTHING_TO_REPLACE = "nothing_to_replace"
    REPLACE_CYCLE = "replace_cycle"
    ASSESS_ERROR = "assess_error"
    WRONG_TYPE = "wrong_type"
    SLOW = "slow"
    UNKNOWN_TAXONOMY = "unknown_taxonomy"
    UNKNOWN_HOOK = "unknown_hook"


_MESSAGES: dict[ProblemKind, Text] = {
    ProblemKind.PLUGIN_LOAD: Text(
        "plugin {plugin} ({origin}) could not be loaded: {detail}. The other plugins were "
        "loaded; fix or upgrade this plugin, or block it with --block {plugin}.",
        "plugin {plugin} ({origin}) kon niet worden geladen: {detail}. De andere plugins zijn "
        "wel geladen; herstel of upgrade deze plugin, of blokkeer hem met --block {plugin}.",
    ),
    ProblemKind.PLUGIN_HOOK: Text(
        "plugin {plugin} ({origin}) failed in hook {code}: {detail}. Its contribution was "
        "left out; report this to the plugin's authors or block it with --block {plugin}.",
        "plugin {plugin} ({origin}) faalde in hook {code}: {detail}. Zijn bijdrage is "
        "weggelaten; meld dit bij de makers van de plugin of blokkeer hem met --block {plugin}.",
    ),
    ProblemKind.DUPLICATE: Text(
        "{detail}",
        "{detail}",
    ),
    ProblemKind.NOTHING_TO_REPLACE: Text(
        "principle {code} of plugin {plugin} ({origin}) replaces {detail}, but no plugin "
        "registers {detail}; check the code in 'replaces'.",
        "principe {code} van plugin {plugin} ({origin}) vervangt {detail}, maar geen plugin "
        "registreert {detail}; controleer de code bij 'replaces'.",
    ),
    ProblemKind.REPLACE_CYCLE: Text(
        "principles {detail} replace each other in a circle, so none of them is used "
        "(plugin {plugin}, {origin}); remove one of the 'replaces'.",
        "principes {detail} vervangen elkaar in een kring, dus geen van hen wordt gebruikt "
        "(plugin {plugin}, {origin}); verwijder een van de 'replaces'.",
    ),
    ProblemKind.ASSESS_ERROR: Text(
        "principle {code} of plugin {plugin} ({origin}) failed: {detail}. Its finding is "
        "marked 'error'; the other principles completed.",
        "principe {code} van plugin {plugin} ({origin}) faalde: {detail}. De bevinding staat "
        "op 'fout'; de andere principes zijn wel beoordeeld.",
    ),
    ProblemKind.WRONG_TYPE: Text(
        "plugin {plugin} ({origin}) returned the wrong type in {code}: {detail}.",
        "plugin {plugin} ({origin}) gaf het verkeerde type terug in {code}: {detail}.",
    ),
    ProblemKind.SLOW: Text(
        "principle {code} of plugin {plugin} ({origin}) is slow: {detail}.",
        "principe {code} van plugin {plugin} ({origin}) is traag: {detail}.",
    ),
    ProblemKind.UNKNOWN_TAXONOMY: Text(
        "no plugin provides the collaboration-model taxonomy {detail}; no model is "
        "recommended. Install the plugin that provides it or choose another taxonomy.",
        "geen plugin levert de taxonomie van samenwerkingsmodellen {detail}; er wordt geen "
        "model aanbevolen. Installeer de plugin die haar levert of kies een andere taxonomie.",
    ),
    ProblemKind.UNKNOWN_HOOK: Text(
        "plugin {plugin} ({origin}) implements {code}, which is not a collabrules hook, so it "
        "is never called; correct the name (the hooks: docs/reference/hooks.md).",
        "plugin {plugin} ({origin}) implementeert {code}, maar dat is geen hook van "
        "collabrules, dus hij wordt nooit aangeroepen; verbeter de naam (de hooks: "
        "docs/reference/hooks.md).",
    ),
}

_DUPLICATE = Text(
    "{kind} {name} is registered twice: by plugin {first} ({first_origin}) and by plugin "
    "{second} ({second_origin}). The first is used. Declare the override explicitly "
    "('replaces') or block one of the plugins.",
    "{kind} {name} is twee keer geregistreerd: door plugin {first} ({first_origin}) en door "
    "plugin {second} ({second_origin}). De eerste wordt gebruikt. Verklaar de vervanging "
    "expliciet ('replaces') of blokkeer een van de plugins.",
)
_DOUBLE_REPLACE = Text(
    "{kind} {name} is replaced twice: by plugin {first} ({first_origin}) and by plugin "
    "{second} ({second_origin}). The first is used; block one of the plugins.",
    "{kind} {name} wordt twee keer vervangen: door plugin {first} ({first_origin}) en door "
    "plugin {second} ({second_origin}). De eerste wordt gebruikt; blokkeer een van de plugins.",
)
_KINDS = {
    "principle": Text("principle", "principe"),
    "signal": Text("signal", "signaal"),
    "model": Text("model", "model"),
}


_SLOW_DETAIL = Text(
    "it took {seconds} s of CPU time on one case, over the budget of {budget} s",
    "het kostte {seconds} s CPU-tijd op één casus, boven het budget van {budget} s",
)


@attrs.frozen(kw_only=True)
@shared_repr
class Problem:
    """One problem with a plugin or principle: which, where from, and what happened."""

    kind: ProblemKind
    plugin: str
    origin: str = ""
    code: str | None = None
    detail: str = ""
    text: Text | None = None

    @property
    def message(self) -> Text:
        """The problem said in English and Dutch."""
        if self.text is not None:
            return self.text
        return _MESSAGES[self.kind].format(
            plugin=self.plugin, origin=self.origin, code=self.code or "", detail=self.detail
        )

    @classmethod
    def slow(cls, plugin: str, origin: str, code: str, seconds: float,
             budget: float) -> Problem:
        """A principle spent more CPU time on one case than its budget."""
        detail = _SLOW_DETAIL.format(seconds=f"{seconds:.2f}", budget=f"{budget:g}")
        text = _MESSAGES[ProblemKind.SLOW].format(plugin=plugin, origin=origin, code=code,
                                                  detail=detail)
        return cls(kind=ProblemKind.SLOW, plugin=plugin, origin=origin, code=code,
                   detail=detail.en, text=text)

    @classmethod
    def duplicate(
        cls,
        kind: str,
        name: str,
        first: str,
        second: str,
        describe: Callable[[str], str],
        *,
        replacing: bool = False,
    ) -> Problem:
        """Two plugins registered the same principle code, signal or model."""
        template = _DOUBLE_REPLACE if replacing else _DUPLICATE
        text = template.format(
            kind=_KINDS.get(kind, Text(kind, kind)), name=name, first=first,
            first_origin=describe(first), second=second, second_origin=describe(second),
        )
        return cls(kind=ProblemKind.DUPLICATE, plugin=second, origin=describe(second),
                   code=name, detail=text.en, text=text)
