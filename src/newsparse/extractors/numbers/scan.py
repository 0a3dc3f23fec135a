"""Cutting a part of the page into tokens in one linear pass.

A token is a run of digits (with thousands separators, a decimal part and an exponent), a
run of letters, or one other visible character.  Every pattern has bounded repetitions and
no nested quantifiers over overlapping classes, so the scan is linear on any input.
Spans that are never numbers (web addresses, e-mail addresses, phone numbers, IP addresses)
are found first by :data:`SKIP` and their tokens are marked so the parser steps over them.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "END",
    "KIND",
    "LOW",
    "SKIP",
    "SKIPPED",
    "START",
    "TEXT",
    "Token",
    "gap",
    "glued",
    "tokenize",
    "word_at",
]

_NUM = (
    r"\d{1,3}(?:,\d{3}){1,40}(?:\.\d{1,40})?(?![\d])"  # 12,000.5
    r"|\d{1,2}(?:,\d{2}){1,20},\d{3}(?:\.\d{1,40})?(?![\d,])"  # 12,34,567.89
    r"|\d{1,3}(?:\.\d{3}){2,40}(?:,\d{1,40})?(?![\d])"  # 1.234.567,5
    r"|\d{1,3}\.\d{3},\d{1,40}(?![\d])"  # 1.111,11
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,40}(?![\d]|[.,]\d)"  # 12 000
    r"|\d{1,3}(?: , \d{3}){1,10}(?![\d])"  # 10 , 000 (text split into word tokens)
    r"|\d{1,6} \. \d{1,6}(?![\d])"  # 6 . 2
    r"|\d{1,40}(?:\.\d{1,40})?(?:[eE][-+]?\d{1,3}(?![\w]))?"
    r"|\.\d{1,40}"
)
# Words come first and numbers are guarded by a look-ahead on their first character: the two
# never start on the same character, so the order changes no match, but most characters are
# letters or punctuation and now fail the number branches in one test instead of nine.
TOKEN = re.compile(rf"(?P<w>[^\W\d_]{{1,60}})|(?=[\d.])(?P<n>{_NUM})|(?P<s>[^\s])")
# The same tokens, each with the whitespace before it: nothing but whitespace stands between
# two tokens (any other character is a token of its own), so the offsets follow from the
# lengths, and ``findall`` builds no match object per token.
_SPACED = re.compile(rf"(\s*)(?:([^\W\d_]{{1,60}})|(?=[\d.])({_NUM})|([^\s]))")

_URL = r"(?:https?://|www\.)[^\s]{1,2000}"
_MAIL = r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
# Every branch here starts with a digit, "+" or "(": the look-ahead says so once.
_CODES = (
    r"(?=[\d+(])(?:"
    r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"  # IP addresses
    r"|(?<![\w,.])(?:\+\d{1,3}[ -]?)?\(?0\d{2,5}\)?[ -]?\d{3,4}[ -]?\d{3,4}(?![\w])"  # phone
    r"|(?<![\w,.])\+\d{1,3}(?:[ -]?\d{2,5}){2,5}(?![\w])"
    r"|(?<![\w,.])\d{3,5}-\d{4,8}-\d{3,5}(?:-\d{1,5})?(?![\w])"  # account and card numbers
    r"|(?<![\w])\d{3}-\d{3}-\d{4}(?![\w])"
    r"|(?<![\w])\(\d{3}\) ?\d{3}-\d{4}(?![\w])"
    r")"
)

#: Spans that hold digits but no number a reader would count.
SKIP = re.compile(f"{_URL}|{_MAIL}|{_CODES}")

# A branch that cannot match anywhere in a part changes nothing when it is left out, so a
# part is searched only with the branches its characters allow (a web address needs "://"
# or "www.", an e-mail address "@", the rest a digit): most parts need one branch or none.
_SKIP_BY_NEED: dict[tuple[bool, bool, bool], re.Pattern[str] | None] = {}
for _u in (False, True):
    for _m in (False, True):
        for _c in (False, True):
            _branches = [b for b, on in ((_URL, _u), (_MAIL, _m), (_CODES, _c)) if on]
            _SKIP_BY_NEED[_u, _m, _c] = re.compile("|".join(_branches)) if _branches else None


#: What every match of ``_CODES`` holds: a digit or "+" and five more characters of digits,
#: stops, brackets, spaces, pluses or hyphens (an IP address "1.2.3.4", a phone number
#: "+12345" or "020 ...", an account number "123-4567-890").  A part without it (most: "1,200",
#: "2.5 tonnes", "1995 and") cannot hold a code, and one quick scan says so.
_CODE_NEED = re.compile(r"[\d+][\d.)( +\-]{5}")
#: What some branch of :data:`SKIP` needs: "://" or "www." (a web address), "@" (an e-mail
#: address) or what :data:`_CODE_NEED` finds (a code).  A part without any is skipped over
#: by none of them.  The pattern opens on one character class, which the regex engine scans
#: for in a tight loop; each branch then checks, looking back, which character it was.
_NEED_ANY = re.compile(r"[:w@\d+](?:(?<=:)//|(?<=w)ww\.|(?<=@)|(?<=[\d+])[\d.)( +\-]{5})")


#: One token: ``(kind, start, end, text, low, skipped)``, read by the index names below.
#: ``kind`` is ``n`` (digits), ``w`` (letters) or ``s`` (any other character); ``low`` is the
#: text lower-cased and ``skipped`` marks a token inside a span that is never a number.
#: A plain tuple, not a named tuple or an attrs class: a page has many tokens, a tuple
#: display is the cheapest record Python builds, and an item read by a constant index is
#: quicker than a named tuple's attribute.
Token = tuple[str, int, int, str, str, bool]
KIND: Final = 0
START: Final = 1
END: Final = 2
TEXT: Final = 3
LOW: Final = 4
SKIPPED: Final = 5


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    skips: list[tuple[int, int]] = []
    # One search says whether any skip branch can match at all (each needs one of these);
    # most parts hold none, and the slice and the three tests below are not made for them.
    if _NEED_ANY.search(text, start, end) is not None:
        part = text[start:end]
        need = ("://" in part or "www." in part, "@" in part, _CODE_NEED.search(part) is not None)
        pattern = _SKIP_BY_NEED[need]
        if pattern is not None:
            skips = [m.span() for m in pattern.finditer(text, start, end)]
    if not skips:
        # One comprehension, no statement per token: a token starts where the one before
        # ended plus the whitespace between, and its end is kept for the next.
        pos = start
        return [
            ("w" if w else "n" if n else "s", s, (pos := s + len(t)), t, t.lower(), False)
            for space, w, n, other in _SPACED.findall(text, start, end)
            for s, t in ((pos + len(space), w or n or other),)
        ]
    tokens: list[Token] = []
    k = 0
    for m in TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "s"
        s, e = m.span()
        while k < len(skips) and skips[k][1] <= s:
            k += 1
        skip = k < len(skips) and skips[k][0] <= s < skips[k][1]
        word = m.group()
        tokens.append((kind, s, e, word, word.lower(), skip))
    return tokens


def glued(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` follows token ``k - 1`` with no space between them."""
    return 0 < k < len(tokens) and tokens[k][START] == tokens[k - 1][END]


def gap(tokens: list[Token], k: int) -> int:
    """How many characters separate token ``k`` from the one before (huge at the edges)."""
    if k <= 0 or k >= len(tokens):
        return 10**9
    return tokens[k][START] - tokens[k - 1][END]


def word_at(tokens: list[Token], k: int) -> str | None:
    """The lower-cased word at token ``k``, or None when it is not a word."""
    if 0 <= k < len(tokens) and tokens[k][KIND] == "w":
        return tokens[k][LOW]
    return None
