"""The built-in ``places`` extractor (a plugin like any other)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsparse import Article, Extractor, Place, __version__, hookimpl

__all__ = ["extract_places"]


def extract_places(article: Article) -> Iterator[Place]:
    """Find every Place in the editorial parts of ``article``."""
    return iter(())


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="places",
            extract=extract_places,
            finding_type=Place,
            version=__version__,
            description="",
        )
    )
