"""The structure parser's shortcuts answer exactly what the plain forms they replace answer.

Each shortcut (slot-writing makers, the byte-level word split, features shared by identical
lines) exists for speed only, so each is checked against the slower form it stands for.
"""

from __future__ import annotations

import pickle
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Block, Label, Paragraph, Span
from newsparse.structure import read_page
from newsparse.structure.features import word_tokens
from newsparse.structure.making import make_block, make_paragraph, make_span
from newsparse.structure.rules import _long_words


@pytest.mark.parametrize("cls", [Span, Block, Paragraph], ids=lambda cls: cls.__name__)
def test_the_made_classes_have_no_check_the_makers_would_skip(cls: type) -> None:
    fields = attrs.fields(cls)
    assert all(field.validator is None and field.converter is None for field in fields)
    # Every slot is a field the makers write: none is left unset.
    assert set(cls.__slots__) - {"__weakref__"} == {field.name for field in fields}
    if cls is not Span:  # Span's one check is the caller's guarantee (see making.py)
        assert not hasattr(cls, "__attrs_post_init__")


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(list(Label)), st.text())
def test_makers_equal_the_constructors(start: int, length: int, label: Label, text: str) -> None:
    stop = start + length
    span = make_span(start, stop)
    block = make_block(label, text, start, stop)
    paragraph = make_paragraph(text, start)
    assert span == Span(start, stop)
    assert hash(span) == hash(Span(start, stop))
    assert block == Block(label, text, Span(start, stop))
    assert hash(block) == hash(Block(label, text, Span(start, stop)))
    assert paragraph == Paragraph(text, Span(start, start + len(text)))
    for made in (span, block, paragraph):
        assert pickle.loads(pickle.dumps(made)) == made
        assert repr(made) == repr(attrs.evolve(made))


def test_made_objects_are_frozen() -> None:
    for made in (make_span(1, 2), make_block(Label.BODY, "a", 0, 1), make_paragraph("a", 0)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.span = None  # type: ignore[union-attr]


_WORDY = st.text(st.sampled_from(list("abcXYZ019_ -.,'’\t\u00e9\u0301\u00a0İ\u4e2d©")), max_size=40)


@given(_WORDY)
def test_word_tokens_are_the_runs_of_word_characters(text: str) -> None:
    assert word_tokens(text) == re.findall(r"\w+", text)


@given(_WORDY)
def test_headline_words_are_the_long_runs_of_word_characters(text: str) -> None:
    assert _long_words(text) == re.findall(r"\w{4,}", text.lower())


def test_identical_lines_keep_their_own_labels() -> None:
    """One of two identical name lines sits beside a date stamp: only that one is the byline."""
    body = (
        "The council approved the new budget on Tuesday after a long debate that ran late into "
        "the evening, with several members asking for changes to the housing plans."
    )
    text = "\n".join(
        [
            "Council approves budget after long debate over housing plans",
            "Jane Smith",
            "12 March 2024",
            "",
            body,
            "",
            body.replace("Tuesday", "Wednesday"),
            "",
            "More from Jane Smith",
            "Jane Smith",
        ]
    )
    article = read_page(text)
    names = [block.label for block in article.blocks if block.text.strip() == "Jane Smith"]
    assert article.byline == "Jane Smith"
    assert names[0] is Label.BYLINE
    assert names[1] is not Label.BYLINE
