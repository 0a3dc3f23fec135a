"""Keep pathological nesting from making the HTML parse quadratic.

An HTML5 tree builder looks down its stack of open elements for every block start tag, so a
page of millions of unclosed ``<div>`` costs time in the square of its depth.  Browsers stop
nesting at a fixed depth (Chromium at 512); a page that goes deeper is not a news page but a
pathological one, so :func:`flatten_deep_nesting` then removes its container tags (``div``,
``span``, ``section``, ...) in one pass of the regex engine: the text is kept, the nesting
goes.  Pages within the limit are returned untouched.
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "flatten_deep_nesting"]

MAX_DEPTH = 512

#: Elements whose end tag is required, so an unclosed one really nests what follows.
_CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "aside",
        "nav",
        "main",
        "header",
        "footer",
        "span",
        "a",
        "b",
        "i",
        "u",
        "s",
        "em",
        "strong",
        "small",
        "font",
        "center",
        "blockquote",
        "figure",
        "form",
        "ul",
        "ol",
        "dl",
        "table",
        "fieldset",
        "details",
        "label",
        "q",
        "sub",
        "sup",
        "mark",
        "code",
        "abbr",
        "cite",
        "del",
        "ins",
        "time",
        "big",
        "nobr",
    ]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])")
_ALTERNATIVES = "|".join(sorted(_CONTAINERS, key=len, reverse=True))
_CONTAINER_SLASH = re.compile(r"<(/?)(?:" + _ALTERNATIVES + r")(?=[\s/>])", re.IGNORECASE)
_CONTAINER_TAG = re.compile(
    r"</?(?:"
    + "|".join(sorted(_CONTAINERS, key=len, reverse=True))
    + r")(?=[\s/>])[^<>]{0,4096}>?",
    re.IGNORECASE,
)


def _deeper_than(html: str, limit: int) -> bool:
    """Whether container elements nest deeper than ``limit`` (stops at the first proof)."""
    depth = 0
    for closing in _CONTAINER_SLASH.findall(html):
        if closing:
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def flatten_deep_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` itself, or, when containers nest deeper than ``limit``, ``html`` without any
    container tags (linear time; the text is kept, only the nesting goes)."""
    if html.count("<") <= limit or not _deeper_than(html, limit):
        return html
    return _CONTAINER_TAG.sub("", html)
