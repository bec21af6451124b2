"""The Python API reference: one mkdocstrings block per public name (``__all__``).

The names are grouped by what a reader does with them; a name not in a group still
appears (under "More"), so the page never misses a public name.
"""

from __future__ import annotations

import collabrules
import collabrules.plugin

from .markdown import header

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Evaluating cases", ("load_case", "evaluate", "default_engine", "Engine", "Settings")),
    ("Reports and findings", ("Report", "Finding", "Condition", "Fact", "Status", "Severity",
                              "Outcome", "report_to_dict", "report_to_json", "render")),
    ("Writing principles", ("hookimpl", "Principle", "Observation", "Example", "Assessment",
                            "Signal", "SignalBook", "SignalValue", "Text")),
    ("Collaboration models", ("CollaborationModel", "ModelRecommendation", "Stage",
                              "Taxonomy")),
    ("Choosing between options", ("options", "Options", "Option", "AlternativeDesign")),
    ("Cases and input errors", ("Case", "InputError", "Issue")),
)
SKIPPED = ("__version__",)


def qualified(name: str) -> str:
    """The dotted path where a public name is defined (``collabrules.pipeline.engine.Engine``)."""
    module = collabrules._LAZY.get(name)
    return f"collabrules.{module}.{name}" if module else f"collabrules.{name}"


def public_names() -> list[str]:
    """The public names that get an entry, in page order."""
    grouped = [n for _, names in GROUPS for n in names if n in collabrules.__all__]
    rest = [n for n in collabrules.__all__ if n not in grouped and n not in SKIPPED]
    return grouped + rest


def api_page() -> str:
    """The whole API reference page."""
    out = [header("collabrules.__all__ and the docstrings"), "# Python API\n"]
    out.append(
        "Everything below is importable from the top-level package: `from collabrules "
        "import Engine`. Names are imported on first use, so `import collabrules` stays "
        "cheap. `collabrules.__version__` is the engine version as a string. Anything "
        "not listed here is internal and may change.\n")
    grouped = {n for _, names in GROUPS for n in names}
    rest = [n for n in public_names() if n not in grouped]
    for title, names in (*GROUPS, ("More", tuple(rest))):
        present = [n for n in names if n in collabrules.__all__]
        if not present:
            continue
        out.append(f"## {title}\n")
        for name in present:
            out.append(f"::: {qualified(name)}\n    options:\n      heading_level: 3\n"
                       f"      show_root_full_path: false\n")
    out.extend(_plugin_section())
    out.append("## Plugin author kit\n")
    out.append(
        "Installing collabrules installs a pytest plugin; a plugin's own tests can use "
        "these fixtures without importing anything.\n")
    out.append("::: collabrules.testing\n    options:\n      heading_level: 3\n"
               "      show_root_heading: false\n      show_root_toc_entry: false\n")
    return "\n".join(out).rstrip() + "\n"


def _plugin_section() -> list[str]:
    """``collabrules.plugin``: its docstring and the names the top-level package lacks."""
    plugin = collabrules.plugin
    extra = [n for n in plugin.__all__ if n in plugin._LAZY and n not in collabrules.__all__
             and plugin._LAZY[n] != "testing"]
    vocabularies = [n for n in plugin.__all__ if n not in collabrules.__all__
                    and n not in plugin._LAZY]
    out = ["## For plugin authors: `collabrules.plugin`\n",
           "::: collabrules.plugin\n    options:\n      heading_level: 3\n"
           "      show_root_heading: false\n      show_root_toc_entry: false\n"
           "      members: false\n",
           "Besides the names above, it exports the vocabularies "
           + ", ".join(f"`{n}`" for n in vocabularies) + " and:\n"]
    for name in extra:
        out.append(f"::: collabrules.{plugin._LAZY[name]}.{name}\n    options:\n"
                   "      heading_level: 3\n      show_root_full_path: false\n")
    return out
