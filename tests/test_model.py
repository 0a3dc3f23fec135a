from __future__ import annotations

import json
import pickle
import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import (
    Article,
    Block,
    Caption,
    Label,
    Mention,
    Number,
    NumberKind,
    Paragraph,
    Part,
    Place,
    PlaceKind,
    Problem,
    Quote,
    RelatedLink,
    SerializationError,
    Span,
)
from newsparse.model import Findings, make_span

SOURCE = 'Storm hits coast\n\n"We lost the roof," said Ann Lee. About 1.5 million homes in Cork lost power.\n'


def _article() -> Article:
    quote = Quote(
        text="We lost the roof,",
        span=Span(19, 36),
        speaker="Ann Lee",
        speaker_span=Span(43, 50),
        cue="said",
        cue_span=Span(38, 42),
        chain=(Mention("Ann Lee", Span(43, 50)),),
    )
    number = Number(
        text="1.5 million",
        span=Span(58, 69),
        value=1_500_000,
        kind=NumberKind.CARDINAL,
        approx="About",
        noun="homes",
    )
    place = Place(
        text="Cork",
        span=Span(79, 83),
        name="Cork",
        kind=PlaceKind.CITY,
        country_code="IE",
        latitude=51.89797,
        longitude=-8.47061,
        geonames_id=2965140,
    )
    return Article(
        source=SOURCE,
        headline="Storm hits coast",
        headline_span=Span(0, 16),
        body=(Paragraph(SOURCE[18:95], Span(18, 95)),),
        captions=(Caption("x", Span(0, 1), credit="PA", spans=(Span(0, 1), Span(2, 3))),),
        related=(RelatedLink("coast", Span(11, 16), url=None, label="podcast"),),
        blocks=(
            Block(Label.HEADLINE, SOURCE[0:17], Span(0, 17)),
            Block(Label.BLANK, "\n", Span(17, 18)),
            Block(Label.BODY, SOURCE[18:], Span(18, len(SOURCE))),
        ),
        findings={"quotes": (quote,), "numbers": (number,), "places": (place,)},
        problems=(Problem("demo", "something odd", kind="warning"),),
    )


def test_spans_of_the_example_slice_their_text() -> None:
    article = _article()
    for item in (*article.quotes, *article.numbers, *article.places, *article.body):
        assert item.span.slice(article.source) == item.text


@pytest.mark.parametrize(
    ("start", "end"),
    [pytest.param(-1, 3, id="negative-start"), pytest.param(5, 2, id="end-before-start")],
)
def test_span_rejects_impossible_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="Span"):
        Span(start, end)


def test_values_are_frozen() -> None:
    article = _article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        article.findings["quotes"] = ()  # type: ignore[index]


def test_shortcuts_read_findings_by_name() -> None:
    article = _article()
    assert article.quotes[0].speaker == "Ann Lee"
    assert article.numbers[0].value == 1_500_000
    assert article.places[0].country_code == "IE"
    assert Article(source="").quotes == ()


def test_round_trip_through_dict_and_json_is_exact() -> None:
    article = _article()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article
    assert json.loads(article.to_json())["findings"]["numbers"][0]["value"] == 1_500_000


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        pytest.param(12000, 12000, id="int"),
        pytest.param(Decimal("2.5"), "2.5", id="decimal"),
        pytest.param(Fraction(1, 3), "1/3", id="fraction"),
        pytest.param(None, None, id="none"),
    ],
)
def test_exact_values_stay_exact_in_json(value: object, encoded: object) -> None:
    number = Number(text="x", span=Span(0, 1), value=value)  # type: ignore[arg-type]
    article = Article(source="x", findings={"numbers": (number,)})
    data = json.loads(article.to_json())
    assert data["findings"]["numbers"][0]["value"] == encoded
    back = Article.from_json(json.dumps(data)).numbers[0].value
    assert back == value
    assert type(back) is type(value)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param([], id="not-a-mapping"),
        pytest.param({"source": 3}, id="wrong-type"),
        pytest.param({"source": "x", "headline_span": {"start": 0}}, id="missing-field"),
        pytest.param({"source": "x", "colour": "red"}, id="unknown-field"),
        pytest.param(
            {
                "source": "x",
                "blocks": [{"label": "nope", "text": "", "span": {"start": 0, "end": 0}}],
            },
            id="bad-label",
        ),
    ],
)
def test_from_dict_rejects_malformed_input_with_a_clear_error(data: object) -> None:
    with pytest.raises(SerializationError):
        Article.from_dict(data)  # type: ignore[arg-type]


def test_findings_of_unknown_extractors_survive_as_plain_data() -> None:
    data = {"source": "x", "findings": {"elsewhere": [{"anything": 1}]}}
    assert Article.from_dict(data).findings["elsewhere"] == ({"anything": 1},)


def test_articles_pickle() -> None:
    article = _article()
    assert pickle.loads(pickle.dumps(article)) == article
    assert hash(pickle.loads(pickle.dumps(article.findings))) == hash(article.findings)


def test_parts_are_in_page_order_with_every_caption_occurrence() -> None:
    article = _article()
    assert [part for part, _ in article.parts()] == [
        Part.CAPTION,
        Part.HEADLINE,
        Part.CAPTION,
        Part.BODY,
    ]


def test_caption_defaults_spans_to_its_span() -> None:
    assert Caption("c", Span(1, 2)).spans == (Span(1, 2),)


def test_findings_compare_with_plain_mappings() -> None:
    assert Findings({"a": (1,)}) == {"a": (1,)}
    assert Findings({"a": [1]})["a"] == (1,)


@pytest.mark.parametrize(
    "cls",
    [Span, Block, Paragraph, Number, Place, Quote, Mention],
    ids=lambda cls: cls.__name__,
)
def test_a_class_made_by_writing_its_slots_has_no_check_the_makers_skip(cls: type) -> None:
    """The makers (newsparse.model.slot_setters) write slots directly: they may do so only
    while the class checks nothing on its own beyond the span bounds ``make_span`` keeps."""
    fields = attrs.fields(cls)
    assert all(field.validator is None and field.converter is None for field in fields)
    # Every slot is a field the makers write: none is left unset.
    assert set(cls.__slots__) - {"__weakref__"} == {field.name for field in fields}
    if cls is not Span:  # Span's one check is make_span's (or, in structure, the caller's)
        assert not hasattr(cls, "__attrs_post_init__")
    assert not hasattr(cls, "__attrs_pre_init__")


@given(st.integers(-5, 50), st.integers(-5, 50))
def test_make_span_is_checked_like_the_constructor(start: int, end: int) -> None:
    try:
        expected = Span(start, end)
    except ValueError as exc:
        with pytest.raises(ValueError, match=re.escape(str(exc))):
            make_span(start, end)
    else:
        assert make_span(start, end) == expected
