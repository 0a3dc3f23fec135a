"""How the lines of a page get their labels and become an :class:`~newsparse.model.Article`."""

from __future__ import annotations

from newsparse.structure.assemble import read_page, read_prose

__all__ = ["read_page", "read_prose"]
