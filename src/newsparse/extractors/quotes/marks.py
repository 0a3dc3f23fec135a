"""Pairing quotation marks into quoted regions.

A mark's direction is read from its neighbours first (a mark after a space and before a letter
opens; a mark after a letter or punctuation and before a space closes) and from its glyph only
when the neighbours do not decide, so straight quotes, curly quotes, guillemets (both «French»
and »German« orientation) and „German“ quotes pair the same way.  Single marks are quotation
marks only outside double ones (inside, they are nested speech and stay in the text) and only
where they cannot be apostrophes ("it's", "Kursk's", "'90s", "students' union").

Scraped text is often unbalanced.  Pairing never crosses a paragraph, except by the newspaper
convention for quotations over several paragraphs: each paragraph opens with a mark and only the
last one closes.  A region left open at the end of a paragraph stops there (``closed`` is
false), so one stray mark cannot swallow the rest of the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

__all__ = ["MarkIndex", "Region", "find_marks", "pair_marks"]

_DOUBLE = '"“”„‟«»〝〞＂'
_SINGLE = "'‘’‚‛‹›"
_OPEN_GLYPHS = frozenset("“„‟«〝‘‚‛‹")
_CLOSE_GLYPHS = frozenset("”»〞’›")
_BEFORE_OPEN = frozenset("([{<—–-‐/…:;")
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-‐/…")
#: Elisions an apostrophe opens: 'em, 'til, 'n', 'tis, '90s.
_ELISION_RE = regex.compile(r"(?i:em|til|till|tis|twas|n|cause|bout|s)\b|\d\d?s?\b")

OPEN, CLOSE, EITHER, NONE = 1, 2, 3, 0


class Region:
    """A quoted region: ``start``/``end`` exclude the outer marks.

    ``open_at`` and ``close_at`` are the offsets of the outer marks (``close_at`` is -1 when
    the paragraph ended first); ``paragraphs`` is the index of each paragraph it touches.
    A plain slotted record (it never leaves the extractor), cheap to make for every pair.
    """

    __slots__ = ("close_at", "end", "open_at", "paragraphs", "single", "start")

    def __init__(
        self,
        start: int,
        end: int,
        open_at: int,
        close_at: int,
        paragraphs: tuple[int, ...],
        single: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.open_at = open_at
        self.close_at = close_at
        self.paragraphs = paragraphs
        self.single = single

    def __repr__(self) -> str:
        return (
            f"Region(start={self.start}, end={self.end}, open_at={self.open_at}, "
            f"close_at={self.close_at}, paragraphs={self.paragraphs}, single={self.single})"
        )

    @property
    def closed(self) -> bool:
        return self.close_at >= 0


def _direction(text: str, i: int, lo: int, hi: int) -> int:
    """Which way the mark at ``i`` faces, from its neighbours inside ``[lo, hi)``."""
    left = text[i - 1] if i > lo else ""
    right = text[i + 1] if i + 1 < hi else ""
    left_open = not left or left.isspace() or left in _BEFORE_OPEN or left in _DOUBLE
    right_close = not right or right.isspace() or right in _AFTER_CLOSE or right in _DOUBLE
    can_open = left_open and bool(right) and not right.isspace()
    can_close = right_close and bool(left) and not left.isspace()
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    glyph = text[i]
    if glyph in _OPEN_GLYPHS and not (left and left.isalnum()):
        return OPEN
    if glyph in _CLOSE_GLYPHS and not (right and right.isalnum()):
        return CLOSE
    return EITHER


def _single_direction(text: str, i: int, lo: int, hi: int) -> int:
    """Like :func:`_direction` for a single mark, ruling out apostrophes."""
    left = text[i - 1] if i > lo else ""
    right = text[i + 1] if i + 1 < hi else ""
    if left.isalnum() and right.isalnum():
        return NONE  # it's, Kursk's, rock'n'roll
    if (not left or not left.isalnum()) and _ELISION_RE.match(text, i + 1, hi):
        return NONE  # '90s, 'em
    direction = _direction(text, i, lo, hi)
    if direction == CLOSE and left in "sS" and right == " ":
        return EITHER  # students' union, or a close after a plural
    return direction


def _starts_with_open(text: str, lo: int, hi: int) -> int:
    """The offset of an opening double mark that starts ``[lo, hi)``, else -1."""
    i = lo
    while i < hi and text[i] in " \t\u00a0":
        i += 1
    if i < hi and text[i] in _DOUBLE and _direction(text, i, lo, hi) in (OPEN, EITHER):
        return i
    return -1


def find_marks(text: str, glyphs: str, lo: int, hi: int) -> list[int]:
    """The offsets in ``[lo, hi)`` of any of ``glyphs``, sorted.

    One ``str.find`` per glyph: most glyphs do not occur on a page and a search for them
    costs next to nothing, where a regular expression would step through every character.
    """
    found: list[int] = []
    for glyph in glyphs:
        i = text.find(glyph, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(glyph, i + 1, hi)
    found.sort()
    return found


class MarkIndex:
    """Where the quotation marks of one text are, found once for all its paragraphs."""

    __slots__ = ("_singles", "doubles", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.doubles = find_marks(text, _DOUBLE, 0, len(text))
        self._singles: list[int] | None = None

    @property
    def singles(self) -> list[int]:
        """Single marks (apostrophes mostly), found on first use: only headlines and
        captions quote with them."""
        if self._singles is None:
            self._singles = find_marks(self.text, _SINGLE, 0, len(self.text))
        return self._singles


def _within(found: list[int], lo: int, hi: int) -> list[int]:
    k = bisect.bisect_left(found, lo)
    return found[k : bisect.bisect_left(found, hi, k)]


def _pair_doubles(text: str, spans: Sequence[tuple[int, int]], marks: list[int]) -> list[Region]:
    regions: list[Region] = []
    inside = False
    open_at = start = 0
    touched: list[int] = []
    skip = -1
    count = len(marks)
    m = 0  # the first mark not yet passed: the marks are sorted, and so are the paragraphs
    for index, (lo, hi) in enumerate(spans):
        if inside:
            touched.append(index)
        while m < count and marks[m] < lo:
            m += 1
        if not inside and (m == count or marks[m] >= hi):
            continue  # no mark here and no quotation open: nothing changes
        first = m
        while m < count and marks[m] < hi:
            m += 1
        for i in marks[first:m]:
            if i == skip:
                continue
            direction = _direction(text, i, lo, hi)
            if not inside:
                if direction in (OPEN, EITHER):
                    inside, open_at, start, touched = True, i, i + 1, [index]
            elif direction in (CLOSE, EITHER):
                regions.append(Region(start, i, open_at, i, tuple(touched)))
                inside = False
            elif i - 2 >= lo and text[i - 1] == " " and text[i - 2] in ",.?!'’":
                # a closing mark typed after a space: "..., " he said
                regions.append(Region(start, i, open_at, i, tuple(touched)))
                inside = False
            elif direction == OPEN:
                # an opening mark inside a quotation: the earlier mark was a stray
                open_at, start, touched = i, i + 1, [index]
        if inside:
            nxt = spans[index + 1] if index + 1 < len(spans) else None
            skip = -1
            if nxt is not None and not text[hi : nxt[0]].strip():
                skip = _starts_with_open(text, nxt[0], nxt[1])
            if skip < 0:
                end = hi
                regions.append(Region(start, end, open_at, -1, tuple(touched)))
                inside = False
    return regions


def _pair_singles(
    text: str, lo: int, hi: int, taken: Sequence[Region], marks: list[int], paragraph: int
) -> list[Region]:
    """Single-quoted regions in ``[lo, hi)`` (paragraph number ``paragraph``) that lie outside
    every double-quoted one."""
    regions: list[Region] = []
    found = _within(marks, lo, hi)
    if not found:
        return regions
    blocked = [(r.open_at, r.close_at if r.closed else r.end) for r in taken]
    open_at = -1
    for i in found:
        if blocked and any(a <= i <= b for a, b in blocked):
            open_at = -1
            continue
        direction = _single_direction(text, i, lo, hi)
        if direction == NONE:
            continue
        if open_at < 0:
            if direction in (OPEN,) or (direction == EITHER and text[i] != "’"):
                open_at = i
        elif direction in (CLOSE, EITHER):
            if i > open_at + 1:
                regions.append(Region(open_at + 1, i, open_at, i, (paragraph,), single=True))
            open_at = -1
    return regions


def pair_marks(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    singles: Sequence[bool] = (),
    marks: MarkIndex | None = None,
) -> list[Region]:
    """Pair the quotation marks of consecutive paragraphs ``spans`` of ``text``.

    ``singles[i]`` says whether single marks may quote on their own in paragraph ``i``
    (headlines and captions usually quote that way).  ``marks`` is the text's
    :class:`MarkIndex` when the caller pairs several runs of paragraphs of one text.
    Regions come back in text order.
    """
    if marks is None or marks.text is not text:
        marks = MarkIndex(text)
    doubles = marks.doubles
    if doubles and spans:
        doubles = _within(doubles, spans[0][0], spans[-1][1])  # consecutive: in text order
    regions = _pair_doubles(text, spans, doubles) if doubles else []
    if not any(singles) or not spans:
        return regions  # in text order already
    found = _within(marks.singles, spans[0][0], spans[-1][1])
    if not found:
        return regions  # no single mark to pair (a headline without an apostrophe)
    count = len(regions)
    for index, (lo, hi) in enumerate(spans):
        if index < len(singles) and singles[index]:
            inside = [r for r in regions if index in r.paragraphs]
            regions.extend(_pair_singles(text, lo, hi, inside, found, index))
    if len(regions) > count:
        regions.sort(key=lambda r: r.start)
    return regions
