"""The report's colours, kept in one table so their contrast can be checked.

Every pair of text and background colours the stylesheet uses is listed in :data:`PAIRS`;
the test suite asserts that each reaches the WCAG 2.1 AA contrast ratio (4.5:1 for body
text) in both the light and the dark scheme.  Colour is never the only signal: every kind of
highlight also has its own border style and a written label.
"""

from __future__ import annotations

__all__ = ["HUES", "PAIRS", "SCHEMES", "contrast_ratio", "css_variables"]

#: How many built-in colours plugins may choose from (``np-hue-1`` ... ``np-hue-6``).
HUES = 6

#: Colour variables per scheme.  Names are used as CSS custom properties (``--name``).
SCHEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#ffffff",
        "fg": "#1b1b1f",
        "muted": "#4f5660",
        "panel-bg": "#f4f5f7",
        "rule": "#8a9099",
        "dim-bg": "#f1f1f3",
        "dim-fg": "#5a5f66",
        "tag-fg": "#ffffff",
        "tag-headline": "#1d4ed8",
        "tag-meta": "#6d28d9",
        "tag-caption": "#0f766e",
        "tag-body": "#374151",
        "tag-related": "#9a3412",
        "tag-promo": "#9d174d",
        "tag-dim": "#5a5f66",
        "quote-bg": "#fde68a",
        "quote-line": "#92400e",
        "speaker-bg": "#fff3c4",
        "number-bg": "#c7dcfc",
        "number-line": "#1e40af",
        "place-bg": "#bbf0cc",
        "place-line": "#166534",
        "credit-bg": "#d5f0ec",
        "badge-fg": "#ffffff",
        "badge-quote": "#854d0e",
        "badge-number": "#1e40af",
        "badge-place": "#166534",
        "badge-other": "#3f3f46",
        "hue-1": "#fbcfe8",
        "hue-2": "#ddd6fe",
        "hue-3": "#fed7aa",
        "hue-4": "#a5f3fc",
        "hue-5": "#e9d5ff",
        "hue-6": "#d9f99d",
        "link": "#1d4ed8",
    },
    "dark": {
        "bg": "#121317",
        "fg": "#ececf1",
        "muted": "#b4b9c2",
        "panel-bg": "#1c1e24",
        "rule": "#6b7280",
        "dim-bg": "#1a1b20",
        "dim-fg": "#b8bcc4",
        "tag-fg": "#ffffff",
        "tag-headline": "#1d4ed8",
        "tag-meta": "#6d28d9",
        "tag-caption": "#0f766e",
        "tag-body": "#4b5563",
        "tag-related": "#9a3412",
        "tag-promo": "#9d174d",
        "tag-dim": "#52525b",
        "quote-bg": "#5b4200",
        "quote-line": "#fbbf24",
        "speaker-bg": "#3d3000",
        "number-bg": "#1e3a6e",
        "number-line": "#93c5fd",
        "place-bg": "#14492c",
        "place-line": "#86efac",
        "credit-bg": "#134e48",
        "badge-fg": "#111216",
        "badge-quote": "#fbbf24",
        "badge-number": "#93c5fd",
        "badge-place": "#86efac",
        "badge-other": "#d4d4d8",
        "hue-1": "#6b1d45",
        "hue-2": "#3b2a7a",
        "hue-3": "#6b3410",
        "hue-4": "#134e5e",
        "hue-5": "#4c1d6e",
        "hue-6": "#3a5010",
        "link": "#93c5fd",
    },
}

#: ``(text colour, background colour)`` pairs the stylesheet draws; all must pass AA.
PAIRS: tuple[tuple[str, str], ...] = (
    ("fg", "bg"),
    ("muted", "bg"),
    ("fg", "panel-bg"),
    ("muted", "panel-bg"),
    ("link", "panel-bg"),
    ("link", "bg"),
    ("dim-fg", "dim-bg"),
    ("tag-fg", "tag-headline"),
    ("tag-fg", "tag-meta"),
    ("tag-fg", "tag-caption"),
    ("tag-fg", "tag-body"),
    ("tag-fg", "tag-related"),
    ("tag-fg", "tag-promo"),
    ("tag-fg", "tag-dim"),
    ("fg", "quote-bg"),
    ("fg", "speaker-bg"),
    ("fg", "number-bg"),
    ("fg", "place-bg"),
    ("fg", "credit-bg"),
    ("dim-fg", "quote-bg"),
    ("dim-fg", "number-bg"),
    ("dim-fg", "place-bg"),
    ("badge-fg", "badge-quote"),
    ("badge-fg", "badge-number"),
    ("badge-fg", "badge-place"),
    ("badge-fg", "badge-other"),
    *(("fg", f"hue-{n}") for n in range(1, HUES + 1)),
)


def _luminance(colour: str) -> float:
    """Relative luminance of an ``#rrggbb`` colour, as WCAG 2.1 defines it."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def css_variables(scheme: str) -> str:
    """The scheme's colours as CSS custom property declarations."""
    return "".join(f"--{name}:{value};" for name, value in SCHEMES[scheme].items())
