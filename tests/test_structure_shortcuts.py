"""The structure parser's shortcuts answer exactly what the plain forms they replace answer.

Each shortcut (slot-writing makers and unpicklers, the byte-level word split, features shared
by identical lines) exists for speed only, so each is checked against the slower form it
stands for.
"""

from __future__ import annotations

import pickle
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Block, Label, Paragraph, Span
from newsparse.model import make_span
from newsparse.structure import read_page
from newsparse.structure.features import word_tokens
from newsparse.structure.making import make_block, make_paragraph
from newsparse.structure.rules import _long_words


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


_WORDY = st.text(
    st.sampled_from(list("abcXYZ019_ -.,'’‘“”–—…\t\u00e9\u0301\u00a0İ\u4e2d©")), max_size=40
)


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


_LINE_WORDS = st.sampled_from(
    (
        *("Photo", "photo:", "Picture", "by", "Credit", "Source:", "file", "image", "pic"),
        *("Reuters", "AFP/Getty", "Getty", "Images", "via", "PA", "Jane", "Doe", "said", "the"),
        *(":", "-", "–", "—", "/", "©", "(", ")", "[", "]", ",", ".", "profile", "topic", "2024"),
        *("minister", "harbour", "flooded", "on", "Tuesday", "Image source,", "Photograph"),
    )
)


def _with_and_without_hint(
    line: str, extra: dict[str, tuple[str, ...]] | None = None
) -> tuple[object, object]:
    from newsparse.structure import features
    from newsparse.structure.lexicon import load_lexicon

    lexicon = load_lexicon(extra)
    hinted = features.classify(line, lexicon)
    original = features._credit_hint
    features._credit_hint = lambda *args: True  # type: ignore[assignment]
    try:
        unhinted = features.classify(line, lexicon)
    finally:
        features._credit_hint = original
    return hinted, unhinted


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Flooded harbour on Tuesday. Photo: Jane Doe", id="short-marker"),
        pytest.param(
            "The flooded harbour at dawn on Tuesday after the storm surge hit the town. "
            "Photo: Jane Doe",
            id="long-marker",
        ),
        pytest.param(
            "The flooded harbour at dawn on Tuesday after the storm surge hit. Picture by Jane",
            id="long-picture-by",
        ),
        pytest.param("Jane Doe - Reuters", id="lone-credit-dash"),
        pytest.param("Image source, Getty Images", id="credit-prefix"),
        pytest.param("The minister said: we will rebuild the harbour this year", id="no-marker"),
        pytest.param("Crowds on the quay - a scene repeated along the coast today", id="dash"),
        pytest.param("Image source, Jane Doe", id="credit-prefix-person"),
        pytest.param("Harbour at dawn, Handout (", id="agency-before-bracket"),
    ],
)
def test_the_credit_hint_keeps_these_lines_as_they_are(line: str) -> None:
    hinted, unhinted = _with_and_without_hint(line)
    assert hinted == unhinted


def test_the_credit_hint_keeps_a_plugin_credit_prefix() -> None:
    """A plugin's credit prefix holds no marker word: a short line after it is still read."""
    hinted, unhinted = _with_and_without_hint(
        "Courtesy: Jane Doe", {"credit_prefixes": ("courtesy:",)}
    )
    assert getattr(unhinted, "split", None) is not None
    assert hinted == unhinted


@given(st.lists(_LINE_WORDS, min_size=1, max_size=36), st.sampled_from([" ", "", "  "]))
def test_the_credit_hint_never_hides_a_credit(words: list[str], glue: str) -> None:
    """A line read with the cheap credit hint gets the features it gets without the hint."""
    hinted, unhinted = _with_and_without_hint(glue.join(words))
    assert hinted == unhinted


_DATEISH = st.lists(
    st.sampled_from(
        [
            *"0123456789 :./-,apmAPMstndrhJjunMayYeTodjwſİ٣_x",
            *("Jan", "may", "sept", "yesterday", "Today", "just now", " ago", "th", "GMT"),
        ]
    ),
    max_size=30,
).map("".join)


def _plain_date_line(text: str, words: int) -> bool:
    """date_line as it reads without the digit hint and with separate search and sub."""
    from newsparse.structure.features import _DATE, _DATE_WORDS, _DIGIT

    if words > 14:
        return False
    if _DIGIT.search(text) is None:
        lowered = text.lower()
        if "yesterday" not in lowered and "today" not in lowered and "just now" not in lowered:
            return False
    if _DATE.search(text) is None:
        return False
    other = 0
    for word in _DATE.sub(" ", text).split():
        lowered = word.lower().strip(",.:|()")
        if not lowered or lowered in _DATE_WORDS or not any(ch.isalpha() for ch in lowered):
            continue
        if word[0].islower():
            if text.rstrip().endswith("."):
                return False
            other += 2
        else:
            other += 1
    return other <= 3


@given(_DATEISH)
def test_date_line_equals_its_plain_form(text: str) -> None:
    from newsparse.structure.features import _DATE, _DATE_HINT, date_line

    assert date_line(text, text.count(" ") + 1) == _plain_date_line(text, text.count(" ") + 1)
    # The hint is necessary for every numeric date: a match without it is one of the words.
    for found in _DATE.finditer(text):
        if _DATE_HINT.search(found.group()) is None:
            assert found.group().lower() in ("yesterday", "today", "just now")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Updated 6:12 PM GMT, April 9, 2026", id="stamp"),
        pytest.param("Storm closes seafront as gusts reach 120km/h", id="glued-digits"),
        pytest.param("Posted yeſterday 5km away", id="long-s"),
        pytest.param("Posted yesterday 5km away", id="words-and-glued-digits"),
        pytest.param("3rd May", id="ordinal"),
        pytest.param("Polls close at 10pm on 4 July.", id="sentence"),
    ],
)
def test_date_line_equals_its_plain_form_on_stamps(text: str) -> None:
    from newsparse.structure.features import date_line

    assert date_line(text, text.count(" ") + 1) == _plain_date_line(text, text.count(" ") + 1)


_HEADLINEISH = st.text(st.sampled_from(list('aZb.!?”"’“‘ \t\u00a0Q_é1')), max_size=30)


@given(_HEADLINEISH)
def test_the_sentence_break_is_found_where_the_plain_pattern_finds_one(text: str) -> None:
    from newsparse.structure.rules import _SENTENCE_BREAK

    plain = re.search(r"\w[.!?][”\"’]?\s{1,3}[A-Z“\"‘]", text)
    assert (_SENTENCE_BREAK.search(text) is None) == (plain is None)


@given(st.text(st.sampled_from(list("abcXYZ. é")), max_size=40))
def test_glued_menu_items_match_the_plain_pattern(text: str) -> None:
    from newsparse.structure.rules import _GLUED

    plain = r"[a-z]{2}[A-Z][a-z].{0,200}[a-z]{2}[A-Z][a-z]|[a-z]{3}[.][A-Z][a-z]"
    assert (_GLUED.search(text) is None) == (re.search(plain, text) is None)


@given(
    st.lists(st.sampled_from(["/", " ", "via", "Getty", "Images", "Jane", "Doe", "."])).map("".join)
)
def test_the_credit_patterns_need_their_literal_text(text: str) -> None:
    from newsparse.structure.credits import _SLASH_CREDIT, _VIA_GETTY

    if "via Getty Images" not in text:
        assert _VIA_GETTY.search(text) is None
    if "/" not in text:
        assert _SLASH_CREDIT.search(text) is None


@given(st.text(st.sampled_from(list("•*-–—·✔ 019٣.)aZ\t")), min_size=1, max_size=8))
def test_a_bullet_opens_with_one_of_the_openers_or_a_digit(text: str) -> None:
    from newsparse.structure.features import _BULLET, _BULLET_OPENERS

    if _BULLET.match(text) is not None:
        assert text[0] in _BULLET_OPENERS or text[0].isdecimal()


@given(st.text(st.sampled_from(list("ab |•\t\u00a0xY")), max_size=30))
def test_a_related_label_needs_its_bar_or_bullet(text: str) -> None:
    from newsparse.structure.assemble import _LABEL_SPLIT

    if "|" not in text and "•" not in text:
        assert _LABEL_SPLIT.search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("HomeLatest NewsNollywood Music", id="menu"),
        pytest.param("Read the story at abc.News today", id="full-stop"),
        pytest.param("ab.Cd", id="too-short-before-stop"),
        pytest.param("A plain headline About Nothing", id="none"),
        pytest.param("iPhone", id="one-glue"),
    ],
)
def test_glued_menu_items_match_the_plain_pattern_on_menus(text: str) -> None:
    from newsparse.structure.rules import _GLUED

    plain = r"[a-z]{2}[A-Z][a-z].{0,200}[a-z]{2}[A-Z][a-z]|[a-z]{3}[.][A-Z][a-z]"
    assert (_GLUED.search(text) is None) == (re.search(plain, text) is None)
