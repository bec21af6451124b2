"""The phase tags of the standard actions (``phases.json``), which the standard plugin
registers through ``collabrules_add_phase_tags``; the tag types and the phase plan are the
model's (:mod:`collabrules.model.lifecycle`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources

from ..host.hookspecs import hookimpl
from ..model.lifecycle import PhaseTag, PhaseTagRegistrar, tags_from_data


@cache
def standard_tags() -> Mapping[str, PhaseTag]:
    """The shipped tags by action id, read once per process."""
    text = resources.files(__package__).joinpath("phases.json").read_text("utf-8")
    return tags_from_data(json.loads(text)["actions"])


@hookimpl
def collabrules_add_phase_tags(register: PhaseTagRegistrar) -> None:
    """Tag the standard principles' actions with their phases.

    Re-exported by ``standard.party_signals``, whose plugin registers it.
    """
    for action, tag in standard_tags().items():
        register(action, tag)
