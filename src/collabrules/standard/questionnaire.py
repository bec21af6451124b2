"""The standard perception questionnaire (``perceptions.json``): the themes and statements
the standard plugin registers through ``collabrules_add_perception_statements``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..model.questionnaire import Questionnaire, questionnaire_from_data


@cache
def standard_questionnaire() -> Questionnaire:
    """The bundled questionnaire, without plugin additions."""
    raw = resources.files(__package__).joinpath("perceptions.json").read_text("utf-8")
    return questionnaire_from_data(json.loads(raw))
