"""The built-in quotes extractor: mark styles, attribution, speakers, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Paragraph, Part, Quote, QuoteKind, Span
from newsparse.extractors.quotes import extract_quotes


def quotes_of(text: str) -> tuple[Quote, ...]:
    article = newsparse.parse(text, structure=False, extractors=["quotes"], strict=True)
    return article.quotes


def summary(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes_of(text)]


MARK_STYLES = [
    pytest.param(
        'Jane Doe spoke.\n\n"We will win," she said.',
        [("We will win,", "Jane Doe")],
        id="straight",
    ),
    pytest.param("“We will win,” said Jane Doe.", [("We will win,", "Jane Doe")], id="curly"),
    pytest.param("«We will win,» said Jane Doe.", [("We will win,", "Jane Doe")], id="guillemets"),
    pytest.param(
        "»We will win,« said Jane Doe.", [("We will win,", "Jane Doe")], id="guillemets-reversed"
    ),
    pytest.param("„We will win“, said Jane Doe.", [("We will win", "Jane Doe")], id="german"),
    pytest.param(
        "\"He told me 'no way' twice,\" said Tom Smith.",
        [("He told me 'no way' twice,", "Tom Smith")],
        id="nested-single",
    ),
    pytest.param(
        "Tom Smith said: \"It's the '90s again and Kursk's roads are fine.\"",
        [("It's the '90s again and Kursk's roads are fine.", "Tom Smith")],
        id="apostrophes",
    ),
    pytest.param(
        "\"It's the students' union's call,\" said Tom Smith.",
        [("It's the students' union's call,", "Tom Smith")],
        id="plural-possessive",
    ),
    pytest.param('He is 6ft 2" tall and said nothing.', [], id="stray-inch-mark"),
]

ATTRIBUTION = [
    pytest.param(
        '"We will win," said Jane Doe, "and we will win big."',
        [("We will win,", "Jane Doe"), ("and we will win big.", "Jane Doe")],
        id="interrupted",
    ),
    pytest.param(
        'Jane Doe spoke at noon. "We will win," she said. "Nobody doubts it."',
        [("We will win,", "Jane Doe"), ("Nobody doubts it.", "Jane Doe")],
        id="continuation-same-paragraph",
    ),
    pytest.param(
        '"We will win," said Jane Doe.\n\n"Nobody doubts it."',
        [("We will win,", "Jane Doe"), ("Nobody doubts it.", "Jane Doe")],
        id="continuation-next-paragraph",
    ),
    pytest.param(
        'Jane Doe said:\n\n"We will win."',
        [("We will win.", "Jane Doe")],
        id="colon-paragraph-before",
    ),
    pytest.param(
        '"Prices will rise," according to Jane Doe.',
        [("Prices will rise,", "Jane Doe")],
        id="according-to",
    ),
    pytest.param(
        '"The strike hit a depot," the White House said in a statement.',
        [("The strike hit a depot,", "White House")],
        id="organisation",
    ),
    pytest.param(
        '"The strike hit a depot," the ministry said.',
        [("The strike hit a depot,", "ministry")],
        id="organisation-noun",
    ),
    pytest.param(
        'Norfolk County Council met.\n\n"We had no choice," the council said.',
        [("We had no choice,", "Norfolk County Council")],
        id="organisation-named-earlier",
    ),
    pytest.param(
        '"It went well," spokesman Stuart Roy said.',
        [("It went well,", "Stuart Roy")],
        id="role-before-name",
    ),
    pytest.param(
        '"It went well," said Mary Jones, 43, who lives nearby.',
        [("It went well,", "Mary Jones")],
        id="verb-first-appositive",
    ),
    pytest.param(
        'Mary Jones, 43, who lives nearby, said: "It went well."',
        [("It went well.", "Mary Jones")],
        id="appositive-before-verb",
    ),
    pytest.param(
        '"It went well," one neighbour sniffed.',
        [("It went well,", "one neighbour")],
        id="unnamed-source",
    ),
]

SPEAKERS = [
    pytest.param(
        'Volodymyr Zelensky spoke on Monday.\n\n"We will hold," he said.',
        "Volodymyr Zelensky",
        id="pronoun",
    ),
    pytest.param(
        'John Smith met Mary Jones on Monday.\n\n"It went well," she said.',
        "Mary Jones",
        id="pronoun-gender",
    ),
    pytest.param(
        'President Volodymyr Zelensky spoke.\n\n"We will hold," Mr Zelensky added.',
        "Volodymyr Zelensky",
        id="title-and-surname",
    ),
    pytest.param(
        'Volodymyr Zelensky spoke.\n\n"We will hold," Zelensky added.',
        "Volodymyr Zelensky",
        id="bare-surname",
    ),
    pytest.param(
        'Ukrainian leader Volodymyr Zelensky spoke.\n\n"We will hold," the Ukrainian leader said.',
        "Volodymyr Zelensky",
        id="role-noun-tied-to-name",
    ),
    pytest.param(
        'Hillary Clinton spoke about Donald Trump\'s plan.\n\n"It fails," she said.',
        "Hillary Clinton",
        id="pronoun-skips-possessive",
    ),
    pytest.param(
        'Mr Smith met the press. He said "Donald Trump will lose," and left.',
        "Smith",
        id="pronoun-skips-names-in-quotes",
    ),
]

LEFT_OUT = [
    pytest.param('The so-called "third straw" is a pipe.', id="so-called"),
    pytest.param('The "nonfunctional" grass was removed last year.', id="scare-quote"),
    pytest.param('His pal Shaun "Shaggy" Polglase moved in.', id="nickname"),
    pytest.param('She appeared on NBC\'s "Meet the Press" on Sunday.', id="title"),
    pytest.param('He watched "The Apprentice" every week.', id="title-after-verb"),
]


@pytest.mark.parametrize(("text", "expected"), [*MARK_STYLES, *ATTRIBUTION])
def test_quotes_and_speakers(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_speaker_resolution(text: str, speaker: str) -> None:
    found = quotes_of(text)
    assert found, "no quote found"
    assert found[0].speaker == speaker
    assert found[0].chain, "the resolution path is kept"


@pytest.mark.parametrize("text", LEFT_OUT)
def test_quoted_words_that_are_not_speech_are_left_out(text: str) -> None:
    assert quotes_of(text) == ()


def test_partial_quote_has_its_kind() -> None:
    (quote,) = quotes_of('Jane Doe described the plan as "utter madness" on Monday.')
    assert quote.text == "utter madness"
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.speaker == "Jane Doe"


def test_direct_quote_has_its_kind_cue_and_spans() -> None:
    text = 'Jane Doe spoke.\n\n"We will win," she said.'
    (quote,) = quotes_of(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.cue == "said"
    assert quote.cue_span is not None
    assert quote.cue_span.slice(text) == "said"
    assert quote.speaker_span is not None
    assert quote.speaker_span.slice(text) == "Jane Doe"
    assert [m.text for m in quote.chain] == ["she", "Jane Doe"]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        'Jane Doe, the mayor, said: "First part.\n\n"Second part.\n\n"Third part."\n\n'
        "The council met later."
    )
    (quote,) = quotes_of(text)
    assert quote.text == 'First part.\n\n"Second part.\n\n"Third part.'
    assert quote.speaker == "Jane Doe"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '"We will win, she said. Then she left.\n\nPlain text follows here.', id="open"
        ),
        pytest.param('She said "we will\n\nPlain text" follows "here.', id="odd-marks"),
        pytest.param("“We will win,“ she said.\n\n“Fine”, he said” too.", id="wrong-glyphs"),
    ],
)
def test_unbalanced_marks_never_cross_a_paragraph(text: str) -> None:
    first_break = text.index("\n\n")
    for quote in quotes_of(text):
        assert "\n" not in quote.text
        assert quote.span.end <= first_break or quote.span.start > first_break


def test_single_quotes_quote_in_a_headline() -> None:
    source = "Zelensky: 'Their own side finishes them off'\n\nVolodymyr Zelensky spoke on Monday."
    headline = source.split("\n")[0]
    body_start = source.index("Volodymyr")
    article = Article(
        source=source,
        headline=headline,
        headline_span=Span(0, len(headline)),
        body=(Paragraph(source[body_start:], Span(body_start, len(source))),),
    )
    (quote,) = extract_quotes(article)
    assert quote.text == "Their own side finishes them off"
    assert quote.part is Part.HEADLINE
    assert quote.speaker == "Volodymyr Zelensky"


def test_sample_page_quotes(sample_page: str) -> None:
    found = quotes_of(sample_page)
    assert len(found) == 4
    assert all(q.speaker == "Volodymyr Zelensky" for q in found)
    assert found[0].text.endswith("There are such facts,")
    assert found[1].text.endswith("battles involving North Korean soldiers,")
    assert found[2].text.startswith("They are suffering heavy losses")
    assert found[2].text.endswith("battles in Europe.")
    assert found[2].text.count('\n\n"') == 4
    assert found[3].text.startswith("This can be influenced")
    assert found[3].text.count('\n\n"') == 1


PIECES = st.sampled_from([*"ab Z.,:'\"“”„«»‘’‹›\n-", " said ", " he ", "Mr ", "Jo Ng "])
MARKY = st.lists(PIECES, max_size=60).map("".join)


@given(st.one_of(st.text(), MARKY))
def test_never_raises_and_spans_slice(text: str) -> None:
    article = newsparse.parse(text, structure=False, extractors=["quotes"], strict=True)
    for quote in article.quotes:
        assert article.source[quote.span.start : quote.span.end] == quote.text
        if quote.speaker_span is not None:
            assert quote.speaker is not None
            mention = quote.speaker_span.slice(article.source)
            assert mention == quote.speaker or quote.speaker.endswith(mention)
        for mention in quote.chain:
            assert mention.span.slice(article.source) == mention.text


def test_sample_page_with_its_structure(sample_page: str) -> None:
    """The same four quotes once headline, captions and body are told apart."""
    lines = sample_page.split("\n")
    offsets = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    headline_at = next(
        i for i, line in enumerate(lines) if line.startswith("North Korean soldiers")
    )
    body = [
        Paragraph(line, Span(offsets[i], offsets[i] + len(line)))
        for i, line in enumerate(lines)
        if i > headline_at + 2 and len(line) > 60 and not line.startswith("President Zelensky says")
    ]
    headline = lines[headline_at]
    article = Article(
        source=sample_page,
        headline=headline,
        headline_span=Span(offsets[headline_at], offsets[headline_at] + len(headline)),
        body=tuple(body),
    )
    found = list(extract_quotes(article))
    assert len(found) == 4
    assert {q.speaker for q in found} == {"Volodymyr Zelensky"}
    assert all(q.part is Part.BODY for q in found)


def test_adversarial_input_stays_fast() -> None:
    import time

    text = 'Mr. A. B, the C, said: "x" ' * 20000
    started = time.perf_counter()
    found = quotes_of(text)
    assert len(found) == 20000
    assert time.perf_counter() - started < 30
