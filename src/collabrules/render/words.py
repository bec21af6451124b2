"""Case facts in words: field labels, value labels, party and model names.

A report's body says "delivery risk: high" and "expected benefit of Codeworks: unknown";
the JSON paths and raw values behind those words go to the evidence appendix
(:mod:`collabrules.render.evidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model.finding import Fact, SignalUse
from ..model.glossary import (
    ANSWERS,
    FIELDS,
    SIGNALS,
    TERMS,
    Field,
    field_text,
    generic,
    party_text,
    value_label,
)
from ..model.models import Taxonomy
from ..model.report import Report
from ..model.text import Text

_GROUPS = ("goals[]", "departmental_targets[]")
_NONE = Text("none", "geen")
_NOT_DISCLOSED = Text("not disclosed", "niet kenbaar gemaakt")
_OF = Text("{value} of {deepest}", "{value} van {deepest}")


def names(report: Report) -> tuple[str, ...]:
    """The parties' names in case order."""
    return tuple(p.name for p in report.parties)


def perspective(report: Report, lang: str) -> str:
    """The perspective party by name and role: ``Codeworks (supplier)``."""
    party = report.party(report.perspective)
    if party is None:
        return report.perspective
    return f"{party.name} ({party.role.label.get(lang)})" if party.role else party.name


def model_name(model_id: str | None, lang: str, taxonomy: Taxonomy | None = None) -> str | None:
    """A collaboration model's name in one language (the id when no taxonomy knows it)."""
    if not model_id:
        return None
    model = taxonomy.get(model_id) if taxonomy is not None else None
    if model is None:
        from ..standard.taxonomy import standard_model

        model = standard_model(model_id)
    return model.name.get(lang) if model is not None else model_id


def _deepest(taxonomy: Taxonomy | None) -> int:
    """The depth of the deepest collaboration model (3 in the standard taxonomy)."""
    if taxonomy is not None and taxonomy.by_depth():
        return taxonomy.by_depth()[-1].depth
    from ..standard.taxonomy import standard_models

    return max(m.depth for m in standard_models() if not m.adversarial)


def value_words(value: Any, values: str | None, lang: str,
                taxonomy: Taxonomy | None = None) -> str:
    """One value in words: a vocabulary label, a model name, yes/no, or the text itself."""
    if value is None or isinstance(value, bool):
        return ANSWERS[value].get(lang)
    if isinstance(value, (list, tuple)):
        words = [value_words(v, values, lang, taxonomy) for v in value]
        return ", ".join(words) if words else _NONE.get(lang)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int) and values == "depth":
        return _OF.format(value=value, deepest=_deepest(taxonomy)).get(lang)
    if isinstance(value, str) and values == "model":
        return model_name(value, lang, taxonomy) or value
    if isinstance(value, str) and values is not None:
        label = value_label(values, value)
        if label is not None:
            return label.get(lang)
    return str(value)


_UNNAMED = Text("", "")  # only fields with a label reach _label


def _label(field: Field, indices: Sequence[int], report: Report, lang: str) -> str:
    name = party_text(names(report), indices[0]).get(lang) if indices else ""
    return (field.label or _UNNAMED).get(lang).replace("{party}", name)


def fact_words(facts: Iterable[Fact], report: Report, lang: str,
               taxonomy: Taxonomy | None = None) -> list[str]:
    """The facts a condition used, as ``label: value`` phrases (goals read as one phrase).

    A fact whose field the glossary does not name is left to the evidence appendix.
    """
    phrases: list[str] = []
    grouped: dict[str, dict[str, Any]] = {}
    for fact in facts:
        shape, indices = generic(fact.path)
        group = next((g for g in _GROUPS if f".{g}." in shape), None)
        if group is not None:
            head, _, leaf = fact.path.rpartition(".")
            if head not in grouped:  # the goal's first fact keeps its place in the sentence
                grouped[head] = {"__shape": shape.rpartition(".")[0], "__indices": indices}
                phrases.append(f"\0{head}")
            grouped[head][leaf] = fact.value
            continue
        field = FIELDS.get(shape)
        if field is not None and field.label is not None:
            phrases.append(f"{_label(field, indices, report, lang)}: "
                           f"{value_words(fact.value, field.values, lang, taxonomy)}")
    phrases = [_goal(grouped[p[1:]], report, lang) if p.startswith("\0") else p
               for p in phrases]
    return [p for p in phrases if p]


def _goal(parts: dict[str, Any], report: Report, lang: str) -> str:
    shape, indices = parts["__shape"], parts["__indices"]
    topic, direction = parts.get("topic"), parts.get("direction")
    if topic is None:  # no topic to hang the goal on: each fact on its own
        leaves = [(FIELDS.get(f"{shape}.{leaf}"), value) for leaf, value in parts.items()
                  if not leaf.startswith("__")]
        return "; ".join(f"{_label(field, indices, report, lang)}: "
                         f"{value_words(value, field.values, lang)}"
                         for field, value in leaves if field is not None and field.label)
    what = str(topic)
    if direction is not None:
        verb = value_words(direction, "Direction", lang)
        what = f"{verb} {topic}" if lang == "en" else f"{topic} {verb}"
    if parts.get("disclosed") is False:
        what += f" ({_NOT_DISCLOSED.get(lang)})"
    return f"{_label(FIELDS[shape], indices, report, lang)}: {what}"


def signal_words(signals: Iterable[SignalUse], lang: str,
                 taxonomy: Taxonomy | None = None) -> list[str]:
    """The signals that read well in a sentence, as ``label: value`` phrases."""
    phrases = []
    for signal in signals:
        field = SIGNALS.get(signal.name)
        if field is not None and field.label is not None and (signal.value is None
                                  or isinstance(signal.value, (str, int, float))):
            phrases.append(f"{field.label.get(lang)}: "
                           f"{value_words(signal.value, field.values, lang, taxonomy)}")
    return phrases


def field_words(path: str, report: Report, lang: str) -> str:
    """A field named by its JSON path, in words (its last name when the glossary lacks it)."""
    return field_text(path, names(report)).get(lang)


def governance_words(items: Iterable[str], lang: str) -> str:
    """What a model puts in place, in words."""
    return ", ".join(value_words(i, "Governance", lang) for i in items)


def count(key: str, number: float, lang: str) -> str:
    """``2 steps`` / ``1 stap``: a number with the glossary term in singular or plural."""
    return TERMS[key].count(number, lang)
