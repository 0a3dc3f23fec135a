"""Keep pathological nesting from making the HTML parse quadratic.

An HTML5 tree builder looks down its stack of open elements for every block start tag, so a
page of millions of unclosed ``<div>`` costs time in the square of its depth.  Browsers stop
nesting at a fixed depth (Chromium at 512); :func:`flatten_deep_nesting` does the same before
parsing, by dropping the container tags that would open beyond the limit (and their end tags),
so the text is kept and only the excess structure goes.  Pages within the limit are returned
untouched.
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


def _max_depth(html: str) -> int:
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() not in _CONTAINERS:
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten_deep_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with container tags nested deeper than ``limit`` removed (linear time)."""
    if html.count("<") <= limit or _max_depth(html) <= limit:
        return html
    out: list[str] = []
    depth = 0
    kept_to = 0  # everything before this offset is already copied or dropped
    for match in _TAG.finditer(html):
        start = match.start()
        if start < kept_to or match.group(2).lower() not in _CONTAINERS:
            continue
        closing = bool(match.group(1))
        if closing:
            drop = depth > limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            drop = depth > limit
        if not drop:
            continue
        end = html.find(">", match.end())
        end = len(html) if end < 0 else end + 1
        out.append(html[kept_to:start])
        kept_to = end
    out.append(html[kept_to:])
    return "".join(out)
