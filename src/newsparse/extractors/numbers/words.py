"""Number words to values: "three hundred and twelve", "twenty-first", "two-thirds",
"half a million", "five and a half", "two point five".

The reader is a small state machine over the tokens: it keeps the running group below a
thousand and the total of the finished groups, and stops at the first word that cannot
continue the number ("three four" is two numbers, not thirty-four).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from .lexicon import Lexicon
from .scan import END, KIND, LOW, SKIPPED, START, TEXT, Token

__all__ = ["WordNumber", "read_words"]

_DASHES = frozenset({"-", "‐", "‑", "–", "—"})
#: The states a plural denominator may follow: "three fifths", "ninety-five hundred fifths",
#: "a hundred thousand trillionths".
_NUMERATOR_ENDS = frozenset({"unit", "teen", "tens", "hundred", "scale"})
#: The words after "one hundredth" that make it a fraction.
_FRACTION_NEXT = frozenset({"of", "the", "a", "an", "as", "that", "this"})


@attrs.frozen
class WordNumber:
    """A number written in words: tokens ``[start, end)``, the value and what it is."""

    end: int
    value: Fraction
    ordinal: bool = False
    fraction: bool = False
    scaled: bool = False
    words: int = 1


def _word(tokens: list[Token], j: int) -> str | None:
    if j < len(tokens) and tokens[j][KIND] == "w" and not tokens[j][SKIPPED]:
        return tokens[j][LOW]
    return None


def _is_number_word(lex: Lexicon, word: str | None) -> bool:
    return word is not None and (
        word in lex.cardinals
        or word in lex.ordinals
        or word in lex.scales
        or word in lex.denominators
        or word == "hundred"
    )


def _connector(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """How many tokens at ``j`` join two number words ("-", "and"), 0 if none."""
    if j >= len(tokens):
        return 0
    t = tokens[j]
    if t[TEXT] in _DASHES and _is_number_word(lex, _word(tokens, j + 1)):
        return 1
    if t[LOW] == "," and _word(tokens, j + 1) in lex.cardinals:
        return 1
    if t[TEXT] == "&" and _word(tokens, j + 1) in lex.cardinals:
        return 1
    return 0


def _fraction_tail(tokens: list[Token], j: int, lex: Lexicon) -> tuple[int, Fraction] | None:
    """ "and a half", "and one half", "and three quarters" after a whole number."""
    if _word(tokens, j) != "and":
        return None
    first = _word(tokens, j + 1)
    second = _word(tokens, j + 2)
    if first in ("a", "an", "one") and second in lex.denominators and second != "second":
        return j + 3, Fraction(1, lex.denominators[second])
    if first in ("a", "an", "one") and second in lex.ordinals and lex.ordinals[second] > 2:
        return j + 3, Fraction(1, lex.ordinals[second])  # "and a thirtieth"
    if first in lex.units and second in lex.denominators and second.endswith("s"):
        return j + 3, Fraction(lex.units[first], lex.denominators[second])
    return None


def _compound_denominator(
    tokens: list[Token], j: int, lex: Lexicon
) -> tuple[int, int, bool] | None:
    """ "twenty-fifth", "twenty fifths" at ``j`` after a numerator ("one twenty-fifth",
    "three twenty firsts"): (end, denominator, plural), or None."""
    tens = lex.tens.get(_word(tokens, j) or "")
    if tens is None:
        return None
    k = j + 1
    if k < len(tokens) and tokens[k][TEXT] in _DASHES:
        k += 1
    w = _word(tokens, k)
    if w is None or tokens[k][START] - tokens[k - 1][END] > 1:
        return None
    plural = w.endswith("s")
    v = lex.ordinals.get(w[:-1] if plural else w)
    if v is None or v >= 10:
        return None
    return k + 1, tens + v, plural


def _point_digits(tokens: list[Token], j: int, lex: Lexicon) -> tuple[int, str] | None:
    digits = ""
    k = j
    while (w := _word(tokens, k)) is not None and w in lex.units and len(digits) < 40:
        digits += str(lex.units[w])
        k += 1
    if digits:
        return k, digits
    w = _word(tokens, j)
    if w in lex.cardinals:
        value = lex.cardinals[w]
        k = j + 1
        if value >= 20 and value % 10 == 0 and _connector(tokens, k, lex):
            nxt = _word(tokens, k + 1) or ""
            if lex.units.get(nxt):
                value += lex.units[nxt]
                k += 2
        return k, str(value)
    if j < len(tokens) and tokens[j][KIND] == "n" and tokens[j][TEXT].isdigit():
        return j + 1, tokens[j][TEXT]
    return None


def read_words(
    tokens: list[Token], i: int, lex: Lexicon, *, nested: bool = False
) -> WordNumber | None:
    """Read a number written in words starting at token ``i``, or None.  ``nested`` is set
    when reading the denominator of "one one hundred and fifth", which takes no numerator of
    its own (so the reading never goes deeper than one level)."""
    first = _word(tokens, i)
    if first is None:
        return None
    # Whole numbers are summed as ints (a Fraction sum costs many times more) and become
    # Fractions where a part of one enters or a reading ends: every value returned is one.
    total: int | Fraction = 0
    cur: int | Fraction = 0
    last: str | None = None
    j = i
    count = 0
    scaled = False
    last_scale = 1
    if first in ("a", "an"):
        nxt = _word(tokens, i + 1)
        if nxt in (
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            "dozen",
            "lakh",
            "crore",
        ):
            cur = Fraction(1)
            last = "unit"
            j = i + 1
        elif nxt in lex.denominators and nxt not in ("second", "seconds") and not nxt.endswith("s"):
            frac = Fraction(1, lex.denominators[nxt])
            return _scale_after_fraction(tokens, i + 2, lex, frac)
        else:
            return None
    elif first in ("half", "quarter"):
        frac = Fraction(1, 2 if first == "half" else 4)
        return _scale_after_fraction(tokens, i + 1, lex, frac)
    while j < len(tokens) and count < 60:
        w = _word(tokens, j)
        if w is None:
            break
        if w in lex.cardinals:
            v = lex.cardinals[w]
            if last == "unit" and total + cur == 1 and not nested:
                sub = read_words(tokens, j, lex, nested=True)
                if sub is not None and sub.ordinal and sub.value >= 20 and sub.words > 1:
                    # "one one hundred and fifth": one over an ordinal written in words
                    return WordNumber(
                        sub.end, 1 / sub.value, fraction=True, words=count + sub.words
                    )
            if last in _NUMERATOR_ENDS and w in lex.tens:
                # "one twenty-fifth", "three twenty firsts", "one hundred thirty-fifths": after
                # a whole numerator a plural compound ordinal is its denominator
                den = _compound_denominator(tokens, j, lex)
                if den is not None and (den[2] or (total + cur == 1 and last != "hundred")):
                    value = Fraction(total + cur) / den[1]
                    return _scale_after_fraction(tokens, den[0], lex, value, start_count=count)
            if last in ("unit", "teen", "point", "ordinal"):
                break
            if last == "tens" and v >= 10:
                break
            cur += v
            last = "unit" if v < 10 else ("teen" if v < 20 else "tens")
            if v >= 20 and v % 10:
                last = "unit"
        elif w == "hundred":
            if last in ("hundred", "point"):
                break
            if last is None and j == i:
                cur = Fraction(1)
            cur = (cur or Fraction(1)) * 100
            last = "hundred"
        elif (w in lex.scales and w not in lex.vague_scales) or (
            w in lex.scales and last is not None
        ):
            scale = lex.scales[w]
            if last is None and (j != i or w in lex.vague_scales):
                break
            if scale < 100:  # dozen
                cur = (cur or Fraction(1)) * scale
                total += cur
                cur = Fraction(0)
            elif cur == 0 and total > 0:
                total *= scale
            else:
                total += (cur or Fraction(1)) * scale
                cur = Fraction(0)
            last = "scale"
            last_scale = scale
            scaled = True
        elif w in lex.ordinals:
            v = lex.ordinals[w]
            if last in ("unit", "teen") and w in lex.denominators:
                # "one fifth", "two thirds": a fraction, not an ordinal; but "his one
                # hundredth goal" is a position: "one" and a scale ordinal are a fraction
                # only when "of", "the" or "a" follows ("one hundredth of a second")
                ordinal = v >= 100 and _word(tokens, j + 1) not in _FRACTION_NEXT
                if w.endswith("s") or (cur + total == 1 and not ordinal):
                    value = Fraction(total + cur) / lex.denominators[w]
                    return _scale_after_fraction(tokens, j + 1, lex, value, start_count=count)
                if v < 100:
                    break
            if last == "tens" and v < 10:
                cur += v
            elif last in ("hundred", "scale") and v < 100:
                cur += v  # "nine hundred ninth", "two thousand and fifth"
            elif v >= 100 and last is not None:
                # "three trillionth"; "... million three hundred twenty-one thousandth"
                # keeps the larger groups whole
                if total > v:
                    cur = total + (cur or Fraction(1)) * v
                else:
                    cur = (total + (cur or Fraction(1))) * v
                total = Fraction(0)
            elif last is not None:
                break
            else:
                cur += v
            return WordNumber(j + 1, Fraction(total + cur), ordinal=True, words=count + 1)
        elif (
            w in ("half", "quarter")
            and last == "unit"
            and total + cur == 1
            and (w == "half" or tokens[j - 1][TEXT] in _DASHES or _word(tokens, j + 1) == "of")
        ):
            # "one half", "one-quarter", "one quarter of": one over the denominator (but
            # "in one quarter" may be three months)
            return _scale_after_fraction(
                tokens, j + 1, lex, Fraction(1, lex.denominators[w]), start_count=count
            )
        elif w in lex.denominators and w.endswith("s") and last in _NUMERATOR_ENDS:
            value = Fraction(total + cur) / lex.denominators[w]
            return _scale_after_fraction(tokens, j + 1, lex, value, start_count=count)
        elif w == "point" and last not in ("point",):
            got = _point_digits(tokens, j + 1, lex)
            if got is None:
                break
            j, digits = got
            cur += Fraction(Decimal("0." + digits))
            last = "point"
            count += 1
            continue
        elif w in ("and", "&") and last in ("hundred", "scale", "tens", "unit", "teen"):
            tail = _fraction_tail(tokens, j, lex)
            if tail is not None:
                j, frac = tail
                after = _scale_after_fraction(tokens, j, lex, frac, start_count=count + 1)
                if after.scaled:
                    whole = (
                        total + after.value
                        if cur == 0
                        else total + (cur + frac) * (after.value / frac)
                    )
                    return attrs.evolve(after, value=whole)
                if last == "scale" and cur == 0:
                    return WordNumber(j, total + frac * last_scale, words=count + 1, scaled=True)
                return WordNumber(j, total + cur + frac, fraction=True, words=count + 1)
            nxt = _word(tokens, j + 1)
            if last in ("hundred", "scale") and (nxt in lex.cardinals or nxt in lex.ordinals):
                j += 1
                continue
            break
        else:
            break
        j += 1
        count += 1
        step = _connector(tokens, j, lex)
        if step:
            j += step
    if count == 0:
        return None
    end = j
    while end > i and (
        tokens[end - 1][TEXT] in _DASHES or tokens[end - 1][LOW] in ("and", ",", "&")
    ):
        end -= 1
    return WordNumber(end, Fraction(total + cur), scaled=scaled, words=count)


def _scale_after_fraction(
    tokens: list[Token], j: int, lex: Lexicon, value: Fraction, start_count: int = 0
) -> WordNumber:
    """ "half a million", "two thirds of a million", "five and a half million"."""
    k = j
    if _word(tokens, k) == "of" and _word(tokens, k + 1) in ("a", "an"):
        k += 2
    elif _word(tokens, k) in ("a", "an"):
        k += 1
    w = _word(tokens, k)
    if (w is not None and w in lex.scales and w not in lex.vague_scales) or w in ("dozen",):
        return WordNumber(k + 1, value * lex.scales[w], scaled=True, words=start_count + 2)
    return WordNumber(j, value, fraction=True, words=start_count + 1)
