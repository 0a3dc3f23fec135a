"""Blocks, paragraphs and their spans made by writing their slots once.

A page makes a block and a span for every line and a paragraph for every body line.  The
model's classes are frozen attrs classes, whose ``__init__`` sets each field through
``object.__setattr__``: for objects this small that is most of what they cost.  The makers here
write each slot through its descriptor instead, once, before the object is handed out, so the
result is as frozen as one from the constructor and compares, hashes and pickles the same.

Nothing is skipped that could reject a value: :class:`~newsparse.model.Block` and
:class:`~newsparse.model.Paragraph` have no validator, converter or post-init hook, and the one
check of :class:`~newsparse.model.Span` (``0 <= start <= end``) holds by construction for the
callers here, which pass line bounds and offsets inside them.  ``tests/test_structure.py``
fails if the model grows a check these makers would bypass.
"""

from __future__ import annotations

from typing import Any

from newsparse.model import Block, Label, Paragraph, Span

__all__ = ["make_block", "make_paragraph", "make_span"]


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls``."""
    return cls.__dict__[name].__set__


_new = object.__new__
_span_start, _span_end = _setter(Span, "start"), _setter(Span, "end")
_block_label, _block_text = _setter(Block, "label"), _setter(Block, "text")
_block_span, _block_path = _setter(Block, "span"), _setter(Block, "path")
_paragraph_text, _paragraph_span = _setter(Paragraph, "text"), _setter(Paragraph, "span")


def make_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for ``0 <= start <= end`` (not checked: the caller's guarantee)."""
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, end)
    return span


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
