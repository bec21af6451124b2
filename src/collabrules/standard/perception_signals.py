"""Perception signals: the answers' scores, gaps and asymmetries, for principles to cite.

The computations live in :mod:`collabrules.model.perceptions`; a case without answers has
no perception signals (``None``), and no principle decides anything from them then.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..host.hookspecs import hookimpl
from ..model.case import Case
from ..model.perceptions import ThemeScore, asymmetries_of, gaps_of, scores_of
from ..model.questionnaire import QUESTIONNAIRE_SIGNAL, Questionnaire, StatementRegistrar
from ..model.signal_reads import reads
from ..model.signals import Signal, SignalBook, SignalValue
from ..model.text import Text
from .questionnaire import standard_questionnaire


def questionnaire_of(signals: SignalBook) -> Questionnaire:
    """The engine's questionnaire (the standard one when a book lacks the signal)."""
    value = signals[QUESTIONNAIRE_SIGNAL].value
    return value if isinstance(value, Questionnaire) else standard_questionnaire()


def theme_scores(case: Case, signals: SignalBook) -> tuple[ThemeScore, ...]:
    """Every answering party's theme scores (:func:`scores_of`), computed once per case:
    the perception signals and checks all start from them."""
    shared = signals.derived if signals.case is case else {}
    scores: tuple[ThemeScore, ...] | None = shared.get("theme_scores")
    if scores is None:
        scores = shared["theme_scores"] = scores_of(case, questionnaire_of(signals))
    return scores


def _signal_of(items: tuple[Any, ...]) -> SignalValue:
    """Items as the signal's plain value (``attrs.asdict`` without the paths: their fields
    are text and numbers) and the paths they were read from."""
    if not items:
        return SignalValue(None)
    names = [f.name for f in attrs.fields(type(items[0]))]
    shown = [name for name in names if not name.endswith("paths")]
    cited = [name for name in names if name.endswith("paths")]
    value = [{name: getattr(i, name) for name in shown} for i in items]
    paths = tuple(dict.fromkeys(p for i in items for name in cited for p in getattr(i, name)))
    return SignalValue(value, paths)


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_scores(case: Case, signals: SignalBook) -> SignalValue:
    """Every answering party's theme scores; ``None`` when no party answered."""
    return _signal_of(theme_scores(case, signals))


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_gaps(case: Case, signals: SignalBook) -> SignalValue:
    """Each party's view of itself against the other's view of it, per theme, largest first.

    ``None`` when no pair of parties answered the same theme both ways.
    """
    return _signal_of(gaps_of(case, theme_scores(case, signals)))


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_asymmetries(case: Case, signals: SignalBook) -> SignalValue:
    """What the perspective party and each other party think of each other, per theme."""
    return _signal_of(asymmetries_of(case, theme_scores(case, signals)))


PERCEPTION_SIGNALS = (
    Signal(name="perception_scores", compute=perception_scores, description=Text(
        "Each party's mean agreement per questionnaire theme, about itself and about the "
        "other party.",
        "De gemiddelde instemming van elke partij per thema van de vragenlijst, over "
        "zichzelf en over de andere partij.")),
    Signal(name="perception_gaps", compute=perception_gaps, description=Text(
        "Per theme, how a party sees itself against how the other party sees it, largest "
        "difference first.",
        "Per thema hoe een partij zichzelf ziet tegenover hoe de andere partij haar ziet, "
        "grootste verschil eerst.")),
    Signal(name="perception_asymmetries", compute=perception_asymmetries, description=Text(
        "Per theme, what the perspective party thinks of the other against what the other "
        "thinks of it (one trusts, the other does not).",
        "Per thema wat de perspectiefpartij van de andere vindt tegenover wat de andere van "
        "haar vindt (de een vertrouwt, de ander niet).")),
)


@hookimpl(tryfirst=True)
def collabrules_add_perception_statements(register: StatementRegistrar) -> None:
    """Register the standard questionnaire (``perceptions.json``), first of all plugins,
    so that its statements come first.

    Re-exported by ``standard.signals``, whose plugin registers it.
    """
    standard = standard_questionnaire()
    register(themes=standard.themes, statements=standard.statements)
