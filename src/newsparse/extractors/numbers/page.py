"""What the parser knows about a page as a whole: its year and its decimal separator.

Both facts need a scan of the whole page, and most pages never ask for them (a date
without a year, a number written "12.000"), so each is worked out on first use and kept.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

__all__ = ["Context"]

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_GROUPED = re.compile(r"\d\.\d{3}")
_CONTINENTAL = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,6}(?![\d.])|(?<![\d.,])\d{1,3}\.\d{3},\d{1,2}(?![\d,])"
)
_UNSET = object()


class Context:
    """The page-wide facts, each worked out once on first use."""

    __slots__ = ("_comma", "_published", "_source", "_year", "lex")

    def __init__(self, lex: Lexicon, source: str = "", published: str | None = None) -> None:
        self.lex = lex
        self._source = source
        self._published = published
        self._year: object = _UNSET
        self._comma: bool | None = None

    def page_year(self) -> int | None:
        """The year of the page: its publication date's, or the year it names most often
        (the later of a tie) in its first 50,000 characters."""
        if self._year is _UNSET:
            self._year = _page_year(self._source, self._published)
        return self._year  # type: ignore[return-value]

    @property
    def decimal_comma(self) -> bool:
        """Whether the page groups digits the continental way ("1.234.567", "1.234,5")."""
        if self._comma is None:
            source = self._source
            self._comma = (
                _GROUPED.search(source) is not None and _CONTINENTAL.search(source) is not None
            )
        return self._comma


def _page_year(source: str, published: str | None) -> int | None:
    m = _YEAR.search(published or "")
    if m:
        return int(m.group())
    counts: dict[int, int] = {}
    for found in _YEAR.finditer(source, 0, min(len(source), 50000)):
        value = int(found.group())
        counts[value] = counts.get(value, 0) + 1
    if counts:
        return max(counts, key=lambda y: (counts[y], y))
    return None
