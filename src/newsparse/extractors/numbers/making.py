"""Number findings and their spans made by writing their slots once.

A page's numbers each need a :class:`~newsparse.Number` and a :class:`~newsparse.Span`.  Both
are frozen attrs classes, whose ``__init__`` sets every field through
``object.__setattr__``; for objects this small that is most of what they cost.  The maker here
writes each slot through its descriptor instead, once, before the object is handed out, so
the result is as frozen as one from the constructor and compares, hashes and pickles the same.

Nothing is skipped that could reject a value: :class:`~newsparse.Number` has no validator,
converter or post-init hook, and the one check of :class:`~newsparse.Span`
(``0 <= start <= end``) is made here too, in one comparison, with the constructor's error when
it fails.  ``tests/test_numbers_speed_paths.py`` fails if the model grows a check this maker
would bypass.
"""

from __future__ import annotations

from typing import Any

from newsparse import Number, NumberKind, Part, Span
from newsparse.model import Value

__all__ = ["make_number"]


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls``."""
    return cls.__dict__[name].__set__


_new = object.__new__
_span_start, _span_end = _setter(Span, "start"), _setter(Span, "end")
_text, _span, _value = _setter(Number, "text"), _setter(Number, "span"), _setter(Number, "value")
_kind, _unit, _approx = _setter(Number, "kind"), _setter(Number, "unit"), _setter(Number, "approx")
_low, _high, _norm = _setter(Number, "low"), _setter(Number, "high"), _setter(Number, "norm")
_noun, _part = _setter(Number, "noun"), _setter(Number, "part")


def make_number(
    text: str,
    start: int,
    end: int,
    value: Value | None,
    kind: NumberKind,
    unit: str | None,
    approx: str | None,
    low: Value | None,
    high: Value | None,
    norm: str | None,
    noun: str | None,
    part: Part,
) -> Number:
    """``Number(text, Span(start, end), value, kind, ...)``."""
    if not 0 <= start <= end:
        Span(start, end)  # raises the model's own error
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, end)
    number: Number = _new(Number)
    _text(number, text)
    _span(number, span)
    _value(number, value)
    _kind(number, kind)
    _unit(number, unit)
    _approx(number, approx)
    _low(number, low)
    _high(number, high)
    _norm(number, norm)
    _noun(number, noun)
    _part(number, part)
    return number
