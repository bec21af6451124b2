"""The words and symbols of the options view (``collabrules options``), in English and Dutch."""

from __future__ import annotations

from ..model.text import Text
from ..model.vocab import Status

SYMBOLS: dict[Status, str] = {
    Status.UPHELD: "✔",
    Status.AT_RISK: "!",
    Status.VIOLATED: "✘",
    Status.NOT_APPLICABLE: "–",
    Status.UNDETERMINED: "?",
    Status.ERROR: "⚠",
}

OPTIONS: dict[str, Text] = {
    "title": Text("Options", "Opties"),
    "perspective": Text("Perspective", "Perspectief"),
    "columns": Text("Columns", "Kolommen"),
    "principle": Text("Principle", "Principe"),
    "legend": Text("Legend", "Legenda"),
    "recommended": Text("Recommended", "Aanbevolen"),
    "recommended_mark": Text("recommended", "aanbevolen"),
    "no_recommendation": Text("No model is recommended for this case.",
                              "Voor deze casus wordt geen model aanbevolen."),
    "no_model": Text("no model stated", "geen model vermeld"),
    "per_option": Text("Per option", "Per optie"),
    "open_facts": Text("A missing fact could still change this option",
                       "Een ontbrekend feit kan deze optie nog veranderen"),
    "open_row": Text("Could change with", "Kan veranderen door"),
    "trust": Text("Trust", "Vertrouwen"),
    "trust_gap": Text("needs {needed}; the case states {actual}: build {steps}",
                      "vraagt {needed}; de casus vermeldt {actual}: {steps} opbouwen"),
    "trust_fits": Text("needs {needed}; the case states {actual}: enough",
                       "vraagt {needed}; de casus vermeldt {actual}: voldoende"),
    "trust_over": Text(
        "needs {needed}; the case states {actual}: more than needed, no trust programme",
        "vraagt {needed}; de casus vermeldt {actual}: meer dan nodig, geen "
        "vertrouwensprogramma"),
    "trust_unknown": Text("needs {needed}; the trust in the case is unknown (find it out)",
                          "vraagt {needed}; het vertrouwen in de casus is onbekend (zoek het uit)"),
    "changes": Text("Changes to today's design", "Wijzigingen ten opzichte van nu"),
    "no_changes": Text("none: today's design already has what this option brings",
                       "geen: het huidige ontwerp heeft al wat deze optie meebrengt"),
    "group_model": Text("Model and posture", "Model en opstelling"),
    "group_governance": Text("Governance to change", "Te wijzigen sturing"),
    "group_safeguards": Text("Safeguards to agree", "Af te spreken waarborgen"),
    "group_development": Text("Development process", "Ontwikkelproces"),
    "path": Text("Staged path", "Gefaseerde route"),
    "no_path": Text("no new stages", "geen nieuwe fasen"),
    "costs": Text("What it demands", "Wat het vraagt"),
    "costs_line": Text(
        "trust {trust}; governance: {governance}; about {months} to build up",
        "vertrouwen {trust}; sturing: {governance}; ongeveer {months} om op te bouwen"),
    "matrix": Text("Verdict per principle and option", "Oordeel per principe en optie"),
    "see_options": Text(
        "To see every collaboration model side by side for this case, run: "
        "collabrules options {source}",
        "Om alle samenwerkingsmodellen voor deze casus naast elkaar te zien: "
        "collabrules options {source}"),
}


def group_of(path: str) -> str:
    """The heading a changed field belongs under (``$.relationship.governance.x`` -> governance)."""
    part = path.removeprefix("$.relationship.").split(".")[0]
    return f"group_{part}" if f"group_{part}" in OPTIONS else "group_model"


def options_hint(source: str | None, lang: str) -> str:
    """The sentence a report's recommendation ends with: how to see every option."""
    return OPTIONS["see_options"].format(source=source or "CASE").get(lang)
