"""HTML into a stream of text chunks, each with the markup hints labelling needs.

A *chunk* is the text of one block-level element (a paragraph, a heading, a list item, a
figure caption, the loose text of a ``div``); ``<br>`` splits it into lines.  Each chunk keeps
the XPath of its element and hints from the markup around it: the sectioning elements it sits
in (``nav``, ``aside``, ``footer``, ``article``, ``main``, ``figure``), whether class and id
names mark the region as article text or as page furniture, how much of its text is link text,
the link it leads to and the image a caption belongs to.  Scripts, styles, templates, form
controls and hidden elements never produce a chunk.

The walk is iterative (no recursion limit) and linear in the size of the document; paths are
cut to their last :data:`PATH_SEGMENTS` steps so that deep nesting cannot make them quadratic.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from newsparse.errors import InputError

__all__ = [
    "LOCAL_DEPTH",
    "MAX_CHUNKS",
    "PATH_SEGMENTS",
    "Chunk",
    "Element",
    "Extraction",
    "Flag",
    "extract",
]

PATH_SEGMENTS = 32
#: A news page has a few hundred blocks of text; past this many, the input is refused rather
#: than read for minutes (every block costs its share of labelling and of the Article).
MAX_CHUNKS = 100_000
LOCAL_DEPTH = 6
HINT_DEPTH = 3


class Flag:
    """Bits of context a chunk inherits from the elements around it."""

    NAV = 1 << 0
    ASIDE = 1 << 1
    FOOTER = 1 << 2
    HEADER = 1 << 3
    ARTICLE = 1 << 4
    MAIN = 1 << 5
    FIGURE = 1 << 6
    FIGCAPTION = 1 << 7
    CAPTION = 1 << 8  # a class or id naming a caption
    BLOCKQUOTE = 1 << 9
    LIST = 1 << 10
    TABLE = 1 << 11
    FORM = 1 << 12
    NEGATIVE = 1 << 13  # class or id naming page furniture (share bars, menus, ads, ...)
    POSITIVE = 1 << 14  # class, id or itemprop naming the article text
    BYLINE = 1 << 15
    DATE = 1 << 16
    RELATED = 1 << 17
    STANDFIRST = 1 << 18
    CREDIT = 1 << 19
    SECTION = 1 << 20  # breadcrumbs, kicker, rubric
    HEADLINE = 1 << 21  # itemprop/class naming the headline
    TITLE_CLASS = 1 << 22  # class or id saying "title"
    COMMENTS = 1 << 23

    BOILER = NAV | ASIDE | FOOTER | FORM | NEGATIVE | COMMENTS
    #: Flags that hold for everything inside the element, however deep; the others (mostly
    #: from class names, which templates also put on page-wide wrappers) count only within
    #: :data:`LOCAL_DEPTH` elements of the text.
    #: Flags that name what one small element is (a byline, a date): they count only within
    #: :data:`HINT_DEPTH` elements of the text.
    HINTS = CAPTION | CREDIT | BYLINE | DATE | STANDFIRST | SECTION | HEADLINE | TITLE_CLASS
    INHERITED = (
        NAV
        | ASIDE
        | FOOTER
        | HEADER
        | ARTICLE
        | MAIN
        | FIGURE
        | FIGCAPTION
        | BLOCKQUOTE
        | LIST
        | TABLE
    )


@attrs.define(slots=True)
class Element:
    """A block-level element: where its chunks start and end, and its own hints."""

    tag: str
    flags: int
    parent: int
    first_chunk: int
    end_chunk: int = -1
    weight: int = 0


@attrs.define(slots=True)
class Chunk:
    """The text of one block-level element, split into its visible lines."""

    lines: list[str]
    path: str
    tag: str
    flags: int
    element: int
    ancestors: tuple[int, ...]
    text_chars: int
    link_chars: int
    href: str | None = None
    link_text: str | None = None
    figure: int = -1
    heading: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.text_chars if self.text_chars else 0.0


@attrs.define(slots=True)
class Extraction:
    """Everything read from the page body."""

    chunks: list[Chunk]
    elements: list[Element]
    figure_images: dict[int, str]
    base: str | None


_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "select",
        "option",
        "optgroup",
        "datalist",
        "textarea",
        "input",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
        "link",
        "meta",
        "base",
        "dialog",
    ]
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "legend",
        "html",
    ]
)
_TAG_FLAGS = {
    "nav": Flag.NAV,
    "aside": Flag.ASIDE,
    "footer": Flag.FOOTER,
    "header": Flag.HEADER,
    "article": Flag.ARTICLE,
    "main": Flag.MAIN,
    "figure": Flag.FIGURE,
    "figcaption": Flag.FIGCAPTION,
    "blockquote": Flag.BLOCKQUOTE,
    "li": Flag.LIST,
    "table": Flag.TABLE,
    "form": Flag.FORM,
    "fieldset": Flag.FORM,
    "time": Flag.DATE,
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Class/id vocabulary: generic names page templates use, matched on word-ish boundaries.
_NAME_FLAGS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern), flag)
    for pattern, flag in (
        (
            r"article-?body|articlebody|story-?body|storybody|entry-?content|post-?content|"
            r"post-?body|article-?content|article-?text|story-?content|story-?text|"
            r"body-?text|main-?content|content-?body|rich-?text|article__body|articletext",
            Flag.POSITIVE,
        ),
        (
            r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|side-bar|widget|share|sharing|"
            r"social|subscribe|subscription|newsletter|promo|advert|advertisement|ad|ads|adv|"
            r"banner|cookie|popup|modal|toolbar|masthead|skip|login|signup|paywall|"
            r"sponsor|sponsored|outbrain|taboola|disclaimer|copyright|tags|tag-list|"
            r"topics|pagination|pager|print|related-tags|footer|site-header|"
            r"site-footer|breaking|alert|bottom)(?:$|[\s_-])",
            Flag.NEGATIVE,
        ),
        (r"comment|disqus|discussion|respond", Flag.COMMENTS),
        (r"caption", Flag.CAPTION),
        (r"credit|copyright|photographer|image-?source", Flag.CREDIT),
        (r"byline|author|writer|contributor|reporter", Flag.BYLINE),
        (r"(?:^|[\s_-])(?:date|time|timestamp|published|dateline|pubdate)", Flag.DATE),
        (
            r"related|recirc|more-?stories|read-?more|recommend|trending|most-?popular|"
            r"most-?read|also-?read|see-?also|next-?article|up-?next",
            Flag.RELATED,
        ),
        (
            r"standfirst|dek(?:$|[\s_-])|subhead|sub-?title|summary|intro|lede|lead|"
            r"description|teaser-?text|strapline|kicker-?text",
            Flag.STANDFIRST,
        ),
        (
            r"(?:^|[\s_])(?:breadcrumbs?|kicker|rubric|eyebrow|section-?name|category|"
            r"cat-?links|post-?categories)(?:$|\s|__)",
            Flag.SECTION,
        ),
        (r"headline", Flag.HEADLINE),
        (r"title", Flag.TITLE_CLASS),
    )
)
_HIDDEN_STYLE = re.compile(r"display\s{0,4}:\s{0,4}none|visibility\s{0,4}:\s{0,4}hidden")
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|sr-only|visually-?hidden|screen-?reader-text|screenreader|"
    r"offscreen|u-hidden|is-hidden|d-none)(?:$|\s)"
)
_ITEMPROP_FLAGS = {
    "articlebody": Flag.POSITIVE,
    "headline": Flag.HEADLINE,
    "author": Flag.BYLINE,
    "datepublished": Flag.DATE,
    "datemodified": Flag.DATE,
    "caption": Flag.CAPTION,
    "description": Flag.STANDFIRST,
    "articlesection": Flag.SECTION,
    "copyrightholder": Flag.CREDIT,
}
_WHITESPACE = re.compile(r"\s+")
_NAME_LIMIT = 300


@functools.lru_cache(maxsize=4096)
def _name_flags(names: str) -> int:
    """Flags from class and id names (-1: names that hide the element).  Pages repeat the
    same class strings many times, so the answers are cached."""
    if _HIDDEN_CLASS.search(names):
        return -1
    flags = 0
    for pattern, flag in _NAME_FLAGS:
        if pattern.search(names):
            flags |= flag
    return flags


def _attribute_flags(attributes: dict[str, str | None]) -> tuple[int, bool]:
    """Flags from class, id, itemprop and rel; and whether the element is hidden."""
    if "hidden" in attributes:
        return 0, True
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style.lower()):
        return 0, True
    if (attributes.get("aria-hidden") or "").lower() == "true" and attributes.get("role") in (
        "presentation",
        "none",
    ):
        return 0, True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()[:_NAME_LIMIT]
    flags = 0
    if names.strip():
        flags = _name_flags(names)
        if flags < 0:
            return 0, True
    itemprop = (attributes.get("itemprop") or "").lower()
    if itemprop:
        for word in itemprop.split():
            flags |= _ITEMPROP_FLAGS.get(word, 0)
    rel = (attributes.get("rel") or "").lower()
    if "author" in rel.split():
        flags |= Flag.BYLINE
    return flags, False


class _Builder:
    """The mutable state of one walk over the document."""

    def __init__(self) -> None:
        self.chunks: list[Chunk] = []
        self.elements: list[Element] = []
        self.figure_images: dict[int, str] = {}
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.text_chars = 0
        self.link_chars = 0
        self.href: str | None = None
        self.link_text: list[str] = []
        self.segments: list[str] = []
        self.blocks: list[int] = []  # indices of the open block elements
        self.flags: list[int] = [0]
        self.own: list[int] = [0]
        self.chunk_flags = 0
        self.preformatted = False
        self.figures: list[int] = []

    def note_context(self) -> None:
        """Record the context of text being added to the current chunk."""
        local = hints = 0
        own = self.own
        for flags in own[-LOCAL_DEPTH:]:
            local |= flags
        for flags in own[-HINT_DEPTH:]:
            hints |= flags
        self.chunk_flags |= (
            (self.flags[-1] & Flag.INHERITED)
            | (local & ~(Flag.INHERITED | Flag.HINTS))
            | (hints & Flag.HINTS)
        )

    def end_line(self) -> None:
        """Close the current line: whitespace collapsed as a browser shows it, except in
        preformatted text, where only line ends are dropped."""
        joined = "".join(self.pieces)
        if self.preformatted:
            line = joined.rstrip("\r\n\f ") if joined.strip() else ""
        else:
            line = _WHITESPACE.sub(" ", joined).strip()
        self.pieces.clear()
        self.preformatted = False
        if line:
            self.lines.append(line)

    def flush(self) -> None:
        """Close the current chunk (at every block boundary)."""
        self.end_line()
        if not self.lines:
            self.text_chars = self.link_chars = self.chunk_flags = 0
            self.href = None
            self.link_text.clear()
            return
        if len(self.chunks) >= MAX_CHUNKS:
            raise InputError(
                f"the page has more than {MAX_CHUNKS} blocks of text; "
                "newsparse reads news pages, not documents of this size"
            )
        element = self.blocks[-1] if self.blocks else -1
        tag = self.elements[element].tag if element >= 0 else "body"
        segments = self.segments[-PATH_SEGMENTS:]
        prefix = "//" if len(self.segments) > PATH_SEGMENTS else "/"
        link_text = _WHITESPACE.sub(" ", "".join(self.link_text)).strip() or None
        self.chunks.append(
            Chunk(
                lines=self.lines,
                path=prefix + "/".join(segments),
                tag=tag,
                flags=self.chunk_flags,
                element=element,
                ancestors=tuple(self.blocks[-5:]),
                text_chars=max(self.text_chars, 1),
                link_chars=self.link_chars,
                href=self.href,
                link_text=link_text,
                figure=self.figures[-1] if self.figures else -1,
                heading=_HEADINGS.get(tag, 0),
            )
        )
        self.lines = []
        self.text_chars = self.link_chars = self.chunk_flags = 0
        self.href = None
        self.link_text.clear()


def extract(root: Any) -> Extraction:
    """Walk the parsed document (a Lexbor node) into chunks."""
    b = _Builder()
    base: str | None = None
    # Stack items: (node, None) to enter a node, (None, state) to leave an element.
    stack: list[tuple[Any, Any]] = [(root, None)]
    counters: list[dict[str, int]] = [{}]
    link_depth = 0
    pre_depth = 0
    while stack:
        node, leaving = stack.pop()
        if node is None:
            tag, is_block, pushed_flags, pushed_segment, is_link, is_pre, is_figure = leaving
            if is_block:
                b.flush()
                b.elements[b.blocks[-1]].end_chunk = len(b.chunks)
                b.blocks.pop()
            if is_figure:
                b.figures.pop()
            if is_link:
                link_depth -= 1
            if is_pre:
                pre_depth -= 1
            if pushed_flags:
                b.flags.pop()
            if pushed_segment:
                b.own.pop()
                b.segments.pop()
                counters.pop()
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if not text:
                continue
            if pre_depth:
                parts = text.split("\n")
                for i, part in enumerate(parts):
                    if i:
                        b.end_line()
                    b.pieces.append(part)
                    b.preformatted = True
            else:
                b.pieces.append(text)
            size = len(text.strip())
            if size:
                b.note_context()
            b.text_chars += size
            if link_depth:
                b.link_chars += size
                if b.href is not None and len(b.link_text) < 64:
                    b.link_text.append(text)
            continue
        if tag is None or tag.startswith(("-", "!")) or tag in _SKIP:
            if tag == "base" and base is None:
                base = (node.attributes.get("href") or "").strip() or None
            continue
        if tag == "br":
            b.end_line()
            continue
        if tag == "img":
            if b.figures and b.figures[-1] not in b.figure_images:
                src = _image_source(node.attributes)
                if src:
                    b.figure_images[b.figures[-1]] = src
            continue
        attributes = node.attributes
        flags, hidden = _attribute_flags(attributes)
        if hidden:
            continue
        flags |= _TAG_FLAGS.get(tag, 0)
        is_block = tag in _BLOCK
        is_link = tag == "a"
        is_pre = tag == "pre"
        is_figure = tag == "figure"
        b.own.append(flags)
        pushed_flags = flags & ~b.flags[-1] != 0
        if pushed_flags:
            b.flags.append(b.flags[-1] | flags)
        # The XPath step: html and body are unique, the rest are counted among siblings.
        siblings = counters[-1]
        index = siblings.get(tag, 0) + 1
        siblings[tag] = index
        b.segments.append(tag if tag in ("html", "body") else f"{tag}[{index}]")
        counters.append({})
        if is_block:
            b.flush()
            parent = b.blocks[-1] if b.blocks else -1
            b.elements.append(Element(tag, b.flags[-1], parent, len(b.chunks), weight=flags))
            b.blocks.append(len(b.elements) - 1)
        if is_figure:
            b.figures.append(b.blocks[-1] if b.blocks else -1)
        if is_link:
            link_depth += 1
            if b.href is None:
                href = (attributes.get("href") or "").strip()
                if href and not href.startswith(("#", "javascript:", "mailto:")):
                    b.href = href
                    b.link_text.clear()
        if is_pre:
            pre_depth += 1
        stack.append((None, (tag, is_block, pushed_flags, True, is_link, is_pre, is_figure)))
        child = node.last_child
        while child is not None:
            stack.append((child, None))
            child = child.prev
    b.flush()
    return Extraction(b.chunks, b.elements, b.figure_images, base)


def _image_source(attributes: dict[str, str | None]) -> str | None:
    for name in ("src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset"):
        value = (attributes.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value.split(",")[0].split()[0] if "srcset" in name else value
    return None
