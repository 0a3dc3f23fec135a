"""Quote findings, their mentions and spans made by writing their slots once.

Every quotation needs a :class:`~newsparse.Quote`, and every attribution a few
:class:`~newsparse.Span` and :class:`~newsparse.Mention` objects.  All are frozen attrs
classes, whose ``__init__`` sets every field through ``object.__setattr__``; for objects this
small that is most of what they cost.  The makers here write each slot through its descriptor
instead, once, before the object is handed out, so the result is as frozen as one from the
constructor and compares, hashes and pickles the same.

Nothing is skipped that could reject a value: :class:`~newsparse.Quote` and
:class:`~newsparse.Mention` have no validator, converter or post-init hook, and the one check
of :class:`~newsparse.Span` (``0 <= start <= end``) is made here too, in one comparison, with
the constructor's error when it fails.  ``tests/test_quotes_fast_paths.py`` fails if the model
grows a check these makers would bypass.
"""

from __future__ import annotations

from typing import Any

from newsparse import Mention, Part, Quote, QuoteKind, Span

__all__ = ["make_mention", "make_quote", "make_span"]


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls``."""
    return cls.__dict__[name].__set__


_new = object.__new__
_span_start, _span_end = _setter(Span, "start"), _setter(Span, "end")
_mention_text, _mention_span = _setter(Mention, "text"), _setter(Mention, "span")
_text, _span, _speaker = _setter(Quote, "text"), _setter(Quote, "span"), _setter(Quote, "speaker")
_speaker_span, _cue = _setter(Quote, "speaker_span"), _setter(Quote, "cue")
_cue_span, _kind = _setter(Quote, "cue_span"), _setter(Quote, "kind")
_part, _chain = _setter(Quote, "part"), _setter(Quote, "chain")


def make_span(start: int, end: int) -> Span:
    """``Span(start, end)``."""
    if not 0 <= start <= end:
        return Span(start, end)  # raises the model's own error
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, end)
    return span


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
