"""Perception signals: the answers' scores, gaps and asymmetries, for principles to cite.

The computations live in :mod:`collabrules.model.perceptions`; a case without answers has
no perception signals (``None``), and no principle decides anything from them then.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..host.hookspecs import hookimpl
from ..model.case import Case
from ..model.perceptions import asymmetries_of, gaps_of, scores_of
from ..model.questionnaire import (
    QUESTIONNAIRE_SIGNAL,
    Questionnaire,
    StatementRegistrar,
    standard_questionnaire,
)
from ..model.signal_reads import reads
from ..model.signals import Signal, SignalBook, SignalValue
from ..model.text import Text


def questionnaire_of(signals: SignalBook) -> Questionnaire:
    """The engine's questionnaire (the standard one when a book lacks the signal)."""
    value = signals[QUESTIONNAIRE_SIGNAL].value
    return value if isinstance(value, Questionnaire) else standard_questionnaire()


def _plain(items: tuple[Any, ...]) -> SignalValue:
    if not items:
        return SignalValue(None)
    value = [{k: v for k, v in attrs.asdict(i).items() if not k.endswith("paths")}
             for i in items]
    paths = tuple(dict.fromkeys(p for i in items for name, v in attrs.asdict(i).items()
                                if name.endswith("paths") for p in v))
    return SignalValue(value, paths)


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_scores(case: Case, signals: SignalBook) -> SignalValue:
    """Every answering party's theme scores; ``None`` when no party answered."""
    return _plain(scores_of(case, questionnaire_of(signals)))


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_gaps(case: Case, signals: SignalBook) -> SignalValue:
    """Each party's view of itself against the other's view of it, per theme, largest first.

    ``None`` when no pair of parties answered the same theme both ways.
    """
    return _plain(gaps_of(case, scores_of(case, questionnaire_of(signals))))


@reads("$.parties[].perceptions", signals=(QUESTIONNAIRE_SIGNAL,))
def perception_asymmetries(case: Case, signals: SignalBook) -> SignalValue:
    """What the perspective party and each other party think of each other, per theme."""
    return _plain(asymmetries_of(case, scores_of(case, questionnaire_of(signals))))


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


@hookimpl
def collabrules_add_perception_statements(register: StatementRegistrar) -> None:
    """Register the standard questionnaire (``perceptions.json``).

    Re-exported by ``standard.signals``, whose plugin registers it.
    """
    standard = standard_questionnaire()
    register(themes=standard.themes, statements=standard.statements)
