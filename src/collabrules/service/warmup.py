"""Warm a worker up before it says it is ready, then freeze its startup heap.

The first evaluation in a process pays for lazy imports, compiled schemas and templates;
warming up runs one evaluation and every report format in both languages, so the first
client does not pay for it. ``gc.freeze`` then moves everything alive after startup (the
engine, plugins, schemas, templates) out of the collector's sight: a full collection
during a request no longer walks it, which is most of the pause it adds.
"""

from __future__ import annotations

import gc
from typing import Any

from ..io.serialize import report_to_dict
from ..model.text import LANGS
from ..pipeline.loading import Document
from ..render.choose import Render
from .context import Service

FORMATS = ("markdown", "html", "text")

CASE: dict[str, Any] = {
    "schema_version": "1.0", "id": "warm-up", "title": "Warm-up", "perspective": "buyer",
    "parties": [
        {"id": "buyer", "name": "Buyer", "role": "customer", "size": "large",
         "power": "high", "goals": [{"topic": "price", "direction": "minimise"}]},
        {"id": "seller", "name": "Seller", "role": "supplier", "size": "small",
         "replaceability": "easy", "goals": [{"topic": "margin", "direction": "maximise"}]},
    ],
    "delivery": {"kind": "service", "complexity": "low", "risk": "low"},
    "relationship": {"model": "transactional", "trust": "medium",
                     "safeguards": {"penalties": True}},
}
"""A small case with open facts, so the completion rule runs as well."""


def warm_up(service: Service) -> None:
    """Evaluate a case and render it in every format and language, then freeze the heap."""
    report = service.engine.evaluate(Document(CASE, "warm-up"))
    for lang in LANGS:
        report_to_dict(report, lang)
        for fmt in FORMATS:
            Render(fmt, lang)(report, service.engine.taxonomy)
    gc.collect()
    gc.freeze()
