"""The exceptions newsparse raises.  All derive from :class:`NewsparseError`."""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "InputError",
    "MissingDependencyError",
    "NewsparseError",
    "PluginError",
    "SerializationError",
    "UsageError",
]


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class InputError(NewsparseError, ValueError):
    """The input cannot be read: a directory, a missing file, something too large."""


class DecodeError(InputError):
    """Bytes that are not valid UTF-8.  ``offset`` is the index of the first bad byte."""

    def __init__(self, message: str, *, offset: int, source: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.source = source


class MissingDependencyError(NewsparseError, ImportError):
    """An optional feature was used without the extra that provides it installed
    (``pip install 'newsparse[html]'`` for :func:`newsparse.parse_html`)."""

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message)
        self.extra = extra


class PluginError(NewsparseError):
    """A plugin misbehaved.  Raised at start-up for broken registrations, and during a
    parse only in strict mode (otherwise the failure is recorded on the article)."""

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin


class SerializationError(NewsparseError, ValueError):
    """A dict or JSON document that does not describe a newsparse object."""


class UsageError(NewsparseError, ValueError):
    """An argument newsparse cannot act on, such as the name of an extractor not installed."""
