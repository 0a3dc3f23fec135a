"""Overlapping spans written as properly nested HTML.

Findings overlap freely (a number inside a quote, a place that straddles the end of a
quotation), but HTML elements must nest.  :func:`write_marked` walks the span boundaries once
with a stack: an element that ends while elements opened after it are still open closes them,
closes itself and reopens them, so a crossing span becomes two pieces of the same element
(both carrying its ``data-fid``).  The first piece of a mark carries its ``id``; the last one
carries its label.  Page text is escaped here and nowhere else.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import attrs

__all__ = ["Mark", "clean", "escape", "write_marked"]

# Characters an HTML document cannot carry: NUL is dropped by parsers and lone surrogates
# cannot be encoded.  They are shown as U+FFFD.
_UNCARRIABLE = re.compile("[\x00\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with the characters HTML cannot carry replaced by U+FFFD."""
    return _UNCARRIABLE.sub("\ufffd", text)


def escape(text: str) -> str:
    """``text`` safe in HTML content and in quoted attribute values."""
    return html.escape(clean(text), quote=True)


@attrs.frozen
class Mark:
    """One highlighted range of the text.

    ``rank`` orders marks with equal spans (smaller is outer).  ``attributes`` go on every
    piece; ``element_id`` only on the first piece and ``badge`` (drawn through CSS, so it never
    enters the text content) only after the last.  ``first``/``last`` say whether this range
    begins or ends the whole mark, for marks clipped to one block of a longer span.
    """

    start: int
    end: int
    rank: int
    tag: str
    css_class: str
    attributes: tuple[tuple[str, str], ...] = ()
    element_id: str | None = None
    badge: str | None = None
    first: bool = True
    last: bool = True


def _open(mark: Mark, first: bool) -> str:
    parts = [f'<{mark.tag} class="{escape(mark.css_class)}"']
    if first and mark.first and mark.element_id:
        parts.append(f' id="{escape(mark.element_id)}"')
    parts.extend(f' {name}="{escape(value)}"' for name, value in mark.attributes)
    if not first:
        parts.append(' data-cont="1"')
    return "".join(parts) + ">"


def _close(mark: Mark, final: bool) -> str:
    badge = ""
    if final and mark.last and mark.badge:
        badge = f'<span class="b" data-b="{escape(mark.badge)}"></span>'
    return f"{badge}</{mark.tag}>"


def write_marked(text: str, offset: int, marks: Sequence[Mark]) -> str:
    """``text`` (which starts at ``offset`` in the source) as escaped HTML with ``marks``.

    Marks are clipped to the text; one that lies wholly outside it is ignored.  The result is
    well-formed whatever the marks: every element opened is closed, in nesting order.
    """
    end_of_text = offset + len(text)
    live: list[tuple[int, int, int, int, Mark]] = []
    for order, mark in enumerate(marks):
        start, end = max(mark.start, offset), min(mark.end, end_of_text)
        if start > end or (start == end and mark.start != mark.end):
            continue
        live.append((start, end, mark.rank, order, mark))
    if not live:
        return escape(text)
    live.sort(key=lambda item: (item[0], -item[1], item[2], item[3]))
    points = sorted({item[0] for item in live} | {item[1] for item in live})
    out: list[str] = []
    stack: list[tuple[int, int, int, int, Mark]] = []
    opened: set[int] = set()
    cursor = offset
    index = 0
    for point in points:
        out.append(escape(text[cursor - offset : point - offset]))
        cursor = point
        reopen: list[tuple[int, int, int, int, Mark]] = []
        ending = [i for i, item in enumerate(stack) if item[1] == point]
        if ending:
            lowest = ending[0]
            popped = stack[lowest:]
            del stack[lowest:]
            for item in reversed(popped):
                out.append(_close(item[4], final=item[1] == point))
            reopen = [item for item in popped if item[1] != point]
        starting: list[tuple[int, int, int, int, Mark]] = []
        while index < len(live) and live[index][0] == point:
            starting.append(live[index])
            index += 1
        for item in starting:
            if item[1] == point:
                out.append(_open(item[4], first=True) + _close(item[4], final=True))
        to_open = [item for item in (*reopen, *starting) if item[1] != point]
        to_open.sort(key=lambda item: (-item[1], item[2], item[3]))
        for item in to_open:
            out.append(_open(item[4], first=item[3] not in opened))
            opened.add(item[3])
            stack.append(item)
    out.append(escape(text[cursor - offset :]))
    for item in reversed(stack):
        out.append(_close(item[4], final=True))
    return "".join(out)
