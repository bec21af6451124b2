"""The glossary page: every term, value label and field name, in English and Dutch."""

from __future__ import annotations

from ..model.glossary import FIELDS, TERMS, VALUES
from ..model.text import Text
from ..standard.taxonomy import standard_models
from .markdown import code, header, table

INTRO = Text("""
One glossary serves the intake (`collabrules new`), every report format and this site: a
term reads the same everywhere, in English and in Dutch. Case files and JSON reports use
the ids in the first column of the value tables; text, Markdown and HTML reports show
the labels, and list the ids and JSON paths they rest on only in their evidence
appendix.
""", """
Eén woordenlijst dient de intake (`collabrules new`), elk rapportformaat en deze site: een
begrip luidt overal hetzelfde, in het Nederlands en in het Engels. Casusbestanden en
JSON-rapporten gebruiken de id's in de eerste kolom van de tabellen met waarden; tekst-,
Markdown- en HTML-rapporten tonen de namen, en noemen de id's en JSON-paden waarop ze
berusten alleen in hun bijlage met onderbouwing.
""")
HEADINGS = {
    "title": Text("Glossary / Woordenlijst", "Woordenlijst / Glossary"),
    "terms": Text("Terms / Begrippen", "Begrippen / Terms"),
    "values": Text("Values / Waarden", "Waarden / Values"),
    "models": Text("Collaboration models / Samenwerkingsmodellen",
                   "Samenwerkingsmodellen / Collaboration models"),
    "fields": Text("Case fields / Velden van een casus", "Velden van een casus / Case fields"),
    "party": Text("`{party}` stands for the party's name.",
                  "`{party}` staat voor de naam van de partij."),
    "term_columns": Text("English|Nederlands|Meaning|Betekenis",
                         "Nederlands|English|Betekenis|Meaning"),
    "value_columns": Text("id|English|Nederlands", "id|Nederlands|English"),
    "field_columns": Text("path|English|Nederlands", "pad|Nederlands|English"),
}


def _pair(text: Text, lang: str) -> list[str]:
    """Both languages of ``text``, the page's own language first."""
    return [text.nl, text.en] if lang == "nl" else [text.en, text.nl]


def _columns(key: str, lang: str) -> list[str]:
    return HEADINGS[key].get(lang).split("|")


def _terms(lang: str) -> str:
    rows = []
    for term in TERMS.values():
        many = term.many or Text("", "")
        name = Text(term.one.en + (f" / {many.en}" if many.en else ""),
                    term.one.nl + (f" / {many.nl}" if many.nl else ""))
        rows.append(_pair(name, lang) + _pair(term.means or Text("", ""), lang))
    return table(_columns("term_columns", lang), rows)


def glossary_page(lang: str = "en") -> str:
    """The glossary as Markdown: ``docs/reference/glossary.md`` (``en``, English first) or
    ``docs/nl/reference/glossary.md`` (``nl``, Dutch first)."""
    out = [header("src/collabrules/model/glossary.py"), f"# {HEADINGS['title'].get(lang)}\n",
           INTRO.get(lang), f"## {HEADINGS['terms'].get(lang)}\n", _terms(lang),
           f"## {HEADINGS['values'].get(lang)}\n"]
    for vocabulary, labels in VALUES.items():
        out.append(f"### {vocabulary}\n")
        out.append(table(_columns("value_columns", lang),
                         [[code(value), *_pair(t, lang)] for value, t in labels.items()]))
    out.append(f"## {HEADINGS['models'].get(lang)}\n")
    out.append(table(_columns("value_columns", lang),
                     [[code(m.id), *_pair(m.name, lang)] for m in standard_models()]))
    out.append(f"## {HEADINGS['fields'].get(lang)}\n")
    out.append(HEADINGS["party"].get(lang) + "\n")
    out.append(table(_columns("field_columns", lang),
                     [[code(f"$.{path}"), *(_party(s) for s in _pair(label, lang))]
                      for path, f in sorted(FIELDS.items()) if (label := f.label)]))
    return "\n".join(out)


def _party(label: str) -> str:
    return label.replace("{party}", "`{party}`")
