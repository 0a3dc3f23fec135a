"""Choosing one place for every mention, with the whole article as context.

Each candidate gets a score: the base-10 logarithm of its weight (population for towns and
countries, a comparable figure for regions), plus

* :data:`COUNTRY_BONUS` when another name in the article points into its country (the
  country itself, a place or a demonym): "Georgia" goes to the US state in an article that
  also names Atlanta, to the country in one that names Tbilisi or Russia;
* :data:`STATE_BONUS` when another name points into its first-level division (a US state,
  a Canadian province, an Australian state, a UK nation);
* :data:`NEAR_BONUS` when another place the article names (or may name) lies within about
  150 km: "Springfield" beside Holyoke is the one in Massachusetts.

Context is read twice: first from the names that have one sensible meaning (countries,
regions, large towns, pairs), then from every name as chosen in that first context, so a
county or a small town that was placed in Tennessee pulls "Paris" there too.

"City, State" and "City, Country" pairs ("Paris, Texas", "London, Ontario") are hard
constraints, and they hold for every other mention of the same name in the article (one sense
per article).  A small town that nothing else in the article supports is more likely a common
word or a name than a place, so it is dropped.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from newsparse.extractors.places.gazetteer import GRID_DEGREES, GRID_ROW, Entry, words
from newsparse.extractors.places.recognise import Mention
from newsparse.model import PlaceKind

__all__ = ["COUNTRY_BONUS", "STATE_BONUS", "Resolved", "resolve"]

COUNTRY_BONUS = 1.5
#: Added when another place the article names lies nearby (same or next grid cell of
#: :data:`NEAR_DEGREES`, about 150 km of latitude).
NEAR_BONUS = 1.0
NEAR_DEGREES = GRID_DEGREES
#: A name with more candidates than this lends none of them as nearby support.
NEAR_CANDIDATES = 6
STATE_BONUS = 2.5
#: A town smaller than this needs support from the article (its country named elsewhere).
SMALL_TOWN = 15_000
#: A town in a country the article does not otherwise name, smaller than this, needs a pair.
FOREIGN_TOWN = 100_000
#: ... and one that opens a sentence, smaller than this.
SMALL_INITIAL = 100_000

#: A town at least this large counts as context for other mentions on its own.
CONTEXT_TOWN = 100_000
#: A town smaller than this followed by "said" is a person ("Clark said").
SPEAKER_TOWN = 1_000_000

#: The most the context can add to a candidate's prior.
_MAX_BONUS = COUNTRY_BONUS + STATE_BONUS + NEAR_BONUS

#: What to add to a cell's number to reach it and each of its eight neighbours.
_NEIGHBOURS = tuple(row * GRID_ROW + col for row in (0, -1, 1) for col in (0, -1, 1))

_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION})
_LOCAL_KINDS = frozenset({PlaceKind.CITY, PlaceKind.REGION})
_new_tuple = tuple.__new__


class Resolved(NamedTuple):
    """A mention and what it was resolved to: the canonical name, kind and point (a named
    tuple, like :class:`~.recognise.Mention`: internal and made for every mention)."""

    mention: Mention
    name: str
    kind: PlaceKind
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


def _weight(entry: Entry) -> int:
    return entry.weight


def _top(entries: Sequence[Entry]) -> Entry | None:
    if len(entries) == 1:
        return entries[0]
    return max(entries, key=_weight) if entries else None


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


def _others(names: set[str] | None, key: str) -> bool:
    """Whether ``names`` holds a name other than ``key`` (without building a new set)."""
    if not names:
        return False
    return len(names) > 1 or key not in names


class _Context:
    """Which names point at which country and first-level division."""

    def __init__(self) -> None:
        self.countries: dict[str, set[str]] = defaultdict(set)
        self.areas: dict[str, set[str]] = defaultdict(set)
        #: grid cell of about 150 km -> the names with a point in it.
        self.cells: dict[int, set[str]] = defaultdict(set)

    def point(self, key: str, entry: Entry) -> None:
        """Record that ``key`` may name a place at ``entry``'s point."""
        if entry.kind in _LOCAL_KINDS and entry.cell is not None:
            self.cells[entry.cell].add(key)

    def elsewhere(self, key: str) -> bool:
        """Whether any name but ``key`` points into some country."""
        return any(len(keys) > 1 or key not in keys for keys in self.countries.values())

    def near(self, key: str, entry: Entry) -> bool:
        """Whether another name has a point in the same or a neighbouring cell as ``entry``."""
        cell = entry.cell
        if cell is None or entry.kind is PlaceKind.COUNTRY:
            return False
        cells = self.cells
        for step in _NEIGHBOURS:
            names = cells.get(cell + step)
            if names and (len(names) > 1 or key not in names):
                return True
        return False

    def add(self, key: str, entry: Entry) -> None:
        if entry.country_code:
            self.countries[entry.country_code].add(key)
        if entry.area:
            self.areas[entry.area].add(key)

    def score(self, key: str, entry: Entry) -> tuple[float, bool, bool]:
        """The candidate's score, whether its country and whether its division are named."""
        score = entry.prior
        cc = entry.country_code
        in_country = cc is not None and _others(self.countries.get(cc), key)
        area = entry.area
        in_area = area is not None and _others(self.areas.get(area), key)
        if in_country:
            score += COUNTRY_BONUS
        if in_area:
            score += STATE_BONUS
        if self.cells and self.near(key, entry):
            score += NEAR_BONUS
        return score, in_country, in_area


#: At most this many names keep their contenders (a bound on memory).
_CONTENDERS_CACHE = 1 << 14
#: A contender as :func:`_choose` reads it: prior, country code, division, the entry.
_Row = tuple[float, str | None, str | None, Entry]
_CONTENDERS: dict[str, tuple[Sequence[Entry], tuple[_Row, ...]]] = {}


def _contenders(key: str, candidates: Sequence[Entry]) -> tuple[_Row, ...]:
    """The candidates that can win in some context, in their order: each scores at least its
    prior and at most its prior plus every bonus, so one whose best is below another's prior
    never wins.  Each comes with the fields its score reads, so scoring it reads no
    attribute.  Cached by name for the candidates the gazetteer gives it (a pair's
    constraint gives others, which are filtered afresh)."""
    cached = _CONTENDERS.get(key)
    if cached is not None and cached[0] is candidates:
        return cached[1]
    floor = max(entry.prior for entry in candidates) - _MAX_BONUS - 1e-9
    found = tuple(
        (entry.prior, entry.country_code, entry.area, entry)
        for entry in candidates
        if entry.prior >= floor
    )
    if isinstance(candidates, tuple):
        if len(_CONTENDERS) >= _CONTENDERS_CACHE:
            _CONTENDERS.clear()
        _CONTENDERS[key] = (candidates, found)
    return found


#: At most this many names keep their facts (a bound on memory).
_FACTS_CACHE = 1 << 14
#: A name's candidates (the gazetteer's tuple), the largest of them, whether that one is
#: context by itself in the first reading, and the grid cells the name lends as nearby
#: support (see :func:`_facts`).
_FACTS: dict[str, tuple[Sequence[Entry], Entry | None, bool, tuple[int, ...]]] = {}


def _facts(
    key: str, candidates: Sequence[Entry], keep: bool
) -> tuple[Sequence[Entry], Entry | None, bool, tuple[int, ...]]:
    """What the first reading takes from a name's candidates, whatever the article: the
    largest candidate, whether it counts as context by itself (no town below
    :data:`CONTEXT_TOWN`), and the cells of its towns and regions when it has at most
    :data:`NEAR_CANDIDATES` candidates.  Kept by name when ``keep`` says the candidates are
    the gazetteer's for the name (a pair's constraint gives others)."""
    top = _top(candidates)
    counts = top is not None and (top.kind is not PlaceKind.CITY or top.weight >= CONTEXT_TOWN)
    points: tuple[int, ...] = ()
    if len(candidates) <= NEAR_CANDIDATES:
        points = tuple(
            entry.cell
            for entry in candidates
            if entry.kind in _LOCAL_KINDS and entry.cell is not None
        )
    facts = (candidates, top, counts, points)
    if keep:
        if len(_FACTS) >= _FACTS_CACHE:
            _FACTS.clear()
        _FACTS[key] = facts
    return facts


def _choose(
    key: str, candidates: Sequence[Entry], context: _Context
) -> tuple[Entry | None, bool, bool]:
    """The best-scoring candidate (the first of equals) and whether its country and its
    division are named (:meth:`_Context.score`, inlined: this runs for every name).

    The nearness bonus costs most to check, so it is checked last and only for candidates
    that it could make the best: those within :data:`NEAR_BONUS` of the best score without
    it.  A candidate that cannot come close even with every bonus is not scored at all."""
    if not candidates:
        return None, False, False
    countries = context.countries
    areas = context.areas
    if len(candidates) == 1:
        entry = candidates[0]
        cc = entry.country_code
        names = countries.get(cc) if cc is not None else None
        in_country = names is not None and (len(names) > 1 or key not in names)
        area = entry.area
        names = areas.get(area) if area is not None else None
        return entry, in_country, names is not None and (len(names) > 1 or key not in names)
    scored: list[tuple[float, Entry, bool, bool]] = []
    top = -math.inf
    # (``None`` is never a key of either mapping: a missing code or division finds nothing.)
    for score, cc, area, entry in _contenders(key, candidates):
        names = countries.get(cc)  # type: ignore[arg-type]
        in_country = names is not None and (len(names) > 1 or key not in names)
        names = areas.get(area)  # type: ignore[arg-type]
        in_area = names is not None and (len(names) > 1 or key not in names)
        if in_country:
            score += COUNTRY_BONUS
        if in_area:
            score += STATE_BONUS
        scored.append((score, entry, in_country, in_area))
        if score > top:
            top = score
    best: Entry | None = None
    best_score = -math.inf
    flags = (False, False)
    cells = context.cells
    for score, entry, in_country, in_area in scored:
        if score + NEAR_BONUS + 1e-9 < top:
            continue
        if cells and context.near(key, entry):
            score += NEAR_BONUS
        if score > best_score:
            best, best_score, flags = entry, score, (in_country, in_area)
    return best, flags[0], flags[1]


def resolve(mentions: Sequence[Mention]) -> list[Resolved]:
    """One place (or none, when the mention is dropped) per mention, in order."""
    pairs = _pairs(mentions)
    by_key: dict[str, tuple[Entry, ...]] = {}
    for k, allowed in pairs.items():
        by_key.setdefault(mentions[k].key, allowed)
    if pairs:
        options = [
            pairs.get(k) or by_key.get(mention.key) or mention.places
            for k, mention in enumerate(mentions)
        ]
    else:
        options = [mention.places for mention in mentions]

    # First reading: names with one sensible meaning (countries, regions, large towns, pairs).
    # The same name outside a pair has the same candidates each time: it is read once.
    context = _Context()
    countries, areas, cells = context.countries, context.areas, context.cells
    seen: set[str] = set()
    facts_of = _FACTS.get
    for k, mention in enumerate(mentions):
        key = mention.key
        if not (k in pairs or mention.unknown):
            if key in seen:
                continue
            seen.add(key)
        found = options[k]
        facts = facts_of(key)
        if facts is None or facts[0] is not found:
            facts = _facts(key, found, found is mention.places)
        _, top, counts, points = facts
        if top is None:
            continue
        if counts or k in pairs:
            # (:meth:`_Context.add`, inlined)
            if top.country_code:
                countries[top.country_code].add(key)
            if top.area:
                areas[top.area].add(key)
        for cell in points:
            cells[cell].add(key)
    # Second reading: every name chosen in that context becomes context for the final choice.
    # (A name of one candidate is that candidate in any context.)
    chosen: dict[str, Entry] = {}
    for k, mention in enumerate(mentions):
        key = mention.key
        if key not in chosen:
            found = options[k]
            if len(found) == 1:
                chosen[key] = found[0]
            elif found:
                best, _, _ = _choose(key, found, context)
                if best is not None:
                    chosen[key] = best
    final = _Context()
    countries, areas, cells = final.countries, final.areas, final.cells
    for key, entry in chosen.items():
        # (:meth:`_Context.add` and :meth:`_Context.point`, inlined)
        kind = entry.kind
        if kind is not PlaceKind.CITY or entry.weight >= SMALL_TOWN:
            if entry.country_code:
                countries[entry.country_code].add(key)
            if entry.area:
                areas[entry.area].add(key)
        if kind in _LOCAL_KINDS and entry.cell is not None:
            cells[entry.cell].add(key)

    out: list[Resolved] = []
    unknown: list[int] = []
    decided: dict[str, tuple[Entry | None, bool, bool]] = {}
    for k, mention in enumerate(mentions):
        key = mention.key
        if k in pairs:
            supported = True
            best, in_country, in_area = _choose(key, pairs[k], final)
        else:
            supported = key in by_key
            cached = decided.get(key)
            if cached is None:
                cached = decided[key] = _choose(key, options[k], final)
            best, in_country, in_area = cached
        if best is None:
            if mention.unknown:
                unknown.append(len(out))
                out.append(_unknown(mention))
            continue
        if mention.speaker and best.kind is PlaceKind.CITY and best.weight < SPEAKER_TOWN:
            continue
        small = (
            best.weight < SMALL_TOWN
            or (mention.initial and best.weight < SMALL_INITIAL)
            or (not in_country and best.weight < FOREIGN_TOWN and final.elsewhere(key))
        )
        backed = in_area or (in_country and best.country_code != "US")
        if best.kind is PlaceKind.CITY and small and not supported and not backed:
            continue
        out.append(_place(mention, best))
    if unknown:
        _locate(out, unknown, final)
    return out


def _locate(out: list[Resolved], unknown: list[int], context: _Context) -> None:
    """Put each place known only by its shape ("Belgrave Road") where the closest named
    town or region before or after it is; without one, give it the article's main country."""
    main = max(context.countries, key=lambda cc: len(context.countries[cc]), default=None)
    anchors = [
        k for k, item in enumerate(out) if item.kind in _LOCAL_KINDS and not item.mention.unknown
    ]
    for k in unknown:
        at = bisect.bisect_left(anchors, k)
        near = [anchors[n] for n in (at - 1, at) if 0 <= n < len(anchors)]
        start = out[k].mention.start
        anchor = out[min(near, key=lambda n: abs(out[n].mention.start - start))] if near else None
        item = out[k]
        if anchor is not None:
            out[k] = item._replace(
                country_code=anchor.country_code,
                latitude=anchor.latitude,
                longitude=anchor.longitude,
            )
        else:
            out[k] = item._replace(country_code=main)


def _unknown(mention: Mention) -> Resolved:
    kind = PlaceKind(mention.designator) if mention.designator else PlaceKind.OTHER
    return Resolved(mention, mention.key.title(), kind, None, None, None, None)


def _place(mention: Mention, entry: Entry) -> Resolved:
    """The place a mention names, adjusted for a designator inside its span."""
    designator = mention.designator
    if designator is None:
        # The usual case: the gazetteer's place as it is, its fields in Resolved's order.
        return _new_tuple(
            Resolved,
            (
                mention,
                entry.name,
                entry.kind,
                entry.country_code,
                entry.latitude,
                entry.longitude,
                entry.geonames_id,
            ),
        )
    kind, name = entry.kind, entry.name
    if mention.designator_word is not None:
        wanted = PlaceKind(designator)
        if wanted is not kind and kind is not PlaceKind.COUNTRY:
            word = mention.designator_word.title()
            if wanted is PlaceKind.REGION and mention.designator_word == "region":
                word = words("en")["region_name_by_country"].get(entry.country_code or "", word)
            kind, name = wanted, f"{entry.name} {word}"
    # Positional, in the order of Resolved's fields: this runs for every place found.
    return Resolved(
        mention,
        name,
        kind,
        entry.country_code,
        entry.latitude,
        entry.longitude,
        entry.geonames_id if kind is entry.kind and name == entry.name else None,
    )
