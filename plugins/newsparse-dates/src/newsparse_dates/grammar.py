"""The words and the pattern that find dates and times in English news text.

The words (month and weekday names, time zones, relative-day words) live in
``data/en.json``, loaded once on first use.  The pattern is one alternation tried at each
position, most specific form first, so "Sunday 12 January 2025" is one date rather than a
weekday and a date.  It has no nested quantifiers and every repetition is bounded, so it runs
in linear time on any input.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

import attrs

__all__ = ["Grammar", "grammar"]


@attrs.frozen
class Grammar:
    """The language data and the compiled pattern built from it."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_weekday: dict[str, str]
    relative_days: dict[str, int]
    time_prepositions: frozenset[str]
    zones: dict[str, int]
    pattern: re.Pattern[str]


def _names(words: Any, *, dotted: bool = False) -> str:
    """An alternation of ``words`` as printed in running text: Capitalised or UPPER case."""
    forms = {form for word in words for form in (word.capitalize(), word.upper())}
    body = "|".join(sorted(map(re.escape, forms), key=lambda form: (-len(form), form)))
    return f"(?:{body})" + (r"\.?" if dotted else "")


@functools.cache
def grammar(language: str = "en") -> Grammar:
    """The grammar of ``language`` (only English ships), built once per process."""
    raw = resources.files("newsparse_dates").joinpath(f"data/{language}.json").read_text("utf-8")
    data = json.loads(raw)
    # Only an abbreviation takes a dot ("Sept. 30"); after "14 June." the dot ends a sentence.
    month = f"(?:{_names(data['months'])}|{_names(data['month_abbreviations'], dotted=True)})"
    # Abbreviated weekdays ("Sun", "Sat", "Wed") are ordinary words too: only before a date.
    weekday = _names(data["weekdays"])
    any_weekday = _names([*data["weekdays"], *data["weekday_abbreviations"]], dotted=True)
    relative = "|".join(w for word in data["relative_weekday"] for w in (word, word.capitalize()))
    days = "|".join(w for word in data["relative_days"] for w in (word, word.capitalize()))
    zone = "|".join(sorted(map(re.escape, data["zones_minutes_east_of_utc"]), key=len)[::-1])
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"[12][0-9]{3}(?!\d)"
    weekday_prefix = rf"(?:{any_weekday},?\s{{1,3}})?"
    pattern = rf"""
        (?<![\w-])(?:
            (?P<iso>(?P<iso_year>{year})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12][0-9]|3[01]))(?![0-9])(?!-[0-9])
          | {weekday_prefix}(?P<dmy_day>{day})(?:\s{{1,3}}of)?\s{{1,3}}(?P<dmy_month>{month})
                (?:,?\s{{1,3}}(?P<dmy_year>{year}))?(?!\w)
          | {weekday_prefix}(?P<mdy_month>{month})\s{{1,3}}(?P<mdy_day>{day})
                (?:,?\s{{1,3}}(?P<mdy_year>{year}))?(?!\w)
          | (?P<my_month>{month})\s{{1,3}}(?P<my_year>{year})
          | (?:(?P<rel>{relative})\s{{1,3}})?(?P<weekday>{weekday})(?!\w)
          | (?P<day_word>{days})(?!\w)
          | (?P<hour>2[0-3]|[01]?[0-9])(?:(?P<sep>[:.])(?P<minute>[0-5][0-9]))?
                (?:\s{{0,2}}(?P<ampm>[AaPp]\.?[Mm]\.?))?(?:\s{{1,2}}(?P<zone>{zone}))?(?![\w:])
        )
    """
    return Grammar(
        months={k.lower(): v for k, v in (data["months"] | data["month_abbreviations"]).items()},
        weekdays={
            k.lower(): v for k, v in (data["weekdays"] | data["weekday_abbreviations"]).items()
        },
        relative_weekday={k.lower(): v for k, v in data["relative_weekday"].items()},
        relative_days={k.lower(): v for k, v in data["relative_days"].items()},
        time_prepositions=frozenset(w.lower() for w in data["time_prepositions"]),
        zones=dict(data["zones_minutes_east_of_utc"]),
        pattern=re.compile(pattern, re.VERBOSE),
    )
