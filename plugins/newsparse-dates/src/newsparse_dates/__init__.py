"""newsparse-dates: a newsparse plugin that finds dates and times in news pages.

Installed, it is found through the ``newsparse`` entry-point group and adds a ``dates``
extractor: ``newsparse.parse(text).findings["dates"]`` is a tuple of :class:`DateMention`.
It uses nothing but newsparse's public API, as any third-party plugin would.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

import attrs
from newsparse import Article, Extractor, Part, Span, hookimpl

from newsparse_dates.find import find, page_date

__all__ = ["DateKind", "DateMention", "__version__", "extract_dates"]

__version__ = "0.1.0"


class DateKind(str, enum.Enum):
    """What a :class:`DateMention` names."""

    DATE = "date"  #: a calendar date, in full or in part ("12 January", "January 2025")
    TIME = "time"  #: a time of day ("10:30 GMT", "3pm")
    RELATIVE = "relative"  #: a date counted from the page's ("last Tuesday", "yesterday")

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class DateMention:
    """A date or time the page states.

    ``text`` is exactly ``article.source[span.start:span.end]``; ``part`` is where it was read.
    ``value`` is the ISO 8601 form of what the text says on its own (``2025-01-12``,
    ``--01-12`` without a year, ``2025-01``, ``10:30+00:00``; ``None`` for a relative
    expression).  ``resolved`` is the calendar date meant (``YYYY-MM-DD``) when it can be
    known, counting relative expressions and year-less dates from ``Article.published``.
    ``zone`` is the time-zone abbreviation as printed.
    """

    text: str
    span: Span
    part: Part
    kind: DateKind
    value: str | None = None
    resolved: str | None = None
    zone: str | None = None


def extract_dates(article: Article) -> Iterator[DateMention]:
    """Every date and time in the headline, standfirst, captions and body of ``article``."""
    anchor = page_date(article.published)
    source = article.source
    for part, span in article.parts():
        for found in find(source, anchor, span.start, span.end):
            yield DateMention(
                text=source[found.start : found.end],
                span=Span(found.start, found.end),
                part=part,
                kind=DateKind(found.kind),
                value=found.value,
                resolved=found.resolved,
                zone=found.zone,
            )


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="dates",
            extract=extract_dates,
            finding_type=DateMention,
            version=__version__,
            description="dates and times, relative ones resolved against the page's date",
        )
    )
