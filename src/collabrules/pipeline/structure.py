"""From a validated document to a :class:`~collabrules.model.case.Case`, and back.

Validation has already guaranteed the shape, so structuring only converts; the checks
a schema cannot express (the perspective names a party, party ids are unique, both
roles are present) live here, with JSON paths.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from ..model import paths
from ..model.case import Case
from ..model.errors import InputError, Issue
from ..model.text import Text
from ..model.vocab import Role
from .goal_links import goal_link_issues
from .model_ids import model_issues
from .perception_ids import perception_issues
from .structurer import compile_rebuilder, compile_structurer
from .validation import did_you_mean, line_of
from .versions import admits, version_issues

if TYPE_CHECKING:
    import cattrs


@cache
def converter() -> cattrs.Converter:
    """The cattrs converter: the reference for structuring, and the unstructurer."""
    import cattrs

    return cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)


def _cattrs_structure(data: Any, cls: Any) -> Any:
    return converter().structure(data, cls)


_structure = compile_structurer(Case, _cattrs_structure)
_rebuild = compile_rebuilder(_cattrs_structure)


def structure_case(data: dict[str, Any], source: str = "<case>", *,
                   filled: str | None = None, parent: Case | None = None,
                   checked: bool = False) -> Case:
    """Build a case from a schema-valid document; raise :class:`InputError` on inconsistency.

    The model id is checked where the taxonomy is known (:func:`consistency_issues`).
    ``filled`` is for a document that differs from one that structured only by a value
    filled in at that path (the completion rule's completed cases): the schema-version
    check then walks that path alone, and the party and goal-link checks, which read only
    required keys and keys no completion fills in (ids, links), are not repeated. With
    ``parent`` (that document's case) too, only the object holding the filled-in value is
    structured again; the rest of the case is ``parent``'s. ``checked`` says that
    :func:`structure_issues` found nothing in ``data`` already (as
    :func:`consistency_issues` does, which ``Engine.validate`` runs).
    """
    issues = [] if checked else structure_issues(data, source) if filled is None else \
        [] if parent is not None and held_by(parent, data, filled) else \
        version_issues(data, source, filled)
    if issues:
        raise InputError(issues)
    case: Case = _structure(data) if filled is None or parent is None else \
        _rebuild(parent, data, *_holder(filled))
    return case


def held_by(parent: Case, data: dict[str, Any], filled: str) -> bool:
    """Whether a value filled in at ``filled`` goes into an object ``parent`` (a case that
    structured, so without version issues) already has, at a path the declared
    ``schema_version`` admits: then the completed document has no version issue either
    (no object is new, so none lacks a required key; ADR 0019, point 15)."""
    declared = data.get("schema_version")
    if isinstance(declared, str) and not admits(declared, filled):
        return False
    node: Any = parent
    for step in _holder(filled)[0]:
        if isinstance(step, int):
            node = node[step] if isinstance(node, tuple) and step < len(node) else None
        else:
            node = getattr(node, step, None)
        if node is None:
            return False
    return True


def _holder(filled: str) -> tuple[tuple[str | int, ...], str | None]:
    """The steps to the object holding the filled-in fact, and its member name (``None``
    for a list item)."""
    parts = paths.steps(filled)
    last = parts[-1]
    return tuple(parts[:-1]), last if isinstance(last, str) else None


def structure_issues(data: dict[str, Any], source: str = "<case>") -> list[Issue]:
    """What keeps a schema-valid document from structuring: :func:`structure_case` raises
    :class:`InputError` exactly when this is not empty."""
    return _consistency(data, source) + version_issues(data, source) + goal_link_issues(
        data, source)


def unstructure_case(case: Case) -> dict[str, Any]:
    """The case as a JSON-ready document (unknown fields left out)."""
    data: dict[str, Any] = converter().unstructure(case)
    return data


def consistency_issues(data: Any, source: str, lines: Mapping[str, int] | None = None,
                       models: Collection[str] | None = None,
                       statements: Collection[str] | None = None) -> list[Issue]:
    """What a schema cannot check: party ids, the perspective, the roles present, fields
    newer than the declared ``schema_version``, goal links, the model id, and the statements
    perception answers name.

    ``models`` are the known model ids (default: the installed taxonomies'), ``statements``
    the known perception statement ids (default: the installed questionnaire's).
    """
    issues = structure_issues(data, source) + model_issues(data, source, models)
    issues += perception_issues(data, source, statements)
    if lines:
        issues = [attrs.evolve(i, line=line_of(i.path, lines)) for i in issues]
    return issues


def _consistency(data: Any, source: str) -> list[Issue]:
    issues: list[Issue] = []
    if not isinstance(data, dict):
        return issues
    raw_parties = data.get("parties")
    parties = [p for p in raw_parties if isinstance(p, dict)] \
        if isinstance(raw_parties, list) else []
    if not parties:
        return issues
    ids = [p.get("id") for p in parties]
    seen: dict[Any, int] = {}
    for index, pid in enumerate(ids):
        if not isinstance(pid, str):
            continue
        if pid in seen:
            issues.append(Issue(
                file=source, path=f"$.parties[{index}].id",
                message=Text("the party id {id!r} is already used by $.parties[{first}]",
                             "het partij-id {id!r} wordt al gebruikt door $.parties[{first}]"
                             ).format(id=pid, first=seen[pid]),
                hint=Text("give every party its own id", "geef elke partij een eigen id")))
        else:
            seen[pid] = index
    perspective = data.get("perspective")
    if isinstance(perspective, str) and perspective not in seen:
        issues.append(Issue(
            file=source, path="$.perspective",
            message=Text("the perspective {id!r} names no party",
                         "het perspectief {id!r} verwijst naar geen enkele partij"
                         ).format(id=perspective),
            hint=did_you_mean(str(perspective), list(seen)) or Text(
                "use one of the party ids: {ids}", "gebruik een van de partij-id's: {ids}"
            ).format(ids=", ".join(seen))))
    raw_roles = [p.get("role") for p in parties]
    if not all(isinstance(r, str) and r in {v.value for v in Role} for r in raw_roles):
        return issues  # the schema reports the bad role
    roles = set(raw_roles)
    for role in Role:
        if role.value not in roles:
            issues.append(Issue(
                file=source, path="$.parties",
                message=Text("no party has the role {role!r}",
                             "geen enkele partij heeft de rol {role!r}").format(role=role.value),
                hint=Text("a relationship has at least one customer and one supplier",
                          "een relatie heeft minstens één klant en één leverancier")))
    return issues
