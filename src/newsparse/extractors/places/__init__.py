"""The built-in ``places`` extractor (a plugin like any other).

It reads the headline, standfirst, captions and body (``article.parts()``), finds place names
and demonyms with :mod:`.recognise`, chooses one place for each with :mod:`.resolve`, and
returns :class:`~newsparse.Place` findings anchored to the article's own text.  The gazetteer
(:mod:`.gazetteer`) is loaded once per process, on first use.
"""

from __future__ import annotations

from collections.abc import Callable

from newsparse import Article, Extractor, Part, Place, __version__, hookimpl
from newsparse.extractors.places.making import make_place
from newsparse.extractors.places.recognise import (
    BIG_TOWN,
    Mention,
    mentions_in,
    team_mentions,
)
from newsparse.extractors.places.resolve import Resolved, resolve

__all__ = ["extract_places", "places_in"]


def places_in(text: str) -> list[Place]:
    """Every place in a plain string, as if it were one body paragraph."""
    surnames: set[str] = set()
    mentions = mentions_in(text, 0, len(text), surnames)
    mentions = [m for m in mentions if not _surname(m, surnames)]
    teams = team_mentions(text, mentions)
    mentions = [m for k, m in enumerate(mentions) if k not in teams]
    return _findings(text, resolve(mentions), Part.BODY, None)


def extract_places(article: Article) -> list[Place]:
    """Find every Place in the editorial parts of ``article`` (made all at once: a page
    has a dozen)."""
    source = article.source
    mentions: list[Mention] = []
    surnames: set[str] = set()
    # The part every mention is in, or (once the article shows parts of two kinds) which part
    # each mention is in.
    first: Part = Part.BODY
    parts: dict[int, Part] | None = None
    for k, (part, span) in enumerate(article.parts()):
        found = mentions_in(source, span.start, span.end, surnames)
        if k == 0:
            first = part
        elif parts is None and part is not first:
            parts = dict.fromkeys([mention.start for mention in mentions], first)
        if parts is not None:
            for mention in found:
                parts[mention.start] = part
        mentions.extend(found)
    if surnames:
        mentions = [mention for mention in mentions if not _surname(mention, surnames)]
    teams = team_mentions(source, mentions)
    if teams:
        mentions = [mention for k, mention in enumerate(mentions) if k not in teams]
    return _findings(source, resolve(mentions), first, parts)


def _surname(mention: Mention, surnames: set[str]) -> bool:
    """Whether a mention repeats a name the article uses as a surname ("Clark said"); a
    large place keeps its name ("Lincoln" the city is not dropped for Abraham Lincoln)."""
    if mention.key not in surnames:
        return False
    return max((entry.weight for entry in mention.places), default=0) < BIG_TOWN


def _findings(
    source: str, resolved: list[Resolved], first: Part, parts: dict[int, Part] | None
) -> list[Place]:
    """The findings for resolved mentions: each in part ``first``, or in the part ``parts``
    gives for its start when there is such a map."""
    if parts is None:
        return [
            make_place(source, m.start, m.end, name, kind, cc, lat, lon, gid, m.demonym, first)
            for m, name, kind, cc, lat, lon, gid in resolved
        ]
    return [
        make_place(
            source,
            m.start,
            m.end,
            name,
            kind,
            cc,
            lat,
            lon,
            gid,
            m.demonym,
            parts.get(m.start, Part.BODY),
        )
        for m, name, kind, cc, lat, lon, gid in resolved
    ]


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="places",
            extract=extract_places,
            finding_type=Place,
            version=__version__,
            description="Place names and demonyms, resolved to coordinates and ISO country codes",
        )
    )
