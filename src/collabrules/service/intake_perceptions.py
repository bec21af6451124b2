"""The optional perceptions step of the web intake, built from the engine's questionnaire.

Per party (our organisation, the other party): who answered, when, and a 1-5 score for
each statement about "us" and about "them". The controls carry no ``name`` (they are not
intake answers); the page script gathers them into an answers document and merges it
into the case with ``POST /v1/survey/merge`` (the code of ``collabrules survey --merge``).
"""

from __future__ import annotations

from html import escape

from ..authoring.survey import ABOUT_THEM, ABOUT_US
from ..model.questionnaire import LOWEST, Questionnaire
from ..model.text import Text

TITLE = Text("Perceptions (optional)", "Percepties (optioneel)")
EXPLAIN = Text(
    "How each side sees the relationship, if the perception questionnaire was answered. "
    "Leave it empty otherwise; a party without scores is left out.",
    "Hoe elke kant de relatie ziet, als de vragenlijst over percepties is ingevuld. Laat "
    "dit anders leeg; een partij zonder scores wordt weggelaten.")
PARTIES = {"us": Text("Answers of our organisation", "Antwoorden van onze organisatie"),
           "them": Text("Answers of the other party", "Antwoorden van de andere partij")}
NAME = Text("Answered by (name)", "Ingevuld door (naam)")
ROLE = Text("Role", "Rol")
DATE = Text("Date answered", "Datum van invullen")
NOT_ANSWERED = Text("not answered", "niet ingevuld")


def _input(fid: str, field: str, label: Text, lang: str, kind: str = "text") -> str:
    return (f'<div class="field"><label for="{fid}">{escape(label.get(lang))}</label>'
            f'<input type="{kind}" id="{fid}" data-perception="{field}" autocomplete="off">'
            f'</div>')


def _select(fid: str, statement: str, about: str, label: str, options: str) -> str:
    return (f'<div class="field"><label for="{fid}">{escape(label)}</label>'
            f'<select id="{fid}" data-statement="{escape(statement)}" data-about="{about}">'
            f'{options}</select></div>')


def perceptions_step(questionnaire: Questionnaire, lang: str) -> str:
    """The perceptions step as HTML: a collapsed section with a fieldset per party."""
    options = f'<option value="">— {escape(NOT_ANSWERED.get(lang))} —</option>' + "".join(
        f'<option value="{LOWEST + i}">{LOWEST + i} – {escape(label.get(lang))}</option>'
        for i, label in enumerate(questionnaire.scale))
    sides = []
    for side, legend in PARTIES.items():
        prefix = f"p-{side}"
        parts = [f'<fieldset data-side="{side}"><legend>{escape(legend.get(lang))}</legend>',
                 _input(f"{prefix}-name", "name", NAME, lang),
                 _input(f"{prefix}-role", "role", ROLE, lang),
                 _input(f"{prefix}-date", "date", DATE, lang, "date")]
        for theme in questionnaire.themes:
            statements = [s for s in questionnaire.statements if s.theme == theme.id]
            if not statements:
                continue
            parts.append(f'<fieldset><legend>{escape(theme.title.get(lang))}</legend>')
            for statement in statements:
                for about, text, word in (("us", statement.us, ABOUT_US),
                                          ("them", statement.them, ABOUT_THEM)):
                    parts.append(_select(
                        f"{prefix}-{statement.id}-{about}", statement.id, about,
                        f"{text.get(lang)} ({word.get(lang)})", options))
            parts.append("</fieldset>")
        parts.append("</fieldset>")
        sides.append("".join(parts))
    return (f'<details id="perceptions" data-version="{escape(questionnaire.version)}">'
            f'<summary>{escape(TITLE.get(lang))}</summary>'
            f'<p class="help">{escape(EXPLAIN.get(lang))}</p>{"".join(sides)}</details>')
