"""Exact values: digit strings to ``int``/``Decimal``/``Fraction`` without passing through float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from newsparse.model import Value

__all__ = ["exact", "parse_digits"]


def exact(value: Fraction | Decimal | int) -> Value:
    """The simplest exact form: ``int`` when whole, ``Decimal`` when the decimal expansion
    ends, ``Fraction`` otherwise (a third stays a third)."""
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return value.normalize()
    if value.denominator == 1:
        return value.numerator
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        return (Decimal(value.numerator) / Decimal(value.denominator)).normalize()
    return value


def as_fraction(value: Value) -> Fraction:
    """Any exact value as a Fraction, for arithmetic."""
    if isinstance(value, Decimal):
        return Fraction(value)
    return Fraction(value)


def parse_digits(text: str, *, decimal_comma: bool = False) -> Value | None:
    """The value of a digit token ("12,000", "1.5", "12 000", "1.234,5", "3e6").

    ``decimal_comma`` is the page's convention: when true, "12.000" is twelve thousand and
    "1,5" one and a half.
    """
    s = text.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    if s.count(".") > 1 or ("." in s and "," in s and s.rfind(",") > s.rfind(".")):
        s = s.replace(".", "").replace(",", ".")
    elif decimal_comma and "." in s and "," not in s and len(s.split(".")[1]) == 3:
        s = s.replace(".", "")
    else:
        s = s.replace(",", "")
    if len(s) > 400:
        return None
    try:
        number = Decimal(s)
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number.adjusted()) > 400:
        return None
    return exact(number)
