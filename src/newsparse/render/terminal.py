"""The outline for a terminal: ANSI colours when they help, and no control characters.

Colour follows the usual conventions: ``--color always`` and ``never`` mean what they say;
``auto`` colours only a terminal (``isatty``) and never when ``NO_COLOR`` is set to a
non-empty value (https://no-color.org) or ``TERM`` is ``dumb``.

Page text reaches the terminal too, and a scraped page can carry escape sequences that would
retitle the window, move the cursor or forge a hyperlink.  :func:`terminal_outline` shows
every control character of the page as a visible symbol (ESC as ``␛``); only the colour codes
it adds itself are real.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from newsparse.outline import outline

if TYPE_CHECKING:
    from newsparse.model import Article

__all__ = ["COLOR_MODES", "ROLE_CODES", "color_enabled", "neutralise", "terminal_outline"]

#: The values of ``--color``.
COLOR_MODES = ("auto", "always", "never")

#: The SGR codes of each outline role.
ROLE_CODES: dict[str, str] = {
    "heading": "1;36",
    "label": "1;33",
    "dim": "2",
    "problem": "1;31",
}

_RESET = "\x1b[0m"
# Placeholders from a private use plane: the outline is built with them, the page's own
# control characters are neutralised, then the placeholders become real escape codes.
_OPEN = {role: chr(0xF0100 + i) for i, role in enumerate(ROLE_CODES)}
_CLOSE = chr(0xF01FF)
_PLACEHOLDER = re.compile("[\U000f0100-\U000f01ff]")
_CODE_OF = {mark: f"\x1b[{ROLE_CODES[role]}m" for role, mark in _OPEN.items()}
_CODE_OF[_CLOSE] = _RESET
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Stream(Protocol):
    def isatty(self) -> bool: ...


def color_enabled(
    mode: str, stream: _Stream | None = None, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether output to ``stream`` should be coloured under ``--color mode``."""
    if mode == "never":
        return False
    if mode == "always":
        return True
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb" or stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def neutralise(text: str) -> str:
    """``text`` with control characters (other than newline and tab) shown as symbols."""
    return _CONTROL.sub(_visible, text)


def _placeholder_style(text: str, role: str) -> str:
    mark = _OPEN.get(role)
    if not text or mark is None:
        return text
    return f"{mark}{text}{_CLOSE}"


def terminal_outline(article: Article, *, color: bool) -> str:
    """The article's outline (:func:`newsparse.outline.outline`) for a terminal.

    With ``color`` the headings, field names, dimmed parts and problems are coloured.  Control
    characters from the page are always shown as symbols, never sent raw.
    """
    if not color:
        return neutralise(outline(article))
    text = neutralise(outline(article, style=_placeholder_style))
    # A page character that happens to equal a placeholder can only add colour: harmless.
    return _PLACEHOLDER.sub(lambda match: _CODE_OF.get(match.group(), match.group()), text)
