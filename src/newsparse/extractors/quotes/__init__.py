"""The built-in ``quotes`` extractor (a plugin like any other).

It reads the editorial parts of an article (headline, standfirst, caption occurrences, body
paragraphs), pairs the quotation marks (:mod:`.marks`), finds each quotation's speech verb
and the words that name the speaker (:mod:`.attribution`) and resolves them to the full name
the article introduces (:mod:`.speakers`).  Everything is regular expressions and word lists
(``data/en.json``): no language model, so it is fast and never raises.

Kinds.  A quotation is ``direct`` when it stands as a sentence of its own (``He said: "..."``,
``"...," he said``) and ``partial`` when a few quoted words sit inside the reporter's sentence
(``called it "madness"``).  Quoted words that are not speech are left out rather than kept
under a third kind: a quoted region is dropped when a naming cue stands right before it
(``dubbed``, ``so-called``, ``known as``, ``the word``), when it reads as a title (every word
capitalised, no sentence punctuation) with no speech verb near it, or when it is a short
fragment inside a sentence that has no speech verb and follows no attributed quotation (scare
quotes such as ``the "third straw"``).  A quotation with no verb of its own that follows an
attributed one (the next sentence, the next paragraph) inherits its speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from newsparse import Article, Extractor, Quote, __version__, hookimpl
from newsparse.extractors.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="quotes",
            extract=_extract,
            finding_type=Quote,
            version=__version__,
            description="direct and partial quotations with the speaker's full name",
        )
    )


def _extract(article: Article) -> list[Quote]:
    return extract_quotes(article)
