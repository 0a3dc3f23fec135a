"""Quotes and mentions made by writing their slots once (see ``slot_setters`` in the model).

:class:`~newsparse.Quote` and :class:`~newsparse.Mention` have no validator, converter or
post-init hook, and spans come from :func:`~newsparse.model.make_span`, which keeps the span's
own check.  ``tests/test_quotes_fast_paths.py`` fails if the model grows a check these makers
would bypass.
"""

from __future__ import annotations

from newsparse import Mention, Part, Quote, QuoteKind, Span
from newsparse.model import make_span, slot_setters

__all__ = ["make_mention", "make_quote", "make_span"]


_new = object.__new__
_mention_text, _mention_span = slot_setters(Mention, "text", "span")
_text, _span, _speaker, _speaker_span, _cue, _cue_span, _kind, _part, _chain = slot_setters(
    Quote, "text", "span", "speaker", "speaker_span", "cue", "cue_span", "kind", "part", "chain"
)


def make_mention(text: str, span: Span) -> Mention:
    """``Mention(text, span)``."""
    mention: Mention = _new(Mention)
    _mention_text(mention, text)
    _mention_span(mention, span)
    return mention


def make_quote(
    text: str,
    start: int,
    end: int,
    speaker: str | None,
    speaker_span: Span | None,
    cue: str | None,
    cue_span: Span | None,
    kind: QuoteKind,
    part: Part,
    chain: tuple[Mention, ...],
) -> Quote:
    """``Quote(text, Span(start, end), speaker, speaker_span, cue, cue_span, kind, part,
    chain)``."""
    quote: Quote = _new(Quote)
    _text(quote, text)
    _span(quote, make_span(start, end))
    _speaker(quote, speaker)
    _speaker_span(quote, speaker_span)
    _cue(quote, cue)
    _cue_span(quote, cue_span)
    _kind(quote, kind)
    _part(quote, part)
    _chain(quote, chain)
    return quote
