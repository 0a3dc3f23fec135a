"""Plain text: text whose letters, marks and digits are all ASCII.

Most English news pages are plain in this sense even when they are not ASCII: their other
characters are typographic quotes, dashes, spaces, currency signs, bullets and emoji, none of
which is a letter, a mark or a digit.  On plain text the Unicode classes of the extractor's
patterns (``\\p{Lu}``, ``[\\p{L}\\p{M}\\p{N}]``) reduce to ASCII ones, so the same patterns
can run on the standard library's engine, which returns many small matches about twice as
fast; any other text keeps the Unicode patterns.  ``tests/test_quotes.py`` checks that no
character listed here is a letter, a mark or a digit, and which of them are blank space.
"""

from __future__ import annotations

import re

__all__ = ["PLAIN_SPACE", "PLAIN_SYMBOLS", "is_plain"]

#: Non-ASCII characters that are neither letters, nor marks, nor digits (as a character class
#: body): Latin-1 punctuation and signs, general punctuation (typographic quotes, dashes,
#: spaces, zero-width characters), currency signs, arrows and mathematical and technical
#: symbols, box drawing, shapes, dingbats other than the circled digits, pictographs and
#: emoji, the byte order mark and the replacement character.
PLAIN_SYMBOLS = (
    "\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7"
    "\u2000-\u206f\u20a0-\u20c0\u2190-\u23ff\u2500-\u2775\u2794-\u27bf"
    "\U0001f300-\U0001faff\ufeff\ufffd"
)
#: The blank space among plain characters, as the Unicode patterns' ``\s`` sees it.
PLAIN_SPACE = "\t\n\x0b\x0c\r \u00a0\u2000-\u200a\u2028\u2029\u202f\u205f"

_NOT_PLAIN_RE = re.compile(f"[^\x00-\x7f{PLAIN_SYMBOLS}]")


#: The last whole text asked about and the answer: the name index asks about a page, the
#: tokenizer then about many windows of it.
_last: tuple[str, bool] = ("", True)


def is_plain(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``text[lo:hi]`` holds no letter, mark or digit outside ASCII."""
    global _last
    last_text, last_plain = _last
    if text is last_text and (last_plain or (lo == 0 and hi is None)):
        return last_plain
    if text.isascii():
        return True
    if lo == 0 and hi is None:
        plain = _NOT_PLAIN_RE.search(_beyond_ascii(text)) is None
        _last = (text, plain)
        return plain
    return _NOT_PLAIN_RE.search(_beyond_ascii(text[lo:hi])) is None


_ASCII_BYTES = bytes(range(128))


def _beyond_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order.

    Dropping the ASCII bytes of the UTF-8 form leaves the other characters' byte sequences
    whole; bytes move at memory speed where a pattern would look at every character.
    """
    raw = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return raw.decode("utf-8", "surrogatepass")
