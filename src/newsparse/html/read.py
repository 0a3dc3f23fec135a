"""Assemble an :class:`~newsparse.model.Article` from the labelled chunks of a page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from newsparse.html.document import parse_document, to_text
from newsparse.html.extract import Chunk, extract
from newsparse.html.label import decide
from newsparse.html.metadata import Metadata, read_metadata
from newsparse.model import Article, Block, Caption, Label, Paragraph, Problem, RelatedLink, Span

__all__ = ["read_html"]

_SAFE_SCHEMES = re.compile(r"^(?:https?:|//|/|\.|[^:]{0,200}$)", re.IGNORECASE)


def _resolve(href: str | None, base: str | None) -> str | None:
    """An absolute address where a base is known; never a ``javascript:`` or ``data:`` one."""
    if not href or not _SAFE_SCHEMES.match(href):
        return None
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def read_html(html: str | bytes, *, url: str | None = None) -> Article:
    """Read a page's HTML into an Article (no extractors run)."""
    text, note = to_text(html)
    tree = parse_document(text)
    metadata = read_metadata(tree)
    extraction = extract(tree.root) if tree.root is not None else None
    if extraction is None or not extraction.chunks:
        return _fill(Article(source=""), metadata, note)
    base = _resolve(extraction.base, url) if extraction.base else url
    decision = decide(extraction, metadata)

    parts: list[str] = []
    blocks: list[Block] = []
    body: list[Paragraph] = []
    captions: list[Caption] = []
    related: list[RelatedLink] = []
    fields: dict[str, str | None] = {}
    spans: dict[str, Span] = {}
    offset = 0
    for index, (chunk, label) in enumerate(zip(extraction.chunks, decision.labels, strict=True)):
        if index:
            parts.append("\n")
            blocks.append(Block(Label.BLANK, "\n", Span(offset, offset + 1)))
            offset += 1
        chunk_start = offset
        for line in chunk.lines:
            end = offset + len(line)
            parts.append(line + "\n")
            blocks.append(Block(label, line + "\n", Span(offset, end + 1), chunk.path))
            if label is Label.BODY:
                body.append(Paragraph(line, Span(offset, end)))
            offset = end + 1
        span = Span(chunk_start, offset - 1)
        _collect(chunk, label, span, base, extraction.figure_images, captions, related)
        name = _FIELD_OF.get(label)
        if name is not None and name not in fields:
            fields[name] = chunk.text
            spans[name] = span
    article = Article(
        source="".join(parts),
        headline=fields.get("headline"),
        headline_span=spans.get("headline"),
        section=fields.get("section"),
        byline=fields.get("byline"),
        published=fields.get("published"),
        standfirst=fields.get("standfirst"),
        standfirst_span=spans.get("standfirst"),
        captions=tuple(captions),
        body=tuple(body),
        related=tuple(related),
        blocks=tuple(blocks),
    )
    return _fill(article, metadata, note)


_FIELD_OF = {
    Label.HEADLINE: "headline",
    Label.SECTION: "section",
    Label.BYLINE: "byline",
    Label.DATE: "published",
    Label.STANDFIRST: "standfirst",
}


def _collect(
    chunk: Chunk,
    label: Label,
    span: Span,
    base: str | None,
    images: dict[int, str],
    captions: list[Caption],
    related: list[RelatedLink],
) -> None:
    if label is Label.CAPTION:
        image = _resolve(images.get(chunk.figure), base) if chunk.figure >= 0 else None
        captions.append(Caption(chunk.text, span, image_url=image))
    elif label is Label.CREDIT and captions and captions[-1].credit is None:
        last = captions[-1]
        captions[-1] = Caption(
            last.text,
            last.span,
            credit=chunk.text,
            credit_span=span,
            spans=last.spans,
            image_url=last.image_url,
        )
    elif label is Label.RELATED:
        related.append(RelatedLink(chunk.text, span, url=_resolve(chunk.href, base)))


def _fill(article: Article, metadata: Metadata, note: str | None) -> Article:
    """Metadata where the text is silent; a problem when the bytes needed a fallback."""
    import attrs

    problems = article.problems
    if note:
        problems = (Problem("newsparse", note, kind="decode"), *problems)
    return attrs.evolve(
        article,
        headline=article.headline or metadata.headline or metadata.title,
        byline=article.byline or metadata.byline,
        published=article.published or metadata.published,
        updated=article.updated or metadata.updated,
        section=article.section or metadata.section,
        problems=problems,
    )
