"""The places extractor's shortcuts answer exactly what the plain forms they replace answer.

Each shortcut (the slot-writing maker of places, the run of words read one gap-and-word match
at a time, the look back for the word before a name, the caches keyed by a pair's text, the
part map kept only for articles with parts of several kinds) exists for speed only, so each is
checked against the slower form it stands for.
"""

from __future__ import annotations

import pickle
import re

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import newsparse
from newsparse import Part, Place, PlaceKind, Span
from newsparse.extractors.places import places_in, recognise
from newsparse.extractors.places.making import make_place

_COORD = st.none() | st.floats(-90, 90)


@given(
    st.text(max_size=30),
    st.integers(0, 40),
    st.integers(0, 40),
    st.text(max_size=20),
    st.sampled_from(list(PlaceKind)),
    st.none() | st.text(min_size=2, max_size=2),
    _COORD,
    _COORD,
    st.none() | st.integers(0, 10**8),
    st.booleans(),
    st.sampled_from(list(Part)),
)
def test_make_place_equals_the_constructor(
    source: str,
    start: int,
    length: int,
    name: str,
    kind: PlaceKind,
    country: str | None,
    lat: float | None,
    lon: float | None,
    gid: int | None,
    demonym: bool,
    part: Part,
) -> None:
    end = start + length
    made = make_place(source, start, end, name, kind, country, lat, lon, gid, demonym, part)
    built = Place(
        source[start:end], Span(start, end), name, kind, country, lat, lon, gid, demonym, part
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert pickle.loads(pickle.dumps(made)) == made
    try:
        made.name = "elsewhere"  # type: ignore[misc]
    except attrs.exceptions.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a made place is not frozen")


# Text made of the pieces the recogniser's shortcuts read: capitalised and lower-case words,
# dotted abbreviations, the gaps that may join a name and those that may not.
_PIECES = st.sampled_from(
    [
        "New",
        "York",
        "Paris",
        "paris",
        "of",
        "the",
        "U.S.",
        "A.",
        "Ga.",
        "Mr",
        "Saint",
        "Germain",
        "Zürich",
        "région",
        "River",
        "x" * 61,
        "Y" * 70,
        " ",
        "  ",
        "\u00a0",
        "-",
        ". ",
        ".",
        ", ",
        "'",
        "’",
        "'s ",
        "\n",
        "(",
        "9",
        "_",
    ]
)
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


def _run_tokens_plain(text: str, at: int, word: str, end: int) -> list[tuple[int, int, str]]:
    """The run of words from ``at`` as a plain scan reads it: every next word, kept while
    the gap before it may join a name and it is capitalised or a word inside names."""
    last_end = at + len(word)
    tokens = [(at, last_end, word)]
    for m in recognise._TOKEN.finditer(text, last_end, min(end, at + 400)):
        tokens.append((m.start(), m.end(), m[0]))
        if (
            len(tokens) > recognise.MAX_TOKENS
            or text[last_end : m.start()] not in recognise._JOIN
            or not (m[0][0].isupper() or m[0] in recognise._INNER)
        ):
            break
        last_end = m.end()
    return tokens


def _prev_token_plain(text: str, at: int, start: int) -> tuple[int, int, str] | None:
    """The word before ``at`` as a plain backward walk finds it."""
    k = at
    while k > max(at - 4, start) and not text[k - 1].isalpha():
        k -= 1
    word_end = k
    floor = max(k - 60, start)
    space = text.rfind(" ", floor, k)
    k = floor if space < 0 else space + 1
    if k < word_end and text[k:word_end].isalpha():
        return k, word_end, text[k:word_end]
    k = word_end
    while k > floor and text[k - 1].isalpha():
        k -= 1
    return (k, word_end, text[k:word_end]) if k < word_end else None


@given(_TEXT, st.integers(0, 200))
@example("Saint Vincent and the Grenadines Island Paris York", 200)
@example("New York-Paris. Saint, Vincent'Germain’s Paris (York", 200)
@example("New York\u00a0River", 3)
def test_run_tokens_equal_the_plain_scan(text: str, cut: int) -> None:
    end = min(len(text), cut + 40)
    for m in recognise._CAPWORD.finditer(text, 0, end):
        run = recognise._run_tokens(text, m.start(), m[0], end)
        assert run == _run_tokens_plain(text, m.start(), m[0], end)


@given(_TEXT, st.integers(0, 10))
@example("in Paris, (Paris x-Paris ...Paris " + "y" * 70 + " Paris", 0)
@example("Mr. Paris", 2)
def test_prev_token_equals_the_plain_walk(text: str, start: int) -> None:
    start = min(start, len(text))
    for at in range(start, len(text) + 1):
        assert recognise._prev_token(text, at, start) == _prev_token_plain(text, at, start)


@given(_TEXT)
@example("They left. Paris is big.\nParis grew; Paris fell and Paris rose.")
@example("Paris")
def test_initial_shortcut_equals_the_plain_look_back(text: str) -> None:
    for mention in recognise.mentions_in(text, 0, len(text), set()):
        single = not any(gap in text[mention.start : mention.end] for gap in " -'’\u00a0")
        if single and not mention.unknown and not mention.designator:
            assert mention.initial == recognise._initial(text, mention.start)


@given(_TEXT)
def test_pair_answers_are_the_same_cached_or_not(text: str) -> None:
    w = recognise._words()
    for m in recognise._CAPWORD.finditer(text):
        joined = recognise._NEXT.match(text, m.end())
        if joined is None:
            continue
        pair = text[m.start() : joined.end()]
        recognise._PAIRS.pop(pair, None)
        fresh = recognise._pair_opens(pair, joined[1], w)
        assert recognise._PAIRS[pair] is fresh
        assert recognise._pair_opens(pair, joined[1], w) is fresh


def test_findings_carry_the_part_they_are_in(sample_page: str) -> None:
    """One article with parts of several kinds: each place is in the part whose span holds
    it (the extractor keeps a map of parts only for such articles)."""
    article = newsparse.parse(sample_page, extractors=["places"])
    spans = list(article.parts())
    assert len({part for part, _ in spans}) > 1
    assert article.places
    for place in article.places:
        assert [part for part, span in spans if span.contains(place.span)] == [place.part]


def test_findings_of_a_plain_string_are_in_the_body() -> None:
    places = places_in("Talks resumed in Germany and France on Monday.")
    assert [place.text for place in places] == ["Germany", "France"]
    assert {place.part for place in places} == {Part.BODY}


_WORD_PLAIN = r"(?:(?<=[A-Z])\.(?:[A-Z]\.){1,2}|[^\W\d_]{0,59})"


@given(_TEXT)
@example("U.S. A.B.C.D. Ab.C. A. x.Y.Z. É.T. " + "Q" * 70)
def test_word_patterns_match_as_the_dotted_first_forms_do(text: str) -> None:
    """The word patterns try letters first; the forms that try a dotted abbreviation first
    find the same words."""
    for pattern, first in ((recognise._TOKEN, r"[^\W\d_]"), (recognise._CAPWORD, "[A-ZÀ-ÖØ-Þ]")):
        plain = re.compile(first + _WORD_PLAIN)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
