"""The fast readers and writers of newsparse.serialize agree with the checked path."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import newsparse
from newsparse import Article, Number, NumberKind, Place, PlaceKind, Quote, Span
from newsparse.errors import SerializationError
from newsparse.serialize import _decode, _read, article_from_dict, from_data, to_data

FINDING_TYPES = {"quotes": Quote, "numbers": Number, "places": Place}


def _article() -> Article:
    source = "Minister says \u201cwe act\u201d in Paris\n2.5% of 1/3, 40 people\n"
    return Article(
        source=source,
        headline="Minister says",
        headline_span=Span(0, 13),
        findings={
            "quotes": (Quote("we act", Span(15, 21), speaker="Minister", speaker_span=Span(0, 8)),),
            "numbers": (
                Number("2.5%", Span(32, 36), Decimal("2.5"), NumberKind.PERCENT, unit="%"),
                Number("1/3", Span(40, 43), Fraction(1, 3)),
                Number("40", Span(45, 47), 40, noun="people"),
            ),
            "places": (Place("Paris", Span(26, 31), "Paris", PlaceKind.CITY, "FR", 48.9, 2.3),),
        },
    )


def test_round_trip_with_every_finding_type() -> None:
    article = _article()
    data = to_data(article)
    assert article_from_dict(data, FINDING_TYPES) == article


def test_fast_and_checked_readers_agree(seed_page: str) -> None:
    data = {k: v for k, v in newsparse.parse(seed_page).to_dict().items() if k != "findings"}
    assert _read(Article, data, "Article") == _decode(Article, data, "Article")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        pytest.param({"start": 1, "end": "2"}, "Span.end", id="string-for-int"),
        pytest.param({"start": 1, "end": 2, "width": 1}, "unknown field", id="unknown-field"),
        pytest.param({"start": True, "end": 2}, "Span.start", id="bool-for-int"),
        pytest.param([1, 2], "expected an object", id="list-for-object"),
    ],
)
def test_bad_data_is_still_reported_where_it_is(data: Any, where: str) -> None:
    with pytest.raises(SerializationError, match=where):
        from_data(Span, data)


def test_a_bad_finding_names_its_index() -> None:
    data = to_data(_article())
    data["findings"]["numbers"][1]["kind"] = "nonsense"
    with pytest.raises(SerializationError, match=r"findings\['numbers'\]\[1\]"):
        article_from_dict(data, FINDING_TYPES)
