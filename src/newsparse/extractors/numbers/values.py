"""Exact values: digit strings to ``int``/``Decimal``/``Fraction`` without passing through float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from newsparse.model import Value

__all__ = ["as_fraction", "convention_matters", "exact", "parse_digits", "quick_fraction"]


def exact(value: Fraction | Decimal | int) -> Value:
    """The simplest exact form: ``int`` when whole, ``Decimal`` when the decimal expansion
    ends, ``Fraction`` otherwise (a third stays a third).  No step rounds: Decimal's context
    precision is never used."""
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return _strip(value)
    if value.denominator == 1:
        return value.numerator
    twos = fives = 0
    d = value.denominator
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return value
    places = max(twos, fives)
    scaled = value.numerator * (10**places // value.denominator)
    return _strip(Decimal(f"{scaled}E-{places}"))


def _strip(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point, exactly ("2.50" -> "2.5")."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def as_fraction(value: Value) -> Fraction:
    """Any exact value as a Fraction, for arithmetic."""
    if isinstance(value, Decimal):
        return Fraction(value)
    return Fraction(value)


def _squeezed(text: str) -> str:
    """``text`` without the spaces that may group its digits."""
    return text.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")


def _grouped_in_threes(s: str) -> bool:
    """Whether squeezed digits ``s`` are "12.000": one full stop, three digits after it and
    no comma, which the page's convention alone reads as a decimal point or as grouping."""
    return s.count(".") == 1 and "," not in s and len(s.split(".")[1]) == 3


def convention_matters(text: str) -> bool:
    """Whether :func:`parse_digits` reads ``text`` differently with ``decimal_comma`` on and
    off, so the page's convention (a scan of the whole page) is worth working out: only for
    "12.000" ("1.5", "1,200.50" and "1.234.567" read the same either way)."""
    return "." in text and _grouped_in_threes(_squeezed(text))


def quick_fraction(text: str) -> Fraction | None:
    """The value of the two commonest shapes of digits besides a plain run, "1,200" (digits
    and commas) and "2.5" (one full stop, and not three digits after it), as
    ``as_fraction(parse_digits(text))`` gives it under either convention, without the round
    trip through Decimal; None for any other shape (then :func:`parse_digits` decides)."""
    if len(text) > 400:
        return None
    if "." in text:
        whole, _, part = text.partition(".")
        if whole.isdecimal() and part.isdecimal() and len(part) != 3:
            return Fraction(int(whole + part), 10 ** len(part))
        return None
    digits = text.replace(",", "")
    return Fraction(int(digits)) if digits.isdecimal() else None


def parse_digits(text: str, *, decimal_comma: bool = False) -> Value | None:
    """The value of a digit token ("12,000", "1.5", "12 000", "1.234,5", "3e6").

    ``decimal_comma`` is the page's convention: when true, "12.000" is twelve thousand and
    "1,5" one and a half.
    """
    s = _squeezed(text)
    if s.count(".") > 1 or ("." in s and "," in s and s.rfind(",") > s.rfind(".")):
        s = s.replace(".", "").replace(",", ".")
    elif decimal_comma and _grouped_in_threes(s):
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
