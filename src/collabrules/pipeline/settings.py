"""Settings that shape an engine: which principles, their severities, plugins, taxonomy."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ..model.records import shared_repr
from ..model.vocab import Severity


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Settings:
    """How an organisation runs collabrules (usually read from ``collabrules.toml``).

    ``select``/``ignore`` take codes or prefixes (most specific wins); ``severities``
    maps a code or prefix to the severity of its violations; ``block`` names plugins that
    must not load; ``taxonomy`` is the collaboration-model taxonomy to recommend from;
    ``principle_budget`` is the CPU time in seconds one principle may spend on one case
    (``time.thread_time``, the evaluating thread's own, so a busy machine or the
    service's other threads do not count) before it is reported as slow (``None``: never;
    see docs/reliability.md); ``completions`` is
    the most completions of missing facts tried to settle one open verdict (``0``: the
    completion rule is off; see docs/decisions/0003-unknown-is-not-a-default.md).
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = attrs.field(factory=dict)
    block: tuple[str, ...] = ()
    taxonomy: str = "standard"
    lang: str = "en"
    fail_on: Severity | None = Severity.HIGH
    house_principles: tuple[str, ...] = ()
    principle_budget: float | None = 2.0
    completions: int = 256
    source: str | None = None

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of a principle (longest matching prefix), or ``default``."""
        best: tuple[int, Severity] = (-1, default)
        for prefix, severity in self.severities.items():
            if code.startswith(prefix) and len(prefix) > best[0]:
                best = (len(prefix), severity)
        return best[1]
