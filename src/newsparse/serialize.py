"""Turning articles and findings into JSON-ready dicts and back, exactly.

The conversion is driven by the attrs field annotations, so a plugin's own finding types
serialise without any code of their own as long as they are attrs classes whose fields are
built from the same pieces (str, int, float, bool, enums, :class:`~newsparse.model.Span`,
tuples, other attrs classes, exact numbers).

Exact numbers stay exact in JSON: an ``int`` is a JSON number, a ``Decimal`` is its string
(``"2.5"``) and a ``Fraction`` is ``"1/3"``; readers in other languages can parse either.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from newsparse.errors import SerializationError
from newsparse.model import Article, Findings

__all__ = ["article_from_dict", "article_to_dict", "from_data", "to_data"]


def to_data(obj: Any) -> Any:
    """Convert a value built from model types into plain JSON-ready data."""
    tp = type(obj)
    if tp in _PLAIN:
        return obj
    convert = _CONVERTERS.get(tp)
    if convert is None:
        convert = _converter(tp)
    return convert(obj)


#: Types that are their own JSON form (exact types: subclasses such as str enums are not).
_PLAIN: frozenset[type[Any]] = frozenset({str, int, float, bool, type(None)})

#: One converter per concrete type, found once: a page holds hundreds of spans and blocks, and
#: working out what each one is by a chain of checks every time dominated serialisation.
_CONVERTERS: dict[type[Any], Any] = {}


def _converter(tp: type[Any]) -> Any:
    convert: Any
    if issubclass(tp, enum.Enum):
        convert = _enum_value
    elif issubclass(tp, (str, bool, int, float)):
        convert = _same
    elif issubclass(tp, Decimal):
        convert = str
    elif issubclass(tp, Fraction):
        convert = _fraction
    elif issubclass(tp, Findings):
        convert = _findings
    elif attrs.has(tp):
        convert = _attrs_converter(tp)
    elif issubclass(tp, (tuple, list)):
        convert = _sequence
    elif issubclass(tp, Mapping):
        convert = _mapping
    else:
        return _unknown
    _CONVERTERS[tp] = convert
    return convert


def _same(obj: Any) -> Any:
    return obj


def _enum_value(obj: enum.Enum) -> Any:
    return obj.value


def _fraction(obj: Fraction) -> str:
    return f"{obj.numerator}/{obj.denominator}"


def _findings(obj: Findings) -> dict[str, Any]:
    return {name: [to_data(item) for item in items] for name, items in obj.items()}


def _sequence(obj: Any) -> list[Any]:
    return [to_data(item) for item in obj]


def _mapping(obj: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(key): to_data(value) for key, value in obj.items()}


def _unknown(obj: Any) -> Any:
    raise SerializationError(f"cannot serialise a {type(obj).__name__}: {obj!r}")


def _attrs_converter(cls: Any) -> Any:
    names = tuple(field.name for field in _fields(cls))

    def convert(obj: Any) -> dict[str, Any]:
        return {name: to_data(getattr(obj, name)) for name in names}

    return convert


def from_data(cls: type[Any], data: Any) -> Any:
    """Rebuild an instance of the attrs class ``cls`` from :func:`to_data` output."""
    return _read(cls, data, cls.__name__)


def article_to_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = to_data(article)
    return data


def article_from_dict(
    data: Mapping[str, Any], finding_types: Mapping[str, type[Any]] | None = None
) -> Article:
    """Rebuild an :class:`Article`.

    Findings are rebuilt with the finding type each extractor declared when it registered;
    ``finding_types`` overrides that lookup.  Findings of an extractor that is not installed
    are kept as plain dicts rather than dropped.
    """
    if not isinstance(data, Mapping):
        raise SerializationError(f"an article must be a mapping, not {type(data).__name__}")
    if finding_types is None:
        from newsparse.plugins import get_plugin_manager

        finding_types = get_plugin_manager().finding_types()
    plain = {key: value for key, value in data.items() if key != "findings"}
    article: Article = _read(Article, plain, "Article")
    findings: dict[str, tuple[Any, ...]] = {}
    for name, items in (data.get("findings") or {}).items():
        cls = finding_types.get(name)
        if cls is None:
            findings[name] = tuple(items)
        else:
            read = _reader(cls)
            try:
                findings[name] = tuple(read(item) for item in items)
            except Exception:
                findings[name] = tuple(
                    _decode(cls, item, f"findings[{name!r}][{i}]") for i, item in enumerate(items)
                )
    return attrs.evolve(article, findings=Findings(findings))


@functools.cache
def _fields(cls: Any) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def _read(tp: Any, data: Any, where: str) -> Any:
    """Decode on the fast path; on any failure take the checked path, which says what and where.

    The fast path runs a reader compiled once per type; the checked path walks the type
    annotations for every value and builds a location string at every step, which made reading
    an article back several times slower than parsing it.
    """
    try:
        return _reader(tp)(data)
    except Exception:
        return _decode(tp, data, where)


_READERS: dict[Any, Any] = {}


def _reader(tp: Any) -> Any:
    read = _READERS.get(tp)
    if read is None:
        read = _READERS[tp] = _make_reader(tp)
    return read


def union_parts(tp: Any) -> tuple[list[Any], bool] | None:
    """For a union annotation (``X | Y | None``): its members other than ``None`` and whether
    ``None`` is allowed.  ``None`` for any other annotation.  The JSON Schema reads
    annotations with the same rules."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    members = typing.get_args(tp)
    return [m for m in members if m is not type(None)], type(None) in members


def is_exact_number(members: list[Any]) -> bool:
    """Whether a union stands for an exact number (:data:`newsparse.model.Value`)."""
    return any(m in (Decimal, Fraction) for m in members)


def _make_reader(tp: Any) -> Any:
    if tp is Any:
        return _same
    union = union_parts(tp)
    if union is not None:
        concrete, nullable = union
        if is_exact_number(concrete):
            inner = _exact_number
        elif len(concrete) == 1:
            inner = _reader(concrete[0])
        else:
            raise SerializationError(f"no fast reader for {tp}")
        if not nullable:
            return inner

        def optional(data: Any) -> Any:
            return None if data is None else inner(data)

        return optional
    if typing.get_origin(tp) is tuple:
        item = _reader(typing.get_args(tp)[0])

        def sequence(data: Any) -> tuple[Any, ...]:
            if not isinstance(data, (list, tuple)):
                raise SerializationError("not a list")
            return tuple([item(value) for value in data])

        return sequence
    if tp is Findings:
        return _read_findings
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_reader(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if tp is float:
        return _read_float
    if tp in (int, str, bool):

        def exact(data: Any) -> Any:
            if type(data) is not tp:
                raise SerializationError("wrong type")
            return data

        return exact
    raise SerializationError(f"no fast reader for {tp}")


def _attrs_reader(cls: Any) -> Any:
    fields = _fields(cls)
    known = frozenset(field.name for field in fields)
    readers = [(field.name, _reader(field.type)) for field in fields]

    def read(data: Any) -> Any:
        if not known.issuperset(data.keys()):
            raise SerializationError("unknown fields")
        return cls(**{name: decode(data[name]) for name, decode in readers if name in data})

    return read


def _exact_number(data: Any) -> Any:
    return _decode_exact_number(data, "")


def _read_float(data: Any) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise SerializationError("not a number")
    return float(data)


def _read_findings(data: Any) -> Findings:
    return Findings({name: tuple(items) for name, items in data.items()})


def _decode(tp: Any, data: Any, where: str) -> Any:
    try:
        return _decode_unchecked(tp, data, where)
    except SerializationError:
        raise
    except (TypeError, ValueError, KeyError, ArithmeticError) as exc:
        raise SerializationError(f"{where}: cannot read {data!r} as {tp}: {exc}") from exc


def _decode_unchecked(tp: Any, data: Any, where: str) -> Any:
    if tp is Any:
        return data
    union = union_parts(tp)
    if union is not None:
        concrete, nullable = union
        if data is None:
            if nullable:
                return None
            raise SerializationError(f"{where}: null where {tp} is required")
        if is_exact_number(concrete):
            return _decode_exact_number(data, where)
        if len(concrete) == 1:
            return _decode(concrete[0], data, where)
        for member in concrete:
            if isinstance(member, type) and isinstance(data, member):
                return data
        raise SerializationError(f"{where}: {data!r} matches none of {tp}")
    if typing.get_origin(tp) is tuple:
        (item_type, *_rest) = typing.get_args(tp)
        if not isinstance(data, (list, tuple)):
            raise SerializationError(f"{where}: expected a list, got {type(data).__name__}")
        return tuple(_decode(item_type, item, f"{where}[{i}]") for i, item in enumerate(data))
    if tp is Findings:
        return Findings({name: tuple(items) for name, items in data.items()})
    if isinstance(tp, type) and attrs.has(tp):
        if not isinstance(data, Mapping):
            raise SerializationError(f"{where}: expected an object, got {type(data).__name__}")
        known = {field.name: field for field in _fields(tp)}
        unknown = set(data) - set(known)
        if unknown:
            raise SerializationError(f"{where}: unknown field(s) {sorted(unknown)}")
        kwargs = {
            name: _decode(field.type, data[name], f"{where}.{name}")
            for name, field in known.items()
            if name in data
        }
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise SerializationError(f"{where}: expected a number, got {data!r}")
        return float(data)
    if tp in (int, str, bool):
        if type(data) is not tp:
            raise SerializationError(f"{where}: expected {tp.__name__}, got {data!r}")
        return data
    raise SerializationError(f"{where}: no rule to read a {tp}")


def _decode_exact_number(data: Any, where: str) -> int | Decimal | Fraction:
    if isinstance(data, bool):
        raise SerializationError(f"{where}: expected a number, got {data!r}")
    if isinstance(data, int):
        return data
    if isinstance(data, float):
        return Decimal(repr(data))
    if isinstance(data, str):
        if "/" in data:
            return Fraction(data)
        return Decimal(data)
    raise SerializationError(f"{where}: expected a number or a numeric string, got {data!r}")
