"""Units, currencies and percent words after (or before) a number, matched as phrases.

A phrase is looked up by joining the lower-cased token texts, with a space only where the
page has whitespace, so "°C", "° C", "km/h", "kilowatt-hours" and "miles per hour" are all
single keys of the data file.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from .lexicon import Lexicon
from .scan import END, KIND, LOW, SKIPPED, START, TEXT, TOKEN, Token

__all__ = ["UNIT_STEPS", "firsts", "phrase_at"]

#: Unit symbols that a measure may be written across ("5ft 10in", "2 km and 1 metre"):
#: symbol -> (dimension, size in that dimension's base unit), exact.  Durations are not
#: here: "3 years, 2 months" stays two numbers, one per part, as the labelled sources count.
UNIT_STEPS: dict[str, tuple[str, Fraction]] = {
    "km": ("length", Fraction(1000)),
    "m": ("length", Fraction(1)),
    "cm": ("length", Fraction(1, 100)),
    "mm": ("length", Fraction(1, 1000)),
    "mi": ("length", Fraction("1609.344")),
    "yd": ("length", Fraction("0.9144")),
    "ft": ("length", Fraction("0.3048")),
    "in": ("length", Fraction("0.0254")),
    "t": ("mass", Fraction(1000)),
    "kg": ("mass", Fraction(1)),
    "g": ("mass", Fraction(1, 1000)),
    "mg": ("mass", Fraction(1, 10**6)),
    "st": ("mass", Fraction("6.35029318")),
    "lb": ("mass", Fraction("0.45359237")),
    "oz": ("mass", Fraction("0.028349523125")),
    "l": ("volume", Fraction(1)),
    "ml": ("volume", Fraction(1, 1000)),
}

#: The first tokens of each table's phrases, by the table's id; the tables are kept here
#: too, so an id is never reused for another table while its entry stands.
_FIRSTS_LOWER: dict[int, frozenset[str]] = {}
_FIRSTS_CASED: dict[int, frozenset[str]] = {}
_TABLES: list[object] = []


def firsts(table: Mapping[str, str] | frozenset[str], *, lower: bool = True) -> frozenset[str]:
    """The first tokens of a table's phrases, so most positions are rejected at once."""
    cache = _FIRSTS_LOWER if lower else _FIRSTS_CASED
    firsts = cache.get(id(table))
    if firsts is None:
        firsts = frozenset(
            m.group().lower() if lower else m.group() for key in table if (m := TOKEN.match(key))
        )
        _TABLES.append(table)
        cache[id(table)] = firsts
    return firsts


_PREFIXES: dict[int, frozenset[str]] = {}


def prefixes(table: Mapping[str, str] | frozenset[str]) -> frozenset[str]:
    """Every beginning of every phrase of a table, so a phrase being read stops growing as
    soon as nothing in the table starts with it."""
    got = _PREFIXES.get(id(table))
    if got is None:
        got = frozenset(key[:n] for key in table for n in range(1, len(key) + 1))
        _TABLES.append(table)
        _PREFIXES[id(table)] = got
    return got


def phrase_at(
    tokens: list[Token],
    j: int,
    table: dict[str, str] | frozenset[str],
    lex: Lexicon,
    *,
    cased: dict[str, str] | None = None,
    max_gap: int = 2,
) -> tuple[int, str, str] | None:
    """The longest phrase of ``table`` starting at token ``j``: (end, surface key, value).

    ``cased`` is tried first on the exact text, for symbols whose case matters ("C", "MW").
    The first token may stand at most ``max_gap`` characters after the previous one.
    """
    if j >= len(tokens):
        return None
    tok = tokens[j]
    # Whether a phrase can start here at all comes first: it settles most positions.
    starts = _FIRSTS_LOWER.get(id(table))
    if starts is None:
        starts = firsts(table)
    if tok[LOW] not in starts and (cased is None or tok[TEXT] not in firsts(cased, lower=False)):
        return None
    if tok[SKIPPED] or (j > 0 and tok[START] - tokens[j - 1][END] > max_gap):
        return None
    best: tuple[int, str, str] | None = None
    grown = prefixes(table)
    key = ""
    raw = ""
    limit = min(len(tokens), j + lex.max_phrase * 2 + 2)
    for k in range(j, limit):
        tok = tokens[k]
        if k > j:
            gap = tok[START] - tokens[k - 1][END]
            if gap > 1:
                break
            if gap:
                key += " "
                raw += " "
        key += tok[LOW]
        raw += tok[TEXT]
        if key not in grown and (cased is None or raw not in prefixes(cased)):
            break  # no phrase of either table begins so: a longer key cannot be one either
        if cased is not None and raw in cased:
            best = (k + 1, raw, cased[raw])
        elif key in table and (len(key) > 1 or raw == key):
            value = table[key] if isinstance(table, dict) else key
            best = (k + 1, key, value)
    if best is None:
        return None
    end = best[0]
    # A unit glued to a following letter or digit is part of a longer word or code.
    if end < len(tokens) and tokens[end][START] == tokens[end - 1][END]:
        nxt = tokens[end]
        if nxt[KIND] in ("w", "n") and tokens[end - 1][KIND] in ("w", "n"):
            return None
    return best
