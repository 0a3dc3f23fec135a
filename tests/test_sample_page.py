"""The shared sample page, its structure written out by hand.

The page (``../shared/seeds/000_b6ab99e193aa2fd2.txt``) prints one picture's title and caption
twice around the headline, fourteen paragraphs of story, a ``Watch:`` promo, a newsletter
prompt and three links to other stories, one of them labelled ``| Sitrep podcast``.
"""

from __future__ import annotations

import pytest

from newsparse import Article, Label
from newsparse.structure import read_page

HEADLINE = "North Korean soldiers being killed by own side to prevent capture, says Zelensky"
CAPTION = (
    "President Zelensky says the Russian military and the North Korean overseers have no "
    "interest in the survival of the regular N Korean soldiers"
)
FIRST_PARAGRAPH = (
    "North Korean soldiers are being killed by their own side to prevent them from being "
    "captured by Ukrainian forces, President Zelensky has announced."
)
LAST_PARAGRAPH = (
    '"If China is sincere in its statements that the war should not expand, it needs to '
    'exert the necessary influence on Pyongyang."'
)
RELATED = [
    ("Nato's weapon systems in the High North\U0001f9ed", None),
    ("Analysing the weapons in China\u2019s 'peace' parade", "Sitrep podcast"),
    ("Sub-Hunting: The Nato tech designed to track and trace Russian subs", None),
]


@pytest.fixture
def article(sample_page: str) -> Article:
    return read_page(sample_page)


def test_headline_and_section(article: Article, sample_page: str) -> None:
    assert article.headline == HEADLINE
    assert article.headline_span is not None
    assert article.headline_span.slice(sample_page) == HEADLINE
    assert article.section == "Ukraine"


def test_one_caption_with_both_occurrences(article: Article, sample_page: str) -> None:
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.text == CAPTION
    assert caption.credit == "Volodymyr Zelensky"
    assert len(caption.spans) == 2
    assert caption.span == caption.spans[0]
    assert all(span.slice(sample_page) == CAPTION for span in caption.spans)
    assert caption.credit_span is not None
    assert caption.credit_span.slice(sample_page) == "Volodymyr Zelensky"
    # Both occurrences sit above the story, one on each side of the headline.
    assert article.headline_span is not None
    first, second = caption.spans
    assert first.end < article.headline_span.start < second.start


def test_picture_titles_are_not_captions(article: Article) -> None:
    titles = article.blocks_labelled(Label.IMAGE_TITLE)
    assert [block.text.strip() for block in titles] == ["Volodymyr Zelensky"] * 2


def test_fourteen_body_paragraphs(article: Article) -> None:
    assert len(article.body) == 14
    assert article.body[0].text == FIRST_PARAGRAPH
    assert article.body[-1].text == LAST_PARAGRAPH
    assert all(paragraph.text.strip() == paragraph.text for paragraph in article.body)


def test_related_links_with_the_podcast_label_split_off(article: Article) -> None:
    assert [(link.title, link.label) for link in article.related] == RELATED


def test_promo_and_newsletter_are_not_body(article: Article) -> None:
    labels = {block.text.strip(): block.label for block in article.blocks}
    assert labels["Watch: North Korea's huge military in numbers"] is Label.PROMO
    assert labels["Join Our Newsletter"] is Label.BOILERPLATE
    assert labels["Related topics"] is Label.BOILERPLATE
    body = {paragraph.text for paragraph in article.body}
    assert not any("Watch:" in text or "Newsletter" in text for text in body)


def test_blocks_partition_the_page(article: Article, sample_page: str) -> None:
    assert "".join(block.text for block in article.blocks) == sample_page
    position = 0
    for block in article.blocks:
        assert block.span.start == position
        position = block.span.end
    assert position == len(sample_page)
