"""Places and their spans made by writing their slots once.

An article yields about ten places, each a frozen attrs :class:`~newsparse.model.Place` and a
:class:`~newsparse.model.Span`, whose ``__init__`` sets every field through
``object.__setattr__``.  As in :mod:`newsparse.structure.making`, the maker here writes each
slot through its descriptor instead, once, before the object is handed out: the result is as
frozen as one from the constructor and compares, hashes and pickles the same.

Nothing is skipped that could reject a value: :class:`~newsparse.model.Place` has no
validator, converter or post-init hook, and the one check of :class:`~newsparse.model.Span`
(``0 <= start <= end``) holds for the recogniser's matches, which are slices of the text.
``tests/test_places.py`` fails if the model grows a check this maker would bypass, and the
plugin manager still checks every finding against the article's text.
"""

from __future__ import annotations

from typing import Any

from newsparse.model import Part, Place, PlaceKind, Span

__all__ = ["make_place"]


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls``."""
    return cls.__dict__[name].__set__


_new = object.__new__
_span_start, _span_end = _setter(Span, "start"), _setter(Span, "end")
_text, _span, _name = _setter(Place, "text"), _setter(Place, "span"), _setter(Place, "name")
_kind, _country = _setter(Place, "kind"), _setter(Place, "country_code")
_latitude, _longitude = _setter(Place, "latitude"), _setter(Place, "longitude")
_geonames_id, _demonym = _setter(Place, "geonames_id"), _setter(Place, "demonym")
_part = _setter(Place, "part")


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
    """``Place(source[start:end], Span(start, end), name, ...)`` for ``0 <= start <= end``
    (not checked: the caller's guarantee)."""
    span: Span = _new(Span)
    _span_start(span, start)
    _span_end(span, end)
    place: Place = _new(Place)
    _text(place, source[start:end])
    _span(place, span)
    _name(place, name)
    _kind(place, kind)
    _country(place, country_code)
    _latitude(place, latitude)
    _longitude(place, longitude)
    _geonames_id(place, geonames_id)
    _demonym(place, demonym)
    _part(place, part)
    return place
