"""The collaboration-model taxonomy in use: a table, JSON, and one model's page."""

from __future__ import annotations

from typing import Any

from ..model.models import CollaborationModel, Taxonomy
from ..model.text import Text

_L = {
    "depth": Text("Depth", "Diepgang"),
    "defensive": Text("outside the depth scale (against an adversarial counterpart)",
                      "buiten de diepgangschaal (tegenover een vijandige tegenpartij)"),
    "trust": Text("Trust it needs", "Vertrouwen dat het vraagt"),
    "governance": Text("Governance it needs (case fields)",
                       "Sturing die het vraagt (casusvelden)"),
    "months": Text("Time to build", "Opbouwtijd"),
    "month_unit": Text("{months:g} months", "{months:g} maanden"),
    "stages": Text("Stages", "Fasen"),
    "frameworks": Text("In other frameworks", "In andere raamwerken"),
    "taxonomy": Text("Taxonomy {name}", "Taxonomie {name}"),
    "header": Text("ID|DEPTH|TRUST|MONTHS|NAME", "ID|DIEPGANG|VERTROUWEN|MAANDEN|NAAM"),
}


def model_dict(model: CollaborationModel, lang: str) -> dict[str, Any]:
    """One model and what it needs, as plain data."""
    return {
        "id": model.id, "name": model.name.get(lang), "description": model.description.get(lang),
        "taxonomy": model.taxonomy, "depth": None if model.adversarial else model.depth,
        "adversarial": model.adversarial, "trust": model.trust.value,
        "governance": [f"$.relationship.governance.{g}" for g in model.governance],
        "build_months": model.build_months,
        "stages": [{"name": s.name.get(lang), "establishes": s.establishes.get(lang),
                    "months": s.months} for s in model.stages],
        "frameworks": list(model.frameworks),
    }


def ordered(taxonomy: Taxonomy) -> list[CollaborationModel]:
    """The models shallowest first, adversarial ones last."""
    return [*taxonomy.by_depth(),
            *sorted((m for m in taxonomy.models.values() if m.adversarial), key=lambda m: m.id)]


def models_table(taxonomy: Taxonomy, lang: str) -> str:
    """The taxonomy as an aligned table, one model a line."""
    rows = [tuple(_L["header"].get(lang).split("|"))]
    rows += [(m.id, "-" if m.adversarial else str(m.depth), m.trust.label.get(lang),
              f"{m.build_months:g}", m.name.get(lang)) for m in ordered(taxonomy)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [_L["taxonomy"].format(name=taxonomy.name).get(lang)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def model_page(model: CollaborationModel, lang: str) -> str:
    """One model's page: what it is, the trust and governance it needs, its stages."""
    depth = _L["defensive"].get(lang) if model.adversarial else str(model.depth)
    lines = [f"{model.name.get(lang)} ({model.id})", "", model.description.get(lang), "",
             f"{_L['depth'].get(lang)}: {depth}",
             f"{_L['trust'].get(lang)}: {model.trust.label.get(lang)}",
             f"{_L['months'].get(lang)}: "
             f"{_L['month_unit'].format(months=model.build_months).get(lang)}"]
    if model.governance:
        lines += ["", f"{_L['governance'].get(lang)}:"]
        lines += [f"  - $.relationship.governance.{g}" for g in model.governance]
    if model.stages:
        lines += ["", f"{_L['stages'].get(lang)}:"]
        lines += [f"  {n}. {s.name.get(lang)} "
                  f"({_L['month_unit'].format(months=s.months).get(lang)}): "
                  f"{s.establishes.get(lang)}" for n, s in enumerate(model.stages, 1)]
    if model.frameworks:
        lines += ["", f"{_L['frameworks'].get(lang)}:"]
        lines += [f"  - {f}" for f in model.frameworks]
    return "\n".join(lines) + "\n"
