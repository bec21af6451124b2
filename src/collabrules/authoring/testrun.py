"""Running fixtures against an engine: results, a readable diff, and coverage."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..model.errors import InputError
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.vocab import Outcome as ConditionOutcome
from ..model.vocab import Status
from ..pipeline.engine import Engine
from .fixtures import Fixture

_L = {
    "pass": Text("PASS", "GESLAAGD"),
    "fail": Text("FAIL", "MISLUKT"),
    "error": Text("ERROR", "FOUT"),
    "missing": Text("not in the principle set", "niet in de principeset"),
    "mismatch": Text("{code}: expected {expected}, got {got}",
                     "{code}: verwacht {expected}, gekregen {got}"),
    "conditions": Text("{code}: expected failed conditions [{expected}], got [{got}]",
                       "{code}: verwachte mislukte voorwaarden [{expected}], gekregen [{got}]"),
    "total": Text("{n} fixtures, {checks} expectations: {passed} passed, {failed} failed",
                  "{n} fixtures, {checks} verwachtingen: {passed} geslaagd, {failed} mislukt"),
    "coverage": Text("Coverage (expectations per principle and status):",
                     "Dekking (verwachtingen per principe en status):"),
    "untested": Text("Principles without any fixture: {codes}",
                     "Principes zonder enige fixture: {codes}"),
    "principle": Text("PRINCIPLE", "PRINCIPE"),
}


@attrs.frozen
@shared_repr
class Check:
    """One expectation of one fixture and what the engine said."""

    code: str
    expected: Status
    got: Status | None
    expected_failed: tuple[str, ...] | None = None
    got_failed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the engine gave the expected status (and failed conditions, if named)."""
        return self.got is self.expected and self.conditions_ok

    @property
    def conditions_ok(self) -> bool:
        """Whether the conditions expected to fail are exactly the ones that failed."""
        return self.expected_failed is None or self.expected_failed == self.got_failed


@attrs.frozen
@shared_repr
class Result:
    """A fixture's checks, the report it produced, or the input error it raised."""

    fixture: Fixture
    checks: tuple[Check, ...] = ()
    report: Report | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        """Whether every expectation was met."""
        return self.error is None and all(c.ok for c in self.checks)


@attrs.frozen
@shared_repr
class Outcome:
    """Every fixture's result."""

    results: tuple[Result, ...]

    @property
    def failed(self) -> bool:
        """Whether any fixture failed."""
        return not all(r.ok for r in self.results)

    @property
    def input_errors(self) -> bool:
        """Whether a fixture's case was invalid."""
        return any(r.error is not None for r in self.results)

    def lines(self, lang: str) -> list[str]:
        """One line per fixture, with an expected-versus-got diff for each mismatch."""
        out: list[str] = []
        for result in self.results:
            fixture = result.fixture
            head = f"{fixture.file} {fixture.path} {fixture.name!r}"
            if result.error is not None:
                out.append(f"{_L['error'].get(lang)} {head}")
                out.extend(f"  {issue.render(lang)}" for issue in result.error.issues)
                continue
            out.append(f"{_L['pass' if result.ok else 'fail'].get(lang)} {head}")
            for check in result.checks:
                if check.ok:
                    continue
                got = check.got.value if check.got else _L["missing"].get(lang)
                if check.got is not check.expected:
                    out.append("  - " + _L["mismatch"].format(
                        code=check.code, expected=check.expected.value, got=got).get(lang))
                if not check.conditions_ok:
                    out.append("  - " + _L["conditions"].format(
                        code=check.code, expected=", ".join(check.expected_failed or ()),
                        got=", ".join(check.got_failed)).get(lang))
                if result.report is not None and check.got is not None:
                    finding = result.report.finding(check.code)
                    out.append(f"    {finding.rationale.get(lang)}")
        checks = [c for r in self.results for c in r.checks]
        out.append(_L["total"].format(
            n=len(self.results), checks=len(checks), passed=sum(c.ok for c in checks),
            failed=sum(not c.ok for c in checks)).get(lang))
        return out


def run_fixtures(engine: Engine, fixtures: Iterable[Fixture]) -> Outcome:
    """Evaluate each fixture's case and compare the statuses it expects."""
    results = []
    for fixture in fixtures:
        try:
            report = engine.evaluate(fixture.case)
        except InputError as error:
            results.append(Result(fixture, error=error))
            continue
        got = {f.code: f.status for f in report.findings}
        failed = {f.code: tuple(sorted(c.id for c in f.conditions if not c.applicability
                                       and c.outcome is ConditionOutcome.FAILED))
                  for f in report.findings}
        checks = tuple(Check(code, expected, got.get(code),
                             tuple(sorted(fixture.failed[code])) if code in fixture.failed
                             else None, failed.get(code, ()))
                       for code, expected in sorted(fixture.expect.items()))
        results.append(Result(fixture, checks, report))
    return Outcome(tuple(results))


def coverage_table(engine: Engine, outcome: Outcome, lang: str) -> list[str]:
    """A principle x status table counting the expectations that exercise each pair."""
    statuses = list(Status)
    counts: dict[str, dict[Status, int]] = {p.code: {} for p in engine.principles}
    for result in outcome.results:
        for check in result.checks:
            row = counts.setdefault(check.code, {})
            row[check.expected] = row.get(check.expected, 0) + 1
    header = [_L["principle"].get(lang)] + [s.label.get(lang) for s in statuses]
    rows = [header] + [[code] + [str(row.get(s, 0) or ".") for s in statuses]
                       for code, row in sorted(counts.items())]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    out = [_L["coverage"].get(lang)]
    out.extend("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
    untested = [code for code, row in sorted(counts.items()) if not row]
    if untested:
        out.append(_L["untested"].format(codes=", ".join(untested)).get(lang))
    return out
