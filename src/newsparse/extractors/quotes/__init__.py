"""The built-in ``quotes`` extractor (a plugin like any other)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsparse import Article, Extractor, Quote, __version__, hookimpl

__all__ = ["extract_quotes"]


def extract_quotes(article: Article) -> Iterator[Quote]:
    """Find every Quote in the editorial parts of ``article``."""
    return iter(())


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="quotes",
            extract=extract_quotes,
            finding_type=Quote,
            version=__version__,
            description="",
        )
    )
