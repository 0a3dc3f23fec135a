"""Lines with exact spans, and the decoding of bytes into text.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``, the three conventions scraped text
arrives in.  Other Unicode separators (U+2028, form feed, ...) stay inside the line: treating
them as breaks would make offsets disagree with the caller's own idea of a line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

import attrs

from newsparse.errors import DecodeError
from newsparse.model import Span

__all__ = ["Line", "decode", "iter_lines", "line_bounds", "lines_and_bounds", "split_lines"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@attrs.frozen
class Line:
    """A line of the page.

    ``span`` covers the visible text without the line break; ``full`` adds the break, so the
    ``full`` spans of all lines partition the text.  ``index`` counts lines from zero.
    """

    index: int
    text: str
    span: Span
    full: Span

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def line_bounds(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, stop)`` of every line: the text is ``text[start:end]`` and the line with
    its break is ``text[start:stop]``.  This is the one definition of a line in newsparse."""
    return lines_and_bounds(text)[1]


def lines_and_bounds(text: str) -> tuple[list[str], list[tuple[int, int, int]]]:
    """The text of every line and its :func:`line_bounds`, for callers that need both: with
    ``"\n"`` breaks only, the texts are the pieces the bounds are measured from."""
    bounds: list[tuple[int, int, int]] = []
    if "\r" not in text:
        # The common case, "\n" only: str.split is far cheaper than a regex scan.
        parts = text.split("\n")
        if parts[-1] == "":
            parts.pop()  # a final line break does not open another line
        start = 0
        size = len(text)
        for part in parts:
            end = start + len(part)
            stop = end + 1 if end < size else end
            bounds.append((start, end, stop))
            start = stop
        return parts, bounds
    start = 0
    for match in _LINE_BREAK.finditer(text):
        bounds.append((start, match.start(), match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text), len(text)))
    return [text[start:end] for start, end, _ in bounds], bounds


def iter_lines(text: str) -> Iterator[Line]:
    """Yield every line of ``text``, in order; an empty text has no lines."""
    for index, (start, end, stop) in enumerate(line_bounds(text)):
        yield Line(index, text[start:end], Span(start, end), Span(start, stop))


def split_lines(text: str) -> list[Line]:
    """All lines of ``text`` as a list (see :func:`iter_lines`)."""
    return list(iter_lines(text))


def decode(data: bytes, *, errors: str = "strict", source: str | None = None) -> tuple[str, int]:
    """Decode UTF-8 (a leading byte-order mark is dropped).

    Returns the text and the number of replaced bad sequences.  With ``errors="strict"``
    an invalid byte raises :class:`~newsparse.errors.DecodeError` giving its offset; with
    ``errors="replace"`` each bad sequence becomes U+FFFD and is counted.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    shift = len(data) - len(body)
    try:
        return body.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        if errors == "strict":
            where = f"{source}: " if source else ""
            raise DecodeError(
                f"{where}invalid UTF-8 at byte offset {exc.start + shift} "
                f"({exc.reason}); pass errors='replace' to substitute U+FFFD",
                offset=exc.start + shift,
                source=source,
            ) from None
    text = body.decode("utf-8", errors="replace")
    bad = len(body.decode("utf-8", errors="ignore"))
    return text, len(text) - bad
