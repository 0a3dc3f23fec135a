"""The kit for plugin authors: newsparse.testing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Block, Extractor, Label, Paragraph, PluginError, Span, UsageError
from newsparse.testing import (
    assert_finds,
    assert_spans_valid,
    manager_for,
    parse_with,
    run_extractor,
    span_faults,
)
from tests import sample_plugins
from tests.sample_plugins import Shouting, Word, find_words

WORDS = Extractor(name="words", extract=find_words, finding_type=Word)


@pytest.mark.parametrize(
    "subject",
    [
        pytest.param(WORDS, id="extractor"),
        pytest.param(sample_plugins, id="module-plugin"),
    ],
)
def test_run_extractor_takes_an_extractor_or_a_plugin(subject: object) -> None:
    found = run_extractor(subject, "Two words")
    assert [(w.text, w.span) for w in found] == [("Two", Span(0, 3)), ("words", Span(4, 9))]


def test_run_extractor_raises_what_a_parse_would_record() -> None:
    def bad(article: Article) -> list[Word]:
        return [Word("nope", Span(0, 4))]

    with pytest.raises(PluginError, match="not what its span 0:4 holds"):
        run_extractor(Extractor(name="bad", extract=bad, finding_type=Word), "text here")


def test_run_extractor_needs_a_name_when_a_plugin_has_several() -> None:
    class Two:
        @staticmethod
        @newsparse.hookimpl
        def newsparse_register_extractors(register: Any) -> None:
            register(attrs.evolve(WORDS, name="first"))
            register(attrs.evolve(WORDS, name="second"))

    with pytest.raises(UsageError, match="registers 2 extractors"):
        run_extractor(Two, "a b")
    with pytest.raises(UsageError, match="no extractor named 'third'"):
        run_extractor(Two, "a b", name="third")
    assert len(run_extractor(Two, "a b", name="second")) == 2


def test_run_extractor_runs_what_the_extractor_needs() -> None:
    seen: list[list[str]] = []

    def count(article: Article) -> Iterator[Word]:
        seen.append(sorted(article.findings))
        return iter(())

    counting = Extractor(name="counting", extract=count, finding_type=Word, needs=("quotes",))
    assert run_extractor(counting, "He said “yes”.") == ()
    assert seen == [["quotes"]]


def test_published_reaches_the_extractor() -> None:
    dates: list[str | None] = []

    def read(article: Article) -> Iterator[Word]:
        dates.append(article.published)
        return iter(())

    run_extractor(
        Extractor(name="reader", extract=read, finding_type=Word), "x", published="1 May 2024"
    )
    assert dates == ["1 May 2024"]


def test_assert_finds_passes_and_fails_readably() -> None:
    found = assert_finds(Shouting, "quiet LOUD quiet NOISE", ["LOUD", "NOISE"])
    assert [w.span for w in found] == [Span(6, 10), Span(17, 22)]
    assert_finds(Shouting, "BIG", [Span(0, 3)], field="span")
    with pytest.raises(AssertionError, match=r"expected texts: \['LOUD'\]\n  found texts:    \[\]"):
        assert_finds(Shouting, "all quiet", ["LOUD"])


def test_parse_with_returns_the_whole_article() -> None:
    article = parse_with(sample_plugins, "One line\nAnother line", structure=True)
    assert list(article.findings) == ["words"]
    assert article.source == "One line\nAnother line"


def test_manager_for_builds_once_and_without_builtins_when_asked() -> None:
    assert manager_for(sample_plugins) is manager_for(sample_plugins)
    assert list(manager_for(sample_plugins, builtins=False).extractors) == ["words"]


SOURCE = "Head\nBody text"
GOOD = Article(
    source=SOURCE,
    headline="Head",
    headline_span=Span(0, 4),
    body=(Paragraph("Body text", Span(5, 14)),),
    blocks=(
        Block(Label.HEADLINE, "Head\n", Span(0, 5)),
        Block(Label.BODY, "Body text", Span(5, 14)),
    ),
    findings={"words": (Word("Body", Span(5, 9)),)},
)


@pytest.mark.parametrize(
    ("changes", "fault"),
    [
        pytest.param({"headline": "Heads"}, "headline 'Heads' is not what its span holds", id="hl"),
        pytest.param(
            {"body": (Paragraph("Body", Span(5, 14)),)}, "body[0]: text 'Body'", id="paragraph"
        ),
        pytest.param(
            {"findings": {"words": (Word("", Span(20, 20)),)}},
            "findings['words'][0].span: span 20:20 is outside the text",
            id="finding-outside",
        ),
        pytest.param(
            {"findings": {"words": (Word("Body", Span(5, 9), first_letter=Span(5, 99)),)}},
            "findings['words'][0].first_letter: span 5:99 is outside",
            id="nested-span",
        ),
        pytest.param({"blocks": GOOD.blocks[1:]}, "blocks[0] starts at 5, not 0", id="gap"),
        pytest.param({"blocks": GOOD.blocks[:1]}, "the blocks end at 5", id="short"),
    ],
)
def test_span_faults_finds_each_broken_promise(changes: dict[str, Any], fault: str) -> None:
    assert span_faults(GOOD) == []
    faults = span_faults(attrs.evolve(GOOD, **changes))
    assert any(fault in item for item in faults), faults
    with pytest.raises(AssertionError, match="span fault"):
        assert_spans_valid(attrs.evolve(GOOD, **changes))


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n ")))
def test_parsed_articles_keep_the_span_contract(text: str) -> None:
    assert_spans_valid(parse_with(sample_plugins, text, structure=True))
    assert_spans_valid(newsparse.parse(text))
