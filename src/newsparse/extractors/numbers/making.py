"""Number findings made by writing their slots once (see ``slot_setters`` in the model).

:class:`~newsparse.Number` has no validator, converter or post-init hook, and its span comes
from :func:`~newsparse.model.make_span`, which keeps the span's own check.
``tests/test_numbers_speed_paths.py`` fails if the model grows a check this maker would bypass.
"""

from __future__ import annotations

from newsparse import Number, NumberKind, Part
from newsparse.model import Value, make_span, slot_setters

__all__ = ["make_number"]


_new = object.__new__
_text, _span, _value, _kind, _unit, _approx, _low, _high, _norm, _noun, _part = slot_setters(
    Number, "text", "span", "value", "kind", "unit", "approx", "low", "high", "norm", "noun", "part"
)


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
    number: Number = _new(Number)
    _text(number, text)
    _span(number, make_span(start, end))
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
