"""Perception signals in the evidence appendix: what a reader needs, not the whole list.

The perception signals hold every theme score, gap or asymmetry of every party (16 or
more records). The appendix names how many there are and lists only those that matter:
scores at or below :data:`~collabrules.model.perceptions.LOW` (disagreement), and gaps
and asymmetries of :data:`~collabrules.model.perceptions.GAP` points or more. The JSON
report keeps the signals whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.perceptions import GAP, LOW
from ..model.text import Text

SCORES = Text("{count} theme scores, {low} of them {limit} or lower (disagreement): {items}",
              "{count} themascores, waarvan {low} van {limit} of lager (oneens): {items}")
APART = Text("{count} pairs of views, {apart} of them {limit} points or more apart: {items}",
             "{count} paren oordelen, waarvan {apart} met {limit} punten of meer verschil: "
             "{items}")
ABOUT_ITSELF = Text("about itself", "over zichzelf")
ABOUT_OTHER = Text("about the other", "over de ander")
WHOLE = Text("(the JSON report lists them all)", "(het JSON-rapport geeft ze allemaal)")
NONE = Text("none", "geen")

# Per signal: the keys of the two views compared (gaps and asymmetries).
_PAIRS = {
    "perception_gaps": ("party", "own_view", "seen_by", "other_view"),
    "perception_asymmetries": ("party", "party_about_other", "other", "other_about_party"),
}


def summary(name: str, value: Any, lang: str) -> str | None:
    """A perception signal's value in words, or ``None`` for any other signal or value."""
    if name not in (*_PAIRS, "perception_scores") or not isinstance(value, list) \
            or not all(isinstance(item, Mapping) for item in value):
        return None
    if name == "perception_scores":
        low = [f"{item['party']}, {item['theme']}: {item[side]:g} {about.get(lang)}"
               for item in value
               for side, about in (("us", ABOUT_ITSELF), ("them", ABOUT_OTHER))
               if isinstance(item.get(side), (int, float)) and item[side] <= LOW]
        text = SCORES.format(count=len(value), low=len(low), limit=f"{LOW:g}",
                             items="; ".join(low) or NONE.get(lang))
    else:
        one, one_view, other, other_view = _PAIRS[name]
        apart = [f"{item['theme']}: {item[one]} {item[one_view]:g} / "
                 f"{item[other]} {item[other_view]:g}" for item in value
                 if abs(item[one_view] - item[other_view]) >= GAP]
        text = APART.format(count=len(value), apart=len(apart), limit=f"{GAP:g}",
                            items="; ".join(apart) or NONE.get(lang))
    return f"{text.get(lang)} {WHOLE.get(lang)}"
