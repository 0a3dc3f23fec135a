"""Dates, clock times, years, decades and fiscal years.

A date needs a day and a month ("14 June", "Jan. 28, 2025", "Friday 13 June") or a month and
a year ("June 2025"); a bare month or weekday name is not a number.  A date without a year
takes the page's year.  Times need a colon, or a.m./p.m., or a time zone ("16.42 BST").
"""

from __future__ import annotations

from collections.abc import Callable

from .lexicon import Lexicon
from .scan import END, KIND, LOW, SKIPPED, START, TEXT, Token

__all__ = ["date_at", "time_at"]


def _plain_int(tok: Token, max_len: int) -> int | None:
    if tok[KIND] == "n" and tok[TEXT].isdigit() and len(tok[TEXT]) <= max_len and not tok[SKIPPED]:
        return int(tok[TEXT])
    return None


def _glued(tokens: list[Token], k: int) -> bool:
    return 0 < k < len(tokens) and tokens[k][START] == tokens[k - 1][END]


def _month(tokens: list[Token], k: int, lex: Lexicon) -> tuple[int, int] | None:
    if k >= len(tokens) or tokens[k][KIND] != "w":
        return None
    tok = tokens[k]
    month = lex.months.get(tok[LOW])
    if month is None:
        return None
    end = k + 1
    abbreviated = len(tok[LOW]) <= 4 and tok[LOW] not in ("june", "july")
    # "Nov. 15", and "nov . 15" in text split into word tokens: the full stop and the day
    # settle a lower-case abbreviation that is also a word ("dec", "mar", "aug").
    spaced_stop = (
        abbreviated
        and end + 1 < len(tokens)
        and tokens[end][TEXT] == "."
        and tokens[end][START] - tokens[end - 1][END] <= 1
        and tokens[end + 1][START] - tokens[end][END] == 1
        and _plain_int(tokens[end + 1], 2) is not None
    )
    if (
        tok[LOW] in ("may", "march", "mar", "jan", "sun", "dec", "sept", "aug")
        and not tok[TEXT][0].isupper()
        and not (spaced_stop and tok[LOW] != "may")
    ):
        return None
    stop = end < len(tokens) and tokens[end][TEXT] == "."
    if stop and abbreviated and (_glued(tokens, end) or spaced_stop):
        end += 1
    return month, end


def _day(tokens: list[Token], k: int, lex: Lexicon) -> tuple[int, int] | None:
    if k >= len(tokens):
        return None
    day = _plain_int(tokens[k], 2)
    if day is None or not 1 <= day <= 31:
        return None
    end = k + 1
    if end < len(tokens) and _glued(tokens, end) and tokens[end][LOW] in lex.ordinal_suffixes:
        end += 1
    return day, end


def _year(tokens: list[Token], k: int) -> tuple[int, int] | None:
    if k >= len(tokens):
        return None
    year = _plain_int(tokens[k], 4)
    if year is None or len(tokens[k][TEXT]) != 4 or not 1000 <= year <= 2999:
        return None
    if k + 1 < len(tokens) and _glued(tokens, k + 1) and tokens[k + 1][KIND] in ("w", "n"):
        return None
    return year, k + 1


def _skip_comma(tokens: list[Token], k: int) -> int:
    return k + 1 if k < len(tokens) and tokens[k][TEXT] == "," else k


def _norm(year: int | None, month: int, day: int | None) -> str:
    y = f"{year:04d}" if year is not None else "-"
    return f"{y}-{month:02d}" if day is None else f"{y}-{month:02d}-{day:02d}"


def date_at(
    tokens: list[Token], i: int, lex: Lexicon, page_year: Callable[[], int | None]
) -> tuple[int, str] | None:
    """A date starting at token ``i``: (end token, ISO form), or None.  ``page_year`` gives
    the year a date without one takes, asked only then."""
    k = i
    tok = tokens[i]
    if tok[KIND] == "w" and tok[LOW] in lex.weekdays and tok[TEXT][0].isupper():
        k += 1
        if k < len(tokens) and tokens[k][TEXT] == "." and _glued(tokens, k):
            k += 1
        k = _skip_comma(tokens, k)
        if k >= len(tokens):
            return None
        found = _date_body(tokens, k, lex, page_year)
        return found
    return _date_body(tokens, i, lex, page_year)


def _date_body(
    tokens: list[Token], k: int, lex: Lexicon, page_year: Callable[[], int | None]
) -> tuple[int, str] | None:
    tok = tokens[k]
    if tok[KIND] == "n":
        iso = _iso(tokens, k)
        if iso is not None:
            return iso
        got = _day(tokens, k, lex)
        if got is None:
            return None
        day, end = got
        if end < len(tokens) and tokens[end][LOW] == "of":
            end += 1
        month = _month(tokens, end, lex)
        if month is None:
            return None
        m, end = month
        year = _year(tokens, _skip_comma(tokens, end))
        if year is not None:
            return year[1], _norm(year[0], m, day)
        return end, _norm(page_year(), m, day)
    month = _month(tokens, k, lex)
    if month is None:
        return None
    m, end = month
    got = (
        _day(tokens, end, lex)
        if end < len(tokens) and tokens[end][START] - tokens[end - 1][END] <= 1
        else None
    )
    if got is not None:
        day, end = got
        if end < len(tokens) and _glued(tokens, end) and tokens[end][KIND] in ("w", "n"):
            return None
        after = _skip_comma(tokens, end)
        year = _year(tokens, after)
        if year is not None:
            return year[1], _norm(year[0], m, day)
        return end, _norm(page_year(), m, day)
    if len(tokens[k][LOW]) > 3:
        year = _year(tokens, end)
        if year is not None:
            return year[1], _norm(year[0], m, None)
    return None


def _iso(tokens: list[Token], k: int) -> tuple[int, str] | None:
    """2025-06-13, 13/06/2025, 6/13/2025, and a month 1995-01."""
    month = _year_month(tokens, k)
    if month is not None:
        return month
    if k + 4 >= len(tokens):
        return None
    sep = tokens[k + 1][TEXT]
    if sep not in ("-", "/", ".") or tokens[k + 3][TEXT] != sep:
        return None
    if not all(_glued(tokens, x) for x in range(k + 1, k + 5)):
        return None
    a, b, c = (_plain_int(tokens[x], 4) for x in (k, k + 2, k + 4))
    if a is None or b is None or c is None:
        return None
    if len(tokens[k][TEXT]) == 4 and sep == "-" and 1 <= b <= 12 and 1 <= c <= 31:
        return k + 5, _norm(a, b, c)
    if len(tokens[k + 4][TEXT]) == 4 and sep != "-":
        if 1 <= b <= 12 and 1 <= a <= 31:
            return k + 5, _norm(c, b, a)
        if 1 <= a <= 12 and 1 <= b <= 31:
            return k + 5, _norm(c, a, b)
    return None


def _year_month(tokens: list[Token], k: int) -> tuple[int, str] | None:
    """ "1995-01": a year and a zero-padded month ("2000-01" stays a fiscal year, 2000/01)."""
    if k + 2 >= len(tokens) or tokens[k + 1][TEXT] != "-":
        return None
    year, month = tokens[k][TEXT], tokens[k + 2][TEXT]
    if len(year) != 4 or len(month) != 2 or month[0] != "0" or not _glued(tokens, k + 1):
        return None
    if not (_glued(tokens, k + 2) and year.isdigit() and month.isdigit() and month != "00"):
        return None
    if not 1000 <= int(year) <= 2999 or (int(year) + 1) % 100 == int(month):
        return None
    if k + 3 < len(tokens) and _glued(tokens, k + 3) and tokens[k + 3][KIND] != "s":
        return None
    dated = k + 4 < len(tokens) and tokens[k + 3][TEXT] in ("-", "/", ".") and _glued(tokens, k + 3)
    if dated and tokens[k + 4][KIND] == "n":
        return None  # a full date or a code, not a month
    return k + 3, f"{year}-{month}"


def _meridiem(tokens: list[Token], k: int, lex: Lexicon) -> tuple[int, int] | None:
    if k >= len(tokens) or tokens[k][START] - tokens[k - 1][END] > 1:
        return None
    tok = tokens[k]
    if tok[LOW] in ("am", "pm"):
        if k + 1 < len(tokens) and _glued(tokens, k + 1) and tokens[k + 1][KIND] in ("w", "n"):
            return None
        return lex.meridiem[tok[LOW]], k + 1
    if (
        tok[LOW] in ("a", "p")
        and k + 2 < len(tokens)
        and tokens[k + 1][TEXT] == "."
        and tokens[k + 2][LOW] == "m"
        and _glued(tokens, k + 2)
    ):
        end = k + 3
        if end < len(tokens) and tokens[end][TEXT] == "." and _glued(tokens, end):
            end += 1
        return (12 if tok[LOW] == "p" else 0), end
    return None


def time_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, str] | None:
    """A clock time starting at token ``i``: (end token, "HH:MM"), or None."""
    tok = tokens[i]
    if tok[KIND] != "n" or tok[SKIPPED]:
        return None
    hour: int | None
    minute = 0
    k = i + 1
    text = tok[TEXT]
    explicit = False
    if text.isdigit() and len(text) <= 2:
        hour = int(text)
        if (
            k + 1 < len(tokens)
            and tokens[k][TEXT] == ":"
            and _glued(tokens, k)
            and _glued(tokens, k + 1)
        ):
            mm = tokens[k + 1][TEXT]
            if not (mm.isdigit() and len(mm) == 2):
                return None
            minute = int(mm)
            k += 2
            explicit = True
    elif len(text) in (4, 5) and text[-3] == "." and text.replace(".", "").isdigit():
        hour, minute = int(text[:-3]), int(text[-2:])
    else:
        return None
    if hour > 24 or minute > 59:
        return None
    if (
        not explicit
        and "." not in text
        and k + 2 < len(tokens)
        and tokens[k][LOW] == "o"
        and tokens[k + 1][TEXT] in ("'", "’")
        and tokens[k + 2][LOW] == "clock"
        and _glued(tokens, k + 1)
        and _glued(tokens, k + 2)
        and 1 <= hour <= 12
    ):
        return k + 3, f"{hour:02d}:00"  # "9 o'clock"
    mer = _meridiem(tokens, k, lex)
    if mer is not None:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + mer[0]
        k = mer[1]
    elif not explicit:
        if k < len(tokens) and tokens[k][LOW] in lex.time_zones and tokens[k][TEXT].isupper():
            if "." not in text:
                return None
        else:
            return None
    return k, f"{hour:02d}:{minute:02d}"
