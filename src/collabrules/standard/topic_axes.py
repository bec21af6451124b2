"""The standard topic axes (``topics.json``), which the standard plugin registers through
``collabrules_add_topics``; the axis type and its merging are the model's
(:mod:`collabrules.model.topics`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..model.topics import TopicAxis, TopicVocabulary, axis_from_data


@cache
def standard_axes() -> tuple[TopicAxis, ...]:
    """The shipped axes, read once per process."""
    text = resources.files(__package__).joinpath("topics.json").read_text("utf-8")
    return tuple(axis_from_data(a) for a in json.loads(text)["axes"])


@cache
def standard_vocabulary() -> TopicVocabulary:
    """The shipped vocabulary alone (what an engine without topic plugins uses)."""
    return TopicVocabulary.of(standard_axes())
