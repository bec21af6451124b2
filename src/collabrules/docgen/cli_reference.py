"""The command-line reference, generated from the click command tree.

Every command gets its full ``--help`` text (formatted at a fixed width, so the page does
not depend on the terminal) and a table of its arguments and options. The help texts hold
both languages; the page around them is written in English or in Dutch.
"""

from __future__ import annotations

import click

from ..model.text import Text
from .markdown import anchor, code, header, table

WIDTH = 88

EXIT_CODES: tuple[tuple[str, Text], ...] = (
    ("EXIT_OK", Text("nothing at or above `--fail-on` (default `high`; `never` turns "
                     "the check off)",
                     "niets op of boven `--fail-on` (standaard `high`; `never` zet de "
                     "controle uit)")),
    ("EXIT_FINDINGS", Text("at least one violated or at-risk finding at or above "
                           "`--fail-on` (waived findings do not count)",
                           "minstens één geschonden of bedreigde bevinding op of boven "
                           "`--fail-on` (bevindingen met een vrijstelling tellen niet)")),
    ("EXIT_INPUT", Text("bad input or usage: every problem is listed with file, line and "
                        "JSON path",
                        "foute invoer of aanroep: elk probleem staat erbij met bestand, "
                        "regel en JSON-pad")),
    ("EXIT_INTERNAL", Text("an internal or plugin error; the report still lists every "
                           "other finding",
                           "een interne of pluginfout; het rapport bevat alle andere "
                           "bevindingen")),
)


def _help(command: click.Command, name: str | None) -> str:
    """``command --help`` as printed at a fixed width (``name`` None: the group)."""
    root = _root()
    settings = {**root.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    context = click.Context(root, info_name="collabrules", **settings)
    if name is not None:
        context = click.Context(command, info_name=name, parent=context, **settings)
    return command.get_help(context)


def _root() -> click.Group:
    from ..cli import load_all

    return load_all()


WORDS = {
    "flag": Text("flag", "vlag"), "repeatable": Text(" (repeatable)", " (herhaalbaar)"),
    "one_or_more": Text(" (one or more)", " (een of meer)"),
    "any_number": Text(" (any number)", " (willekeurig aantal)"),
    "columns": Text("Argument or option|Kind|Default|Help",
                    "Argument of optie|Soort|Standaard|Hulp"),
    "title": Text("Command line", "Opdrachtregel"),
    "intro": Text("Every command of `collabrules`, with the help it prints (`collabrules COMMAND "
                  "--help`). Help texts are in English and Dutch.",
                  "Elke opdracht van `collabrules`, met de hulp die ze toont (`collabrules "
                  "OPDRACHT --help`). De hulpteksten zijn Engels en Nederlands; de kopjes en "
                  "meldingen van click zelf (`Usage`, `Options`) zijn Engels."),
    "commands": Text("Commands: ", "Opdrachten: "),
    "version": Text("`collabrules --version` (or `-V`) prints the engine version.",
                    "`collabrules --version` (of `-V`) toont de versie van de engine."),
    "exit_codes": Text("Exit codes", "Afsluitcodes"),
    "exit_intro": Text("Every command ends with one of these codes. When several apply, the "
                       "highest wins: a run with an internal error and findings exits 3.",
                       "Elke opdracht eindigt met een van deze codes. Als er meer gelden, wint "
                       "de hoogste: een run met een interne fout en bevindingen eindigt met 3."),
    "exit_columns": Text("Code|Meaning|Betekenis (nl)", "Code|Betekenis|Meaning (en)"),
}


def _param_row(param: click.Parameter, lang: str = "en") -> tuple[str, ...]:
    if isinstance(param, click.Option):
        names = ", ".join(code(n) for n in [*param.opts, *param.secondary_opts])
        kind = WORDS["flag"].get(lang) if param.is_flag else _type(param)
        default = code(str(param.default)) if not param.is_flag and isinstance(
            param.default, (str, int, float)) else ""
        extra = WORDS["repeatable"].get(lang) if param.multiple else ""
        return names, kind + extra, default, param.help or ""
    name = code(param.human_readable_name)
    more = WORDS["one_or_more"] if param.nargs == -1 and param.required else (
        WORDS["any_number"] if param.nargs == -1 else Text("", ""))
    return name, "argument" + more.get(lang), "", ""


def _type(param: click.Parameter) -> str:
    if isinstance(param.type, click.Choice):
        return " · ".join(code(str(c)) for c in param.type.choices)
    return param.type.name


def _command_section(name: str, command: click.Command, lang: str = "en") -> str:
    title = f"collabrules {name}"
    out = [f"## `{title}` {{#{anchor(title)}}}\n"]
    out.append(f"```text\n{_help(command, name).rstrip()}\n```\n")
    rows = [_param_row(p, lang) for p in command.params
            if not (isinstance(p, click.Option) and p.name == "help")]
    if rows:
        out.append(table(WORDS["columns"].get(lang).split("|"), rows))
    return "\n".join(out)


def commands() -> dict[str, click.Command]:
    """The registered commands, by name, in alphabetical order."""
    root = _root()
    return {name: root.commands[name] for name in sorted(root.commands)}


def cli_page(lang: str = "en") -> str:
    """The whole CLI reference page, written around the help texts in ``lang``."""
    from ..cli import common

    root = _root()
    out = [header("the click commands in src/collabrules/cli/"),
           f"# {WORDS['title'].get(lang)}\n", WORDS["intro"].get(lang) + "\n"]
    listed = ", ".join(f"[`{n}`](#{anchor('collabrules ' + n)})" for n in commands())
    out.append(f"{WORDS['commands'].get(lang)}{listed}.\n")
    out.append("## `collabrules` {#collabrules}\n")
    out.append(f"```text\n{_help(root, None).rstrip()}\n```\n")
    out.append(WORDS["version"].get(lang) + "\n")
    for name, command in commands().items():
        out.append(_command_section(name, command, lang))
    out.append(f"## {WORDS['exit_codes'].get(lang)} {{#exit-codes}}\n")
    out.append(WORDS["exit_intro"].get(lang) + "\n")
    other = "nl" if lang == "en" else "en"
    out.append(table(WORDS["exit_columns"].get(lang).split("|"), [
        (code(str(getattr(common, constant))), text.get(lang), text.get(other))
        for constant, text in EXIT_CODES]))
    return "\n".join(out).rstrip() + "\n"
