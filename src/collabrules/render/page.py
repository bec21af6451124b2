"""A principle's page: what `collabrules explain CODE` prints and docs/principles.md holds."""

from __future__ import annotations

import re

from ..model.principle import Principle
from ..model.text import Text

H = {
    "theme": Text("Theme", "Thema"),
    "observation": Text("Observation", "Observatie"),
    "statement": Text("Principle", "Principe"),
    "checks": Text("What it checks", "Wat het toetst"),
    "examples": Text("Examples", "Voorbeelden"),
    "upheld": Text("upheld", "nageleefd"),
    "violated": Text("not upheld", "niet nageleefd"),
    "severity": Text("Severity of a violation", "Ernst van een schending"),
    "source": Text("Source", "Bron"),
    "replaces": Text("Replaces", "Vervangt"),
}


def principle_markdown(principle: Principle, lang: str = "en", *, level: int = 1,
                       plugin: str | None = None) -> str:
    """The principle's page as Markdown in one language."""
    def h(key: str) -> str:
        return H[key].get(lang)

    hashes = "#" * level
    lines = [
        f"{hashes} {principle.code} {principle.title.get(lang)}",
        "",
        f"**{h('theme')}:** {principle.theme.get(lang)} · `{principle.slug}` · "
        f"{h('severity')}: {principle.severity.label.get(lang)}",
        "",
        f"{hashes}# {h('observation')}",
        "",
        principle.observation.text.get(lang),
        "",
        f"{hashes}# {h('statement')}",
        "",
        principle.statement.get(lang),
        "",
        f"{hashes}# {h('checks')}",
        "",
        principle.checks.get(lang),
        "",
    ]
    if principle.examples:
        lines += [f"{hashes}# {h('examples')}", ""]
        for example in principle.examples:
            verdict = h("upheld") if example.upheld else h("violated")
            lines.append(f"- *{verdict}*: {example.text.get(lang)}")
        lines.append("")
    source = principle.source + (f" (plugin `{plugin}`)" if plugin else "")
    lines.append(f"{h('source')}: {source}")
    if principle.replaces:
        lines.append(f"{h('replaces')}: {principle.replaces}")
    return "\n".join(lines) + "\n"


def principle_text(principle: Principle, lang: str = "en", *, plugin: str | None = None) -> str:
    """The principle's page as plain text for the terminal."""
    markdown = principle_markdown(principle, lang, plugin=plugin)
    lines = [re.sub(r"^#+ ", "", line).replace("**", "").replace("`", "")
             for line in markdown.splitlines()]
    return "\n".join(lines) + "\n"
