"""The quotes extractor's fast paths give what the plain definitions give.

Each shortcut (Latin-1 patterns on plain text, sentence boundaries searched by bisection,
quotation marks found with ``str.find``, endings and words read with ``str`` methods,
findings made by writing their slots once) is compared with the definition it stands for, on
table cases and on generated text.
"""

from __future__ import annotations

import bisect
import pickle

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse import Mention, Part, Quote, QuoteKind, Span
from newsparse.extractors.quotes.attribution import _TOKEN_RE, tokenize
from newsparse.extractors.quotes.extract import (
    BLANK,
    CLOSING_MARKS,
    CLOSING_PUNCT,
    SENTENCE_CLOSERS,
    SENTENCE_STOPS,
    ends_with,
    visible_end,
    word_before,
)
from newsparse.extractors.quotes.making import make_mention, make_quote, make_span
from newsparse.extractors.quotes.marks import (
    _DOUBLE,
    CLOSE,
    EITHER,
    OPEN,
    Region,
    _direction,
    _pair_doubles,
    _starts_with_open,
    find_marks,
)
from newsparse.extractors.quotes.plain import (
    PLAIN_LOWER,
    PLAIN_SPACE,
    PLAIN_SYMBOLS,
    PLAIN_UPPER,
    PLAIN_WORD,
    is_plain,
)
from newsparse.extractors.quotes.sentences import BOUNDARY_RE, Sentences, sentence_starts
from newsparse.extractors.quotes.speakers import PLAIN_RUN_RE, RUN_RE

_SYMBOLS = [
    chr(c)
    for c in range(0x80, 0x20000)
    if regex.fullmatch(f"[{PLAIN_SYMBOLS}]", chr(c)) is not None
]
_LATIN1 = [chr(c) for c in range(0x100)]
# words, names, abbreviations and the marks around them, so that runs and boundaries occur
_PIECES = [
    "Mr",
    "Mr.",
    "J.",
    "U.S.",
    "Jane",
    "Doe",
    "de",
    "van",
    "O'Neil",
    "Jos\u00e9",
    "\u00c9lodie",
    "M\u00fcller",
    "Smith-Jones",
    "said",
    "the",
    "42",
    "3.5",
    ". ",
    "! ",
    "? ",
    ".\u201d ",
    "\n",
    "\n\n",
    " ",
    "\u00a0",
    "\u2019s",
    "\u201c",
    "\u2014",
]
plain_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from(_LATIN1), st.sampled_from(_SYMBOLS)),
    max_size=60,
).map("".join)
any_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=60).map("".join)


def test_plain_symbols_are_not_letters_marks_or_digits() -> None:
    letters = [c for c in _SYMBOLS if regex.match(r"[\p{L}\p{M}\p{N}]", c)]
    assert letters == []


def test_plain_space_is_the_blank_space_of_plain_text() -> None:
    blank = {c for c in _LATIN1 + _SYMBOLS if regex.match(r"\s", c)}
    listed = {c for c in _LATIN1 + _SYMBOLS if regex.fullmatch(f"[{PLAIN_SPACE}]", c)}
    assert blank == listed


@pytest.mark.parametrize(
    ("listed", "unicode"),
    [
        pytest.param(PLAIN_UPPER, r"\p{Lu}", id="upper"),
        pytest.param(PLAIN_LOWER, r"\p{Ll}", id="lower"),
        pytest.param(PLAIN_WORD, r"[\p{L}\p{M}\p{N}]", id="word"),
    ],
)
def test_plain_classes_are_the_unicode_classes_on_latin1(listed: str, unicode: str) -> None:
    expected = [c for c in _LATIN1 if regex.fullmatch(unicode, c)]
    assert [c for c in _LATIN1 if regex.fullmatch(f"[{listed}]", c)] == expected


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        pytest.param("Jane Doe said", True, id="ascii"),
        pytest.param("\u201cYes,\u201d said Jane \u2014 \u00a320 \U0001f600", True, id="symbols"),
        pytest.param("Jos\u00e9 M\u00fcller said \u00bd", True, id="latin1-letters"),
        pytest.param("\u0141ukasz said", False, id="letter-beyond-latin1"),
        pytest.param("Jose\u0301 said", False, id="combining-mark"),
        pytest.param("\u2155 of it", False, id="fraction-digit"),
        pytest.param("a\ud800b", False, id="lone-surrogate"),
        pytest.param(
            "\u0417\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439", False, id="cyrillic"
        ),
    ],
)
def test_is_plain(text: str, plain: bool) -> None:
    assert is_plain(text) is plain
    assert is_plain("x " + text, 2) is plain


@given(plain_text)
def test_plain_runs_are_the_unicode_runs(text: str) -> None:
    assert is_plain(text)
    plain = [m.span() for m in PLAIN_RUN_RE.finditer(text)]
    assert plain == [m.span() for m in RUN_RE.finditer(text)]


@given(st.one_of(plain_text, any_text), st.integers(0, 80), st.integers(0, 80))
def test_tokens_are_the_pattern_tokens(text: str, lo: int, size: int) -> None:
    lo = min(lo, len(text))
    hi = min(len(text), lo + size)
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, lo, hi)]
    assert tokenize(text, lo, hi) == expected


@given(any_text, st.data())
def test_sentence_queries_match_a_scan_of_the_text(text: str, data: st.DataObject) -> None:
    sentences = Sentences(text)
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    # the definitions: the boundaries a scan of the window finds
    start = lo
    for match in BOUNDARY_RE.finditer(text, max(lo, hi - 1500), min(len(text), hi + 1)):
        if match.end() <= hi:
            start = match.end()
    assert sentences.start_before(lo, hi) == start
    match = BOUNDARY_RE.search(text, lo, min(len(text), hi + 1))
    assert sentences.end_after(lo, hi) == (min(hi, match.start() + 1) if match else hi)
    starts = sentence_starts(text)
    assert sentences.start_at_most(hi) == starts[bisect.bisect_right(starts, hi) - 1]


@given(any_text)
def test_marks_found_are_every_mark(text: str) -> None:
    glyphs = "\"\u201c\u201d'\u2019"
    expected = [i for i, ch in enumerate(text) if ch in glyphs]
    assert find_marks(text, glyphs, 0, len(text)) == expected


@given(
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.one_of(st.none(), st.text(max_size=5)),
    st.sampled_from(list(QuoteKind)),
    st.sampled_from(list(Part)),
    st.booleans(),
)
def test_the_quote_maker_equals_the_constructor(
    start: int, length: int, word: str | None, kind: QuoteKind, part: Part, spans: bool
) -> None:
    end = start + length
    span = Span(start, end) if spans else None
    chain = (Mention("x", Span(start, end)),) if spans else ()
    made = make_quote("x" * length, start, end, word, span, word, span, kind, part, chain)
    built = Quote("x" * length, Span(start, end), word, span, word, span, kind, part, chain)
    mention = make_mention("x" * length, make_span(start, end))
    for made_one, built_one in (
        (made, built),
        (mention, Mention("x" * length, Span(start, end))),
        (make_span(start, end), Span(start, end)),
    ):
        assert made_one == built_one
        assert hash(made_one) == hash(built_one)
        assert repr(made_one) == repr(built_one)
        assert pickle.loads(pickle.dumps(made_one)) == built_one
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "end"),
    [pytest.param(5, 4, id="end-before-start"), pytest.param(-1, 2, id="negative")],
)
def test_the_span_maker_rejects_what_a_span_rejects(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="Span"):
        make_span(start, end)
    with pytest.raises(ValueError, match="Span"):
        make_quote("", start, end, None, None, None, None, QuoteKind.DIRECT, Part.BODY, ())


def test_blank_is_the_blank_space_of_the_unicode_patterns() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert "".join(regex.findall(r"\s", everything)) == BLANK


_ENDINGS = [".", "!", "?", "\u2026", ",", ":", ";", "\u2014", "-", '"', "\u201d", "\u2019", "'"]
quotation_text = st.lists(
    st.one_of(
        st.sampled_from(_PIECES + _ENDINGS),
        st.sampled_from([" ", "\n", "\u00a0", "\u3000", "\x1c", "\x85", ")"]),
        st.characters(),
    ),
    max_size=12,
).map("".join)


@pytest.mark.parametrize(
    ("stops", "closers", "pattern"),
    [
        pytest.param(SENTENCE_STOPS, SENTENCE_CLOSERS, r"[.!?…][\"”’'\)]?\s*$", id="sentence"),
        pytest.param(CLOSING_PUNCT, CLOSING_MARKS, r"[,.?!…:;—–\-]['’‘\"”]?\s*$", id="closing"),
    ],
)
@given(body=quotation_text)
def test_endings_read_from_str_methods_are_the_ending_patterns(
    stops: str, closers: str, pattern: str, body: str
) -> None:
    expected = regex.search(pattern, body) is not None
    assert ends_with(visible_end(body), stops, closers) is expected


def _pair_doubles_per_paragraph(
    text: str, spans: list[tuple[int, int]], marks: list[int]
) -> list[Region]:
    """The plain form of ``marks._pair_doubles``: the marks of each paragraph looked up by
    bisection, paragraph after paragraph."""
    regions: list[Region] = []
    inside = False
    open_at = start = 0
    touched: list[int] = []
    skip = -1
    for index, (lo, hi) in enumerate(spans):
        if inside:
            touched.append(index)
        k = bisect.bisect_left(marks, lo)
        for i in marks[k : bisect.bisect_left(marks, hi, k)]:
            if i == skip:
                continue
            direction = _direction(text, i, lo, hi)
            if not inside:
                if direction in (OPEN, EITHER):
                    inside, open_at, start, touched = True, i, i + 1, [index]
            elif direction in (CLOSE, EITHER) or (
                i - 2 >= lo and text[i - 1] == " " and text[i - 2] in ",.?!'’"
            ):
                regions.append(Region(start, i, open_at, i, tuple(touched)))
                inside = False
            elif direction == OPEN:
                open_at, start, touched = i, i + 1, [index]
        if inside:
            nxt = spans[index + 1] if index + 1 < len(spans) else None
            skip = -1
            if nxt is not None and not text[hi : nxt[0]].strip():
                skip = _starts_with_open(text, nxt[0], nxt[1])
            if skip < 0:
                regions.append(Region(start, hi, open_at, -1, tuple(touched)))
                inside = False
    return regions


_MARKED_PIECES = [
    '"',
    "\u201c",
    "\u201d",
    '"Yes',
    ' "',
    '." ',
    "\u2019",
    " ",
    "\n",
    "a",
    "Jane",
    ".",
]
marked_text = st.lists(st.sampled_from(_MARKED_PIECES), max_size=40).map("".join)


@settings(max_examples=400)
@given(marked_text, st.data())
def test_doubles_paired_with_a_mark_pointer_are_the_per_paragraph_pairs(
    text: str, data: st.DataObject
) -> None:
    lines = [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]
    # some lines are not paragraphs (boilerplate between two body paragraphs), marks and all
    kept = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    spans = [span for span, keep in zip(lines, kept, strict=True) if keep]
    marks = find_marks(text, _DOUBLE, 0, len(text))
    if spans:
        k = bisect.bisect_left(marks, spans[0][0])
        marks = marks[k : bisect.bisect_left(marks, spans[-1][1], k)]
    expected = _pair_doubles_per_paragraph(text, spans, marks)
    assert list(map(repr, _pair_doubles(text, spans, marks))) == list(map(repr, expected))


def test_isalpha_is_the_letter_class_on_plain_characters() -> None:
    letters = [c for c in _LATIN1 + _SYMBOLS if regex.match(r"\p{L}", c)]
    assert [c for c in _LATIN1 + _SYMBOLS if c.isalpha()] == letters


@given(st.one_of(plain_text, any_text), st.data())
def test_the_word_before_is_the_pattern_word(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    match = regex.search(r"(\p{L}{1,12})[ \u00a0]{1,3}$", text[max(0, i - 16) : i])
    assert word_before(text, i) == (match.group(1).lower() if match else "")
