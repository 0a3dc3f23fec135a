"""parse_many: order, equivalence with a serial run, lazy input, failures kept per page, pickling."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import (
    Article,
    Block,
    Caption,
    Extractor,
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
    QuoteKind,
    RelatedLink,
    Span,
    UsageError,
    hookimpl,
    parse_many,
)
from newsparse.batch import FAILED, Markup, _default_start_method, failure
from newsparse.plugins import PluginManager

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _pages(count: int) -> list[str]:
    """Distinct pages built from the bundled seeds, each with its own number in it."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [f"Page {i}: a headline\n\n{seeds[i % len(seeds)]}" for i in range(count)]


@attrs.frozen
class Shout:
    """A finding of the test plugin: a word in capitals."""

    text: str
    span: Span
    part: Part = Part.BODY


class TroublePlugin:
    """Finds BOOM; raises on RAISE; kills its worker process on CRASH."""

    @hookimpl
    def newsparse_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        register(Extractor(name="trouble", extract=self.extract, finding_type=Shout))

    @staticmethod
    def extract(article: Article) -> Iterator[Shout]:
        if "CRASH" in article.source:
            os._exit(3)
        if "RAISE" in article.source:
            raise RuntimeError("the plugin gave up on this page")
        start = article.source.find("BOOM")
        if start >= 0:
            yield Shout("BOOM", Span(start, start + 4))


def _trouble_manager() -> PluginManager:
    return PluginManager(load_entry_points=False, plugins=(TroublePlugin(),))


@pytest.mark.parametrize(
    ("workers", "chunksize"),
    [
        pytest.param(None, 16, id="in-process"),
        pytest.param(2, 1, id="two-workers-chunks-of-one"),
        pytest.param(2, 7, id="two-workers-uneven-chunks"),
    ],
)
def test_order_is_preserved(workers: int | None, chunksize: int) -> None:
    pages = _pages(60)
    articles = list(parse_many(pages, workers=workers, chunksize=chunksize))
    assert [article.source for article in articles] == pages


def test_two_workers_give_what_one_gives() -> None:
    pages = _pages(40)
    serial = list(parse_many(pages, workers=1))
    pooled = list(parse_many(pages, workers=2, chunksize=3))
    assert pooled == serial
    assert serial == [newsparse.parse(page) for page in pages]


@pytest.mark.parametrize(
    "method",
    [
        pytest.param(method, id=method)
        for method in ("fork", "forkserver", "spawn")
        if method in multiprocessing.get_all_start_methods()
    ],
)
def test_every_start_method_gives_the_same_articles(method: str) -> None:
    pages = _pages(10)
    pooled = list(
        parse_many(pages, workers=2, chunksize=3, mp_context=method, plugins=_trouble_manager())
    )
    assert pooled == list(parse_many(pages, plugins=_trouble_manager()))


def test_default_start_method_is_safe_for_this_process() -> None:
    method = _default_start_method()
    assert method in multiprocessing.get_all_start_methods()
    if threading.active_count() > 1:
        assert method != "fork"


def test_options_reach_the_workers() -> None:
    pages = ["Line one\nLine two\n", "A\n\nB\n"]
    pooled = list(parse_many(pages, workers=2, chunksize=1, structure=False, extractors=[]))
    assert pooled == [newsparse.parse(p, structure=False, extractors=[]) for p in pages]
    assert all(not article.findings for article in pooled)


@pytest.mark.parametrize("workers", [pytest.param(1, id="serial"), pytest.param(2, id="pool")])
def test_a_failing_page_is_recorded_on_its_own_article(workers: int) -> None:
    pages = ["fine\n", "BOOM here\n", "RAISE here\n", "fine again\n"]
    articles = list(
        parse_many(pages, workers=workers, chunksize=2, strict=True, plugins=_trouble_manager())
    )
    assert [article.source for article in articles] == pages
    assert [failure(article) is None for article in articles] == [True, True, False, True]
    problem = failure(articles[2])
    assert problem is not None
    assert problem.kind == FAILED
    assert "the plugin gave up on this page" in problem.message
    assert articles[1].findings["trouble"] == (Shout("BOOM", Span(0, 4)),)


def test_without_strict_a_plugin_error_is_a_problem_not_a_failure() -> None:
    articles = list(
        parse_many(["RAISE\n", "ok\n"], workers=2, chunksize=1, plugins=_trouble_manager())
    )
    assert failure(articles[0]) is None
    assert [p.source for p in articles[0].problems] == ["trouble"]
    assert articles[1].problems == ()


@pytest.mark.parametrize("workers", [pytest.param(1, id="serial"), pytest.param(2, id="pool")])
def test_input_that_is_not_text_fails_alone(workers: int) -> None:
    articles = list(parse_many(["a\n", b"bytes", "c\n"], workers=workers))  # type: ignore[list-item]
    assert [failure(a) is None for a in articles] == [True, False, True]
    problem = failure(articles[1])
    assert problem is not None
    assert "bytes" in problem.message
    assert articles[1].source == ""


def test_a_page_that_kills_its_worker_is_marked_and_the_rest_survive() -> None:
    pages = [f"page {i}\n" for i in range(12)]
    pages[5] = "CRASH\n"
    articles = list(parse_many(pages, workers=2, chunksize=4, plugins=_trouble_manager()))
    assert [article.source for article in articles] == pages
    failed = [i for i, article in enumerate(articles) if failure(article) is not None]
    assert failed == [5]
    problem = failure(articles[5])
    assert problem is not None
    assert "died" in problem.message


@attrs.frozen
class Odd:
    """A finding carrying something that cannot cross to another process."""

    text: str
    span: Span
    part: Part = Part.BODY
    payload: object = None


class OddPlugin:
    """Finds ODD, with a payload no pickle can carry."""

    @hookimpl
    def newsparse_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        register(Extractor(name="odd", extract=self.extract, finding_type=Odd))

    @staticmethod
    def extract(article: Article) -> Iterator[Odd]:
        start = article.source.find("ODD")
        if start >= 0:
            yield Odd("ODD", Span(start, start + 3), payload=lambda: None)


def test_a_result_that_cannot_travel_back_fails_only_its_page() -> None:
    manager = PluginManager(load_entry_points=False, plugins=(OddPlugin(),))
    pages = [f"page {i}\n" for i in range(8)]
    pages[1] = "ODD\n"
    articles = list(parse_many(pages, workers=2, chunksize=2, plugins=manager))
    assert [article.source for article in articles] == pages
    assert [i for i, a in enumerate(articles) if failure(a) is not None] == [1]
    problem = failure(articles[1])
    assert problem is not None
    assert "pickle" in problem.message.lower()


_MARKUP = [
    "<html><body><h1>Storm closes schools</h1><p>Heavy snow closed 40 schools.</p></body></html>",
    b"<meta charset='utf-8'><h1>Port reopens</h1><p>Ships sail from Dover again.</p>",
    "<article><h1>Vote delayed</h1><p>The council will vote on 3 May.</p></article>",
]


@pytest.mark.parametrize("workers", [pytest.param(1, id="serial"), pytest.param(2, id="pool")])
def test_html_pages_are_read_as_parse_html_reads_them(workers: int) -> None:
    pytest.importorskip("selectolax.lexbor")
    articles = list(parse_many(_MARKUP, html=True, workers=workers, chunksize=1))
    assert articles == [newsparse.parse_html(page) for page in _MARKUP]
    assert articles[1].headline == "Port reopens"


def test_markup_among_text_is_read_as_html() -> None:
    pytest.importorskip("selectolax.lexbor")
    page = "<h1>Storm closes schools</h1><p>Heavy snow closed 40 schools.</p>"
    inputs = ["Plain headline\n\nPlain body text.\n", Markup(page, url="https://example.org/a")]
    articles = list(parse_many(inputs, workers=2, chunksize=1))
    assert articles[0] == newsparse.parse(inputs[0])  # type: ignore[arg-type]
    assert articles[1] == newsparse.parse_html(page, url="https://example.org/a")


def test_html_without_the_extra_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsparse.html.document as document

    def missing() -> None:
        raise newsparse.MissingDependencyError("reading HTML needs the html extra", extra="html")

    monkeypatch.setattr(document, "_parser_class", missing)
    with pytest.raises(newsparse.MissingDependencyError):
        parse_many(["<p>x</p>"], html=True)


@pytest.mark.parametrize(
    ("workers", "chunksize", "limit"),
    [
        pytest.param(1, 16, 1, id="serial-pulls-one-at-a-time"),
        pytest.param(2, 2, 2 * 3 * 2, id="pool-pulls-a-bounded-window"),
    ],
)
def test_input_is_consumed_lazily(workers: int, chunksize: int, limit: int) -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"page {i}\n"

    results = parse_many(endless(), workers=workers, chunksize=chunksize)
    first = next(results)
    assert first.source == "page 0\n"
    assert pulled <= limit
    taken = [first, *itertools.islice(results, 20)]
    assert [a.source for a in taken] == [f"page {i}\n" for i in range(21)]
    assert pulled <= 21 + limit
    results.close()  # type: ignore[attr-defined]  # stops the pool


def test_nothing_is_read_before_the_first_result_is_asked_for() -> None:
    def never() -> Iterator[str]:
        raise AssertionError("read too early")
        yield ""  # pragma: no cover

    parse_many(never(), workers=2)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        pytest.param({"workers": -1}, UsageError, id="negative-workers"),
        pytest.param({"workers": 1.5}, UsageError, id="float-workers"),
        pytest.param({"chunksize": 0}, UsageError, id="zero-chunksize"),
        pytest.param({"extractors": ["no-such-extractor"]}, UsageError, id="unknown-extractor"),
    ],
)
def test_bad_arguments_fail_at_once(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_many(["a"], **kwargs)  # type: ignore[arg-type]


def test_a_single_string_is_refused() -> None:
    with pytest.raises(TypeError, match="single str"):
        parse_many("one page")


def test_workers_zero_means_every_cpu() -> None:
    assert [a.source for a in parse_many(["x\n", "y\n"], workers=0)] == ["x\n", "y\n"]


_SOURCE = "Minister says \u201cwe will act\u201d in Paris\n2.5% of 1/3\n"

PICKLED = [
    pytest.param(Span(0, 3), id="span"),
    pytest.param(Block(Label.BODY, "Minister", Span(0, 8)), id="block"),
    pytest.param(Paragraph("Minister says", Span(0, 13)), id="paragraph"),
    pytest.param(Caption("A photo", Span(0, 7), "Reuters", Span(8, 15)), id="caption"),
    pytest.param(RelatedLink("More", Span(0, 4), "https://example.org", "podcast"), id="link"),
    pytest.param(Problem("quotes", "raised", kind=FAILED), id="problem"),
    pytest.param(
        Quote(
            "we will act",
            Span(15, 26),
            speaker="Minister",
            speaker_span=Span(0, 8),
            cue="says",
            cue_span=Span(9, 13),
            kind=QuoteKind.PARTIAL,
            part=Part.HEADLINE,
            chain=(Mention("Minister", Span(0, 8)),),
        ),
        id="quote",
    ),
    pytest.param(
        Number("2.5%", Span(37, 41), Decimal("2.5"), NumberKind.PERCENT, unit="%"), id="decimal"
    ),
    pytest.param(Number("1/3", Span(45, 48), Fraction(1, 3)), id="fraction"),
    pytest.param(
        Place("Paris", Span(31, 36), "Paris", PlaceKind.CITY, "FR", 48.85, 2.35, 2988507, False),
        id="place",
    ),
    pytest.param(
        Article(
            source=_SOURCE,
            headline="Minister says",
            headline_span=Span(0, 13),
            findings={"quotes": (Quote("we will act", Span(15, 26)),), "trouble": ()},
            problems=(Problem("places", "slow"),),
        ),
        id="article",
    ),
]


@pytest.mark.parametrize("value", PICKLED)
@pytest.mark.parametrize("protocol", [pytest.param(2, id="p2"), pytest.param(5, id="p5")])
def test_pickle_round_trip(value: object, protocol: int) -> None:
    copy = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert copy == value
    assert type(copy) is type(value)
    assert hash(copy) == hash(value)


def test_a_parsed_page_pickles(seed_page: str) -> None:
    article = newsparse.parse(seed_page)
    assert pickle.loads(pickle.dumps(article)) == article


@given(
    st.lists(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n")), max_size=12)
)
def test_in_process_parse_many_is_parse_on_each_text(texts: list[str]) -> None:
    assert list(parse_many(texts)) == [newsparse.parse(text) for text in texts]


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n\u201c\u201d")))
def test_any_parsed_text_pickles(text: str) -> None:
    article = newsparse.parse(text)
    assert pickle.loads(pickle.dumps(article)) == article
