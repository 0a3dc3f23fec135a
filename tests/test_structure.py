"""The structure parser: a label for every line, captions with credits, invariants.

The pages here are small and invented; each case changes one line of a page template so the
line's label or the caption's credit is what is being checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Article, Label, Span, hookimpl
from newsparse.plugins import PluginManager
from newsparse.structure import read_page, read_prose
from newsparse.text import Line

PARAGRAPHS = [
    "Council workers began clearing fallen trees from the seafront in Aberystwyth on Monday "
    "after a night of gales that brought down power lines across Ceredigion.",
    '"We have never seen the promenade like this in twenty years," said Gwen Harries, who '
    "runs a café near the pier and spent the morning sweeping up broken glass.",
    "The Met Office said gusts of up to 80mph were recorded at Aberdaron overnight, and a "
    "yellow warning for wind stays in force until Tuesday evening.",
    "About 3,000 homes were still without electricity at midday, according to the network "
    "operator, which said most would be reconnected before nightfall.",
]


def page(*, caption: str = "", extra: str = "", after: str = "") -> str:
    """A small news page; ``caption`` goes above the story, ``extra`` inside it."""
    lines = [
        "Skip to content",
        "Home",
        "News",
        "Weather",
        "",
        "Wales",
        "",
        "Gales bring down trees and power lines along Cardigan Bay",
        "",
        "By Rhian Pryce",
        "Published 2 February 2026, 08:40 GMT",
        "Share",
        "",
    ]
    if caption:
        lines += [caption, ""]
    lines += [PARAGRAPHS[0], "", PARAGRAPHS[1], ""]
    if extra:
        lines += [extra, ""]
    lines += [PARAGRAPHS[2], "", PARAGRAPHS[3], ""]
    if after:
        lines += [after, ""]
    lines += [
        "Sign up to our morning newsletter",
        "",
        "Most read",
        "Ferry services cancelled as storm reaches the Irish Sea",
        "Why Wales gets more named storms than anywhere else",
        "",
        "© 2026 Cambrian Press. All rights reserved.",
    ]
    return "\n".join(lines)


def label_of(article: Article, text: str) -> Label:
    for block in article.blocks:
        if block.text.strip() == text:
            return block.label
    raise AssertionError(f"no block {text!r}")


# -- every label --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            "Gales bring down trees and power lines along Cardigan Bay",
            Label.HEADLINE,
            id="headline",
        ),
        pytest.param("Wales", Label.SECTION, id="section"),
        pytest.param("By Rhian Pryce", Label.BYLINE, id="byline"),
        pytest.param("Published 2 February 2026, 08:40 GMT", Label.DATE, id="date"),
        pytest.param(PARAGRAPHS[0], Label.BODY, id="body"),
        pytest.param("Skip to content", Label.BOILERPLATE, id="navigation"),
        pytest.param("Share", Label.BOILERPLATE, id="share-bar"),
        pytest.param("Sign up to our morning newsletter", Label.BOILERPLATE, id="newsletter"),
        pytest.param("Most read", Label.RELATED_HEADER, id="related-header"),
        pytest.param(
            "Ferry services cancelled as storm reaches the Irish Sea", Label.RELATED, id="related"
        ),
        pytest.param(
            "© 2026 Cambrian Press. All rights reserved.", Label.BOILERPLATE, id="copyright"
        ),
    ],
)
def test_label_of_each_line(text: str, label: Label) -> None:
    assert label_of(read_page(page()), text) is label


@pytest.mark.parametrize(
    ("extra", "label"),
    [
        pytest.param(
            "Watch: Waves break over the sea wall at Aberystwyth", Label.PROMO, id="watch"
        ),
        pytest.param("Listen: The storm on Radio Cymru", Label.PROMO, id="listen"),
        pytest.param("Advertisement", Label.BOILERPLATE, id="advert"),
        pytest.param("Read more: How to report a power cut", Label.RELATED, id="read-more"),
        pytest.param("Clean-up begins", Label.BODY, id="crosshead"),
        pytest.param(
            "• Schools in Ceredigion will open an hour late on Tuesday.", Label.BODY, id="bullet"
        ),
    ],
)
def test_label_of_lines_inside_the_story(extra: str, label: Label) -> None:
    assert label_of(read_page(page(extra=extra)), extra) is label


def test_read_more_link_is_related_without_its_prefix() -> None:
    article = read_page(page(extra="Read more: How to report a power cut"))
    assert article.related[0].title == "How to report a power cut"


def test_standfirst_between_headline_and_byline() -> None:
    text = page().replace(
        "Gales bring down trees and power lines along Cardigan Bay\n",
        "Gales bring down trees and power lines along Cardigan Bay\n\n"
        "Thousands of homes lose power as winds reach 80mph on the Llŷn peninsula\n",
    )
    article = read_page(text)
    assert (
        article.standfirst
        == "Thousands of homes lose power as winds reach 80mph on the Llŷn peninsula"
    )
    assert article.headline == "Gales bring down trees and power lines along Cardigan Bay"


def test_fields_of_the_page() -> None:
    article = read_page(page())
    assert article.byline == "Rhian Pryce"
    assert article.published == "2 February 2026, 08:40 GMT"
    assert article.section == "Wales"
    assert [p.text for p in article.body] == PARAGRAPHS


# -- captions and credits -----------------------------------------------------------------

CAPTION = "Fallen trees block the road above Aberystwyth harbour on Monday"


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        pytest.param(
            f"{CAPTION} (Picture: Aled Morgan)", CAPTION, "Aled Morgan", id="picture-paren"
        ),
        pytest.param(
            f"{CAPTION}. Photo: Aled Morgan/Getty Images",
            f"{CAPTION}.",
            "Aled Morgan/Getty Images",
            id="photo-slash-getty",
        ),
        pytest.param(f"{CAPTION} Credit: PA", CAPTION, "PA", id="credit-pa"),
        pytest.param(f"{CAPTION} (Image: Reuters)", CAPTION, "Reuters", id="image-paren"),
        pytest.param(
            f"{CAPTION}. Aled Morgan/AFP via Getty Images",
            f"{CAPTION}.",
            "Aled Morgan/AFP via Getty Images",
            id="afp-via-getty",
        ),
        pytest.param(
            f"{CAPTION}. Photograph: Aled Morgan", f"{CAPTION}.", "Aled Morgan", id="photograph"
        ),
        pytest.param(f"{CAPTION} © EPA", CAPTION, "EPA", id="copyright-sign"),
        pytest.param(
            f"{CAPTION} (Cambrian Press Photo/Aled Morgan)",
            CAPTION,
            "Cambrian Press Photo/Aled Morgan",
            id="agency-photo-paren",
        ),
        pytest.param(
            f"{CAPTION}\n(Aled Morgan / Associated Press)",
            CAPTION,
            "Aled Morgan / Associated Press",
            id="credit-own-line-paren",
        ),
        pytest.param(
            f"{CAPTION}\nPhoto: Aled Morgan, AP",
            CAPTION,
            "Aled Morgan, AP",
            id="credit-own-line-marker",
        ),
        pytest.param(f"Image caption, {CAPTION}", CAPTION, None, id="caption-label"),
        pytest.param(f"{CAPTION}Credit: PA", CAPTION, "PA", id="credit-glued"),
        pytest.param(f"{CAPTION} [File: Reuters]", CAPTION, "Reuters", id="square-brackets"),
        pytest.param(
            f"{CAPTION}. Photograph by Aled Morgan/AFP/Getty Images",
            f"{CAPTION}.",
            "Aled Morgan/AFP/Getty Images",
            id="photograph-by",
        ),
        pytest.param(
            f"{CAPTION}\nAled Morgan | Bloomberg | Getty Images",
            CAPTION,
            "Aled Morgan | Bloomberg | Getty Images",
            id="credit-own-line-pipes",
        ),
    ],
)
def test_caption_credit_styles(line: str, text: str, credit: str | None) -> None:
    source = page(caption=line)
    article = read_page(source)
    assert [(c.text, c.credit) for c in article.captions] == [(text, credit)]
    caption = article.captions[0]
    assert caption.span.slice(source) == text
    if credit is not None:
        assert caption.credit_span is not None
        assert caption.credit_span.slice(source) == credit
    assert PARAGRAPHS[0] == article.body[0].text


def test_credit_on_its_own_line_is_labelled_credit() -> None:
    article = read_page(page(caption=f"{CAPTION}\n(Aled Morgan / Associated Press)"))
    assert label_of(article, "(Aled Morgan / Associated Press)") is Label.CREDIT
    assert label_of(article, CAPTION) is Label.CAPTION


def test_caption_printed_twice_is_one_caption_with_two_spans() -> None:
    line = f"{CAPTION} (Picture: Aled Morgan)"
    source = page(caption=line).replace("Wales\n", f"{line}\nWales\n", 1)
    article = read_page(source)
    assert len(article.captions) == 1
    assert [span.slice(source) for span in article.captions[0].spans] == [CAPTION, CAPTION]


def test_picture_title_above_caption() -> None:
    article = read_page(page(caption=f"Aberystwyth harbour\n{CAPTION} (Picture: Aled Morgan)"))
    assert label_of(article, "Aberystwyth harbour") is Label.IMAGE_TITLE


def test_related_label_split_off() -> None:
    source = page().replace(
        "Why Wales gets more named storms than anywhere else",
        "Why Wales gets more named storms than anywhere else | Weather Desk podcast",
    )
    link = read_page(source).related[-1]
    assert (link.title, link.label) == (
        "Why Wales gets more named storms than anywhere else",
        "Weather Desk podcast",
    )
    assert link.span.slice(source) == link.title


# -- empty and prose ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n  \u00a0"], ids=repr)
def test_empty_text_gives_an_empty_article(text: str) -> None:
    article = read_page(text)
    assert article.headline is None
    assert article.body == ()
    assert all(block.label is Label.BLANK for block in article.blocks)


def test_prose_is_all_body() -> None:
    article = read_prose("One line.\n\nMost read\n")
    assert [p.text for p in article.body] == ["One line.", "Most read"]


# -- plugin hooks -------------------------------------------------------------------------


class Phrases:
    @hookimpl
    def newsparse_structure_phrases(self) -> Mapping[str, list[str]]:
        return {"promo_prefixes": ["on the radio:"]}


class Relabel:
    @hookimpl
    def newsparse_line_label(self, line: Line, proposed: Label) -> Label | None:
        return Label.BOILERPLATE if line.text.startswith("Clean-up") else None


def test_plugin_phrases_are_merged() -> None:
    manager = PluginManager(load_entry_points=False, default_plugins=(), plugins=[Phrases()])
    extra = "On the radio: the storm hour by hour"
    assert label_of(read_page(page(extra=extra)), extra) is not Label.PROMO
    assert label_of(read_page(page(extra=extra), manager=manager), extra) is Label.PROMO


class UnknownCategory:
    @hookimpl
    def newsparse_structure_phrases(self) -> Mapping[str, list[str]]:
        return {"no_such_category": ["x"]}


def test_unknown_phrase_category_is_reported() -> None:
    manager = PluginManager(
        load_entry_points=False, default_plugins=(), plugins=[UnknownCategory()]
    )
    article = read_page(page(), manager=manager)
    assert [p.message for p in article.problems] == [
        "unknown structure phrase category 'no_such_category' from a plugin"
    ]
    assert article.headline == "Gales bring down trees and power lines along Cardigan Bay"


def test_plugin_line_label_overrides() -> None:
    manager = PluginManager(load_entry_points=False, default_plugins=(), plugins=[Relabel()])
    article = read_page(page(extra="Clean-up begins"), manager=manager)
    assert label_of(article, "Clean-up begins") is Label.BOILERPLATE
    assert "Clean-up begins" not in [p.text for p in article.body]


# -- seeds --------------------------------------------------------------------------------


def test_seed_page_has_headline_and_body(seed_page: str) -> None:
    article = read_page(seed_page)
    assert article.headline
    assert len(article.body) >= 3
    assert article.headline not in [p.text for p in article.body]


# -- invariants ---------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "",
        " ",
        "Share",
        "By Jane Doe",
        "Updated 3:47 PM EST, January 28, 2025",
        "Most read",
        "Watch: a video",
        "Read more: another story | Some podcast",
        "(Picture: Jo Bloggs)",
        "A caption for a photograph (Image: Reuters)",
        "Credit: PA",
        "© 2026",
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "A headline about something that happened today",
        "1 of 10",
        "★★★☆☆",
        "Image caption, a caption",
    ]
)
PAGES = st.one_of(
    st.text(),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=30).flatmap(
        lambda parts: st.sampled_from(["\n", "\r\n", "\r", "\n\n"]).map(lambda br: br.join(parts))
    ),
)


def spans_of(article: Article) -> Iterator[tuple[Span, str]]:
    if article.headline_span is not None and article.headline is not None:
        yield article.headline_span, article.headline
    if article.standfirst_span is not None and article.standfirst is not None:
        yield article.standfirst_span, article.standfirst
    for caption in article.captions:
        for span in caption.spans:
            yield span, caption.text
        if caption.credit_span is not None and caption.credit is not None:
            yield caption.credit_span, caption.credit
    for paragraph in article.body:
        yield paragraph.span, paragraph.text
    for link in article.related:
        yield link.span, link.title
    for block in article.blocks:
        yield block.span, block.text


@given(PAGES)
def test_never_raises_and_blocks_partition_the_input(text: str) -> None:
    article = read_page(text)
    assert article.source is text
    position = 0
    for block in article.blocks:
        assert block.span.start == position
        position = block.span.end
    assert position == len(text)


@given(PAGES)
def test_every_span_slices_to_its_text(text: str) -> None:
    article = read_page(text)
    for span, value in spans_of(article):
        assert text[span.start : span.end] == value


@given(PAGES)
def test_json_round_trip(text: str) -> None:
    article = read_page(text)
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


# -- furniture inside and after the story -------------------------------------------------


def test_pull_quote_repeating_the_story_is_not_body() -> None:
    quote = "\u201cWe have never seen the promenade like this in twenty years\u201d"
    article = read_page(page(extra=quote))
    assert label_of(article, quote) is Label.BOILERPLATE
    assert len(article.body) == 4


def test_reporter_bio_after_the_story_is_not_body() -> None:
    bio = "Rhian Pryce is a senior reporter covering west Wales for Cambrian Press."
    article = read_page(page(after=f"Rhian Pryce\n{bio}"))
    assert label_of(article, bio) is Label.BOILERPLATE


def test_press_release_about_section_is_not_body() -> None:
    about = (
        "Cambrian Energy supplies electricity to 400,000 homes in Wales and employs 1,200 "
        "people at sites in Swansea, Newport and Wrexham."
    )
    article = read_page(page(after=f"About Cambrian Energy\n{about}"))
    assert label_of(article, "About Cambrian Energy") is Label.BOILERPLATE
    assert label_of(article, about) is not Label.BODY


def test_live_blog_entry_titles_are_body() -> None:
    text = (
        "Storm Ingrid live: Galway seafront closed as gusts reach 120km/h\n\n"
        "Niamh Corrigan in Galway\nUpdated at 15.40 GMT\n\n"
        "15.40 GMT\nPower cuts spread to Clare\n"
        f"{PARAGRAPHS[3]}\n\n15.05 GMT\nPromenade shut\n{PARAGRAPHS[0]}\n"
    )
    article = read_page(text)
    assert article.headline == "Storm Ingrid live: Galway seafront closed as gusts reach 120km/h"
    assert [p.text for p in article.body] == [
        "Power cuts spread to Clare",
        PARAGRAPHS[3],
        "Promenade shut",
        PARAGRAPHS[0],
    ]
    assert label_of(article, "15.05 GMT") is Label.DATE


def test_caption_label_on_its_own_line_with_the_credit_above() -> None:
    source = page(caption=f"Image source, Getty Images\nImage caption,\n{CAPTION}")
    article = read_page(source)
    assert [(c.text, c.credit) for c in article.captions] == [(CAPTION, "Getty Images")]
    assert label_of(article, "Image caption,") is Label.BOILERPLATE
    assert label_of(article, "Image source, Getty Images") is Label.CREDIT


@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param("By Rhian Pryce", "Rhian Pryce", id="by"),
        pytest.param("BY RHIAN PRYCE", "RHIAN PRYCE", id="capitals"),
        pytest.param("By Rhian Pryce, Wales Correspondent", "Rhian Pryce", id="role-after-comma"),
        pytest.param("Rhian Pryce in Aberystwyth", "Rhian Pryce", id="name-in-place"),
        pytest.param("News provided by Cambrian Energy", "Cambrian Energy", id="provided-by"),
    ],
)
def test_byline_name(line: str, name: str) -> None:
    assert read_page(page().replace("By Rhian Pryce", line)).byline == name


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        pytest.param(
            "Published 2 February 2026, 08:40 GMT",
            "2 February 2026, 08:40 GMT",
            None,
            id="published",
        ),
        pytest.param(
            "Updated 3:47 PM EST, January 28, 2026",
            None,
            "3:47 PM EST, January 28, 2026",
            id="updated",
        ),
        pytest.param("Published: 18:30, 6 Jun 2026", "18:30, 6 Jun 2026", None, id="colon"),
        pytest.param("14 hours ago", "14 hours ago", None, id="relative"),
    ],
)
def test_date_stamps(line: str, published: str | None, updated: str | None) -> None:
    article = read_page(page().replace("Published 2 February 2026, 08:40 GMT", line))
    assert (article.published, article.updated) == (published, updated)


@pytest.mark.parametrize(
    ("line", "is_stamp"),
    [
        pytest.param("Published 2 February 2026, 08:40 GMT", True, id="stamp"),
        pytest.param("Last updated 14 hours ago.", True, id="stamp-with-full-stop"),
        pytest.param("Polls close at 10pm on 4 July 2024.", False, id="sentence-naming-a-date"),
        pytest.param("The trial opens on 3 March 2026.", False, id="sentence-opening-on-a-date"),
    ],
)
def test_a_sentence_that_names_a_date_is_not_a_stamp(line: str, is_stamp: bool) -> None:
    from newsparse.structure.features import date_line, word_count

    assert date_line(line, word_count(line)) is is_stamp


def test_a_caption_repeated_many_times_is_one_caption() -> None:
    line = f"{CAPTION} (Picture: Aled Morgan)\n"
    article = read_page(line * 3000)
    assert len(article.captions) == 1
    assert len(article.captions[0].spans) == 3000
    assert article.captions[0].credit == "Aled Morgan"


def test_read_more_list_between_paragraphs_is_related() -> None:
    links = "Read more\nHow to report a power cut\nWhere to find storm updates"
    article = read_page(page(extra=links))
    assert [link.title for link in article.related][:2] == [
        "How to report a power cut",
        "Where to find storm updates",
    ]
    assert len(article.body) == 4


def test_obituary_life_facts_line_is_body() -> None:
    facts = "Gwen Harries, café owner, born 3 March 1951; died 28 January 2026"
    article = read_page(page(after=facts))
    assert article.body[-1].text == facts


@pytest.mark.parametrize(
    ("line", "section"),
    [
        pytest.param("Wales", "Wales", id="label"),
        pytest.param("News > Wales > Ceredigion", "Ceredigion", id="breadcrumb"),
        pytest.param("Home » News » Wales", "Wales", id="breadcrumb-guillemets"),
    ],
)
def test_section_label(line: str, section: str) -> None:
    assert read_page(page().replace("\nWales\n", f"\n{line}\n", 1)).section == section


_PHRASE_WORDS = st.sampled_from(
    (
        *("cookies", "cookie", "sign", "up", "newsletter", "all", "rights", "reserved", "the"),
        *("subscribe", "to", "our", "comments", "-", ".", ",", "’", "é", "©", "a1", "advert"),
    )
)


@given(st.lists(_PHRASE_WORDS, max_size=14), st.sampled_from([" ", "", " - ", "."]))
def test_phrase_index_answers_as_one_search_over_all_phrases(words: list[str], glue: str) -> None:
    from newsparse.structure.features import word_tokens
    from newsparse.structure.lexicon import load_lexicon

    lexicon = load_lexicon()
    lowered = glue.join(words)
    tokens = word_tokens(lowered)
    assert lexicon.strong_index.found(lowered, tokens) == (
        lexicon.boilerplate_strong.search(lowered) is not None
    )
    assert lexicon.contains_index.found(lowered, tokens) == (
        lexicon.boilerplate_contains.search(lowered) is not None
    )
