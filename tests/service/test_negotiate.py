"""Properties of content negotiation, tokens and the schema names (no server needed)."""

from __future__ import annotations

import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .live import needs_service

needs_service()

from collabrules.pipeline.schemas import NAMES  # noqa: E402
from collabrules.service.catalogue import SchemaName  # noqa: E402
from collabrules.service.negotiate import MEDIA, choose_format, choose_lang  # noqa: E402
from collabrules.service.options import ServiceOptions, hash_token, read_tokens  # noqa: E402
from collabrules.service.problems import ProblemError  # noqa: E402

OTHER = ("image/png", "application/xml", "text/csv")
weights = st.sampled_from([None, 0.1, 0.3, 0.5, 0.8, 1.0])


@given(st.lists(st.tuples(st.sampled_from((*MEDIA.values(), *OTHER)), weights),
                min_size=1, max_size=6))
def test_accept_picks_the_heaviest_supported_type(offers: list[tuple[str, float | None]]
                                                  ) -> None:
    header = ", ".join(m if q is None else f"{m};q={q}" for m, q in offers)
    ranked = sorted(((1.0 if q is None else q, -i, m) for i, (m, q) in enumerate(offers)),
                    reverse=True)
    supported = [m for _, _, m in ranked if m in MEDIA.values()]
    if not supported:
        with pytest.raises(ProblemError) as caught:
            choose_format(None, header)
        assert caught.value.kind == "not-acceptable"
        return
    assert MEDIA[choose_format(None, header)] == supported[0]


@given(st.sampled_from(tuple(MEDIA)), st.text(max_size=40))
def test_the_format_parameter_wins_over_accept(fmt: str, accept: str) -> None:
    assert choose_format(fmt, accept) == fmt


@given(st.lists(st.sampled_from(("en", "nl", "de", "fr", "nl-BE", "en-GB", "*")),
                max_size=4), st.sampled_from(("en", "nl")))
def test_language_is_the_first_known_one_or_the_default(tags: list[str], default: str
                                                        ) -> None:
    known = [t.split("-")[0] for t in tags if t.split("-")[0] in ("en", "nl")]
    assert choose_lang(None, ", ".join(tags), default) == (known[0] if known else default)


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_only_a_configured_token_is_accepted(token: str, other: str) -> None:
    options = ServiceOptions(token_hashes=(hash_token(token),))
    assert options.accepts(token)
    assert options.accepts(other) == (other == token)


def test_tokens_are_stored_hashed() -> None:
    hashes = read_tokens(None, {"COLLABRULES_TOKENS": " a-token , b-token,, "})
    assert len(hashes) == 2
    assert "a-token" not in "".join(hashes)
    assert ServiceOptions(token_hashes=hashes).accepts("b-token")


def test_schema_names_match_the_shipped_schemas() -> None:
    assert set(typing.get_args(SchemaName)) == set(NAMES)
