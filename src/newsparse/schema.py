"""A JSON Schema of newsparse's JSON output, derived from the model's own annotations.

Deriving the schema from the attrs classes means it cannot drift from what
:meth:`~newsparse.model.Article.to_dict` writes; readers in other languages can validate or
generate types from it.  ``newsparse schema`` prints it.
"""

from __future__ import annotations

import enum
import typing
from typing import Any

import attrs

from newsparse.model import Article, Findings
from newsparse.serialize import is_exact_number, union_parts

__all__ = ["json_schema"]

SCHEMA_ID = "https://newsparse.readthedocs.io/reference/article.schema.json"

_EXACT_NUMBER = {
    "description": "An exact number: a JSON integer, or a string holding a decimal "
    "('2.5') or a fraction ('1/3').",
    "anyOf": [
        {"type": "integer"},
        {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"},
        {"type": "string", "pattern": r"^-?[0-9]+/[0-9]+$"},
    ],
}


def json_schema(finding_types: typing.Mapping[str, type[Any]] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an article as :meth:`Article.to_dict` writes it.

    ``finding_types`` maps extractor names to their finding classes; by default the installed
    extractors are asked.
    """
    if finding_types is None:
        from newsparse.plugins import get_plugin_manager

        finding_types = get_plugin_manager().finding_types()
    defs: dict[str, Any] = {}
    root = _object_schema(Article, defs)
    root["properties"]["findings"] = {
        "type": "object",
        "description": "Each extractor's findings, keyed by the extractor's name.",
        "properties": {
            name: {"type": "array", "items": _ref(cls, defs)}
            for name, cls in sorted(finding_types.items())
        },
        "additionalProperties": {"type": "array"},
    }
    defs["ExactNumber"] = _EXACT_NUMBER
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsparse Article",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _ref(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder against recursion
        defs[name] = _object_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(field.type, defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    schema: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    union = union_parts(tp)
    if union is not None:
        concrete, nullable = union
        if is_exact_number(concrete):
            inner: dict[str, Any] = {"$ref": "#/$defs/ExactNumber"}
        elif len(concrete) == 1:
            inner = _type_schema(concrete[0], defs)
        else:
            inner = {"anyOf": [_type_schema(m, defs) for m in concrete]}
        return {"anyOf": [inner, {"type": "null"}]} if nullable else inner
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if tp is Findings:
        return {"type": "object"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        return _ref(tp, defs)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    return {}
