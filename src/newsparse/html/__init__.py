"""Reading a news page from its HTML: the same :class:`~newsparse.model.Article` as from text.

The markup is turned into text (one line per line of a block element, a blank line between
blocks), which becomes :attr:`Article.source`, so every span indexes it; each block keeps the
XPath of the element it came from (:attr:`Block.path`).  Labels come from markup hints
(:mod:`newsparse.html.label`); links keep their targets and captions their image.
"""

from __future__ import annotations

from newsparse.html.read import read_html

__all__ = ["read_html"]
