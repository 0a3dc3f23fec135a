"""Plugins defined at module level, so entry points can load them and pickle can find them."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs

from newsparse import Article, Extractor, Part, Span, hookimpl

_WORD = re.compile(r"[A-Za-z]{1,40}")


class Case(str, enum.Enum):
    """How a word is written."""

    LOWER = "lower"
    TITLE = "title"
    OTHER = "other"


@attrs.frozen
class Word:
    """A plugin-defined finding type that uses every kind of field serialisation supports."""

    text: str
    span: Span
    part: Part = Part.BODY
    case: Case = Case.OTHER
    weight: Decimal | None = None
    letters: tuple[str, ...] = ()
    first_letter: Span | None = None


def find_words(article: Article) -> Iterator[Word]:
    """Every run of ASCII letters in the editorial parts of the article."""
    for part, span in article.parts():
        for match in _WORD.finditer(article.source, span.start, span.end):
            word = match.group()
            case = Case.LOWER if word.islower() else Case.TITLE if word.istitle() else Case.OTHER
            yield Word(
                text=word,
                span=Span(match.start(), match.end()),
                part=part,
                case=case,
                weight=Decimal(len(word)) / Decimal(4),
                letters=tuple(sorted(set(word.lower()))),
                first_letter=Span(match.start(), match.start() + 1),
            )


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(Extractor(name="words", extract=find_words, finding_type=Word, version="1.2"))


class Shouting:
    """A plugin class (registered as the class itself) that finds upper-case words."""

    @staticmethod
    def extract(article: Article) -> Iterator[Word]:
        return (word for word in find_words(article) if word.text.isupper() and len(word.text) > 1)

    @staticmethod
    @hookimpl
    def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
        register(Extractor(name="shouting", extract=Shouting.extract, finding_type=Word))
