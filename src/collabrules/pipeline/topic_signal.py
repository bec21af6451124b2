"""The ``topic_vocabulary`` signal: the engine's merged topic vocabulary, for principles."""

from __future__ import annotations

from ..model.case import Case
from ..model.signal_reads import reads
from ..model.signals import Signal, SignalBook, SignalValue
from ..model.text import Text
from ..model.topics import TopicVocabulary

TOPIC_SIGNAL = "topic_vocabulary"


def topic_signal(vocabulary: TopicVocabulary) -> Signal:
    """A signal whose value is ``vocabulary`` for every case (no case paths)."""

    @reads()  # the same value for every case
    def compute(case: Case, signals: SignalBook) -> SignalValue:
        return SignalValue(vocabulary)

    return Signal(name=TOPIC_SIGNAL, compute=compute, description=Text(
        "The topic vocabulary goals are compared through (synonyms and opposed words).",
        "De woordenlijst van onderwerpen waarmee doelen worden vergeleken (synoniemen en "
        "tegengestelde woorden)."))
