"""Assemble an Article from labelled lines.  (Baseline: every non-blank line is body.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsparse.model import Article, Block, Label, Paragraph
from newsparse.text import split_lines

if TYPE_CHECKING:
    from newsparse.plugins import PluginManager

__all__ = ["read_page", "read_prose"]


def read_prose(text: str) -> Article:
    """Every non-blank line is a body paragraph: for plain prose and transcripts."""
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
    return Article(source=text, body=body, blocks=blocks)


def read_page(text: str, *, manager: PluginManager | None = None) -> Article:
    """Label every line of a scraped page and assemble the article.

    Every line is offered to the plugins' ``newsparse_line_label`` votes; lines still
    labelled body become paragraphs.
    """
    if manager is None or not manager.has_line_labellers:
        return read_prose(text)
    lines = split_lines(text)
    blocks = []
    body = []
    for line in lines:
        proposed = Label.BLANK if line.is_blank else Label.BODY
        label = manager.line_label(line, lines, proposed)
        blocks.append(Block(label, text[line.full.start : line.full.end], line.full))
        if label is Label.BODY and not line.is_blank:
            body.append(Paragraph(line.text, line.span))
    return Article(source=text, body=tuple(body), blocks=tuple(blocks))
