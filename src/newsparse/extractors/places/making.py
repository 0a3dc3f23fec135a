"""Place findings made by writing their slots once (see ``slot_setters`` in the model).

:class:`~newsparse.model.Place` has no validator, converter or post-init hook, and its span
comes from :func:`~newsparse.model.make_span`, which keeps the span's own check.
``tests/test_places.py`` fails if the model grows a check this maker would bypass, and the
plugin manager still checks every finding against the article's text.
"""

from __future__ import annotations

from newsparse.model import Part, Place, PlaceKind, make_span, slot_setters

__all__ = ["make_place"]


_new = object.__new__
_text, _span, _name, _kind, _country, _latitude, _longitude, _geonames_id, _demonym, _part = (
    slot_setters(
        Place,
        "text",
        "span",
        "name",
        "kind",
        "country_code",
        "latitude",
        "longitude",
        "geonames_id",
        "demonym",
        "part",
    )
)


def make_place(
    source: str,
    start: int,
    end: int,
    name: str,
    kind: PlaceKind,
    country_code: str | None,
    latitude: float | None,
    longitude: float | None,
    geonames_id: int | None,
    demonym: bool,
    part: Part,
) -> Place:
    """``Place(source[start:end], Span(start, end), name, ...)``."""
    place: Place = _new(Place)
    _text(place, source[start:end])
    _span(place, make_span(start, end))
    _name(place, name)
    _kind(place, kind)
    _country(place, country_code)
    _latitude(place, latitude)
    _longitude(place, longitude)
    _geonames_id(place, geonames_id)
    _demonym(place, demonym)
    _part(place, part)
    return place
