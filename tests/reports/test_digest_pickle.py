"""A case digest crosses from a worker process to the parent as plain values
(``CaseDigest.__reduce__``): what arrives equals what was sent, field for field."""

from __future__ import annotations

import pickle

import attrs

import collabrules
from collabrules.io.portfolio import CaseDigest, PortfolioTally
from collabrules.model.problems import Problem, ProblemKind
from collabrules.model.vocab import Severity, Status

from .helpers import ROOT, SCENARIOS


def _digests() -> list[CaseDigest]:
    engine = collabrules.default_engine()
    digests = [CaseDigest.of(engine.evaluate(ROOT / "examples" / f"{name}.yaml"))
               for name in SCENARIOS]
    first = digests[0]
    waived = attrs.evolve(first.verdicts[0], waived=True, status=Status.VIOLATED,
                          severity=Severity.CRITICAL)
    digests.append(attrs.evolve(first, source=None, case_id=None, title=None,
                                recommended=None, current=None,
                                verdicts=(waived, *first.verdicts[1:]),
                                problems=(Problem(kind=ProblemKind.SLOW, plugin="house",
                                                  code="CR01", detail="3 s"),)))
    return digests


def test_a_digest_arrives_as_it_was_sent() -> None:
    digests = _digests()
    for digest in digests:
        arrived = pickle.loads(pickle.dumps(digest, protocol=pickle.HIGHEST_PROTOCOL))
        assert arrived == digest
        assert attrs.asdict(arrived, recurse=False) == attrs.asdict(digest, recurse=False)
        assert all(type(a) is type(b) for a, b in zip(attrs.astuple(arrived, recurse=False),
                                                       attrs.astuple(digest, recurse=False),
                                                       strict=True))


def test_a_tally_of_arrived_digests_equals_one_of_the_originals() -> None:
    digests = _digests() * 3
    here, there = PortfolioTally(), PortfolioTally()
    for digest in digests:
        here.add(digest)
    for digest in pickle.loads(pickle.dumps(digests)):
        there.add(digest)
    assert here.to_dict("nl") == there.to_dict("nl")
    assert here.to_dict("nl")["cases"] == len(digests)
