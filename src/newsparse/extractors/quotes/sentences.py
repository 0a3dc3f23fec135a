"""Where sentences end, well enough to find the words around a quotation.

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing mark) before spaces
and a capital letter or an opening mark, unless the word before the stop is an abbreviation
(``Mr.``, ``Sen.``, ``U.S.``, an initial); a line break always ends one.

The boundaries of a text are found in one pass, the first time they are asked for, and every
later question ("where does the sentence around this quotation start?") is a binary search:
quotations sit in the same few sentences, and scanning the text around each one again would
read most of the page once per quotation.
"""

from __future__ import annotations

import bisect

import regex

__all__ = ["BOUNDARY_RE", "Sentences", "sentence_starts"]

#: The abbreviation test is a lookbehind placed after a lookahead for the stop, so that it
#: only runs where a sentence could end rather than at every character.
BOUNDARY_RE = regex.compile(
    r"(?=[.!?])"
    r"(?<!\b(?:\p{Lu}\p{Ll}{0,2}|Mrs|Sen|Rep|Gov|Capt|Prof|Corp|Sgt|Supt|Insp|Cllr|vs|[\p{Lu}.]{2,6}))"
    r"[.!?][\"”’']?[ \u00a0]+(?=[\p{Lu}\"“‘'])"
)


#: What may follow a stop that ends a sentence: a closing mark or a space.
_AFTER_STOP = frozenset(['"', "”", "’", "'", " ", "\u00a0"])


class Sentences:
    """The sentence boundaries of one text, found on first use."""

    __slots__ = ("_ends", "_sentence_starts", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._sentence_starts: list[int] | None = None

    def _bounds(self) -> tuple[list[int], list[int]]:
        """Where each boundary (the stop and the spaces after it) starts and ends."""
        if self._starts is None:
            # every boundary starts at a stop, and no boundary holds another stop, so trying
            # the pattern at each stop finds what a scan of the whole text would
            text = self._text
            stops: list[int] = []
            for glyph in ".!?":
                i = text.find(glyph)
                while i >= 0:
                    stops.append(i)
                    i = text.find(glyph, i + 1)
            stops.sort()
            starts: list[int] = []
            ends = self._ends
            match_at = BOUNDARY_RE.match
            for i in stops:
                if text[i + 1 : i + 2] not in _AFTER_STOP:
                    continue  # "3.5", "bbc.co.uk", the first dots of "..."
                match = match_at(text, i)
                if match is not None:
                    starts.append(i)
                    ends.append(match.end())
            self._starts = starts
        return self._starts, self._ends

    def start_before(self, lo: int, hi: int, *, reach: int = 1500) -> int:
        """Where the sentence holding offset ``hi`` starts, no earlier than ``lo``.

        Only boundaries that lie wholly within the ``reach`` characters before ``hi`` count;
        with none there, ``lo`` is the start.
        """
        starts, ends = self._bounds()
        k = bisect.bisect_right(ends, hi) - 1
        if k >= 0 and starts[k] >= max(lo, hi - reach):
            return ends[k]
        return lo

    def end_after(self, lo: int, hi: int) -> int:
        """Where the sentence going on at ``lo`` ends (just after its stop), at most ``hi``."""
        starts, ends = self._bounds()
        k = bisect.bisect_left(starts, lo)
        if k < len(starts) and ends[k] <= hi:
            return min(hi, starts[k] + 1)
        return hi

    def start_at_most(self, x: int) -> int:
        """The last offset ``<= x`` where a sentence starts (0 at the least): the end of a
        boundary or of a run of line breaks.  Equal to the last of :meth:`starts` not
        after ``x``, found without listing them all."""
        text = self._text
        r = text.rfind("\n", 0, x)
        if r >= 0 and r + 1 == x and text.startswith("\n", x):
            # x sits inside a run of line breaks, so the run that ended last lies before
            # it: a long run is not walked back (again and again, once per question)
            if not text.startswith("\n" * 8, max(0, r - 8)):
                while r > 0 and text[r - 1] == "\n":
                    r -= 1
                r = text.rfind("\n", 0, r)
            else:
                starts = self.starts()
                return starts[bisect.bisect_right(starts, x) - 1]
        ends = self._bounds()[1]
        k = bisect.bisect_right(ends, x) - 1
        best = ends[k] if k >= 0 else 0
        if r >= 0 and r + 1 > best:
            best = r + 1
        return best

    def starts(self) -> list[int]:
        """The offsets where sentences start, sorted (0 included)."""
        if self._sentence_starts is None:
            found = {0}
            found.update(self._bounds()[1])
            text = self._text
            i = text.find("\n")
            while i >= 0:
                i += 1
                while text.startswith("\n", i):
                    i += 1
                found.add(i)  # the end of a run of line breaks
                i = text.find("\n", i)
            self._sentence_starts = sorted(found)
        return self._sentence_starts


def sentence_starts(text: str) -> list[int]:
    """The offsets where sentences start, sorted (0 included)."""
    return Sentences(text).starts()
