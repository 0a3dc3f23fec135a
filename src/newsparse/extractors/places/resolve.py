"""Choosing one place for every mention, with the whole article as context.

Each candidate gets a score: the base-10 logarithm of its weight (population for towns and
countries, a comparable figure for regions), plus

* :data:`COUNTRY_BONUS` when another mention in the article names its country, or a place
  (or demonym) in that country: "Georgia" goes to the US state in an article that also names
  Atlanta, to the country in one that names Tbilisi or Russia;
* :data:`STATE_BONUS` when another mention names its US state.

"City, State" and "City, Country" pairs ("Paris, Texas", "London, Ontario") are hard
constraints, and they hold for every other mention of the same name in the article (one sense
per article).  A small town that nothing else in the article supports is more likely a common
word or a name than a place, so it is dropped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import attrs

from newsparse.extractors.places.gazetteer import Entry, words
from newsparse.extractors.places.recognise import Mention
from newsparse.model import PlaceKind

__all__ = ["COUNTRY_BONUS", "STATE_BONUS", "Resolved", "resolve"]

COUNTRY_BONUS = 1.5
STATE_BONUS = 2.5
#: A town smaller than this needs support from the article (its country named elsewhere).
SMALL_TOWN = 15_000
#: ... and one that opens a sentence, smaller than this.
SMALL_INITIAL = 100_000

#: A town at least this large counts as context for other mentions on its own.
CONTEXT_TOWN = 100_000
#: A town smaller than this followed by "said" is a person ("Clark said").
SPEAKER_TOWN = 1_000_000

_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION})


@attrs.frozen
class Resolved:
    """A mention and what it was resolved to: the canonical name, kind and point."""

    mention: Mention
    name: str
    kind: PlaceKind
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


def _top(entries: Sequence[Entry]) -> Entry | None:
    return max(entries, key=lambda e: e.weight) if entries else None


def _pairs(mentions: Sequence[Mention]) -> dict[int, tuple[Entry, ...]]:
    """Constraints from "City, State" / "City, Country" pairs: mention index -> allowed."""
    allowed: dict[int, tuple[Entry, ...]] = {}
    for k in range(1, len(mentions)):
        second, first = mentions[k], mentions[k - 1]
        if not second.after_comma or first.demonym or second.demonym:
            continue
        good_a: list[Entry] = []
        good_b: list[Entry] = []
        for b in second.places:
            if b.kind not in _AREA_KINDS:
                continue
            for a in first.places:
                if a is b or a.country_code != b.country_code or a.country_code is None:
                    continue
                if b.kind is PlaceKind.REGION and b.admin1 and a.admin1 != b.admin1:
                    continue
                if a.kind is PlaceKind.COUNTRY:
                    continue
                good_a.append(a)
                if b not in good_b:
                    good_b.append(b)
        if good_a:
            allowed[k - 1] = tuple(good_a)
            allowed[k] = tuple(good_b)
    return allowed


def resolve(mentions: Sequence[Mention]) -> list[Resolved]:
    """One place (or none, when the mention is dropped) per mention, in order."""
    pairs = _pairs(mentions)
    # What the article names, by the most likely reading of each mention: country and US
    # state -> the names that point there.  A name never counts as its own support.
    countries: dict[str, set[str]] = defaultdict(set)
    states: dict[str, set[str]] = defaultdict(set)
    for k, mention in enumerate(mentions):
        top = _top(pairs.get(k, mention.places))
        if top is None or not (top.kind in _AREA_KINDS or top.weight >= CONTEXT_TOWN or k in pairs):
            continue
        if top.country_code:
            countries[top.country_code].add(mention.key)
        if top.country_code == "US" and top.admin1:
            states[top.admin1].add(mention.key)

    # Constraints hold for every mention of the same name.
    by_key: dict[str, tuple[Entry, ...]] = {}
    for k, allowed in pairs.items():
        by_key.setdefault(mentions[k].key, allowed)

    out: list[Resolved] = []
    for k, mention in enumerate(mentions):
        own = {mention.key}
        candidates = pairs.get(k) or by_key.get(mention.key) or mention.places
        supported = k in pairs or mention.key in by_key
        best: Entry | None = None
        best_score = -math.inf
        best_context = False
        for entry in candidates:
            score = math.log10(max(entry.weight, 1))
            cc = entry.country_code
            in_context = False
            if cc and countries.get(cc, own) - own:
                score += COUNTRY_BONUS
                in_context = True
            if cc == "US" and entry.admin1 and states.get(entry.admin1, own) - own:
                score += STATE_BONUS
                in_context = True
            if score > best_score:
                best, best_score, best_context = entry, score, in_context
                if cc == "US" and entry.kind is PlaceKind.CITY and entry.weight < SMALL_TOWN:
                    best_context = bool(entry.admin1 and states.get(entry.admin1, own) - own)
        if best is None:
            if mention.unknown:
                out.append(_unknown(mention))
            continue
        if mention.speaker and best.kind is PlaceKind.CITY and best.weight < SPEAKER_TOWN:
            continue
        small = best.weight < SMALL_TOWN or (mention.initial and best.weight < SMALL_INITIAL)
        if best.kind is PlaceKind.CITY and small and not supported and not best_context:
            continue
        out.append(_place(mention, best))
    return out


def _unknown(mention: Mention) -> Resolved:
    return Resolved(mention, mention.key.title(), PlaceKind.OTHER, None, None, None, None)


def _place(mention: Mention, entry: Entry) -> Resolved:
    """The place a mention names, adjusted for a designator inside its span."""
    kind, name = entry.kind, entry.name
    designator = mention.designator
    if designator is not None and mention.designator_word is not None:
        wanted = PlaceKind(designator)
        if wanted is not kind and kind is not PlaceKind.COUNTRY:
            word = mention.designator_word.title()
            if wanted is PlaceKind.REGION and mention.designator_word == "region":
                word = words("en")["region_name_by_country"].get(entry.country_code or "", word)
            kind, name = wanted, f"{entry.name} {word}"
    return Resolved(
        mention=mention,
        name=name,
        kind=kind,
        country_code=entry.country_code,
        latitude=entry.latitude,
        longitude=entry.longitude,
        geonames_id=entry.geonames_id if (kind, name) == (entry.kind, entry.name) else None,
    )
