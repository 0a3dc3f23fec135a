"""Bytes of an HTML page into text: byte-order mark, then ``<meta charset>``, then safe fallbacks.

A page's charset declaration is often wrong (a page saved as UTF-8 that still says
``iso-8859-1``).  Bytes that are valid UTF-8 and not plain ASCII are almost never another
encoding, so UTF-8 is tried first; then the declared charset; and windows-1252 (which, as
browsers do, stands in for latin-1 and ASCII) decodes anything, with undefined bytes replaced.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html", "sniff_charset"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bounded repetitions only: the prescan looks at a fixed prefix and stays linear.
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,512}?charset[ \t\r\n]{0,8}=[ \t\r\n]{0,8}[\"']?[ \t]{0,8}([A-Za-z0-9_:.\-]{1,40})",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 4096

#: Labels browsers map to another decoder (WHATWG Encoding): latin-1 and ASCII mean
#: windows-1252, and a UTF-16 declaration inside ASCII-compatible bytes cannot be true.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "cp1252",
}


def sniff_charset(data: bytes) -> str | None:
    """The codec the page declares in a ``<meta>`` near its start, if Python knows it."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Decode an HTML page; returns the text and a note when the decoding was a fallback."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), None
    declared = sniff_charset(data)
    tried: list[str] = []
    candidates: tuple[str | None, ...] = ("utf-8", declared)
    for candidate in candidates:
        if candidate is None or candidate in tried:
            continue
        codec = candidate
        tried.append(codec)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if declared is not None and codec != declared and not text.isascii():
            return text, f"declared charset {declared} does not fit the bytes; read as {codec}"
        return text, None
    note = "bytes are neither the declared charset nor UTF-8; read as windows-1252"
    return data.decode("cp1252", errors="replace"), note
