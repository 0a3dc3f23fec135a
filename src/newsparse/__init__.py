"""newsparse: the plain text of a scraped news page, read into a typed article.

>>> import newsparse
>>> article = newsparse.parse("Storm closes schools\\n\\nHeavy snow closed 40 schools on Monday.")
>>> article.headline
'Storm closes schools'
"""

from __future__ import annotations

from newsparse._version import __version__
from newsparse.api import parse, parse_bytes, parse_file, parse_html
from newsparse.batch import parse_many
from newsparse.errors import (
    DecodeError,
    InputError,
    MissingDependencyError,
    NewsparseError,
    PluginError,
    SerializationError,
    UsageError,
)
from newsparse.extractor import Extractor
from newsparse.hookspecs import hookimpl
from newsparse.model import (
    Article,
    Block,
    Caption,
    Label,
    Mention,
    Number,
    NumberKind,
    Paragraph,
    Part,
    Place,
    PlaceKind,
    Problem,
    Quote,
    QuoteKind,
    RelatedLink,
    Span,
)

__all__ = [
    "Article",
    "Block",
    "Caption",
    "DecodeError",
    "Extractor",
    "InputError",
    "Label",
    "Mention",
    "MissingDependencyError",
    "NewsparseError",
    "Number",
    "NumberKind",
    "Paragraph",
    "Part",
    "Place",
    "PlaceKind",
    "PluginError",
    "Problem",
    "Quote",
    "QuoteKind",
    "RelatedLink",
    "SerializationError",
    "Span",
    "UsageError",
    "__version__",
    "hookimpl",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_html",
    "parse_many",
]
