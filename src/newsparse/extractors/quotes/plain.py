"""Plain text: text whose letters, marks and digits all lie in Latin-1 (U+0000 to U+00FF).

Most English news pages are plain in this sense even when they are not ASCII: their other
characters are typographic quotes, dashes, spaces, currency signs, bullets and emoji, none of
which is a letter, a mark or a digit, and their accented names ("José", "Müller", "François")
are spelt with Latin-1 letters.  On plain text the Unicode classes of the extractor's patterns
(``\\p{Lu}``, ``[\\p{L}\\p{M}\\p{N}]``) reduce to the short Latin-1 classes below, so the
same patterns can run on the standard library's engine, which returns many small matches about
twice as fast; any other text keeps the Unicode patterns.  ``tests/test_quotes_fast_paths.py``
checks each class against the Unicode one on every Latin-1 character, that no other character
listed here is a letter, a mark or a digit, and which of them are blank space.
"""

from __future__ import annotations

import re

__all__ = ["PLAIN_LOWER", "PLAIN_SPACE", "PLAIN_SYMBOLS", "PLAIN_UPPER", "PLAIN_WORD", "is_plain"]

#: ``\\p{Lu}``, ``\\p{Ll}`` and ``[\\p{L}\\p{M}\\p{N}]`` on plain text (character class bodies):
#: Latin-1 has no marks, and its letters and digits beyond ASCII are these.
PLAIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
PLAIN_LOWER = "a-z\u00b5\u00df-\u00f6\u00f8-\u00ff"
PLAIN_WORD = (
    "A-Za-z0-9\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be"
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
)

#: Characters beyond Latin-1 that are neither letters, nor marks, nor digits (as a character
#: class body): general punctuation (typographic quotes, dashes, spaces, zero-width
#: characters), currency signs, arrows and mathematical and technical symbols, box drawing,
#: shapes, dingbats other than the circled digits, pictographs and emoji, the byte order mark
#: and the replacement character.
PLAIN_SYMBOLS = (
    "\u2000-\u206f\u20a0-\u20c0\u2190-\u23ff\u2500-\u2775\u2794-\u27bf"
    "\U0001f300-\U0001faff\ufeff\ufffd"
)
#: The blank space among plain characters, as the Unicode patterns' ``\s`` sees it.
PLAIN_SPACE = "\t\n\x0b\x0c\r \u0085\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f"

_NOT_PLAIN_RE = re.compile(f"[^\x00-\xff{PLAIN_SYMBOLS}]")


#: The last whole text asked about and the answer: the name index asks about a page, the
#: tokenizer then about many windows of it.
_last: tuple[str, bool] = ("", True)


def is_plain(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``text[lo:hi]`` holds no letter, mark or digit outside Latin-1."""
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
