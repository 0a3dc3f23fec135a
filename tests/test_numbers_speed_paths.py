"""The numbers extractor's shortcuts answer exactly as the full tests they stand in for.

Each shortcut skips work when a cheaper test proves the full one would find nothing; these
properties check the cheap test against the full one on strings built to hit their edges
(case folding, letters glued on at the part's edge, digits in codes).
"""

from __future__ import annotations

import pickle
import re
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Number, Span
from newsparse.extractors.numbers.lexicon import lexicon
from newsparse.extractors.numbers.making import make_number
from newsparse.extractors.numbers.page import Context
from newsparse.extractors.numbers.parse import page_context, parse_part
from newsparse.extractors.numbers.scan import (
    _CODE_NEED,
    _CODES,
    END,
    KIND,
    LOW,
    SKIPPED,
    START,
    TEXT,
    tokenize,
)
from newsparse.extractors.numbers.units import phrase_at, prefixes
from newsparse.extractors.numbers.values import (
    as_fraction,
    convention_matters,
    parse_digits,
    quick_fraction,
)

_PIECES = st.sampled_from(
    [
        "one", "TWO", "Dozen", "thousand", "half", "ſix", "\u212aM", "km", "İ", "ı", "é", "x",
        "½", "1", "2.5", "£", "$", " ", "  ", "\n", "-", "_", "²", "a", "an", "pound", "bn",
        "ǅ", "ONE", "s", "ix", "per", "cent", "%", "mph", "(", ")", "+", ".", ",", "’", "?",
        "—", "\u00a0", "#", "\x80",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=400)
@given(_TEXTS, st.data())
def test_the_trigger_shortcut_answers_as_the_trigger_pattern(
    text: str, data: st.DataObject
) -> None:
    """``Lexicon.triggered`` is the trigger pattern's answer on any slice of any string."""
    lex = lexicon("en")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert lex.triggered(text, start, end) == (lex.trigger.search(text, start, end) is not None)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ſix", id="long-s-folds-to-s"),
        pytest.param("\u212am", id="kelvin-sign-folds-to-k"),
        pytest.param("xone", id="letter-glued-before-the-part"),
        pytest.param("Twelve", id="title-case"),
        pytest.param("“One” — they said", id="non-ascii-marks-part-the-runs"),
        pytest.param("café one", id="non-ascii-letter-in-the-part"),
        pytest.param("éone and ²one", id="non-ascii-letters-glued-on"),
        pytest.param("one_two?three", id="underscore-and-question-mark"),
        pytest.param("a #hash and \x80 but no digit", id="hash-and-high-bytes-are-no-digit"),
        pytest.param("ascii 7 digit", id="ascii-digit"),
    ],
)
def test_the_trigger_shortcut_on_folding_and_edges(text: str) -> None:
    lex = lexicon("en")
    for start in range(len(text) + 1):
        got = lex.triggered(text, start, len(text))
        assert got == (lex.trigger.search(text, start, len(text)) is not None)


_CODE_TEXTS = st.lists(st.sampled_from(list("0123456789.+-() ,a")), max_size=20).map("".join)


@settings(max_examples=400)
@given(_CODE_TEXTS)
def test_every_code_holds_what_the_code_prefilter_looks_for(text: str) -> None:
    """A part is searched for codes only where ``_CODE_NEED`` matches: every code must."""
    for m in re.finditer(_CODES, text):
        assert _CODE_NEED.search(m.group()) is not None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("call 020 7946 0000 now", id="phone"),
        pytest.param("+12345 and +44 20 7946 0000", id="international"),
        pytest.param("host 1.2.3.4 up", id="ip"),
        pytest.param("card 1234-5678-901 ok", id="account"),
        pytest.param("(555) 123-4567", id="us-phone"),
    ],
)
def test_codes_are_still_skipped(text: str) -> None:
    tokens = tokenize(text, 0, len(text))
    assert any(t[SKIPPED] for t in tokens if t[KIND] == "n")
    assert newsparse.parse(text, structure=False, extractors=["numbers"]).numbers == ()


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["km", "per", "hour", "miles", "h", "/", " ", "-", "sq"]), max_size=8)
)
def test_a_phrase_stops_growing_only_where_no_phrase_starts(words: list[str]) -> None:
    """``phrase_at`` stops reading once no phrase of the table starts with what it has read:
    the longest phrase it finds is the one a reading of every token would find."""
    lex = lexicon("en")
    text = "5 " + "".join(words)
    tokens = tokenize(text, 0, len(text))
    got = phrase_at(tokens, 1, lex.measure_units, lex, cased=lex.measure_units_cased)
    best = None
    key = raw = ""
    for k in range(1, min(len(tokens), 1 + lex.max_phrase * 2 + 2)):
        if k > 1:
            gap = tokens[k][START] - tokens[k - 1][END]
            if gap > 1:
                break
            key, raw = key + " " * gap, raw + " " * gap
        key, raw = key + tokens[k][LOW], raw + tokens[k][TEXT]
        if raw in lex.measure_units_cased or (
            key in lex.measure_units and (len(key) > 1 or raw == key)
        ):
            best = k + 1
    if got is not None:
        assert got[0] == best
    assert all(p in prefixes(lex.measure_units) for p in lex.measure_units)


def test_page_facts_are_worked_out_only_when_asked() -> None:
    lex = lexicon("en")
    ctx = Context(lex, "In 2019 and 2019 and 2020 it cost 1.234.567 euros", None)
    assert ctx.page_year() == 2019
    assert ctx.decimal_comma is True
    assert Context(lex, "no year here", "2024-05-01").page_year() == 2024
    assert Context(lex, "nothing", None).page_year() is None


def test_a_date_without_a_year_still_takes_the_page_year() -> None:
    text = "Published 2021. The vote is on 14 June."
    ctx = page_context(text, None, lexicon("en"))
    found: list[Number] = list(parse_part(text, newsparse.Part.BODY, Span(0, len(text)), ctx))
    assert [n.norm for n in found if n.kind is newsparse.NumberKind.DATE] == ["2021-06-14"]


_TOKEN_TEXTS = st.lists(
    st.sampled_from(
        ["12", "000", " ", "\u00a0", "\u2009", "\n", "\t", ",", ".", "5e3", "one", "ſ", "é",
         "½", "²", "-", "'", "x", "12 000", "6 . 2", "10 , 000", "1.234.567,5", "a" * 70, "_"]
    ),
    max_size=15,
).map("".join)  # fmt: skip


@settings(max_examples=400)
@given(_TOKEN_TEXTS, st.data())
def test_tokens_from_lengths_match_the_token_pattern(text: str, data: st.DataObject) -> None:
    """The tokenizer counts offsets from lengths; they are the token pattern's own spans."""
    from newsparse.extractors.numbers.scan import TOKEN

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = tokenize(text, start, end)
    want = [
        (m.lastgroup, m.start(), m.end(), m.group(), m.group().lower())
        for m in TOKEN.finditer(text, start, end)
    ]
    assert [tuple(t[:5]) for t in got] == want


_SKIP_TEXTS = st.lists(
    st.sampled_from(
        ["1", "020", "7946", " ", "-", "+", "(", ")", ".", ",", "@", "a.b", "x", "://", "http",
         "www.", "WWW.", "/", "1.2.3.4", "+44 20", "555-123-4567", "Σ", "İ", "\n", "me@x.com",
         "http://a.b", "www.a.b"]
    ),
    max_size=15,
).map("".join)  # fmt: skip


def _assert_skip_marks(text: str, start: int, end: int) -> None:
    from newsparse.extractors.numbers.scan import SKIP, TOKEN

    spans = [m.span() for m in SKIP.finditer(text, start, end)]
    want = [
        (m.start(), m.end(), m.group(), any(a <= m.start() < b for a, b in spans))
        for m in TOKEN.finditer(text, start, end)
    ]
    assert [(t[START], t[END], t[TEXT], t[SKIPPED]) for t in tokenize(text, start, end)] == want


@settings(max_examples=400)
@given(_SKIP_TEXTS, st.data())
def test_skip_marks_are_the_full_skip_patterns_spans(text: str, data: st.DataObject) -> None:
    """The tokenizer searches for skipped spans only where a quick search says one can be:
    the tokens it marks are those inside the full pattern's matches, and their texts are
    the token pattern's."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _assert_skip_marks(text, start, end)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("see http://a.b now", id="web-address"),
        pytest.param("see www.a.b now", id="www-address"),
        pytest.param("mail me@x.com now", id="e-mail"),
        pytest.param("call 020 7946 0000", id="phone"),
        pytest.param("at 1.2.3.4 now", id="ip"),
        pytest.param("no codes at all", id="none"),
    ],
)
def test_skip_marks_of_each_kind_of_skipped_span(text: str) -> None:
    _assert_skip_marks(text, 0, len(text))
    assert any(t[SKIPPED] for t in tokenize(text, 0, len(text))) is (not text.startswith("no "))


_GLUED_MARK_TEXTS = st.lists(
    st.sampled_from(
        ["5", "14", "2019", "16.42", "1.5", "12,000", "747", "21", "%", ",", ";", ")", "!", "?",
         ".", ":", "-", "/", " ", "June", "am", "o", "'", "clock", "of", "th", "GMT", "Boeing",
         "2019-05-14", "14.06.2019", "Boeing 747-400", " 21-7", "2025/26", "9:30", "6/13/2025"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=400)
@given(_GLUED_MARK_TEXTS)
def test_digits_with_a_glued_closing_mark_start_no_date_time_code_or_pair(text: str) -> None:
    """The walker skips the date, clock-time, model-number and pair readers at digits with
    one of its closing marks glued on (or a full stop with no token glued after it): each
    of them answers nothing there."""
    from newsparse.extractors.numbers.dates import date_at, time_at
    from newsparse.extractors.numbers.parse import _ENDS_NOTHING, _Walker

    lex = lexicon("en")
    walker = _Walker(text, newsparse.Part.BODY, Span(0, len(text)), Context(lex, text))
    toks = walker.tokens
    for i, tok in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if tok[KIND] != "n" or nxt[START] != tok[END]:
            continue
        after_stop = i + 2 >= len(toks) or toks[i + 2][START] != nxt[END]
        if nxt[TEXT] in _ENDS_NOTHING or (nxt[TEXT] == "." and after_stop):
            assert date_at(toks, i, lex, lambda: 2020) is None
            assert time_at(toks, i, lex) is None
            assert walker.model_code(i) == 0
            assert walker.pair(i) is None


@settings(max_examples=300)
@given(_TEXTS)
def test_candidates_found_on_lower_case_alone_are_the_full_tests(text: str) -> None:
    """With starters all in lower case, the first pass of the walk tests each token's
    lower-cased text only: any token whose text as written is a starter is found by it."""
    from newsparse.extractors.numbers.parse import _lower_only

    lex = lexicon("en")
    assert _lower_only(lex)
    for tok in tokenize(text, 0, len(text)):
        if tok[TEXT] in lex.starters:
            assert tok[LOW] in lex.starters


def test_a_cased_starter_keeps_the_test_on_the_text_as_written() -> None:
    import attrs

    from newsparse.extractors.numbers.parse import _lower_only

    lex = lexicon("en")
    cased = attrs.evolve(lex, starters=lex.starters | {"Nº"})
    assert not _lower_only(cased)


@settings(max_examples=300)
@given(_TEXTS.map(lambda t: t + " No. 5 '90s week 3 US$4 £2 " + t))
def test_readers_the_walk_passes_over_answer_nothing(text: str) -> None:
    """The walk does not try digits or marks as a currency prefix (unless a currency sign),
    a word as a decade or a quote mark as a position: each would answer nothing."""
    from newsparse.extractors.numbers.parse import _Walker

    lex = lexicon("en")
    walker = _Walker(text, newsparse.Part.BODY, Span(0, len(text)), Context(lex, text))
    for i, tok in enumerate(walker.tokens):
        if tok[KIND] != "w" and tok[TEXT] not in lex.currency_symbols:
            assert walker.currency_prefix(i) is None
        if tok[KIND] == "w":
            assert walker.decade(i) is None
        if tok[TEXT] in ("'", "’"):
            assert walker.position(i) is None


def test_the_characters_folding_to_ascii_letters_are_all_listed() -> None:
    """The trigger shortcut lists the characters outside ASCII that ``re.IGNORECASE``
    matches to an ASCII letter; every code point is checked against the regex engine."""
    from newsparse.extractors.numbers.lexicon import _FOLDS_TO_ASCII

    folding = re.compile(r"(?=(?-i:[^\x00-\x7f]))[a-z]", re.IGNORECASE)
    want = [c for c in map(chr, range(0x80, 0x110000)) if folding.match(c)]
    assert [c for c in map(chr, range(0x80, 0x110000)) if _FOLDS_TO_ASCII.match(c)] == want


@given(
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.sampled_from(list(newsparse.NumberKind)),
    st.sampled_from(list(newsparse.Part)),
    st.one_of(st.none(), st.integers(), st.fractions(), st.decimals(allow_nan=False)),
    st.one_of(st.none(), st.text(max_size=5)),
)
def test_the_number_maker_equals_the_constructor(
    start: int,
    length: int,
    kind: newsparse.NumberKind,
    part: newsparse.Part,
    value: object,
    word: str | None,
) -> None:
    v: Any = value
    made = make_number(
        "x" * length, start, start + length, v, kind, word, word, v, v, word, word, part
    )
    built = Number(
        "x" * length, Span(start, start + length), v, kind, word, word, v, v, word, word, part
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "end"),
    [pytest.param(5, 4, id="end-before-start"), pytest.param(-1, 2, id="negative")],
)
def test_the_number_maker_rejects_what_a_span_rejects(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="Span"):
        make_number(
            "",
            start,
            end,
            None,
            newsparse.NumberKind.DATE,
            None,
            None,
            None,
            None,
            None,
            None,
            newsparse.Part.BODY,
        )


_DIGIT_TEXTS = st.lists(
    st.sampled_from(
        ["1", "12", "000", "234", ".", ",", " ", "\u00a0", "\u2009", "5", "e", "-", "٣"]
    ),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=500)
@given(_DIGIT_TEXTS)
def test_the_page_convention_is_asked_only_where_it_changes_a_value(text: str) -> None:
    """Where ``convention_matters`` says no, both conventions read the same value."""
    if not convention_matters(text):
        with_comma = parse_digits(text, decimal_comma=True)
        assert with_comma == parse_digits(text, decimal_comma=False)
        assert type(with_comma) is type(parse_digits(text, decimal_comma=False))


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        pytest.param("12.000", True, id="grouped-in-threes"),
        pytest.param("12 . 000", True, id="spaced-stop"),
        pytest.param("1.5", False, id="decimal"),
        pytest.param("1,200.500", False, id="comma-and-stop"),
        pytest.param("1.234.567", False, id="two-stops"),
        pytest.param("1200", False, id="no-stop"),
    ],
)
def test_which_digits_ask_for_the_page_convention(text: str, matters: bool) -> None:
    assert convention_matters(text) is matters
    if matters:
        assert parse_digits(text, decimal_comma=True) != parse_digits(text, decimal_comma=False)


@settings(max_examples=500)
@given(_DIGIT_TEXTS)
def test_the_quick_value_is_the_full_readings(text: str) -> None:
    """Where ``quick_fraction`` answers, both conventions of ``parse_digits`` read that value."""
    quick = quick_fraction(text)
    if quick is not None:
        for comma in (False, True):
            full = parse_digits(text, decimal_comma=comma)
            assert full is not None
            assert as_fraction(full) == quick


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("1,200", Fraction(1200), id="thousands"),
        pytest.param("1,5", Fraction(15), id="comma-without-stop"),
        pytest.param("2.5", Fraction(5, 2), id="decimal"),
        pytest.param("2.50", Fraction(5, 2), id="trailing-zero"),
        pytest.param("12.000", None, id="grouped-in-threes-left-to-the-page"),
        pytest.param("1.234.567", None, id="two-stops"),
        pytest.param("1,234.5", None, id="comma-and-stop"),
        pytest.param("12 000", None, id="spaced"),
        pytest.param("3e6", None, id="exponent"),
    ],
)
def test_the_quick_value_shapes(text: str, value: Fraction | None) -> None:
    assert quick_fraction(text) == value
