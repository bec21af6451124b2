"""``collabrules survey``: the perception questionnaire for a party, and its answers back."""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_INPUT,
    _emit,
    _engine,
    _input_failure,
    _lang,
    _lang_option,
    _say,
    epilog,
)
from .group import cli

_EPILOG = epilog(("the questionnaire, template or merged case was written",
                  "de vragenlijst, het sjabloon of de samengevoegde casus is geschreven"),
                 bad=("an invalid case or answers file, or bad usage",
                      "een ongeldige casus of ongeldig antwoordbestand, of foute aanroep"))


@cli.command(epilog=_EPILOG, short_help="Perception questionnaire / vragenlijst percepties.")
@click.argument("case_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.option("--party", default=None,
              help="Write the questionnaire for this party (id or name) / schrijf de "
                   "vragenlijst voor deze partij.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown",
              show_default=True, help="Questionnaire format / formaat van de vragenlijst.")
@click.option("--template", is_flag=True,
              help="Write an answers template (YAML) for every party / schrijf een "
                   "antwoordsjabloon (YAML) voor elke partij.")
@click.option("--merge", "answers_file", type=click.Path(dir_okay=False), default=None,
              help="Check returned answers (YAML/JSON) and merge them into the case / "
                   "controleer ingevulde antwoorden en voeg ze in de casus.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of to standard output / schrijf hierheen in plaats "
                   "van naar standaarduitvoer.")
@_lang_option
def survey(case_file: str, party: str | None, fmt: str, template: bool,
           answers_file: str | None, output: str | None, lang: str | None) -> None:
    """Write the perception questionnaire for one party (--party), an answers template
    (--template), or merge returned answers into the case (--merge). The merged case is
    written as YAML with schema_version 1.2; comments of the original are not kept.

    Schrijf de vragenlijst over percepties voor één partij, een antwoordsjabloon, of voeg
    ingevulde antwoorden in de casus.
    """
    from ..authoring.survey import (
        answer_issues,
        answers_template,
        case_yaml,
        merge_answers,
        party_index,
        questionnaire_html,
        questionnaire_markdown,
    )
    from ..model.errors import InputError
    from ..model.text import Text
    from ..pipeline.loading import Document, read_document
    from ..pipeline.validation import line_of

    language = _lang(lang)
    chosen = sum((party is not None, template, answers_file is not None))
    if chosen != 1:
        _say(Text("give exactly one of --party, --template and --merge",
                  "geef precies één van --party, --template en --merge"), language)
        sys.exit(EXIT_INPUT)
    engine = _engine(())
    try:
        document = read_document(case_file)
        case = engine.validate(document)
        if party is not None:
            index = party_index(case, party)
            if index is None:
                names = ", ".join(str(p.get("id")) for p in case["parties"])
                _say(Text("the case has no party {party!r}; its parties: {names}",
                          "de casus heeft geen partij {party!r}; de partijen: {names}").format(
                    party=party, names=names), language)
                sys.exit(EXIT_INPUT)
            write = questionnaire_html if fmt == "html" else questionnaire_markdown
            text = write(case, index, engine.questionnaire, language)
        elif template:
            text = answers_template(case, engine.questionnaire, language)
        else:
            assert answers_file is not None
            answers = read_document(answers_file)
            issues = answer_issues(answers.data, case, engine.questionnaire, answers_file)
            if issues:
                import attrs

                raise InputError([attrs.evolve(i, line=line_of(i.path, answers.lines))
                                  for i in issues])
            merged = merge_answers(case, answers.data)
            text = case_yaml(merged)
            engine.validate(Document(merged, output or case_file))
    except InputError as error:
        _input_failure(error, language)
        sys.exit(EXIT_INPUT)
    _emit(text, output)
