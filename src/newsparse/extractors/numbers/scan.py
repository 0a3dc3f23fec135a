"""Cutting a part of the page into tokens in one linear pass.

A token is a run of digits (with thousands separators, a decimal part and an exponent), a
run of letters, or one other visible character.  Every pattern has bounded repetitions and
no nested quantifiers over overlapping classes, so the scan is linear on any input.
Spans that are never numbers (web addresses, e-mail addresses, phone numbers, IP addresses)
are found first by :data:`SKIP` and their tokens are marked so the parser steps over them.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["SKIP", "Token", "gap", "glued", "tokenize", "word_at"]

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
TOKEN = re.compile(rf"(?P<n>{_NUM})|(?P<w>[^\W\d_]{{1,60}})|(?P<s>[^\s])")

#: Spans that hold digits but no number a reader would count.
SKIP = re.compile(
    r"(?:https?://|www\.)[^\s]{1,2000}"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"  # IP addresses
    r"|(?<![\w,.])(?:\+\d{1,3}[ -]?)?\(?0\d{2,5}\)?[ -]?\d{3,4}[ -]?\d{3,4}(?![\w])"  # phone
    r"|(?<![\w,.])\+\d{1,3}(?:[ -]?\d{2,5}){2,5}(?![\w])"
    r"|(?<![\w,.])\d{3,5}-\d{4,8}-\d{3,5}(?:-\d{1,5})?(?![\w])"  # account and card numbers
    r"|(?<![\w])\d{3}-\d{3}-\d{4}(?![\w])"
    r"|(?<![\w])\(\d{3}\) ?\d{3}-\d{4}(?![\w])"
)


_DIGIT = re.compile(r"\d|@|//|www\.")


@attrs.frozen
class Token:
    """One token: ``kind`` is ``n`` (digits), ``w`` (letters) or ``s`` (any other character)."""

    kind: str
    start: int
    end: int
    text: str
    low: str
    skip: bool = False


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    skips = (
        [(m.start(), m.end()) for m in SKIP.finditer(text, start, end)]
        if _DIGIT.search(text, start, end)
        else []
    )
    tokens: list[Token] = []
    k = 0
    for m in TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "s"
        s, e = m.span()
        while k < len(skips) and skips[k][1] <= s:
            k += 1
        skip = k < len(skips) and skips[k][0] <= s < skips[k][1]
        word = m.group()
        tokens.append(Token(kind, s, e, word, word.lower(), skip))
    return tokens


def glued(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` follows token ``k - 1`` with no space between them."""
    return 0 < k < len(tokens) and tokens[k].start == tokens[k - 1].end


def gap(tokens: list[Token], k: int) -> int:
    """How many characters separate token ``k`` from the one before (huge at the edges)."""
    if k <= 0 or k >= len(tokens):
        return 10**9
    return tokens[k].start - tokens[k - 1].end


def word_at(tokens: list[Token], k: int) -> str | None:
    """The lower-cased word at token ``k``, or None when it is not a word."""
    if 0 <= k < len(tokens) and tokens[k].kind == "w":
        return tokens[k].low
    return None
