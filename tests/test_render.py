"""The HTML report and the terminal outline: escaping, nesting, plugin drawings, colour rules."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import (
    Article,
    Block,
    Extractor,
    Label,
    Number,
    NumberKind,
    Paragraph,
    Part,
    Place,
    PlaceKind,
    Quote,
    Span,
    hookimpl,
)
from newsparse.cli import main
from newsparse.plugins import PluginManager
from newsparse.render import color_enabled, terminal_outline, to_html
from newsparse.render.marks import Mark, clean, write_marked
from newsparse.render.palette import PAIRS, SCHEMES, contrast_ratio
from newsparse.render.template import stylesheet
from newsparse.text import split_lines
from tests.html_tree import Node, block_texts, parse_html
from tests.render_cases import ferry_article, find

ROOT = Path(__file__).resolve().parents[1]

# Every element the report may contain; anything else (img, script, svg, iframe...) would
# have come from the page.
ALLOWED_TAGS = {
    "#document",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "p",
    "div",
    "main",
    "aside",
    "section",
    "span",
    "mark",
    "details",
    "summary",
    "ol",
    "ul",
    "li",
    "a",
    "em",
}

NO_PLUGINS = PluginManager(load_entry_points=False, default_plugins=())


def prose(text: str, **findings: tuple[Any, ...]) -> Article:
    """``text`` with every line a body block and paragraph, and the given findings."""
    lines = split_lines(text)
    blocks = tuple(
        Block(
            Label.BLANK if line.is_blank else Label.BODY,
            text[line.full.start : line.full.end],
            line.full,
        )
        for line in lines
    )
    body = tuple(Paragraph(line.text, line.span) for line in lines if not line.is_blank)
    return Article(source=text, blocks=blocks, body=body, findings=findings)


def number(source: str, needle: str, nth: int = 0, value: int | None = 1) -> Number:
    return Number(needle, find(source, needle, nth), value, NumberKind.CARDINAL)


def marks_of(root: Node, name: str, index: int) -> list[Node]:
    return root.find_all(
        lambda node: (
            node.tag == "mark"
            and node.attrs.get("data-extractor") == name
            and node.attrs.get("data-index") == str(index)
        )
    )


def badge(node: Node) -> str:
    """The label drawn after a mark (its own, not that of a mark inside it)."""
    own = [c for c in node.children if isinstance(c, Node) and "b" in c.classes]
    return own[-1].attrs["data-b"] if own else ""


def assert_inert(markup: str) -> Node:
    """The report nests, uses only its own elements, no event handler, no outside link."""
    root = parse_html(markup)
    for node in root.iter():
        assert node.tag in ALLOWED_TAGS, f"<{node.tag}> in the report"
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"event handler {name}={value!r}"
            if name in ("href", "src", "action", "formaction"):
                assert value.startswith("#"), f"{name}={value!r} leaves the report"
    return root


# -- escaping ---------------------------------------------------------------------------------

PAYLOADS = [
    pytest.param("<script>alert(1)</script>", id="script-element"),
    pytest.param('"><img src=x onerror=alert(1)>', id="attribute-breakout-img"),
    pytest.param("'><svg onload=alert(1)>", id="single-quote-svg"),
    pytest.param("</div></section></main><script>alert(1)</script>", id="close-and-script"),
    pytest.param("<!-- <style>*{display:none}</style> -->", id="comment-and-style"),
    pytest.param("&lt;script&gt; &amp; &#60;b&#62;", id="entities-stay-literal"),
    pytest.param("<a href=javascript:alert(1)>click</a>", id="javascript-link"),
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_page_text_is_escaped_everywhere(payload: str) -> None:
    source = f'{payload}\n\nShe said: "{payload}" about 12 {payload} in Paris.\n'
    headline = find(source, payload)
    quote = Quote(payload, find(source, payload, 1), speaker=payload, cue=payload)
    numbers = (Number("12", find(source, "12"), 12, NumberKind.CARDINAL, unit=payload),)
    place = Place("Paris", find(source, "Paris"), payload, PlaceKind.CITY, payload[:2])
    article = attrs.evolve(
        prose(source, quotes=(quote,), numbers=numbers, places=(place,)),
        headline=source[headline.start : headline.end],
        headline_span=headline,
    )
    markup = to_html(article, source_name=payload, plugins=NO_PLUGINS)
    assert "<script" not in markup.lower()
    assert "<img" not in markup.lower()
    assert "<svg" not in markup.lower()
    assert html.escape(payload, quote=True) in markup
    root = assert_inert(markup)
    texts = block_texts(root)
    assert texts[0] == payload
    assert payload in texts[2]


def test_plugin_drawings_are_escaped() -> None:
    payload = '"><img src=x onerror=alert(1)>'

    class Evil:
        @hookimpl
        def newsparse_render_finding(self, name: str, finding: Any) -> dict[str, str]:
            return {"label": payload, "tooltip": payload, "css_class": payload}

    source = "Prices rose 4 points.\n"
    article = prose(source, numbers=(number(source, "4"),))
    manager = PluginManager(load_entry_points=False, default_plugins=(), plugins=[Evil()])
    markup = to_html(article, plugins=manager)
    root = assert_inert(markup)
    (mark,) = marks_of(root, "numbers", 0)
    assert mark.classes == {"f", "f-number"}  # the unusable class was refused
    assert mark.attrs["title"] == payload
    assert badge(mark) == payload


def test_characters_html_cannot_carry_become_replacement_characters() -> None:
    source = "a\x00b \ud800 c\n"
    markup = to_html(prose(source), plugins=NO_PLUGINS)
    markup.encode("utf-8")  # a lone surrogate would make the file unwritable
    assert block_texts(parse_html(markup))[0] == "a\ufffdb \ufffd c"


# -- nesting of overlapping spans ---------------------------------------------------------------


def _mark(start: int, end: int, name: str, rank: int = 20) -> Mark:
    return Mark(
        start, end, rank, "mark", f"f x-{name}", (("data-fid", name),), element_id=name, badge=name
    )


NESTING = [
    pytest.param([(2, 5, "outer"), (3, 4, "inner")], {"outer": 1, "inner": 1}, id="inside"),
    pytest.param([(0, 6, "a"), (3, 9, "b")], {"a": 1, "b": 2}, id="crossing"),
    pytest.param([(3, 9, "b"), (0, 6, "a")], {"a": 1, "b": 2}, id="crossing-given-late"),
    pytest.param([(2, 6, "a"), (2, 6, "b")], {"a": 1, "b": 1}, id="identical"),
    pytest.param([(0, 4, "a"), (4, 8, "b")], {"a": 1, "b": 1}, id="touching"),
    pytest.param([(0, 5, "a"), (2, 7, "b"), (4, 9, "c")], {"a": 1, "b": 2, "c": 2}, id="stair"),
    pytest.param([(3, 3, "empty"), (1, 6, "a")], {"a": 1, "empty": 1}, id="zero-length"),
    pytest.param([(-5, 4, "before"), (8, 40, "after")], {"before": 1, "after": 1}, id="clipped"),
]


@pytest.mark.parametrize(("spans", "pieces"), NESTING)
def test_overlapping_marks_nest_and_keep_the_text(
    spans: list[tuple[int, int, str]], pieces: dict[str, int]
) -> None:
    text = "0123456789"
    out = write_marked(text, 0, [_mark(s, e, n) for s, e, n in spans])
    root = parse_html(f"<div>{out}</div>")
    assert root.text() == text
    for name, count in pieces.items():
        found = root.by_attr("data-fid", name)
        assert len(found) == count, out
        assert [node.attrs.get("id") for node in found] == [name] + [None] * (count - 1)
        badges = [bool(node.by_class("b")) for node in found]
        assert badges == [False] * (count - 1) + [True]
        start, end, _ = next(s for s in spans if s[2] == name)
        assert "".join(node.text() for node in found) == text[max(start, 0) : min(end, 10)]


def test_number_inside_a_quote_is_nested_in_the_report() -> None:
    article = ferry_article()
    root = assert_inert(to_html(article, plugins=NO_PLUGINS))
    quote_index = next(i for i, q in enumerate(article.quotes) if "40 people" in q.text)
    number_index = next(
        i
        for i, n in enumerate(article.numbers)
        if n.span.start > article.quotes[quote_index].span.start and n.text == "40"
    )
    (quote,) = marks_of(root, "quotes", quote_index)
    inner = [node for node in quote.iter() if node.attrs.get("data-index") == str(number_index)]
    assert inner
    assert inner[0].attrs["data-extractor"] == "numbers"


def test_a_finding_that_crosses_a_quote_is_split_into_pieces() -> None:
    source = 'Ms Ross said: "We owe the crew a great deal." Then she left.\n'
    quote = Quote("We owe the crew a great deal.", find(source, "We owe the crew a great deal."))
    crossing = Number('deal." Then', find(source, 'deal." Then'), None)
    root = assert_inert(
        to_html(prose(source, quotes=(quote,), numbers=(crossing,)), plugins=NO_PLUGINS)
    )
    pieces = marks_of(root, "numbers", 0)
    assert len(pieces) == 2
    assert "".join(p.text() for p in pieces) == 'deal." Then'
    assert block_texts(root)[0] == source.rstrip("\n")


def test_a_span_across_two_blocks_is_drawn_in_both() -> None:
    source = "first line\nsecond line\n"
    wide = Number("line\nsecond", find(source, "line\nsecond"), None)
    root = assert_inert(to_html(prose(source, numbers=(wide,)), plugins=NO_PLUGINS))
    pieces = marks_of(root, "numbers", 0)
    assert [p.text() for p in pieces] == ["line", "second"]
    assert [bool(p.attrs.get("id")) for p in pieces] == [True, False]
    assert [bool(p.by_class("b")) for p in pieces] == [False, True]


# -- what the report shows --------------------------------------------------------------------


def test_the_report_shows_every_block_item_and_finding_of_the_article() -> None:
    article = ferry_article()
    root = assert_inert(article.to_html())
    texts = block_texts(root)
    for index, block in enumerate(article.blocks):
        if block.label is not Label.BLANK:
            assert texts[index] == block.text.rstrip("\r\n")
            (drawn,) = root.by_attr("data-i", str(index))
            assert drawn.attrs["data-label"] == block.label.value
    for item, expected in (
        ("body", [p.span for p in article.body]),
        ("caption", [c.span for c in article.captions]),
        ("credit", [c.credit_span for c in article.captions]),
        ("related", [r.span for r in article.related]),
    ):
        drawn = root.find_all(lambda node, item=item: node.attrs.get("data-item") == item)
        assert [node.text() for node in drawn] == [
            article.source[s.start : s.end] for s in expected
        ]
    for name, items in article.findings.items():
        summary = root.find_all(
            lambda node, name=name: (
                node.tag == "details" and node.attrs.get("data-extractor") == name
            )
        )[0]
        assert summary.by_class("count")[0].text() == str(len(items))
        for i, finding in enumerate(items):
            pieces = marks_of(root, name, i)
            assert "".join(p.text() for p in pieces) == finding.text
    quote_badges = [badge(m) for m in root.by_attr("data-kind", "quote")]
    assert quote_badges == [f"— {q.speaker}" for q in article.quotes]
    number_badges = [badge(m) for m in root.by_attr("data-kind", "number")]
    assert "9500 GBP · money" in number_badges
    assert "15 · percent" in number_badges
    place_badges = [badge(m) for m in root.by_attr("data-kind", "place")]
    assert place_badges[0] == "city · GB · 57.41°N 6.19°W"


def test_the_report_is_self_contained() -> None:
    markup = ferry_article().to_html()
    assert re.search(r"\bsrc\s*=", markup) is None
    assert re.search(r"\bhref=\"(?!#)", markup) is None
    assert "url(" not in markup
    assert "@import" not in markup
    assert "<link" not in markup
    assert "Content-Security-Policy" in markup
    assert "default-src 'none'" in markup


def test_every_colour_pair_reaches_wcag_aa() -> None:
    for scheme, colours in SCHEMES.items():
        for foreground, background in PAIRS:
            ratio = contrast_ratio(colours[foreground], colours[background])
            assert ratio >= 4.5, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"


def test_the_stylesheet_uses_only_defined_colours() -> None:
    used = set(re.findall(r"var\(--([a-z0-9-]+)\)", stylesheet()))
    for scheme, colours in SCHEMES.items():
        assert used <= set(colours), f"{scheme} lacks {sorted(used - set(colours))}"


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# -- plugin findings --------------------------------------------------------------------------


@attrs.frozen
class Tone:
    text: str
    span: Span
    score: float
    part: Part = Part.BODY


def _drawer(result: Callable[[str, Any], Any]) -> object:
    class Drawer:
        @hookimpl
        def newsparse_render_finding(self, name: str, finding: Any) -> Any:
            return result(name, finding)

    return Drawer()


def _tone_article() -> Article:
    source = "What a wonderful rescue it was.\n"
    return prose(source, tone=(Tone("wonderful rescue", find(source, "wonderful rescue"), 0.9),))


def _explodes(name: str, finding: Any) -> Any:
    raise RuntimeError("boom")


DRAWINGS = [
    pytest.param(
        lambda name, f: {"label": f"tone {f.score}", "tooltip": "warm", "css_class": "np-hue-3"},
        {"f", "f-other", "np-hue-3"},
        "tone 0.9",
        "warm",
        None,
        id="plugin-drawing",
    ),
    pytest.param(
        lambda name, f: {"label": "x"},
        {"f", "f-other", "np-hue-1"},
        "x",
        "tone: score: 0.9",
        None,
        id="partial-keeps-defaults",
    ),
    pytest.param(
        lambda name, f: None,
        {"f", "f-other", "np-hue-1"},
        "tone · 0.9",
        "tone: score: 0.9",
        None,
        id="none-is-default",
    ),
    pytest.param(
        _explodes,
        {"f", "f-other", "np-hue-1"},
        "tone · 0.9",
        "tone: score: 0.9",
        "raised RuntimeError",
        id="raising-is-noted",
    ),
    pytest.param(
        lambda name, f: ["label"],
        {"f", "f-other", "np-hue-1"},
        "tone · 0.9",
        "tone: score: 0.9",
        "returned a list",
        id="not-a-mapping",
    ),
]


@pytest.mark.parametrize(("hook", "classes", "label", "tooltip", "note"), DRAWINGS)
def test_plugins_say_how_their_findings_are_drawn(
    hook: Callable[[str, Any], Any], classes: set[str], label: str, tooltip: str, note: str | None
) -> None:
    manager = PluginManager(load_entry_points=False, default_plugins=(), plugins=[_drawer(hook)])
    root = assert_inert(to_html(_tone_article(), plugins=manager))
    (mark,) = marks_of(root, "tone", 0)
    assert mark.classes == classes
    assert mark.text() == "wonderful rescue"
    assert badge(mark) == label
    assert mark.attrs["title"] == tooltip
    problems = root.by_class("problems")
    if note is None:
        assert not problems
    else:
        assert note in problems[0].text()


def test_a_plugin_extractor_and_its_drawing_go_through_parse() -> None:
    def extract(article: Article) -> list[Tone]:
        at = article.source.find("rescue")
        return [Tone("rescue", Span(at, at + 6), 0.5)] if at >= 0 else []

    class TonePlugin:
        @hookimpl
        def newsparse_register_extractors(self, register: Callable[[Extractor], None]) -> None:
            register(Extractor("tone", extract, Tone))

        @hookimpl
        def newsparse_render_finding(self, name: str, finding: Any) -> Mapping[str, str] | None:
            return {"label": f"tone {finding.score}"} if name == "tone" else None

    manager = PluginManager(load_entry_points=False, plugins=[TonePlugin()])
    article = newsparse.parse("The rescue went well.\n", plugins=manager)
    root = assert_inert(to_html(article, plugins=manager))
    (mark,) = marks_of(root, "tone", 0)
    assert badge(mark) == "tone 0.5"
    legend = root.by_class("legend")[0].text()
    assert "tone" in legend


# -- terminal colours -------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


COLOUR_RULES = [
    pytest.param("auto", True, {}, True, id="auto-terminal"),
    pytest.param("auto", False, {}, False, id="auto-pipe"),
    pytest.param("auto", True, {"NO_COLOR": "1"}, False, id="auto-no-color"),
    pytest.param("auto", True, {"NO_COLOR": ""}, True, id="auto-empty-no-color-is-unset"),
    pytest.param("auto", True, {"TERM": "dumb"}, False, id="auto-dumb-terminal"),
    pytest.param("always", False, {"NO_COLOR": "1"}, True, id="always-wins"),
    pytest.param("never", True, {}, False, id="never"),
]


@pytest.mark.parametrize(("mode", "tty", "env", "expected"), COLOUR_RULES)
def test_colour_rules(mode: str, tty: bool, env: dict[str, str], expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert color_enabled(mode, stream, env) is expected


def test_terminal_outline_colours_and_neutralises_page_escapes() -> None:
    source = "Headline\x1b]0;owned\x07 here\n"
    article = prose(source)
    plain = terminal_outline(article, color=False)
    coloured = terminal_outline(article, color=True)
    assert "\x1b" not in plain
    assert "\x07" not in plain
    assert "␛]0;owned␇" in plain
    assert "\x1b[1;36m" in coloured
    assert coloured.count("\x1b[0m") >= 1
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert "\x1b]" not in coloured


@pytest.mark.parametrize(
    ("argv", "env", "tty", "coloured"),
    [
        pytest.param(["--color", "always"], {}, False, True, id="always"),
        pytest.param([], {}, False, False, id="auto-not-a-tty"),
        pytest.param([], {}, True, True, id="auto-tty"),
        pytest.param([], {"NO_COLOR": "1"}, True, False, id="auto-tty-no-color"),
        pytest.param(["--color", "never"], {}, True, False, id="never"),
    ],
)
def test_cli_text_format_colour(
    argv: list[str],
    env: dict[str, str],
    tty: bool,
    coloured: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = _Tty() if tty else io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    seed = str(ROOT / "seeds" / "harbour-ferry.txt")
    assert main(["parse", seed, "--format", "text", "--no-extractors", *argv]) == 0
    assert ("\x1b[" in out.getvalue()) is coloured
    assert "Ferry crew praised" in out.getvalue()


# -- the render command -----------------------------------------------------------------------


def test_render_command_writes_a_report(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "harbour-ferry.txt"
    target = tmp_path / "report.html"
    assert main(["render", str(seed), "-o", str(target)]) == 0
    markup = target.read_text(encoding="utf-8")
    root = assert_inert(markup)
    article = newsparse.parse_file(seed)
    texts = block_texts(root)
    for index, block in enumerate(article.blocks):
        if block.label is not Label.BLANK:
            assert texts[index] == block.text.rstrip("\r\n")
    assert "harbour-ferry.txt" in root.by_class("sub")[0].text()


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        pytest.param(["render", "missing.txt"], 1, "missing.txt"),
        pytest.param(["render", "{seed}", "-o", "{tmp}/no/such/dir/r.html"], 1, "r.html"),
        pytest.param(["render", "{seed}", "--extractors", "nope"], 2, "nope"),
    ],
)
def test_render_command_errors(
    argv: list[str], code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(ROOT / "seeds" / "harbour-ferry.txt")
    args = [a.format(seed=seed, tmp=tmp_path) for a in argv]
    assert main(args) == code
    err = capsys.readouterr().err
    assert err.startswith("newsparse: ")
    assert message in err
    assert err.count("\n") == 1


def test_render_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(ROOT / "seeds" / "harbour-ferry.txt")]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


# -- properties -------------------------------------------------------------------------------


@given(st.text(st.characters(codec="utf-8") | st.sampled_from("\n\r<>&\"'"), max_size=300))
def test_to_html_never_raises_and_shows_every_block(text: str) -> None:
    article = newsparse.parse(text)
    markup = article.to_html()
    markup.encode("utf-8")
    root = assert_inert(markup)
    texts = block_texts(root)
    for index, block in enumerate(article.blocks):
        if block.label is not Label.BLANK:
            assert texts[index] == clean(block.text.rstrip("\r\n"))


@st.composite
def _marked_articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(st.sampled_from('ab <\n"&'), min_size=1, max_size=60))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
            max_size=8,
        )
    )
    numbers = tuple(Number(text[s:e], Span(s, e), None) for s, e in spans)
    quotes = tuple(Quote(text[e:], Span(e, len(text))) for s, e in spans[:2])
    return prose(text, numbers=numbers, quotes=quotes)


@given(_marked_articles())
def test_any_overlap_of_findings_renders_as_nested_markup(article: Article) -> None:
    root = assert_inert(to_html(article, plugins=NO_PLUGINS))
    texts = block_texts(root)
    for index, block in enumerate(article.blocks):
        if block.label is not Label.BLANK:
            assert texts[index] == block.text.rstrip("\r\n")
    lines = [line.span for line in split_lines(article.source) if not line.is_blank]
    for name, items in article.findings.items():
        for i, finding in enumerate(items):
            start, end = finding.span.start, finding.span.end
            visible = "".join(
                article.source[max(start, line.start) : min(end, line.end)]
                for line in lines
                if max(start, line.start) < min(end, line.end)
            )
            pieces = marks_of(root, name, i)
            assert "".join(p.text() for p in pieces) == visible


def test_an_article_without_blocks_still_shows_all_its_text() -> None:
    source = "Storm closes schools\n\nHeavy snow closed 40 schools.\n"
    article = Article(source=source, findings={"numbers": (number(source, "40", value=40),)})
    root = assert_inert(to_html(article, plugins=NO_PLUGINS))
    assert block_texts(root) == {0: "Storm closes schools", 2: "Heavy snow closed 40 schools."}
    labels = [node.attrs["data-label"] for node in root.by_attr("data-i")]
    assert labels == ["unlabelled", "blank", "unlabelled"]
    assert [m.text() for m in marks_of(root, "numbers", 0)] == ["40"]


def test_a_finding_without_a_usable_span_is_listed_but_not_drawn() -> None:
    source = "Short text.\n"
    stray = Number("far away", Span(50, 58), 1)
    root = assert_inert(to_html(prose(source, numbers=(stray,)), plugins=NO_PLUGINS))
    assert marks_of(root, "numbers", 0) == []
    (panel,) = root.find_all(lambda n: n.tag == "details")
    assert "not anchored" in panel.text()
    assert panel.by_class("count")[0].text() == "1"


def test_a_failing_drawer_does_not_silence_the_next_one() -> None:
    class Careful:
        @hookimpl
        def newsparse_render_finding(self, finding: Any) -> dict[str, str]:
            return {"label": f"score {finding.score}"}

    class Broken:
        @hookimpl
        def newsparse_render_finding(self, name: str, finding: Any) -> dict[str, str]:
            raise ValueError("no")

    # pluggy asks the plugin registered last first: Broken, then Careful.
    manager = PluginManager(
        load_entry_points=False, default_plugins=(), plugins=[Careful(), Broken()]
    )
    root = assert_inert(to_html(_tone_article(), plugins=manager))
    (mark,) = marks_of(root, "tone", 0)
    assert badge(mark) == "score 0.9"
    assert "raised ValueError: no" in root.by_class("problems")[0].text()
