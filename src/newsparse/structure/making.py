"""Blocks and paragraphs made by writing their slots once (see ``slot_setters`` in the model).

A page makes a block and a span for every line and a paragraph for every body line.
:class:`~newsparse.model.Block` and :class:`~newsparse.model.Paragraph` have no validator,
converter or post-init hook, and the one check of :class:`~newsparse.model.Span`
(``0 <= start <= end``) holds by construction for the callers here, which pass line bounds and
offsets inside them, so these makers write the spans' slots unchecked.
``tests/test_structure_shortcuts.py`` fails if the model grows a check they would bypass.
"""

from __future__ import annotations

from newsparse.model import Block, Label, Paragraph, Span, slot_setters

__all__ = ["make_block", "make_paragraph"]


_new = object.__new__
_span_start, _span_end = slot_setters(Span, "start", "end")
_block_label, _block_text, _block_span, _block_path = slot_setters(
    Block, "label", "text", "span", "path"
)
_paragraph_text, _paragraph_span = slot_setters(Paragraph, "text", "span")


def make_block(label: Label, text: str, start: int, stop: int) -> Block:
    """``Block(label, text, Span(start, stop))`` for a line ``text[start:stop]``."""
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, stop)
    block: Block = _new(Block)
    _block_label(block, label)
    _block_text(block, text)
    _block_span(block, span)
    _block_path(block, None)
    return block


def make_paragraph(text: str, start: int) -> Paragraph:
    """``Paragraph(text, Span(start, start + len(text)))``."""
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, start + len(text))
    paragraph: Paragraph = _new(Paragraph)
    _paragraph_text(paragraph, text)
    _paragraph_span(paragraph, span)
    return paragraph
