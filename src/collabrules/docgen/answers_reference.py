"""The reference page of the ``--answers`` file of ``collabrules new``, from the questions."""

from __future__ import annotations

from ..authoring.intake import QUESTIONS, Question, choice_labels
from ..model.text import Text
from .markdown import code, header, table

EXAMPLE = """
```yaml
id: rail-supply
perspective: supplier
us.name: Small Parts BV
them.name: National Rail
them.attitude: hostile
relationship.safeguards.price_guarantee: no
us.capabilities_offered: precision casting, fast delivery
```
"""

INTRO_EN = """
`collabrules new CASE --answers FILE` writes a case without asking: FILE (YAML or JSON)
maps question keys to answers. Every key is optional unless marked required; a key left
out (or empty) is a skipped question, so the field stays unknown in the case. A key
that is not a question, a value that does not fit, or an answer to a follow-up question
whose lead question was skipped stops the command (exit code 2) with the file and key.

Answers are written as on the prompt: choices by their id (with `--lang nl` the Dutch
label is accepted too, e.g. `klant`), yes/no questions as `yes`/`no` (`ja`/`nee`,
`true`/`false`), lists as a YAML list or one comma-separated string. `us` is the party
the assessment is for (the perspective), `them` the other party.
"""
INTRO = Text(INTRO_EN + EXAMPLE, """
`collabrules new CASUS --answers BESTAND` schrijft een casus zonder vragen te stellen:
BESTAND (YAML of JSON) koppelt sleutels van vragen aan antwoorden. Elke sleutel is
optioneel, tenzij verplicht gemarkeerd; een weggelaten (of lege) sleutel is een
overgeslagen vraag, zodat het veld in de casus onbekend blijft. Een sleutel die geen vraag
is, een waarde die niet past, of een antwoord op een vervolgvraag waarvan de hoofdvraag is
overgeslagen, stopt de opdracht (afsluitcode 2) met het bestand en de sleutel.

Antwoorden schrijft u zoals bij de vraag: keuzes met hun id (met `--lang nl` wordt ook de
Nederlandse naam aanvaard, bijvoorbeeld `klant`), ja/nee-vragen als `yes`/`no` (`ja`/`nee`,
`true`/`false`), lijsten als YAML-lijst of als één tekst met komma's. `us` is de partij
voor wie de beoordeling is (het perspectief), `them` de andere partij.
""" + EXAMPLE)

_KINDS = {"choice": Text("one of the values", "een van de waarden"),
          "text": Text("text", "tekst"), "id": Text("identifier", "identificatie"),
          "bool": Text("yes or no", "ja of nee"), "number": Text("number", "getal"),
          "list": Text("list of text", "lijst van teksten")}
WORDS = {
    "title": Text("Answers file of collabrules new", "Antwoordbestand van collabrules new"),
    "keys": Text("The keys", "De sleutels"),
    "keys_intro": Text(
        "Values of a choice show the id and, in brackets, the Dutch label. A key with "
        "*asked after* is a follow-up: answer it only when that key is answered "
        "(*required* then holds only for it).",
        "Bij de waarden van een keuze staat het id met, tussen haakjes, de Nederlandse naam. "
        "Een sleutel met *gevraagd na* is een vervolgvraag: beantwoord haar alleen als die "
        "sleutel beantwoord is (*verplicht* geldt dan alleen daarvoor)."),
    "columns": Text("Key|Values|Required|Asked after|Question|Vraag (nl)|Why it matters",
                    "Sleutel|Waarden|Verplicht|Gevraagd na|Vraag|Question (en)|Waarom het telt"),
    "yes": Text("yes", "ja"),
}


def _values(question: Question, lang: str) -> str:
    if question.choices is not None or question.kind == "model":
        return ", ".join(code(v) for v in choice_labels(question, "nl"))
    return _KINDS[question.kind].get(lang)


def answers_page(lang: str = "en") -> str:
    """The page: every question key with its type, values, condition and texts, written in
    ``lang`` (the question in the other language beside it)."""
    other = "nl" if lang == "en" else "en"
    rows = [(code(q.key), _values(q, lang), WORDS["yes"].get(lang) if q.required else "",
             code(q.after) if q.after else "", q.prompt.get(lang), q.prompt.get(other),
             q.explain.get(lang))
            for q in QUESTIONS]
    return (header("the intake questions (src/collabrules/authoring/intake.py)")
            + f"\n# {WORDS['title'].get(lang)}\n" + INTRO.get(lang)
            + f"\n## {WORDS['keys'].get(lang)}\n\n" + WORDS["keys_intro"].get(lang) + "\n\n"
            + table(WORDS["columns"].get(lang).split("|"), rows))
