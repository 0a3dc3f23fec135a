"""Where sentences end, well enough to find the words around a quotation.

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing mark) before spaces
and a capital letter or an opening mark, unless the word before the stop is an abbreviation
(``Mr.``, ``Sen.``, ``U.S.``, an initial); a line break always ends one.
"""

from __future__ import annotations

import regex

__all__ = ["BOUNDARY_RE", "sentence_starts"]

BOUNDARY_RE = regex.compile(
    r"(?<!\b(?:\p{Lu}\p{Ll}{0,2}|Mrs|Sen|Rep|Gov|Capt|Prof|Corp|Sgt|Supt|Insp|Cllr|vs|[\p{Lu}.]{2,6}))"
    r"[.!?][\"”’']?[ \u00a0]+(?=[\p{Lu}\"“‘'])"
)
_LINE_RE = regex.compile(r"\n+")


def sentence_starts(text: str) -> list[int]:
    """The offsets where sentences start, sorted (0 included)."""
    starts = {0}
    starts.update(match.end() for match in BOUNDARY_RE.finditer(text))
    starts.update(match.end() for match in _LINE_RE.finditer(text))
    return sorted(starts)
