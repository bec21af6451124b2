"""The glossary page: every term, value label and field name, in English and Dutch."""

from __future__ import annotations

from ..model.glossary import FIELDS, TERMS, VALUES
from ..standard.taxonomy import standard_models
from .markdown import code, header, table

INTRO = """
One glossary serves the intake (`collabrules new`), every report format and this site: a
term reads the same everywhere, in English and in Dutch. Case files and JSON reports use
the ids in the first column of the value tables; text, Markdown and HTML reports show
the labels, and list the ids and JSON paths they rest on only in their evidence
appendix.
"""


def _terms() -> str:
    rows = []
    for term in TERMS.values():
        many_en = term.many.en if term.many else ""
        many_nl = term.many.nl if term.many else ""
        rows.append([term.one.en + (f" / {many_en}" if many_en else ""),
                     term.one.nl + (f" / {many_nl}" if many_nl else ""),
                     term.means.en if term.means else "", term.means.nl if term.means else ""])
    return table(["English", "Nederlands", "Meaning", "Betekenis"], rows)


def glossary_page() -> str:
    """The glossary as Markdown (``docs/reference/glossary.md``)."""
    out = [header("src/collabrules/model/glossary.py"), "# Glossary / Woordenlijst\n", INTRO,
           "## Terms / Begrippen\n", _terms(), "## Values / Waarden\n"]
    for vocabulary, labels in VALUES.items():
        out.append(f"### {vocabulary}\n")
        out.append(table(["id", "English", "Nederlands"],
                         [[code(value), t.en, t.nl] for value, t in labels.items()]))
    out.append("## Collaboration models / Samenwerkingsmodellen\n")
    out.append(table(["id", "English", "Nederlands"],
                     [[code(m.id), m.name.en, m.name.nl] for m in standard_models()]))
    out.append("## Case fields / Velden van een casus\n")
    out.append("`{party}` stands for the party's name.\n")
    out.append(table(["path", "English", "Nederlands"],
                     [[code(f"$.{path}"), _party(label.en), _party(label.nl)]
                      for path, f in sorted(FIELDS.items()) if (label := f.label)]))
    return "\n".join(out)


def _party(label: str) -> str:
    return label.replace("{party}", "`{party}`")
