"""The places extractor's shortcuts answer exactly what the plain forms they replace answer.

Each shortcut (the slot-writing maker of places, the caches keyed by word) exists for speed
only, so each is checked against the slower form it stands for.
"""

from __future__ import annotations

import pickle

import attrs
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Part, Place, PlaceKind, Span
from newsparse.extractors.places.making import make_place


def test_place_has_no_check_the_maker_would_skip() -> None:
    fields = attrs.fields(Place)
    assert all(field.validator is None and field.converter is None for field in fields)
    # Every slot is a field the maker writes: none is left unset.
    assert set(Place.__slots__) - {"__weakref__"} == {field.name for field in fields}
    assert not hasattr(Place, "__attrs_post_init__")


_COORD = st.none() | st.floats(-90, 90)


@given(
    st.text(max_size=30),
    st.integers(0, 40),
    st.integers(0, 40),
    st.text(max_size=20),
    st.sampled_from(list(PlaceKind)),
    st.none() | st.text(min_size=2, max_size=2),
    _COORD,
    _COORD,
    st.none() | st.integers(0, 10**8),
    st.booleans(),
    st.sampled_from(list(Part)),
)
def test_make_place_equals_the_constructor(
    source: str,
    start: int,
    length: int,
    name: str,
    kind: PlaceKind,
    country: str | None,
    lat: float | None,
    lon: float | None,
    gid: int | None,
    demonym: bool,
    part: Part,
) -> None:
    end = start + length
    made = make_place(source, start, end, name, kind, country, lat, lon, gid, demonym, part)
    built = Place(
        source[start:end], Span(start, end), name, kind, country, lat, lon, gid, demonym, part
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert pickle.loads(pickle.dumps(made)) == made
    try:
        made.name = "elsewhere"  # type: ignore[misc]
    except attrs.exceptions.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a made place is not frozen")
