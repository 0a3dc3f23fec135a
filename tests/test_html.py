"""HTML input: text extraction, labels from markup, metadata, decoding and robustness."""

from __future__ import annotations

import builtins
import json
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("selectolax.lexbor")

import newsparse
from newsparse import InputError, Label, MissingDependencyError, parse_html
from newsparse.cli import main
from newsparse.html import extract as extract_module
from newsparse.html.extract import MAX_CHUNKS
from newsparse.html.guard import flatten_deep_nesting

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story says something long enough to be running text, "
    f"with a comma and a full stop.</p>"
    for n in range(1, 5)
)


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def article_page(extra: str = "", head: str = "") -> str:
    return page(
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Storm closes forty schools</h1>{PARAGRAPHS}{extra}</article>"
        "<footer><p>Copyright The Example Times, all rights reserved.</p></footer>",
        head,
    )


def _parse(html: str | bytes, **kwargs: Any) -> newsparse.Article:
    return parse_html(html, extractors=[], **kwargs)


@pytest.mark.parametrize(
    ("html", "absent"),
    [
        pytest.param(article_page("<script>var secret = 1;</script>"), "secret", id="script"),
        pytest.param(article_page("<style>.x { color: red }</style>"), "color", id="style"),
        pytest.param(article_page("<div hidden>Hidden words</div>"), "Hidden words", id="hidden"),
        pytest.param(
            article_page("<p style='display: none'>Invisible words</p>"),
            "Invisible words",
            id="display-none",
        ),
        pytest.param(
            article_page("<template><p>Template words</p></template>"),
            "Template words",
            id="template",
        ),
        pytest.param(
            article_page("<noscript>Enable JavaScript</noscript>"), "JavaScript", id="noscript"
        ),
    ],
)
def test_invisible_content_never_reaches_the_text(html: str, absent: str) -> None:
    article = _parse(html)
    assert absent not in article.source
    assert "Paragraph 1" in article.source


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        pytest.param(article_page(), "Storm closes forty schools", id="h1-in-article"),
        pytest.param(
            page(
                "<header><h1>The Example Times</h1></header><main><h1>Bridge reopens after "
                f"repairs</h1>{PARAGRAPHS}</main>",
                '<meta property="og:title" content="Bridge reopens after repairs | Example">',
            ),
            "Bridge reopens after repairs",
            id="h1-matching-og-title",
        ),
        pytest.param(
            page(
                f"<div>{PARAGRAPHS}</div>",
                '<meta property="og:title" content="Only in metadata">',
            ),
            "Only in metadata",
            id="metadata-only",
        ),
        pytest.param(
            page(
                f"<div>{PARAGRAPHS}</div>",
                "<title>Ferry strike ends | The Example Times</title>"
                '<meta property="og:site_name" content="The Example Times">',
            ),
            "Ferry strike ends",
            id="title-without-site-name",
        ),
    ],
)
def test_headline(html: str, headline: str) -> None:
    assert _parse(html).headline == headline


def test_body_is_the_article_text_and_furniture_is_boilerplate() -> None:
    article = _parse(article_page())
    assert [p.text for p in article.body] == [
        f"Paragraph {n} of the story says something long enough to be running text, "
        "with a comma and a full stop."
        for n in range(1, 5)
    ]
    labels = {block.text.strip(): block.label for block in article.blocks}
    assert labels["Home World"] is Label.BOILERPLATE
    assert labels["Copyright The Example Times, all rights reserved."] is Label.BOILERPLATE


@pytest.mark.parametrize(
    ("extra_before", "extra_after", "text", "label"),
    [
        pytest.param(
            "<div class='byline'>By Ada Reporter</div>",
            "",
            "By Ada Reporter",
            Label.BYLINE,
            id="byline-class",
        ),
        pytest.param(
            "<time datetime='2024-01-15'>15 January 2024</time>",
            "",
            "15 January 2024",
            Label.DATE,
            id="time-element",
        ),
        pytest.param(
            "<p class='standfirst'>Parents scramble as snow shuts classrooms across the county.</p>",
            "",
            "Parents scramble as snow shuts classrooms across the county.",
            Label.STANDFIRST,
            id="standfirst-class",
        ),
        pytest.param(
            "",
            "<div id='comments'><p>I think this is a very long comment about the storm, "
            "with views of my own.</p><p>Another long reader comment that goes on and on, "
            "with more opinions.</p></div>",
            "I think this is a very long comment about the storm, with views of my own.",
            Label.BOILERPLATE,
            id="comments-not-body",
        ),
        pytest.param(
            "",
            "<p>Advertisement</p>",
            "Advertisement",
            Label.BOILERPLATE,
            id="ui-word",
        ),
    ],
)
def test_labels_from_markup_hints(
    extra_before: str, extra_after: str, text: str, label: Label
) -> None:
    html = page(
        f"<article><h1>Storm closes forty schools</h1>{extra_before}{PARAGRAPHS}</article>"
        f"{extra_after}"
    )
    labels = {block.text.strip(): block.label for block in _parse(html).blocks}
    assert labels[text] is label


def test_teasers_in_other_articles_are_not_body() -> None:
    teasers = "".join(
        f"<article><h3><a href='/s{n}'>Other story {n}</a></h3><p>Teaser sentence number {n} "
        "that describes another story at some length, with a comma.</p></article>"
        for n in range(4)
    )
    html = page(f"<div><article><h1>Main story</h1>{PARAGRAPHS}</article>{teasers}</div>")
    body = [p.text for p in _parse(html).body]
    assert len(body) == 4
    assert all(text.startswith("Paragraph") for text in body)


def test_side_author_lists_are_not_the_byline() -> None:
    sidebar = "".join(f"<p>Filler paragraph {n} in the sidebar.</p>" for n in range(20))
    html = page(
        f"<article><h1>Storm closes forty schools</h1>{PARAGRAPHS}</article>"
        f"<div>{sidebar}<div class='author-list'>Contributors</div></div>",
        '<meta name="author" content="Ada Reporter">',
    )
    assert _parse(html).byline == "Ada Reporter"


def test_figcaption_keeps_its_image_source() -> None:
    html = article_page(
        "<figure><img src='/img/storm.jpg'><figcaption>Snow on Main Street on Monday."
        "</figcaption></figure>"
    )
    article = _parse(html, url="https://news.example/world/storm")
    (caption,) = article.captions
    assert caption.text == "Snow on Main Street on Monday."
    assert caption.image_url == "https://news.example/img/storm.jpg"
    assert article.source[caption.span.start : caption.span.end] == caption.text


@pytest.mark.parametrize(
    ("href", "url", "expected"),
    [
        pytest.param(
            "/world/flood",
            "https://news.example/a/b",
            "https://news.example/world/flood",
            id="root-relative",
        ),
        pytest.param(
            "flood", "https://news.example/a/b", "https://news.example/a/flood", id="relative"
        ),
        pytest.param("https://other.example/x", None, "https://other.example/x", id="absolute"),
        pytest.param("javascript:void(0)", None, None, id="javascript-dropped"),
    ],
)
def test_related_links_carry_resolved_urls(
    href: str, url: str | None, expected: str | None
) -> None:
    html = article_page(
        f"<div class='related-stories'><ul><li><a href='{href}'>Flood waters rise in the "
        "valley</a></li></ul></div>"
    )
    article = _parse(html, url=url)
    if expected is None:
        assert all(link.url is None for link in article.related)
        return
    (link,) = article.related
    assert link.title == "Flood waters rise in the valley"
    assert link.url == expected


LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Storm closes forty schools",
    "author": [{"@type": "Person", "name": "Ada Reporter"}],
    "datePublished": "2024-01-15T08:00:00Z",
    "dateModified": "2024-01-15T10:00:00Z",
    "articleSection": "Weather",
}


@pytest.mark.parametrize(
    ("head", "field", "value"),
    [
        pytest.param(
            f'<script type="application/ld+json">{json.dumps(LD)}</script>',
            "byline",
            "Ada Reporter",
            id="jsonld-author",
        ),
        pytest.param(
            f'<script type="application/ld+json">{json.dumps({"@graph": [LD]})}</script>',
            "published",
            "2024-01-15T08:00:00Z",
            id="jsonld-graph-date",
        ),
        pytest.param(
            f'<script type="application/ld+json">{json.dumps(LD)}</script>',
            "section",
            "Weather",
            id="jsonld-section",
        ),
        pytest.param(
            f'<script type="application/ld+json">{json.dumps(LD)}</script>',
            "updated",
            "2024-01-15T10:00:00Z",
            id="jsonld-modified",
        ),
        pytest.param(
            '<meta property="article:published_time" content="2024-02-01">',
            "published",
            "2024-02-01",
            id="opengraph-date",
        ),
        pytest.param(
            '<meta name="author" content="Bo Writer">', "byline", "Bo Writer", id="meta-author"
        ),
        pytest.param(
            '<script type="application/ld+json">{not json</script>',
            "byline",
            None,
            id="broken-jsonld",
        ),
    ],
)
def test_metadata_fills_what_the_text_does_not_say(
    head: str, field: str, value: str | None
) -> None:
    assert getattr(_parse(article_page(head=head)), field) == value


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "<p>Caf\u00e9 cr\u00e8me</p>".encode(), "Caf\u00e9 cr\u00e8me", id="utf8-undeclared"
        ),
        pytest.param(b"\xef\xbb\xbf<p>Caf\xc3\xa9</p>", "Caf\u00e9", id="utf8-bom"),
        pytest.param(
            '<meta charset="windows-1252"><p>Caf\u00e9</p>'.encode("cp1252"),
            "Caf\u00e9",
            id="declared-1252",
        ),
        pytest.param(
            '<meta charset="iso-8859-1"><p>Caf\u00e9</p>'.encode(),
            "Caf\u00e9",
            id="wrong-declaration",
        ),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>\u041c\u0438\u0440</p>'.encode(
                "koi8-r"
            ),
            "\u041c\u0438\u0440",
            id="http-equiv-koi8r",
        ),
        pytest.param(
            "<p>\u041c\u0438\u0440</p>".encode("utf-16"), "\u041c\u0438\u0440", id="utf16-bom"
        ),
        pytest.param(b"<p>Caf\xe9 \x81</p>", "Caf\u00e9", id="undecodable-fallback"),
    ],
)
def test_bytes_honour_bom_and_meta_charset(data: bytes, expected: str) -> None:
    assert expected in _parse(data).source


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div><p>One unclosed<p>Two unclosed<div><span>three", id="unclosed"),
        pytest.param("</p></div><p>stray end tags</b></i>", id="stray-ends"),
        pytest.param("<table><p>misnested</table></p>", id="misnested"),
        pytest.param("", id="empty"),
        pytest.param("plain text, no markup at all", id="no-markup"),
        pytest.param("<" * 10_000, id="many-angles"),
    ],
)
def test_bad_html_parses(html: str) -> None:
    article = _parse(html)
    assert isinstance(article.source, str)
    for block in article.blocks:
        assert article.source[block.span.start : block.span.end] == block.text


def test_deep_nesting_stays_linear() -> None:
    small = "<div>" * 20_000 + "deep text"
    large = "<div>" * 200_000 + "deep text"
    started = time.perf_counter()
    assert "deep text" in _parse(small).source
    first = time.perf_counter() - started
    started = time.perf_counter()
    assert "deep text" in _parse(large).source
    second = time.perf_counter() - started
    assert second < max(first, 0.05) * 40  # ten times the input, far from a hundred times


def test_flatten_keeps_text_and_shallow_pages() -> None:
    shallow = "<div>" * 500 + "<p>kept</p>" + "</div>" * 500
    assert flatten_deep_nesting(shallow) == shallow
    deep = "<div class='x'>" * 600 + "x" + "</div>" * 600 + "<p>after</p>"
    flattened = flatten_deep_nesting(deep)
    assert "<div" not in flattened
    assert "x" in flattened
    assert "<p>after</p>" in flattened


def test_twenty_megabytes_of_nested_divs_parse_quickly() -> None:
    started = time.perf_counter()
    article = _parse("<div>" * 4_000_000 + "deep text")
    assert article.source == "deep text\n"
    assert time.perf_counter() - started < 30


def test_absurdly_many_blocks_fail_with_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_CHUNKS >= 10_000  # far above any news page
    monkeypatch.setattr(extract_module, "MAX_CHUNKS", 50)
    assert _parse("<p>x" * 50).source == "x\n\n" * 49 + "x\n"
    with pytest.raises(InputError, match="more than 50 blocks of text"):
        _parse("<p>x" * 51)


def test_blocks_keep_their_element_path() -> None:
    article = _parse(page("<div id='a'><p>first</p><p>second <b>bold</b></p></div>"))
    paths = {block.text.strip(): block.path for block in article.blocks if block.text.strip()}
    assert paths == {"first": "/html/body/div[1]/p[1]", "second bold": "/html/body/div[1]/p[2]"}


def test_br_splits_lines_and_blank_lines_separate_blocks() -> None:
    article = _parse(page("<p>line one<br>line two</p><p>next</p>"))
    assert article.source == "line one\nline two\n\nnext\n"


def test_preformatted_text_keeps_its_spaces() -> None:
    article = _parse(page("<pre>def f():\n    return  1\n</pre>"))
    assert article.source == "def f():\n    return  1\n"


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_selectolax(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("selectolax"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_selectolax)
    with pytest.raises(MissingDependencyError, match=r"newsparse\[html\]") as caught:
        _parse("<p>x</p>")
    assert caught.value.extra == "html"


def test_non_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        _parse(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "flag", [pytest.param([], id="by-extension"), pytest.param(["--html"], id="flag")]
)
def test_cli_reads_html(tmp_path: Any, capsys: pytest.CaptureFixture[str], flag: list[str]) -> None:
    path = tmp_path / ("page.html" if not flag else "page.txt")
    path.write_text(article_page(), encoding="utf-8")
    assert main(["parse", *flag, "--no-extractors", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["article"]["headline"] == "Storm closes forty schools"


def test_round_trip_keeps_paths_and_image_urls() -> None:
    html = article_page(
        "<figure><img src='a.jpg'><figcaption>A caption here.</figcaption></figure>"
    )
    article = _parse(html, url="https://x.example/")
    assert newsparse.Article.from_json(article.to_json()) == article


TAGS = st.sampled_from(["p", "div", "h1", "a", "li", "figure", "figcaption", "br", "script", "b"])
FRAGMENTS = st.one_of(
    st.text(max_size=20),
    TAGS.map(lambda t: f"<{t}>"),
    TAGS.map(lambda t: f"</{t}>"),
    st.just("<a href='/x'>"),
)


@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_never_raises_and_spans_slice_the_source(html: str) -> None:
    article = _parse(html)
    source = article.source
    assert "".join(block.text for block in article.blocks) == source
    for block in article.blocks:
        assert source[block.span.start : block.span.end] == block.text
    for paragraph in article.body:
        assert source[paragraph.span.start : paragraph.span.end] == paragraph.text
    for caption in article.captions:
        assert source[caption.span.start : caption.span.end] == caption.text
    for link in article.related:
        assert source[link.span.start : link.span.end] == link.title
    if article.headline_span is not None:
        assert source[article.headline_span.start : article.headline_span.end] == article.headline


@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    _parse(text)
    _parse(text.encode("utf-8", "surrogatepass"))


@given(st.binary(max_size=200))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    assert isinstance(_parse(data).source, str)
