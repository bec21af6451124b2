"""The hooks a collabrules plugin can implement (the reference for plugin authors).

A plugin is any module or object with functions marked ``@collabrules.hookimpl``, found
through the ``collabrules`` entry-point group or passed to :class:`collabrules.Engine`.
As with pluggy everywhere, an implementation may accept any subset of a hook's
arguments, so hooks can gain arguments without breaking plugins.

Call order (the same whatever order plugins were loaded in): the engine calls each
implementation on its own, through pluggy: first the ``tryfirst`` ones, then the
others, then the ``trylast`` ones, each group sorted by plugin name. Wrappers
(``wrapper=True`` or ``hookwrapper=True``) wrap each of those calls. An implementation
that raises or returns the wrong type becomes a problem naming its plugin, and the others
still run. An implementation of a hook that does not exist (a typo) is a problem too,
unless it is marked ``optionalhook=True``.

Hooks, in the order an engine calls them:

1. at engine start: :func:`collabrules_add_signals`, :func:`collabrules_add_principles`,
   :func:`collabrules_add_models`, :func:`collabrules_add_topics`,
   :func:`collabrules_add_perception_statements`, :func:`collabrules_add_phase_tags`;
2. per case: each principle's ``assess`` (not a hook: called directly, see
   docs/decisions/0002-plugins.md), then :func:`collabrules_adjust_finding` for every
   finding, :func:`collabrules_recommend_model` once, and
   :func:`collabrules_adjust_report` on the finished report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ..model.case import Case
    from ..model.finding import Finding
    from ..model.lifecycle import PhaseTagRegistrar
    from ..model.models import ModelRecommendation, Taxonomy
    from ..model.questionnaire import StatementRegistrar
    from ..model.report import Report
    from ..model.signals import SignalBook
    from ..model.topics import TopicRegistrar
    from .registry import ModelRegistrar, PrincipleRegistrar, SignalRegistrar

PROJECT = "collabrules"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def collabrules_add_signals(register: SignalRegistrar) -> None:
    """Register signals: call ``register(signal)`` for each :class:`~collabrules.Signal`.

    Pass ``replaces=True`` to replace a signal of the same name on purpose; an undeclared
    duplicate name is reported as a plugin problem. Called once per engine.
    """


@hookspec
def collabrules_add_principles(register: PrincipleRegistrar) -> None:
    """Register principles: call ``register(principle)`` for each :class:`~collabrules.Principle`.

    A principle whose ``replaces`` names a code overrides that principle; any other
    duplicate code is an error naming both plugins. Called once per engine.
    """


@hookspec
def collabrules_add_models(register: ModelRegistrar) -> None:
    """Contribute collaboration models: call ``register(model)`` for each one.

    Models belong to a taxonomy (``model.taxonomy``, default ``standard``); an engine uses
    one taxonomy, chosen by configuration. Pass ``replaces=True`` to replace a model with
    the same id. Called once per engine.
    """


@hookspec
def collabrules_add_topics(register: TopicRegistrar) -> None:
    """Extend the topic vocabulary goals are compared through: ``register(axis)``.

    Each :class:`~collabrules.plugin.TopicAxis` names an axis and the words that measure
    it the same way (``rising``, synonyms) or the other way (``falling``). An axis whose
    id is already known gains the words; a word already on another axis is reported as a
    plugin problem. Called once per engine.
    """


@hookspec
def collabrules_add_perception_statements(register: StatementRegistrar) -> None:
    """Extend the perception questionnaire: ``register(themes=..., statements=...)``.

    A :class:`~collabrules.plugin.Theme` names the principle codes it informs; each
    :class:`~collabrules.plugin.Statement` belongs to a theme (a standard one or one
    registered in the same or an earlier call) and is worded about "us" and about "them",
    in English and Dutch. An id that already exists is reported as a plugin problem.
    Called once per engine; ``collabrules survey`` asks the statements and cases answer
    them by id.
    """


@hookspec
def collabrules_add_phase_tags(register: PhaseTagRegistrar) -> None:
    """Tag actions with the lifecycle phases they apply in: ``register(action, tag)``.

    ``action`` is the id of the action a principle's condition recommends, the principle's
    code and the condition's id (``HOUSE1/exit_plan_agreed``, see
    :func:`~collabrules.plugin.action_id`); ``tag`` is a :class:`~collabrules.plugin.PhaseTag`:
    a short label in English and Dutch and the case phases (``relationship.phase``) the
    action applies in. A report's phase plan lists an action under the case's phase when
    it is tagged with it, and an untagged action in every phase. An action id that is not
    ``CODE/condition-id``, a phase that does not exist or an action already tagged is
    reported as a plugin problem. Called once per engine.
    """


@hookspec
def collabrules_adjust_finding(
    finding: Finding, case: Case, signals: SignalBook
) -> Finding | None:
    """Return a changed copy of ``finding`` (``attrs.evolve``), or ``None`` to keep it.

    Implementations run in the call order above, each seeing the previous one's result.
    Called for every finding of every case: keep it cheap.
    """


@hookspec(firstresult=True)
def collabrules_recommend_model(
    case: Case, signals: SignalBook, taxonomy: Taxonomy
) -> ModelRecommendation | None:
    """Recommend the collaboration model that fits the case.

    Implementations run in the call order above; the first non-``None`` answer wins.
    """


@hookspec
def collabrules_adjust_report(report: Report, case: Case) -> Report | None:
    """Return a changed copy of the finished report, or ``None`` to keep it.

    The report is complete: findings, recommendation, summary and the problems so far.
    Implementations run in the call order above, each seeing the previous one's result.
    Afterwards the summary is derived again from the findings, and problems cannot be
    removed.
    """
