"""How each finding is drawn: its highlight class, a short label and a longer description.

Quotes, numbers and places have drawings of their own, chosen by the finding's type (so a
plugin that returns :class:`~newsparse.model.Place` objects is drawn as places).  Any other
finding gets a built-in colour and its extractor's name.  Before the default is used, plugins
are asked through the ``newsparse_render_finding`` hook; what they return is merged over the
default, and everything ends up escaped by the HTML writer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from newsparse.model import Number, Place, Quote, Span
from newsparse.render.palette import HUES

if TYPE_CHECKING:
    from newsparse.plugins import PluginManager

__all__ = ["Drawing", "Painter", "default_drawing", "format_value"]

_CLASS_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,40}")
_MAX_LABEL = 80
_MAX_TOOLTIP = 400


@attrs.frozen
class Drawing:
    """How one finding looks in the report.

    ``css_class`` names the highlight (space-separated classes), ``label`` is drawn right after
    the highlighted words, ``tooltip`` is the hover text and the side panel's description, and
    ``kind`` is the legend entry the finding belongs to.
    """

    css_class: str
    label: str
    tooltip: str
    kind: str


def format_value(value: object) -> str:
    """A value as people write it: ``40``, ``2.5``, ``1/3``, an enum by its value."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    return str(value)


def _coordinate(latitude: float | None, longitude: float | None) -> str:
    if latitude is None or longitude is None:
        return "no coordinates"
    try:
        north = "N" if latitude >= 0 else "S"
        east = "E" if longitude >= 0 else "W"
        return f"{abs(latitude):.2f}°{north} {abs(longitude):.2f}°{east}"
    except (TypeError, ValueError):
        return "no coordinates"


def _text(finding: object) -> str:
    text = getattr(finding, "text", None)
    return text if isinstance(text, str) else type(finding).__name__


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(name: str, quote: Quote) -> Drawing:
    speaker = quote.speaker or "speaker unknown"
    details = [f"{quote.kind} quote from the {quote.part}", f"speaker: {speaker}"]
    if quote.cue:
        details.append(f"cue: {quote.cue}")
    if quote.chain:
        details.append("via: " + " → ".join(mention.text for mention in quote.chain))
    return Drawing("f-quote", f"— {speaker}", "; ".join(details), "quote")


def _number(name: str, number: Number) -> Drawing:
    if number.value is not None:
        shown = format_value(number.value)
    elif number.low is not None or number.high is not None:
        shown = f"{format_value(number.low)}–{format_value(number.high)}"
    else:
        shown = number.norm or "no value"
    if number.unit:
        shown = f"{shown} {number.unit}"
    label = f"{_shorten(shown, 48)} · {number.kind}"
    details = [f"value: {shown}", f"kind: {number.kind}"]
    for field in ("approx", "norm", "noun"):
        value = getattr(number, field)
        if value:
            details.append(f"{field}: {value}")
    details.append(f"from the {number.part}")
    return Drawing("f-number", label, "; ".join(details), "number")


def _place(name: str, place: Place) -> Drawing:
    country = place.country_code or "no country"
    where = _coordinate(place.latitude, place.longitude)
    label = f"{place.kind} · {country} · {where}"
    details = [f"{place.name} ({place.kind})", f"country: {country}", f"at {where}"]
    if place.geonames_id is not None:
        details.append(f"GeoNames {place.geonames_id}")
    if place.demonym:
        details.append("named by its demonym")
    details.append(f"from the {place.part}")
    return Drawing("f-place", label, "; ".join(details), "place")


#: Fields whose values make a useful label for a finding of an unknown type, in this order.
_TELLING = ("kind", "value", "resolved", "norm", "score", "label")


def _other(name: str, finding: object, hue: int) -> Drawing:
    details = []
    telling = [name]
    for field in _TELLING:
        value = getattr(finding, field, None)
        if value is not None and value != "" and len(telling) < 3:
            telling.append(_shorten(format_value(value), 30))
    cls: Any = type(finding)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            if field.name in ("text", "span", "part"):
                continue
            value = getattr(finding, field.name, None)
            if value is None or value == () or isinstance(value, Span):
                continue
            details.append(f"{field.name}: {format_value(value)}")
    tooltip = f"{name}" + (": " + "; ".join(details) if details else "")
    return Drawing(f"f-other np-hue-{hue % HUES + 1}", " · ".join(telling), tooltip, name)


def default_drawing(name: str, finding: object, hue: int = 0) -> Drawing:
    """The built-in drawing of ``finding``, returned by the extractor ``name``.

    ``hue`` picks the colour of findings that are not quotes, numbers or places; the report
    gives each such extractor its own.
    """
    try:
        if isinstance(finding, Quote):
            drawing = _quote(name, finding)
        elif isinstance(finding, Number):
            drawing = _number(name, finding)
        elif isinstance(finding, Place):
            drawing = _place(name, finding)
        else:
            drawing = _other(name, finding, hue)
    except Exception:
        drawing = Drawing(f"f-other np-hue-{hue % HUES + 1}", name, name, name)
    return attrs.evolve(
        drawing,
        label=_shorten(drawing.label, _MAX_LABEL),
        tooltip=_shorten(drawing.tooltip, _MAX_TOOLTIP),
    )


def _css_classes(value: str) -> str:
    tokens = [token for token in value.split() if _CLASS_TOKEN.fullmatch(token)]
    return " ".join(tokens[:4])


class Painter:
    """Draws findings: asks the plugins first, falls back to :func:`default_drawing`.

    The ``newsparse_render_finding`` implementations are called one by one in pluggy's order
    (plugins registered later first) until one returns a drawing.  One that raises or returns
    something unusable is skipped, so the next plugin is still asked, and it is noted in
    :attr:`notes` (shown in the report): a plugin can never break the report.
    """

    def __init__(self, manager: PluginManager | None) -> None:
        self._impls: list[tuple[str, Any, tuple[str, ...]]] = []
        if manager is not None:
            try:
                hook = manager.pm.hook.newsparse_render_finding
                for impl in reversed(hook.get_hookimpls()):
                    self._impls.append((impl.plugin_name, impl.function, tuple(impl.argnames)))
            except AttributeError:
                self._impls = []
        self._hues: dict[str, int] = {}
        self.notes: list[str] = []

    def draw(self, name: str, finding: object) -> Drawing:
        hue = self._hues.setdefault(name, len(self._hues))
        drawing = default_drawing(name, finding, hue)
        offered = {"name": name, "finding": finding}
        for plugin, function, argnames in self._impls:
            try:
                result = function(**{arg: offered[arg] for arg in argnames if arg in offered})
            except Exception as exc:
                self._note(
                    f"{plugin}: drawing a {name!r} finding raised {type(exc).__name__}: {exc}"
                )
                continue
            if result is None:
                continue
            if not isinstance(result, Mapping):
                self._note(
                    f"{plugin}: drawing a {name!r} finding returned a {type(result).__name__}"
                )
                continue
            return self._merge(drawing, result)
        return drawing

    def _merge(self, drawing: Drawing, result: Mapping[Any, Any]) -> Drawing:
        label, tooltip, css = result.get("label"), result.get("tooltip"), result.get("css_class")
        if isinstance(label, str):
            drawing = attrs.evolve(drawing, label=_shorten(label, _MAX_LABEL))
        if isinstance(tooltip, str):
            drawing = attrs.evolve(drawing, tooltip=_shorten(tooltip, _MAX_TOOLTIP))
        if isinstance(css, str) and _css_classes(css):
            base = "f-other" if "f-other" in drawing.css_class.split() else ""
            drawing = attrs.evolve(drawing, css_class=f"{base} {_css_classes(css)}".strip())
        return drawing

    def _note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)
