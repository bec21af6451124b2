"""``collabrules new``: a guided intake that writes a valid, commented case file."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import EXIT_INPUT, _input_failure, _lang, _lang_option, _say, epilog
from .group import cli


@cli.command(epilog=epilog(("the case was written", "de casus is geschreven")))
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@click.option("--answers", "answers_file", type=click.Path(dir_okay=False), default=None,
              help="Take the answers from this YAML/JSON file instead of asking; every "
                   "key: docs/reference/answers-format.md / neem de antwoorden uit dit "
                   "bestand.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT / overschrijf OUTPUT.")
@_lang_option
def new(output: str, answers_file: str | None, force: bool, lang: str | None) -> None:
    """Ask the intake questions and write a commented case YAML to OUTPUT.

    Stel de intakevragen en schrijf een casus-YAML met toelichting naar OUTPUT.
    """
    from pathlib import Path

    from ..authoring.answers import read_answers
    from ..authoring.intake import MESSAGES, QUESTIONS, case_yaml, is_asked
    from ..model.text import Text

    language = _lang(lang)
    if Path(output).exists() and not force:
        _say(Text("{path} exists; use --force to overwrite it",
                  "{path} bestaat al; gebruik --force om het te overschrijven").format(
            path=output), language)
        sys.exit(EXIT_INPUT)
    answers: dict[str, Any] = {}
    if answers_file is not None:
        given = _read_answers(answers_file, language)
        answers, issues = read_answers(given, answers_file, lang=language)
        for issue in issues:
            click.echo(f"{answers_file}: {issue.path}: {issue.message.get(language)}", err=True)
        failed = bool(issues)
        if failed:
            sys.exit(EXIT_INPUT)
    else:
        _say(MESSAGES["intro"], language, err=False)
        for question in QUESTIONS:
            answers[question.key] = (_ask(question, language) if is_asked(question, answers)
                                     else None)
    text = case_yaml(answers, language)
    _check(text, output, language)
    from ..io.atomic import atomic_writer

    with atomic_writer(output) as handle:
        handle.write(text)
    _say(MESSAGES["written"].format(path=output), language, err=False)


def _ask(question: Any, lang: str) -> Any:
    from ..authoring.intake import MESSAGES, AnswerError, allowed, choice_labels, parse_answer

    click.echo("")
    mark = f" {MESSAGES['required_mark'].get(lang)}" if question.required else ""
    click.echo(click.style(question.prompt.get(lang) + mark, bold=True))
    click.echo(f"  {question.explain.get(lang)}")
    if question.choices is not None:
        options = ", ".join(choice_labels(question, lang))
        click.echo(f"  {MESSAGES['allowed'].get(lang)}: {options}")
    elif question.kind == "model":
        click.echo(f"  {MESSAGES['allowed'].get(lang)}: {', '.join(allowed(question))}")
    elif question.kind == "bool":
        click.echo(f"  {MESSAGES['allowed'].get(lang)}: {MESSAGES['yes_no'].get(lang)}")
    while True:
        raw = click.prompt(">", default="", show_default=False, prompt_suffix=" ")
        try:
            return parse_answer(question, raw, lang)
        except AnswerError as error:
            click.echo(f"  {error.text.get(lang)}")


def _read_answers(path: str, lang: str) -> dict[str, Any]:
    from ..model.errors import InputError, Issue
    from ..model.text import Text
    from ..pipeline.loading import read_document

    try:
        document = read_document(path)
    except InputError as error:
        _input_failure(error, lang)
        sys.exit(EXIT_INPUT)
    if not isinstance(document.data, dict):
        _input_failure(InputError([Issue(file=path, path="$", message=Text(
            "the answers must be a mapping of question keys to answers",
            "de antwoorden moeten een mapping van vraagsleutels naar antwoorden zijn"))]), lang)
        sys.exit(EXIT_INPUT)
    return document.data


def _check(text: str, output: str, lang: str) -> None:
    """Re-read the YAML with collabrules' own loader and validate it before writing."""
    from ..model.errors import InputError
    from ..pipeline.engine import case_validator
    from ..pipeline.loading import parse_bytes
    from ..pipeline.structure import consistency_issues

    try:
        document = parse_bytes(text.encode("utf-8"), output, fmt="yaml")
    except InputError as error:  # pragma: no cover - the writer's own bug
        _input_failure(error, lang)
        sys.exit(EXIT_INPUT)
    issues = case_validator().issues(document.data, output, document.lines)
    issues += consistency_issues(document.data, output, document.lines)
    if issues:
        _input_failure(InputError(issues), lang)
        sys.exit(EXIT_INPUT)
