"""The reference page of the ``--answers`` file of ``collabrules new``, from the questions."""

from __future__ import annotations

from ..authoring.intake import QUESTIONS, Question, choice_labels
from .markdown import code, header, table

INTRO = """
`collabrules new CASE --answers FILE` writes a case without asking: FILE (YAML or JSON)
maps question keys to answers. Every key is optional unless marked required; a key left
out (or empty) is a skipped question, so the field stays unknown in the case. A key
that is not a question, a value that does not fit, or an answer to a follow-up question
whose lead question was skipped stops the command (exit code 2) with the file and key.

Answers are written as on the prompt: choices by their id (with `--lang nl` the Dutch
label is accepted too, e.g. `klant`), yes/no questions as `yes`/`no` (`ja`/`nee`,
`true`/`false`), lists as a YAML list or one comma-separated string. `us` is the party
the assessment is for (the perspective), `them` the other party.

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

_KINDS = {"choice": "one of the values", "text": "text", "id": "identifier",
          "bool": "yes or no", "number": "number", "list": "list of text"}


def _values(question: Question) -> str:
    if question.choices is not None or question.kind == "model":
        return ", ".join(code(v) for v in choice_labels(question, "nl"))
    return _KINDS[question.kind]


def answers_page() -> str:
    """The page: every question key with its type, values, condition and texts."""
    rows = [(code(q.key), _values(q), "yes" if q.required else "",
             code(q.after) if q.after else "", q.prompt.en, q.prompt.nl, q.explain.en)
            for q in QUESTIONS]
    return (header("the intake questions (src/collabrules/authoring/intake.py)")
            + "\n# Answers file of collabrules new\n" + INTRO + "\n## The keys\n\n"
            + "Values of a choice show the id and, in brackets, the Dutch label. A key with "
              "*asked after* is a follow-up: answer it only when that key is answered "
              "(*required* then holds only for it).\n\n"
            + table(("Key", "Values", "Required", "Asked after", "Question",
                     "Vraag (nl)", "Why it matters"), rows))
