"""Loading the HTML parser of the ``html`` extra, and turning input into a parsed document."""

from __future__ import annotations

from typing import Any

from newsparse.errors import MissingDependencyError
from newsparse.html.decode import decode_html
from newsparse.html.guard import flatten_deep_nesting

__all__ = ["parse_document", "require_parser", "to_text"]

_INSTALL = "pip install 'newsparse[html]'"


def _parser_class() -> Any:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as exc:
        raise MissingDependencyError(
            f"reading HTML needs the optional 'html' extra (selectolax); install it with: {_INSTALL}",
            extra="html",
        ) from exc
    return LexborHTMLParser


def require_parser() -> None:
    """Raise :class:`~newsparse.errors.MissingDependencyError` now if the extra is missing."""
    _parser_class()


def to_text(html: str | bytes | bytearray | memoryview) -> tuple[str, str | None]:
    """The page as text, and a note when bytes had to be decoded by a fallback."""
    if isinstance(html, str):
        return html, None
    if isinstance(html, (bytes, bytearray, memoryview)):
        return decode_html(bytes(html))
    raise TypeError(f"parse_html() needs a str or bytes, not {type(html).__name__}")


def parse_document(text: str) -> Any:
    """A Lexbor document for ``text``, its nesting capped so parsing stays linear."""
    parser = _parser_class()
    # Lone surrogates cannot cross into the C parser; they are not text a page can show.
    safe = text.encode("utf-8", "replace").decode("utf-8")
    return parser(flatten_deep_nesting(safe))
