"""Finding dates and times in a string and resolving the relative ones.

Conventions, chosen to match how news pages use these words:

- ``value`` is the ISO 8601 form of what the text says on its own: ``2025-01-12`` for a full
  date, ``--01-12`` for a day and month without a year, ``2025-01`` for a month and year,
  ``10:30`` or ``10:30+00:00`` (when a zone is printed) for a time, ``None`` for a relative
  expression ("last Tuesday", "yesterday").
- ``resolved`` is the calendar date meant, as ``YYYY-MM-DD``, when it can be known: the date
  itself, a day and month in the year of the page's date, or a relative expression counted
  from the page's date.  ``None`` when the page has no readable date, and for times.
- "last Tuesday" is the Tuesday before the page's date (a week back when that day is itself
  a Tuesday); "next Tuesday" the one after; "this Tuesday" the one in the same Monday-to-Sunday
  week; a bare "Tuesday" (as in "on Tuesday") the most recent one on or before the page's date,
  since news reports mostly tell what has happened.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

import attrs

from newsparse_dates.grammar import Grammar, grammar

__all__ = ["Found", "find", "page_date", "resolve_weekday"]

_WORD_BEFORE = re.compile(r"([A-Za-z]{1,10})\s{1,3}$")


@attrs.frozen
class Found:
    """One date or time in a string: where, what kind, and its ISO forms."""

    start: int
    end: int
    kind: str
    value: str | None
    resolved: str | None
    zone: str | None = None


def _valid(year: int | None, month: int, day: int) -> bool:
    # A day and month without a year: allow 29 February.
    days = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= days


def _number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def resolve_weekday(anchor: dt.date, weekday: int, relation: str | None) -> dt.date:
    """The date a weekday name refers to, seen from ``anchor`` (see the module's conventions)."""
    back = (anchor.weekday() - weekday) % 7
    if relation == "previous":
        return anchor - dt.timedelta(days=back or 7)
    if relation == "following":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if relation == "same_week":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    return anchor - dt.timedelta(days=back)


def _date_of(
    g: Grammar, m: re.Match[str], anchor: dt.date | None, text: str
) -> tuple[str, str | None, str | None, str | None] | None:
    """``(kind, value, resolved, zone)`` for one match, or ``None`` when it is not a date."""
    group = m.group
    if group("iso"):
        year, month, day = int(group("iso_year")), int(group("iso_month")), int(group("iso_day"))
        if not _valid(year, month, day):
            return None
        value = f"{year:04d}-{month:02d}-{day:02d}"
        return "date", value, value, None
    for style in ("dmy", "mdy"):
        if group(f"{style}_day"):
            day = _number(group(f"{style}_day"))
            month = g.months[group(f"{style}_month").rstrip(".").lower()]
            year_text = group(f"{style}_year")
            if not _valid(int(year_text) if year_text else None, month, day):
                return None
            if year_text:
                value = f"{int(year_text):04d}-{month:02d}-{day:02d}"
                return "date", value, value, None
            resolved = None
            if anchor is not None and _valid(anchor.year, month, day):
                resolved = dt.date(anchor.year, month, day).isoformat()
            return "date", f"--{month:02d}-{day:02d}", resolved, None
    if group("my_month"):
        month = g.months[group("my_month").rstrip(".").lower()]
        return "date", f"{int(group('my_year')):04d}-{month:02d}", None, None
    if group("weekday"):
        relation = g.relative_weekday.get((group("rel") or "").lower())
        resolved = None
        if anchor is not None:
            weekday = g.weekdays[group("weekday").lower()]
            resolved = resolve_weekday(anchor, weekday, relation).isoformat()
        return "relative", None, resolved, None
    if group("day_word"):
        shift = g.relative_days[group("day_word").lower()]
        resolved = (anchor + dt.timedelta(days=shift)).isoformat() if anchor else None
        return "relative", None, resolved, None
    return _time_of(g, m, text)


def _time_of(
    g: Grammar, m: re.Match[str], text: str
) -> tuple[str, str | None, str | None, str | None] | None:
    hour, minute, ampm, zone = int(m["hour"]), m["minute"], m["ampm"], m["zone"]
    if ampm is None and zone is None:
        # "10:30" alone is a time only after "at", "from", "until" ...
        before = _WORD_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if minute is None or m["sep"] != ":" or before is None:
            return None
        if before.group(1).lower() not in g.time_prepositions:
            return None
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
    value = f"{hour:02d}:{int(minute or 0):02d}"
    if zone is not None:
        offset = g.zones[zone]
        sign = "-" if offset < 0 else "+"
        value += f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    return "time", value, None, zone


def find(
    text: str, anchor: dt.date | None = None, start: int = 0, end: int | None = None
) -> Iterator[Found]:
    """Every date and time in ``text[start:end]``, in order; never raises on a ``str``."""
    g = grammar()
    stop = len(text) if end is None else end
    for m in g.pattern.finditer(text, start, stop):
        read = _date_of(g, m, anchor, text)
        if read is not None:
            kind, value, resolved, zone = read
            yield Found(m.start(), m.end(), kind, value, resolved, zone)


def page_date(published: str | None) -> dt.date | None:
    """The date a page was published, read from ``Article.published`` as printed.

    The first full date in the string wins ("Published 12 January 2025, 10:30 GMT",
    "2025-01-12T10:30:00Z", "Sun 12 Jan 2025 10.30 GMT"); ``None`` when there is none.
    """
    if not published:
        return None
    for found in find(published):
        if found.kind == "date" and found.value is not None and len(found.value) == 10:
            return dt.date.fromisoformat(found.value)
    return None
