"""The built-in ``numbers`` extractor (a plugin like any other)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsparse import Article, Extractor, Number, __version__, hookimpl

__all__ = ["extract_numbers"]


def extract_numbers(article: Article) -> Iterator[Number]:
    """Find every Number in the editorial parts of ``article``."""
    return iter(())


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="numbers",
            extract=extract_numbers,
            finding_type=Number,
            version=__version__,
            description="",
        )
    )
