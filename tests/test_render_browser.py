"""The HTML report in a real browser (headless Chromium driven by Playwright).

It checks what a reader sees against the Article: every block with its text and label, the
structure's items, every finding highlighted with its label, the side panel's counts, legible
contrast in both colour schemes, a phone-sized layout without sideways scrolling, and that a
page full of injected markup runs nothing and fetches nothing.  It also saves the screenshot
the docs show (docs/img/report.png).

Needs ``python -m pip install -e ".[browser]"`` and Debian's ``chromium`` at /usr/bin/chromium;
without them the tests skip, unless NEWSPARSE_REQUIRE_BROWSER is set (as in CI), where a
missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsparse
from newsparse import Article, Label, Number, NumberKind, Quote, Span, hookimpl
from newsparse.plugins import PluginManager
from newsparse.render import to_html
from newsparse.render.marks import clean
from newsparse.text import split_lines
from tests.render_cases import ferry_article, find

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "docs" / "img" / "report.png"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# What the page shows, read in one pass: blocks, structure items, marks, panel counts.
READ_REPORT = """() => {
  const own = (el) => [...el.children].filter((c) => c.classList.contains('b')).pop();
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  return {
    blocks: [...document.querySelectorAll('[data-i]')].map((el) => ({
      i: Number(el.dataset.i), label: el.dataset.label,
      text: el.querySelector('.txt') ? el.querySelector('.txt').textContent : null,
      visible: shown(el)})),
    items: [...document.querySelectorAll('[data-item]')].map((el) => ({
      item: el.dataset.item, n: el.dataset.n || null, text: el.textContent, visible: shown(el)})),
    marks: [...document.querySelectorAll('mark[data-index]')].map((el) => {
      const b = own(el);
      return {extractor: el.dataset.extractor, index: Number(el.dataset.index),
        kind: el.dataset.kind, text: el.textContent, visible: shown(el),
        background: getComputedStyle(el).backgroundColor,
        badge: b ? b.dataset.b : null,
        drawn: b ? getComputedStyle(b, '::after').content : null};
    }),
    counts: Object.fromEntries([...document.querySelectorAll('details[data-extractor]')].map(
      (el) => [el.dataset.extractor, el.querySelector('.count').textContent])),
    structure: Object.fromEntries([...document.querySelectorAll('[data-structure]')].map(
      (el) => [el.dataset.structure, el.querySelector('.count').textContent])),
  };
}"""

# Every piece of text the report draws, with its colour and the background behind it.
READ_CONTRAST = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const behind = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const out = [];
  const check = (el, what, style) => { const fg = parse(style.color);
    const bgOwn = parse(style.backgroundColor);
    const bg = bgOwn && bgOwn.a > 0 ? bgOwn : behind(el);
    out.push({what, ratio: ratio(fg, bg)}); };
  const sel = '.txt, .tag, mark, .panel li, .panel summary, .panel h2, .top h1, .top .sub, .count, .s-credit';
  for (const el of document.querySelectorAll(sel)) check(el, el.className || el.tagName, getComputedStyle(el));
  for (const el of document.querySelectorAll('.b')) {
    const style = getComputedStyle(el, '::after'); const fg = parse(style.color), bg = parse(style.backgroundColor);
    out.push({what: 'label ' + el.dataset.b, ratio: ratio(fg, bg)}); }
  return out;
}"""


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (python -m pip install -e '.[browser]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("NEWSPARSE_REQUIRE_BROWSER"):
            pytest.fail(f"NEWSPARSE_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@attrs.define
class Visit:
    """A report opened in a fresh page, with everything the page tried to do."""

    page: Any
    requests: list[str]
    dialogs: list[str]
    errors: list[str]


@pytest.fixture
def open_report(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Visit]]:
    contexts = []

    def opener(markup: str, *, width: int = 1280, height: int = 1000, **options: Any) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        path = tmp_path / f"report-{len(contexts)}.html"
        path.write_text(markup, encoding="utf-8")
        visit = Visit(page, [], [], [])
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on("pageerror", lambda error: visit.errors.append(str(error)))

        def dialog(d: Any) -> None:
            visit.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        visit.requests.remove(path.as_uri())
        return visit

    yield opener
    for context in contexts:
        context.close()


def _visible_text(article: Article, span: Span) -> str:
    """What a reader sees of ``span``: its text within the non-blank lines."""
    parts = []
    for line in split_lines(article.source):
        if line.is_blank:
            continue
        start, end = max(span.start, line.span.start), min(span.end, line.span.end)
        if start < end:
            parts.append(article.source[start:end])
    return "".join(parts)


def check_report(visit: Visit, article: Article) -> dict[str, Any]:
    """Compare what the browser shows with what the article holds."""
    shown = visit.page.evaluate(READ_REPORT)
    blocks = {block["i"]: block for block in shown["blocks"]}
    for index, block in enumerate(article.blocks):
        if block.label is Label.BLANK:
            continue
        drawn = blocks[index]
        assert drawn["label"] == block.label.value
        assert drawn["text"] == clean(block.text.rstrip("\r\n"))
        assert drawn["visible"], f"block {index} is not visible"
    body_blocks = [b for b in shown["blocks"] if b["label"] == "body"]
    assert len(body_blocks) == len(article.blocks_labelled(Label.BODY))

    def items(name: str) -> dict[str | None, str]:
        """The text drawn for each numbered item (pieces of a split item joined)."""
        joined: dict[str | None, str] = {}
        for item in shown["items"]:
            if item["item"] == name:
                joined[item["n"]] = joined.get(item["n"], "") + item["text"]
        return joined

    def expected(spans: list[tuple[int, list[Span]]]) -> dict[str | None, str]:
        return {
            str(n): "".join(_visible_text(article, span) for span in group)
            for n, group in spans
            if "".join(_visible_text(article, span) for span in group)
        }

    assert items("body") == expected([(n, [p.span]) for n, p in enumerate(article.body, 1)])
    captions = list(enumerate(article.captions, 1))
    assert items("caption") == expected([(n, list(c.spans)) for n, c in captions])
    credits = [(n, [c.credit_span]) for n, c in captions if c.credit_span is not None]
    assert items("credit") == expected(credits)
    assert items("related") == expected([(n, [r.span]) for n, r in enumerate(article.related, 1)])
    if article.headline_span is not None:
        assert items("headline") == {None: _visible_text(article, article.headline_span)}
    assert all(item["visible"] for item in shown["items"])
    assert shown["structure"]["body"] == str(len(article.body))
    assert shown["structure"]["captions"] == str(len(article.captions))
    assert shown["structure"]["related"] == str(len(article.related))

    assert shown["counts"] == {name: str(len(found)) for name, found in article.findings.items()}
    pieces: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for mark in shown["marks"]:
        pieces.setdefault((mark["extractor"], mark["index"]), []).append(mark)
    for name, found in article.findings.items():
        for i, finding in enumerate(found):
            drawn = pieces.get((name, i), [])
            expected = _visible_text(article, finding.span)
            assert "".join(piece["text"] for piece in drawn) == expected, (name, i)
            if not expected:
                continue
            assert all(piece["visible"] for piece in drawn), (name, i)
            label = drawn[-1]["badge"]
            assert drawn[-1]["drawn"] == f'"{label}"', "the label is drawn after the mark"
            if isinstance(finding, (Quote, newsparse.Number, newsparse.Place)):
                assert drawn[0]["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
            if isinstance(finding, Quote) and finding.speaker:
                assert finding.speaker[:60] in label
            elif isinstance(finding, newsparse.Number):
                assert str(finding.kind) in label
            elif isinstance(finding, newsparse.Place):
                assert str(finding.kind) in label
                assert (finding.country_code or "no country") in label
    assert not visit.errors
    assert not visit.requests, f"the report fetched {visit.requests}"
    return shown


def _is_real(article: Article) -> bool:
    return bool(article.captions and article.related and article.quotes and article.numbers)


def test_seed_report_matches_the_article(open_report: Callable[..., Visit]) -> None:
    text = (ROOT / "seeds" / "harbour-ferry.txt").read_text(encoding="utf-8")
    parsed = newsparse.parse(text)
    check_report(open_report(to_html(parsed)), parsed)
    by_hand = ferry_article()
    visit = open_report(to_html(by_hand))
    shown = check_report(visit, by_hand)
    assert {mark["kind"] for mark in shown["marks"]} == {"quote", "number", "place"}
    # The picture the docs show: the parser's own reading once it finds everything, else the
    # reading by hand.
    pictured = parsed if _is_real(parsed) else by_hand
    if pictured is parsed:
        visit = open_report(to_html(parsed))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_sample_page_report_matches_the_article(
    sample_page: str, open_report: Callable[..., Visit]
) -> None:
    article = newsparse.parse(sample_page)
    check_report(open_report(to_html(article, source_name="sample page")), article)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_is_legible(scheme: str, open_report: Callable[..., Visit]) -> None:
    visit = open_report(to_html(ferry_article()), color_scheme=scheme)
    measured = visit.page.evaluate(READ_CONTRAST)
    assert len(measured) > 50
    poor = [(m["what"], round(m["ratio"], 2)) for m in measured if m["ratio"] < 4.5]
    assert not poor, f"below WCAG AA in the {scheme} scheme: {poor[:10]}"


def test_phone_layout_has_no_sideways_scrolling(open_report: Callable[..., Visit]) -> None:
    visit = open_report(to_html(ferry_article()), width=360, height=740, is_mobile=True)
    layout = visit.page.evaluate(
        """() => ({scroll: document.documentElement.scrollWidth, width: window.innerWidth,
        main: document.querySelector('main').getBoundingClientRect().toJSON(),
        panel: document.querySelector('aside').getBoundingClientRect().toJSON(),
        font: parseFloat(getComputedStyle(document.querySelector('.txt')).fontSize)})"""
    )
    assert layout["scroll"] <= layout["width"]
    assert layout["panel"]["top"] >= layout["main"]["bottom"] - 1  # one column: panel below
    assert layout["font"] >= 14


INJECTED = (
    "Breaking <script>window.__pwned = 'script'; alert('script')</script> news\n"
    "\n"
    "\"><img src=x onerror=\"window.__pwned = 'img'; alert('img')\">\n"
    "\n"
    "'><svg onload=\"window.__pwned = 'svg'\"></svg> and 40 more\n"
    "\n"
    "</div></section></main><iframe src=\"javascript:window.__pwned='iframe'\"></iframe>\n"
    "\n"
    "<a href=\"javascript:window.__pwned='link'\">read more</a>\n"
)


def _injected_article() -> Article:
    parsed = newsparse.parse(INJECTED)
    at = find(INJECTED, "<img")
    quote = Quote(INJECTED[at.start : at.start + 30], Span(at.start, at.start + 30))
    quote = attrs.evolve(quote, speaker="<script>window.__pwned='speaker'</script>")
    forty = Number("40", find(INJECTED, "40"), 40, NumberKind.CARDINAL, unit='"><img src=x>')
    findings = dict(parsed.findings)
    findings.update(quotes=(quote,), numbers=(forty,))
    return attrs.evolve(parsed, findings=findings)


class _EvilDrawer:
    @hookimpl
    def newsparse_render_finding(self, name: str, finding: Any) -> dict[str, str]:
        return {
            "label": "<script>window.__pwned='label'</script>",
            "tooltip": '"><img src=x onerror="window.__pwned=\'tooltip\'">',
            "css_class": "\" onmouseover=\"window.__pwned='class'",
        }


@pytest.mark.parametrize("keep_csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_injected_markup_shows_as_text_and_never_runs(
    keep_csp: bool, open_report: Callable[..., Visit]
) -> None:
    article = _injected_article()
    manager = PluginManager(load_entry_points=False, plugins=[_EvilDrawer()])
    markup = to_html(article, plugins=manager, source_name="<script>window.__pwned='name'</script>")
    if not keep_csp:
        head, _, rest = markup.partition('<meta http-equiv="Content-Security-Policy"')
        markup = head + rest.partition(">")[2]
        assert "Content-Security-Policy" not in markup
    visit = open_report(markup)
    page = visit.page
    page.mouse.move(200, 200)
    for mark in page.query_selector_all("mark"):
        mark.hover()
    assert page.evaluate("() => window.__pwned") is None
    assert not visit.dialogs
    assert not visit.errors
    assert not visit.requests, f"the report fetched {visit.requests}"
    foreign = page.evaluate(
        "() => document.querySelectorAll('script, img, svg, iframe, object, embed, a[href^=j]')"
        ".length"
    )
    assert foreign == 0
    texts = page.evaluate(
        "() => [...document.querySelectorAll('.txt')].map((el) => el.textContent).join('\\n')"
    )
    for line in INJECTED.splitlines():
        if line:
            assert line in texts
