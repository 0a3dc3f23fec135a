"""The HTML report of an Article: the page as newsparse read it, in one self-contained file.

Every block of the page is shown in order with its label (boilerplate dimmed, never hidden),
the structure's items (headline, captions and credits, body paragraphs, related links) are
outlined in place, and every finding is highlighted with a label drawn after it.  A side panel
lists the findings by extractor with counts, the structure's counts and a legend.

All text from the page, from findings and from plugins goes through
:func:`newsparse.render.marks.escape`; the page carries no script and a Content-Security-Policy
that would block one anyway.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsparse._version import __version__
from newsparse.model import Article, Label, Quote, Span
from newsparse.render.drawing import Drawing, Painter
from newsparse.render.marks import Mark, escape, write_marked
from newsparse.render.template import PAGE, stylesheet

if TYPE_CHECKING:
    from newsparse.plugins import PluginManager

__all__ = ["render_html"]

#: How each label is drawn: its style group and the name shown on its tag.
_GROUPS: dict[str, str] = {
    "headline": "headline",
    "section": "meta",
    "byline": "meta",
    "date": "meta",
    "standfirst": "meta",
    "image_title": "caption",
    "caption": "caption",
    "credit": "caption",
    "body": "body",
    "promo": "promo",
    "related_header": "related",
    "related": "related",
    "boilerplate": "dim",
    "blank": "blank",
}
_LEGEND_GROUPS = (
    ("headline", "headline", "the headline"),
    ("meta", "byline", "section, byline, date, standfirst"),
    ("caption", "caption", "image titles, captions and credits"),
    ("body", "body", "body paragraphs, numbered ¶"),
    ("related", "related", "related links and their header"),
    ("promo", "promo", "promotions inside the article"),
    ("dim", "boilerplate", "navigation, share bars, footers: kept, dimmed"),
)
_SWATCHES = {"quotes": "f-quote", "numbers": "f-number", "places": "f-place"}
_RANKS = {"structure": 0, "speaker": 10, "quote": 20, "number": 40, "place": 40}
_LINE_BREAK = re.compile(r"(?:\r\n|\r|\n)\Z")
_SAFE_TOKEN = re.compile(r"[^a-z0-9_-]+")
_PANEL_ITEMS = 500


def _label_name(label: object) -> str:
    raw = label.value if isinstance(label, Label) else str(label)
    return _SAFE_TOKEN.sub("-", raw.lower()) or "unlabelled"


def _valid_span(span: object, length: int) -> Span | None:
    if isinstance(span, Span) and span.end <= length:
        return span
    return None


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Report:
    """Everything the page needs, computed once from the article."""

    def __init__(self, article: Article, manager: PluginManager | None) -> None:
        self.article = article
        self.source = article.source
        self.painter = Painter(manager)
        self.marks: list[Mark] = []
        self.drawings: dict[str, list[tuple[Drawing, bool]]] = {}
        self.paragraph_starts: dict[int, int] = {}
        self._structure_marks()
        self._finding_marks()

    # -- marks ------------------------------------------------------------------------------

    def _structure(
        self, span: Span | None, item: str, n: int | None = None, **extra: str | None
    ) -> None:
        span = _valid_span(span, len(self.source))
        if span is None:
            return
        attributes = [("data-item", item)]
        if n is not None:
            attributes.append(("data-n", str(n)))
        title, badge = extra.get("title"), extra.get("badge")
        if title:
            attributes.append(("title", title))
        element_id = f"{item}-{n}" if n is not None and extra.get("anchor") else None
        self.marks.append(
            Mark(
                span.start,
                span.end,
                _RANKS["structure"],
                "span",
                f"s s-{item}",
                tuple(attributes),
                element_id=element_id,
                badge=badge,
            )
        )

    def _structure_marks(self) -> None:
        article = self.article
        self._structure(article.headline_span, "headline")
        self._structure(article.standfirst_span, "standfirst")
        for n, caption in enumerate(article.captions, 1):
            loose_credit = bool(caption.credit) and caption.credit_span is None
            for occurrence, span in enumerate(caption.spans):
                self._structure(
                    span,
                    "caption",
                    n,
                    badge=f"credit: {caption.credit}" if loose_credit else None,
                    anchor="1" if occurrence == 0 else None,
                )
            if caption.credit_span is not None:
                self._structure(
                    caption.credit_span, "credit", n, title=f"credit: {caption.credit or ''}"
                )
        for n, paragraph in enumerate(article.body, 1):
            self._structure(paragraph.span, "body", n, anchor="1")
            if isinstance(paragraph.span, Span):
                self.paragraph_starts[paragraph.span.start] = n
        for n, link in enumerate(article.related, 1):
            title = f"links to {link.url}" if link.url else None
            badge = f"label: {link.label}" if link.label else None
            self._structure(link.span, "related", n, badge=badge, title=title, anchor="1")

    def _finding_marks(self) -> None:
        length = len(self.source)
        for k, (name, items) in enumerate(self.article.findings.items()):
            drawn = self.drawings.setdefault(name, [])
            speakers: dict[Span, list[str]] = {}
            for i, item in enumerate(items):
                drawing = self.painter.draw(name, item)
                span = _valid_span(getattr(item, "span", None), length)
                drawn.append((drawing, span is not None))
                if span is None:
                    continue
                attributes = (
                    ("data-extractor", name),
                    ("data-index", str(i)),
                    ("data-fid", f"{k}-{i}"),
                    ("data-kind", drawing.kind),
                    ("title", drawing.tooltip),
                )
                self.marks.append(
                    Mark(
                        span.start,
                        span.end,
                        _RANKS.get(drawing.kind, 30),
                        "mark",
                        f"f {drawing.css_class}",
                        attributes,
                        element_id=f"f-{k}-{i}",
                        badge=drawing.label,
                    )
                )
                if isinstance(item, Quote):
                    speaker_span = _valid_span(item.speaker_span, length)
                    if speaker_span is not None and item.speaker:
                        speakers.setdefault(speaker_span, []).append(item.speaker)
            for span, names in speakers.items():
                said = ", ".join(dict.fromkeys(names))
                self.marks.append(
                    Mark(
                        span.start,
                        span.end,
                        _RANKS["speaker"],
                        "mark",
                        "f f-speaker",
                        (("data-extractor", name), ("data-kind", "speaker"), ("title", said)),
                    )
                )

    # -- the page ---------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, Span]]:
        """``(label name, span)`` of each block, or of each line when the article has no
        blocks (one built by hand), so the whole text is always shown."""
        if self.article.blocks or not self.source:
            return [(_label_name(block.label), block.span) for block in self.article.blocks]
        from newsparse.text import split_lines

        return [
            ("blank" if line.is_blank else "unlabelled", line.full)
            for line in split_lines(self.source)
        ]

    def _visible(self, span: Span) -> tuple[int, int]:
        start = min(span.start, len(self.source))
        end = min(span.end, len(self.source))
        text = self.source[start:end]
        found = _LINE_BREAK.search(text)
        return start, end - (len(found.group()) if found else 0)

    def _marks_by_row(self, rows: list[tuple[str, Span]]) -> list[list[Mark]]:
        ranges = [self._visible(span) for _name, span in rows]
        order = sorted(range(len(rows)), key=lambda i: ranges[i])
        starts = [ranges[i][0] for i in order]
        per_block: list[list[Mark]] = [[] for _ in rows]
        for mark in self.marks:
            hits: list[int] = []
            at = max(bisect.bisect_right(starts, mark.start) - 1, 0)
            while at < len(order):
                start, end = ranges[order[at]]
                if start > mark.end or (start == mark.end and mark.start != mark.end):
                    break
                inside = start <= mark.start <= end if mark.start == mark.end else False
                if inside or max(start, mark.start) < min(end, mark.end):
                    hits.append(order[at])
                at += 1
            for n, block_index in enumerate(hits):
                per_block[block_index].append(
                    Mark(
                        mark.start,
                        mark.end,
                        mark.rank,
                        mark.tag,
                        mark.css_class,
                        mark.attributes,
                        mark.element_id,
                        mark.badge,
                        first=n == 0,
                        last=n == len(hits) - 1,
                    )
                )
        return per_block

    def page(self) -> str:
        rows = self.rows()
        per_row = self._marks_by_row(rows)
        out = []
        for index, ((name, span), marks) in enumerate(zip(rows, per_row, strict=True)):
            group = _GROUPS.get(name, "body")
            if group == "blank":
                out.append(
                    f'<div class="blk g-blank l-blank" data-label="blank" data-i="{index}"'
                    ' aria-hidden="true"></div>'
                )
                continue
            start, end = self._visible(span)
            text = self.source[start:end]
            paragraph = self.paragraph_starts.get(start)
            number = f' <span class="n">¶{paragraph}</span>' if paragraph else ""
            out.append(
                f'<section class="blk g-{group} l-{name}" data-label="{escape(name)}"'
                f' data-i="{index}"><span class="tag">{escape(name.replace("_", " "))}'
                f'{number}</span><div class="txt">{write_marked(text, start, marks)}</div>'
                "</section>"
            )
        if not out:
            out.append('<p class="none">The page is empty.</p>')
        return "\n".join(out)

    # -- the side panel ---------------------------------------------------------------------

    def _finding_items(self, k: int, name: str, items: tuple[Any, ...]) -> Iterator[str]:
        drawings = self.drawings.get(name, [])
        for i, (item, (drawing, anchored)) in enumerate(zip(items, drawings, strict=False)):
            if i == _PANEL_ITEMS:
                yield f'<li class="meta">and {len(items) - i} more</li>'
                return
            text = getattr(item, "text", None)
            shown = _shorten(text, 110) if isinstance(text, str) else type(item).__name__
            if isinstance(item, Quote):
                shown = f"“{shown}”"
            what = escape(shown)
            if anchored:
                what = f'<a href="#f-{k}-{i}">{what}</a>'
            else:
                what += " <em>(not anchored in the text)</em>"
            yield (
                f'<li data-index="{i}" title="{escape(drawing.tooltip)}">{what} '
                f'<span class="meta">{escape(drawing.label)}</span></li>'
            )

    def findings_panel(self) -> str:
        out = ["<h2>Findings</h2>"]
        findings = self.article.findings
        if not findings:
            out.append('<p class="none">No extractor ran.</p>')
        for k, (name, items) in enumerate(findings.items()):
            drawings = self.drawings.get(name, [])
            swatch = drawings[0][0].css_class if drawings else _SWATCHES.get(name, "f-other")
            out.append(
                f'<details open class="ext" data-extractor="{escape(name)}"><summary>'
                f'<mark class="f {escape(swatch)}">{escape(name)}</mark>'
                f'<span class="count" data-count="{len(items)}">{len(items)}</span></summary>'
            )
            if items:
                out.append("<ol>" + "".join(self._finding_items(k, name, items)) + "</ol>")
            else:
                out.append('<p class="none">nothing found</p>')
            out.append("</details>")
        return "\n".join(out)

    def structure_panel(self) -> str:
        article = self.article
        rows = [
            ("headline", 1 if article.headline else 0, article.headline or "none found"),
            ("captions", len(article.captions), None),
            ("credits", sum(1 for c in article.captions if c.credit), None),
            ("body", len(article.body), "paragraphs"),
            ("related", len(article.related), "links"),
        ]
        out = ["<h2>Structure</h2>", '<ul class="structure">']
        for item, count, note in rows:
            extra = f' <span class="meta">{escape(_shorten(note, 80))}</span>' if note else ""
            out.append(
                f'<li data-structure="{item}">{item}<span class="count" data-count="{count}">'
                f"{count}</span>{extra}</li>"
            )
        labels = Counter(_label_name(block.label) for block in article.blocks)
        if labels:
            shown = ", ".join(f"{escape(label)} {count}" for label, count in labels.items())
            out.append(f'<li class="meta">blocks by label: {shown}</li>')
        out.append("</ul>")
        return "\n".join(out)

    def legend(self) -> str:
        out = ["<h2>Legend</h2>", '<div class="legend"><ul>']
        for group, name, meaning in _LEGEND_GROUPS:
            out.append(f'<li><span class="tag lg-{group}">{name}</span>{meaning}</li>')
        samples = [
            ("f-quote", "quote", "a quotation; its pill names the speaker"),
            ("f-speaker", "speaker", "where the speaker is named"),
            ("f-number", "number", "a number; its pill gives value, unit and kind"),
            ("f-place", "place", "a place; its pill gives kind, country and coordinates"),
        ]
        seen = {"quote", "number", "place"}
        for name, drawings in self.drawings.items():
            if drawings and drawings[0][0].kind not in seen:
                seen.add(drawings[0][0].kind)
                samples.append((drawings[0][0].css_class, name, f"found by the {name} plugin"))
        for css, name, meaning in samples:
            out.append(f'<li><mark class="f {escape(css)}">{escape(name)}</mark> {meaning}</li>')
        out.append('<li><span class="s-credit">credit</span> an image credit</li>')
        out.append("</ul></div>")
        return "\n".join(out)

    def problems_panel(self) -> str:
        notes = [f"[{p.source}] {p.message}" for p in self.article.problems]
        notes.extend(f"[render] {note}" for note in self.painter.notes)
        if not notes:
            return ""
        items = "".join(f"<li>{escape(note)}</li>" for note in notes)
        return f'<h2>Problems</h2><ul class="problems">{items}</ul>'

    def panel(self) -> str:
        parts: Iterable[str] = (
            self.findings_panel(),
            self.structure_panel(),
            self.problems_panel(),
            self.legend(),
        )
        return "\n".join(part for part in parts if part)

    def heading(self) -> str:
        if self.article.headline:
            return self.article.headline
        for line in self.source.splitlines():
            if line.strip():
                return _shorten(line, 120)
        return "An empty page"

    def subtitle(self, source_name: str | None) -> str:
        counts = [f"{len(self.article.body)} body paragraphs"]
        counts.extend(f"{name} {len(items)}" for name, items in self.article.findings.items())
        where = f"{source_name} · " if source_name else ""
        return f"{where}read by newsparse {__version__} · " + " · ".join(counts)


def _legend_css() -> str:
    return "".join(
        f".lg-{group}{{background:var(--tag-{group})}}" for group, _name, _meaning in _LEGEND_GROUPS
    )


def render_html(
    article: Article,
    *,
    title: str | None = None,
    source_name: str | None = None,
    plugins: PluginManager | None = None,
) -> str:
    """The report of ``article`` as one self-contained HTML document.

    ``title`` replaces the page's headline as the report's title; ``source_name`` (a path or
    URL) is shown under it as text.  ``plugins`` is the manager whose
    ``newsparse_render_finding`` hooks draw plugin findings (default: the process-wide one).
    Never raises for any article built from a ``str``: characters HTML cannot carry are shown
    as U+FFFD.
    """
    if plugins is None:
        try:
            from newsparse.plugins import get_plugin_manager

            plugins = get_plugin_manager()
        except Exception:
            plugins = None
    report = _Report(article, plugins)
    heading = title if title is not None else report.heading()
    return PAGE.substitute(
        lang="en",
        version=escape(__version__),
        title=escape(f"{_shorten(heading, 120)} — newsparse report"),
        css=stylesheet() + _legend_css(),
        heading=escape(heading),
        subtitle=escape(report.subtitle(source_name)),
        blocks=report.page(),
        panel=report.panel(),
    )
