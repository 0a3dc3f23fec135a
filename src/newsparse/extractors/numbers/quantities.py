"""Reading one quantity from tokens: a number in digits or words, with what sticks to it.

:class:`QuantityReader` reads, from a token, an optional currency before (``£``, ``US$``,
``EUR``), a sign, digits or number words, a scale ("million", "bn", "k"), then a percent,
currency or unit after ("%", "per cent", "dollars", "km", "-year-old").  It also holds the
rules that tell a number from part of a name or code ("A38", "COVID-19", "Boeing 737").
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

import attrs

from newsparse import Number, NumberKind, Part, Span

from .dates import date_at, time_at
from .lexicon import Lexicon
from .making import make_number
from .page import Context
from .scan import END, KIND, LOW, SKIPPED, START, TEXT, gap, glued, tokenize, word_at
from .units import UNIT_STEPS, firsts, phrase_at
from .values import as_fraction, convention_matters, exact, parse_digits, quick_fraction
from .words import read_words

__all__ = ["DASHES", "Context", "Quantity", "QuantityReader"]

DASHES = frozenset({"-", "‐", "‑", "–", "—"})
_MINUS = frozenset({"-", "−"})
_ARTICLES = frozenset({"a", "an"})
#: Feet and inch marks, read only after a larger length ("2 yd 7'", "6ft 2\"").
_PRIMES = {"'": "ft", "′": "ft", '"': "in", "″": "in"}
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 1000})


@attrs.define
class Quantity:
    """A single number read from tokens ``[i, j)``."""

    i: int
    j: int
    value: Fraction
    kind: NumberKind = NumberKind.CARDINAL
    unit: str | None = None
    scale: int = 1
    word: bool = False
    plain: bool = False
    norm: str | None = None


class _Starts(NamedTuple):
    """The tokens at which the phrase tables :meth:`QuantityReader.suffix` reads can start."""

    low: frozenset[str]
    text: frozenset[str]
    point: frozenset[str]
    percent: frozenset[str]
    currency: frozenset[str]
    money_low: frozenset[str]
    money_text: frozenset[str]


_SUFFIX_STARTS: dict[int, tuple[Lexicon, _Starts]] = {}


def _suffix_starts(lex: Lexicon) -> _Starts:
    """The tokens (lower-cased, and as written) at which :meth:`QuantityReader.suffix` can
    read anything: the first tokens of every phrase table it looks up and every mark or word
    it tests.  A token in neither set, and not a four-letter "M..." millions code, leaves
    the number as it is, so the lookups are skipped; each table's own first tokens let a
    lookup that cannot match be skipped the same way."""
    got = _SUFFIX_STARTS.get(id(lex))
    if got is None or got[0] is not lex:
        point = firsts(lex.point_words)
        percent = firsts(lex.percent_words)
        currency = firsts(lex.currency_words)
        low = (
            point
            | percent
            | currency
            | firsts(lex.measure_units)
            | lex.lowercase_currency_codes
            | frozenset(lex.dollar_prefixes)
            | {"a", "an", "of", "below"}
        )
        text = (
            firsts(lex.measure_units_cased, lower=False)
            | lex.currency_codes
            | frozenset(lex.currency_symbols)
            | DASHES
            | {"%", "'", "′", "p", "c"}
        )
        # What :meth:`QuantityReader.currency_suffix` tests a token for (besides a
        # four-letter "M..." code): codes, dollar prefixes, signs, "p" and "c", money words.
        money_low = currency | lex.lowercase_currency_codes | frozenset(lex.dollar_prefixes)
        money_text = lex.currency_codes | frozenset(lex.currency_symbols) | {"p", "c"}
        got = _SUFFIX_STARTS[id(lex)] = (
            lex,
            _Starts(low, text, point, percent, currency, money_low, money_text),
        )
    return got[1]


class QuantityReader:
    """Reads single quantities from the tokens of one part of the page."""

    def __init__(self, text: str, part: Part, span: Span, ctx: Context) -> None:
        self.text = text
        self.part = part
        self.ctx = ctx
        self.lex = ctx.lex
        self.tokens = tokenize(text, span.start, span.end)
        self.start = span.start

    def number(
        self,
        i: int,
        j: int,
        value: Fraction | None,
        kind: NumberKind,
        *,
        unit: str | None = None,
        low: Fraction | None = None,
        high: Fraction | None = None,
        norm: str | None = None,
        approx_at: int | None = None,
    ) -> Number:
        toks = self.tokens
        start, end = toks[i][START], toks[j - 1][END]
        at = i if approx_at is None else approx_at
        # The test :meth:`qualifier` opens with, made here first: most numbers follow no
        # "a" and no word that ends a qualifier, and are settled without the call.
        before = toks[at - 1][LOW] if at > 0 else ""
        approx = (
            self.qualifier(at) if before in self.lex.qualifier_ends or before in _ARTICLES else None
        )
        noun = (
            self.noun(j)
            if kind is NumberKind.CARDINAL
            or kind is NumberKind.ORDINAL
            or (kind is NumberKind.RANGE and unit is None)
            else None
        )
        # ``start <= end``: the end of token ``j - 1`` is never before the start of ``i``.
        return make_number(
            self.text[start:end],
            start,
            end,
            # a whole number (most are) is its numerator: what ``exact`` gives, sooner
            None if value is None else value.numerator if value.denominator == 1 else exact(value),
            kind,
            unit,
            approx,
            None if low is None else exact(low),
            None if high is None else exact(high),
            norm,
            noun,
            self.part,
        )

    def qualifier(self, i: int) -> str | None:
        """The qualifier just before token ``i`` ("at least", "about"), longest first."""
        toks = self.tokens
        best: str | None = None
        words = 0
        k = i - 1
        if k >= 0 and toks[k][LOW] in ("a", "an"):
            k -= 1  # "about a third"
            i -= 1
        if k < 0 or toks[k][LOW] not in self.lex.qualifier_ends:
            return None  # no qualifier ends here: most numbers stop at this test
        qualifiers = self.lex.qualifiers
        tails = self.lex.qualifier_tails
        phrase = ""  # the words read so far, joined by spaces
        while k >= 0 and words < 5:
            tok = toks[k]
            if tok[KIND] == "n" or tok[TEXT] in (",", ";", ":", "(", ")"):
                break
            phrase = tok[LOW] + " " + phrase if words else tok[LOW]
            words += 1
            flat = phrase.replace(" .", ".")
            if phrase in qualifiers or flat in qualifiers:
                best = self.text[tok[START] : toks[i - 1][END]].lower()
            elif phrase not in tails and flat not in tails:
                # No qualifier ends so ("crew of"): a phrase read further back ends with
                # this one (and so does its form with " ." closed up), so none would either.
                break
            k -= 1
        return best

    def noun(self, j: int) -> str | None:
        """The noun counted after the number ending at token ``j``: the first content word,
        or after a capitalised modifier the plural a word or two on ("seven Colorado River
        states")."""
        toks = self.tokens
        k = j
        if k < len(toks) and toks[k][TEXT] in DASHES and glued(toks, k):
            k += 1
        elif k < len(toks) and toks[k][LOW] == "of":
            k += 1
            while word_at(toks, k) in self.lex.determiners:
                k += 1
        w = word_at(toks, k)
        if w is None or w in self.lex.noun_stop or w in self.lex.cardinals:
            return None
        if toks[k][TEXT][0].isupper() and k != j:
            return None
        if not toks[k][TEXT][0].isupper():
            return toks[k][TEXT]
        for ahead in range(k, min(k + 3, len(toks))):
            if ahead > k and (gap(toks, ahead) != 1 or toks[ahead][KIND] != "w"):
                break
            word = toks[ahead][LOW]
            if ahead > k and word in self.lex.noun_stop:
                break
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                return toks[ahead][TEXT]
        return toks[k][TEXT]

    def code_before(self, i: int) -> bool:
        """Whether the digits at ``i`` continue a name or code ("A38", "COVID-19", "Boeing 737")."""
        toks = self.tokens
        lex = self.lex
        tok = toks[i]
        if i > 0 and glued(toks, i):
            prev = toks[i - 1]
            if prev[KIND] == "n":
                return True
            if prev[KIND] == "w":
                return not (prev[TEXT] in lex.currency_codes or prev[TEXT] in ("Rs", "RM"))
            if prev[TEXT] in DASHES and i > 1 and glued(toks, i - 1):
                before = toks[i - 2]
                if before[KIND] == "w" and any(c.isupper() for c in before[TEXT]):
                    return True
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if (
                    before[KIND] == "w"
                    and nxt is not None
                    and self.code_after(i + 1)
                    and nxt[LOW] != "s"
                    and nxt[LOW] not in lex.ordinal_suffixes
                ):
                    return True  # "scp-173m": glued on both sides ("mid-30s" is a decade)
            if prev[TEXT] == "/" and i > 1 and glued(toks, i - 1) and toks[i - 2][KIND] == "n":
                return True  # the second half of "24/7" or "9/11"
            if (
                prev[TEXT] == "+"
                and i > 2
                and glued(toks, i - 1)
                and toks[i - 2][KIND] == "n"
                and glued(toks, i - 2)
                and toks[i - 3][KIND] == "w"
            ):
                return True  # a catalogue code: "J1149.5+6663" (but "3+4" is a sum)
            if prev[TEXT] == "^" or (
                prev[TEXT] == "−" and i > 1 and glued(toks, i - 1) and toks[i - 2][KIND] == "w"
            ):
                return True  # an exponent: "km^3", "fb−1"
        if i > 1 and toks[i - 1][TEXT] == "." and toks[i - 2][TEXT] == "No":
            return True
        if i == 0 or toks[i - 1][KIND] != "w" or gap(toks, i) != 1:
            return False
        prev = toks[i - 1]
        low = prev[LOW]
        if prev[TEXT] in lex.currency_codes or low in lex.currency_words:
            return False
        if low in lex.identifier_words and (low != "no" or prev[TEXT] == "No"):
            return not self.unit_follows(i + 1)  # "page 5" but "section 150ft"
        if (
            not prev[TEXT].islower()  # settles most words at once: none of their letters is upper
            and any(c.isupper() for c in prev[TEXT][1:])
            and not prev[TEXT].isupper()
            and prev[TEXT] not in lex.measure_units_cased
            and low not in lex.measure_units
        ):
            return True  # iPhone 15, PlayStation 5; but "2.80 GHz 8 MB" lists measures
        if not tok[TEXT].isdigit() or low in lex.common or low in lex.months:
            return False
        if not prev[TEXT][0].isupper() and not prev[TEXT].isupper():
            return False  # what the checks below answer too, without probing for a unit
        if self.unit_follows(i + 1) and not self._letter_after(i + 1):
            return False  # "the UK 25%", "Everest 8849m"; but "Boeing 777F" is a name
        if prev[TEXT].isupper() and len(prev[TEXT]) >= 2:
            return True  # FTSE 100
        year = len(tok[TEXT]) == 4 and 1100 <= int(tok[TEXT]) <= 2199
        if not prev[TEXT][0].isupper() or year:
            return False
        return len(tok[TEXT]) >= 3 or self.named_after(i - 1)  # Boeing 737, the Unit 4 plant

    def _letter_after(self, j: int) -> bool:
        """Whether one capital letter is glued on at ``j`` ("777F", "13F"): a unit symbol
        only where nothing says the digits are a name."""
        toks = self.tokens
        return (
            j < len(toks) and glued(toks, j) and len(toks[j][TEXT]) == 1 and toks[j][TEXT].isupper()
        )

    def named_after(self, k: int) -> bool:
        """Whether the capitalised words ending at token ``k`` follow "the", "at", ...: a
        proper name, so a number after them belongs to it ("at Heathrow Terminal 5")."""
        toks = self.tokens
        start = k
        while (
            start > 0
            and k - start < 4
            and toks[start - 1][KIND] == "w"
            and toks[start - 1][TEXT][0].isupper()
            and gap(toks, start) == 1
        ):
            start -= 1
        before = word_at(toks, start - 1)
        return before is not None and before in self.lex.name_openers and gap(toks, start) == 1

    def code_after(self, j: int) -> bool:
        """Whether the token at ``j`` glues letters or digits onto the number as a code."""
        toks = self.tokens
        return j < len(toks) and glued(toks, j) and toks[j][KIND] in ("w", "n")

    def digits(self, i: int, money: bool) -> Quantity | None:
        toks = self.tokens
        tok = toks[i]
        lex = self.lex
        if tok[TEXT] in lex.vulgar:
            a, b = lex.vulgar[tok[TEXT]]
            return Quantity(i, i + 1, Fraction(a, b))
        if tok[KIND] != "n" or tok[SKIPPED] or self.code_before(i):
            return None
        plain = tok[TEXT].isdigit()
        if plain:
            value = Fraction(int(tok[TEXT]))  # what parse_digits gives a run of digits, sooner
        elif (quick := quick_fraction(tok[TEXT])) is not None:
            value = quick  # "1,200", "2.5": the same value, sooner
        else:
            # The page's convention matters only to "12.000": a scan of the whole page that
            # "1.5" does not need.
            comma = convention_matters(tok[TEXT]) and self.ctx.decimal_comma
            raw = parse_digits(tok[TEXT], decimal_comma=comma)
            if raw is None:
                return None
            value = as_fraction(raw)
        j = i + 1
        q = Quantity(i, j, value, plain=plain)
        if j >= len(toks):
            return q  # nothing follows: no fraction, suffix, exponent, margin or scale
        nxt = toks[j]
        if nxt[START] != tok[END] and (
            (nxt[KIND] == "s" and nxt[TEXT] not in ("/", "±", "+"))
            or (
                nxt[KIND] == "w"
                and nxt[LOW] not in lex.scales
                and nxt[TEXT] not in ("K", "M", "B", "k")
            )
        ):
            # A space, then neither digits, a slash, a margin sign nor a scale word: the
            # readers below all need one of those (or no space), so the number ends here.
            return q
        if j < len(toks) and glued(toks, j) and toks[j][TEXT] in lex.vulgar:
            a, b = lex.vulgar[toks[j][TEXT]]
            q.value += Fraction(a, b)
            q.j = j + 1
            q.plain = False
            return q
        if plain and self._slash(j):
            num, den = int(tok[TEXT]), int(toks[j + 1][TEXT])
            chained = (
                j + 2 < len(toks) and toks[j + 2][TEXT] == "/" and gap(toks, j + 2) == gap(toks, j)
            )
            if chained or not 0 < num < den or (num != 1 and den not in _DENOMINATORS):
                return None  # a date, a name or a code: "9/11", "24/7", "5/17/2018"
            q.value = Fraction(num, den)
            q.j = j + 2
            q.plain = False
            return q
        if (
            plain
            and j + 2 < len(toks)
            and gap(toks, j) == 1
            and toks[j][KIND] == "n"
            and toks[j][TEXT].isdigit()
            and self._slash(j + 1)
            and int(toks[j + 2][TEXT]) > int(toks[j][TEXT]) > 0
            and not (j + 3 < len(toks) and toks[j + 3][TEXT] == "/")
        ):
            q.value += Fraction(int(toks[j][TEXT]), int(toks[j + 2][TEXT]))
            q.j = j + 3
            q.plain = False
            return q
        if j < len(toks) and glued(toks, j) and toks[j][LOW] in lex.ordinal_suffixes:
            whole = plain or (value.denominator == 1 and "." not in tok[TEXT])
            if whole and not self.code_after(j + 1):  # "3rd", "1,000,000th"
                q.j = j + 1
                q.kind = NumberKind.ORDINAL
                return q
            return None
        if (
            plain
            and j < len(toks)
            and glued(toks, j)
            and toks[j][TEXT] == "s"
            and len(tok[TEXT]) == 4
            and tok[TEXT].endswith("0")
            and not self.code_after(j + 1)
        ):
            q.j = j + 1
            q.kind = NumberKind.YEAR
            q.norm = tok[TEXT] + "s"
            return q
        self.power(q)
        self.uncertainty(q)
        self.scale(q, money)
        self.lower_groups(q)
        return q

    def uncertainty(self, q: Quantity) -> None:
        """ "2,000.45±0.01", "9.83e-3 +/- 1e-5": a measurement and its margin are one
        number, valued at the measurement."""
        toks = self.tokens
        k = q.j
        if k >= len(toks) or gap(toks, k) > 1:
            return
        if toks[k][TEXT] == "±":
            k += 1
        elif (
            toks[k][TEXT] == "+"
            and k + 2 < len(toks)
            and toks[k + 1][TEXT] == "/"
            and toks[k + 2][TEXT] in _MINUS
            and glued(toks, k + 1)
            and glued(toks, k + 2)
        ):
            k += 3
        else:
            return
        if k >= len(toks) or gap(toks, k) > 1 or toks[k][KIND] != "n" or self.code_after(k + 1):
            return
        comma = "." in toks[k][TEXT] and self.ctx.decimal_comma
        if parse_digits(toks[k][TEXT], decimal_comma=comma) is None:
            return
        q.j = k + 1
        q.plain = False

    def _slash(self, j: int) -> bool:
        """Whether token ``j`` is a fraction slash before digits: "1/4", or "1 / 4" in text
        split into word tokens (the same spacing on both sides)."""
        toks = self.tokens
        if j + 1 >= len(toks) or toks[j][TEXT] != "/" or toks[j + 1][KIND] != "n":
            return False
        spacing = gap(toks, j)
        return spacing <= 1 and gap(toks, j + 1) == spacing and toks[j + 1][TEXT].isdigit()

    def lower_groups(self, q: Quantity) -> None:
        """ "4 thousand 3 hundred", "3 hundred and 21", "1 million 500 thousand": digits with
        scale words, continued.  After a million or more the rest needs a scale word of its
        own ("2 million 300 people" is two numbers)."""
        toks = self.tokens
        if q.scale < 100 or q.value.denominator != 1:
            return
        k = q.j
        if word_at(toks, k) == "and":
            k += 1
        if k >= len(toks) or gap(toks, k) != 1:
            return
        if toks[k][KIND] == "n":
            if not toks[k][TEXT].isdigit() or self.code_after(k + 1):
                return
            rest = Quantity(k, k + 1, Fraction(int(toks[k][TEXT])))
            self.scale(rest, money=False)
        else:
            got = read_words(toks, k, self.lex)
            if got is None or got.ordinal or got.fraction:
                return
            rest = Quantity(k, got.end, got.value, scale=1000 if got.value >= 1000 else 1)
        if rest.scale >= q.scale or rest.value >= q.scale or rest.value <= 0:
            return
        if q.scale > 1000 and rest.scale == 1:
            return
        q.value += rest.value
        q.j = rest.j

    def power(self, q: Quantity) -> None:
        """Scientific forms glued to the digits: "6.23x10^-4", "2500^-1"."""
        toks = self.tokens
        j = q.j
        if (
            j + 2 < len(toks)
            and toks[j][LOW] in ("x", "×")
            and glued(toks, j)
            and glued(toks, j + 1)
            and toks[j + 1][TEXT].isdigit()
            and len(toks[j + 1][TEXT]) <= 3
            and toks[j + 2][TEXT] == "^"
            and glued(toks, j + 2)
        ):
            base, k = Fraction(int(toks[j + 1][TEXT])), j + 3  # "6.23x10^-4", "8x2^10"
            mult = q.value
        elif j < len(toks) and toks[j][TEXT] == "^" and glued(toks, j):
            base, k = q.value, j + 1
            mult = Fraction(1)
        else:
            return
        sign = 1
        if k < len(toks) and toks[k][TEXT] in _MINUS and glued(toks, k):
            sign, k = -1, k + 1
        if k >= len(toks) or not glued(toks, k) or not toks[k][TEXT].isdigit():
            return
        exponent = int(toks[k][TEXT][:4]) * sign
        if abs(exponent) > 60 or (base == 0 and exponent < 0):
            return
        q.value = mult * base**exponent
        q.j = k + 1
        q.plain = False

    def scale(self, q: Quantity, money: bool) -> None:
        toks = self.tokens
        lex = self.lex
        j = q.j
        if j >= len(toks):
            return
        tok = toks[j]
        if glued(toks, j):
            if tok[KIND] != "w":
                return
            if tok[TEXT] in lex.suffix_scales:
                if tok[TEXT] == "m" and not (
                    money or self._currency_follows(j + 1) or self._counted_follows(j + 1)
                ):
                    return
                letter = tok[TEXT] in ("b", "B", "G") and not money
                if letter and not self._currency_follows(j + 1) and q.plain:
                    return
                if tok[TEXT] == "K" and q.value.denominator != 1 and not money:
                    return
                if self.code_after(j + 1):
                    return
                q.value *= lex.suffix_scales[tok[TEXT]]
                q.scale = lex.suffix_scales[tok[TEXT]]
                q.j = j + 1
                q.plain = False
            elif tok[LOW] in lex.scales and tok[LOW] not in lex.vague_scales:
                q.value *= lex.scales[tok[LOW]]
                q.scale = lex.scales[tok[LOW]]
                q.j = j + 1
                q.plain = False
            return
        if gap(toks, j) > 2 or tok[KIND] != "w":
            return
        if tok[LOW] in lex.scales and (tok[LOW] not in lex.vague_scales or tok[LOW] == "dozens"):
            q.value *= lex.scales[tok[LOW]]
            q.scale = lex.scales[tok[LOW]]
            q.j = j + 1
            q.plain = False
            nxt = word_at(toks, j + 1)
            if nxt in lex.scales and nxt not in lex.vague_scales and lex.scales[nxt] > q.scale:
                q.value *= lex.scales[nxt]
                q.scale *= lex.scales[nxt]
                q.j = j + 2
        elif tok[TEXT] in ("K", "M", "B", "k") and money and not self.code_after(j + 1):
            q.value *= lex.suffix_scales[tok[TEXT]]
            q.scale = lex.suffix_scales[tok[TEXT]]
            q.j = j + 1
            q.plain = False

    def _counted_follows(self, j: int) -> bool:
        """Whether a plural noun follows at ``j``, so a glued "m" is millions ("1.2m people")."""
        toks = self.tokens
        w = word_at(toks, j)
        if w is None or gap(toks, j) != 1 or w in self.lex.noun_stop:
            return False
        return w in self.lex.plural_nouns or (
            len(w) > 3 and w.endswith("s") and not w.endswith("ss")
        )

    def _currency_follows(self, j: int) -> bool:
        toks = self.tokens
        if j >= len(toks):
            return False
        if toks[j][TEXT] in self.lex.currency_codes or toks[j][TEXT] in self.lex.currency_symbols:
            return True
        got = phrase_at(toks, j, self.lex.currency_words, self.lex)
        return got is not None and not got[2].endswith("?")

    def words(self, i: int) -> Quantity | None:
        toks = self.tokens
        lex = self.lex
        w = toks[i][LOW]
        got = read_words(toks, i, lex)
        if got is None:
            return self.one_unit(i) if w in ("a", "an") else None
        prev = word_at(toks, i - 1)
        art = i if w in ("a", "an") else i - 1 if prev in ("a", "an") else -1
        if art > 0 and self._priced(art - 1):
            return None  # "64.2 cents a dozen": per dozen, not a dozen
        nxt_tok = toks[got.end] if got.end < len(toks) else None
        nxt = word_at(toks, got.end)
        single = got.end == i + 1
        if single and w == "one":
            dashed = nxt_tok is not None and nxt_tok[TEXT] in DASHES and glued(toks, got.end)
            if dashed and (
                self._currency_follows(got.end + 1) or word_at(toks, got.end + 1) == "nil"
            ):
                pass  # "the one-dollar coin", "a one-yen bid": money; "one-nil": a score
            elif dashed:
                return None  # "one-off", "a one-day international"
            elif prev in lex.pronoun_one_before or nxt in lex.pronoun_one_after:
                return None
            elif (
                prev is None
                and nxt in lex.pronoun_one_modals
                and word_at(toks, got.end + 1) not in ("of", "s")
            ):
                return None  # "One can see", ", one should ask": the pronoun; not "One can of"
            after = toks[got.end + 1][LOW] if got.end + 1 < len(toks) else ""
            if nxt is not None and not nxt.endswith("s") and after in self.lex.indefinite_one_after:
                return None  # "One neighbour, who asked not to be named": "a neighbour"
        if single and self.title_of_name(i, got.end):
            return None
        if single and w in ("half", "quarter"):
            if prev in lex.half_not_after or (w == "quarter" and prev not in lex.qualifiers):
                return None
            dashed = nxt_tok is not None and nxt_tok[TEXT] in DASHES and glued(toks, got.end)
            if dashed and (w == "quarter" or not self.unit_follows(got.end + 1)):
                return None  # "half-time", "half-brother"; but "half-litre" is a measure
            if nxt in ("time", "term", "year", "century", "way", "hearted", "brother", "sister"):
                return None
        if single and w == "second":
            if prev in lex.second_not_after or nxt in lex.second_not_before:
                return None
            if (
                nxt_tok is not None
                and nxt_tok[TEXT] in DASHES
                and word_at(toks, got.end + 1) == "hand"
            ):
                return None
        if single and w == "first" and nxt in ("class", "aid", "lady", "hand"):
            return None
        if single and w in lex.scales and w not in ("hundred", "thousand", "dozen"):
            return None
        kind = NumberKind.ORDINAL if got.ordinal else NumberKind.CARDINAL
        if got.fraction and got.ordinal:
            kind = NumberKind.CARDINAL
        start = i + 1 if w in ("a", "an") else i  # "a third": the article stays outside
        return Quantity(
            start, got.end, got.value, kind=kind, word=True, scale=10**6 if got.scaled else 1
        )

    def _priced(self, k: int) -> bool:
        """Whether token ``k`` ends a price or measure ("cents", "$2", "kg"), so a following
        "a dozen" means "per dozen"."""
        toks = self.tokens
        tok = toks[k]
        if tok[KIND] == "n":
            return k > 0 and toks[k - 1][TEXT] in self.lex.currency_symbols
        if k == 0 or toks[k - 1][KIND] != "n" or gap(toks, k) > 1:
            return False  # "in a two-class layout": "in" follows no number here
        if glued(toks, k):
            return True  # "20p a litre", "$3m a year"
        return tok[LOW] in self.lex.currency_words or tok[LOW] in self.lex.measure_units

    def one_unit(self, i: int) -> Quantity | None:
        """ "a dollar", "a penny", "an ml": one of a currency or a unit written as an
        abbreviation, and "an hour and a half", "a mile and a quarter".  A unit word alone
        ("a year ago", "once a day") and ambiguous words ("a pound", "a real") are left out."""
        toks = self.tokens
        lex = self.lex
        k = i + 1
        if k >= len(toks) or gap(toks, k) != 1 or toks[k][KIND] != "w":
            return None
        if k + 1 < len(toks) and glued(toks, k + 1) and toks[k + 1][TEXT] in DASHES:
            return None  # "a dollar-denominated bond"
        if i > 0 and self._priced(i - 1):
            return None  # "$3 a gallon", "£1.50 a litre": per gallon, per litre
        w = toks[k][LOW]
        code = lex.currency_words.get(w)
        if w in lex.ambiguous_currency_words:
            return None  # "a real problem", "a won game", "a buck"
        if code is not None and not code.endswith("?") and not w.endswith("s"):
            q = Quantity(i, k + 1, Fraction(1), kind=NumberKind.MONEY, word=True)
            if "/" in code:
                code, minor = code.split("/")
                q.value /= int(minor)
            q.unit = code
            self.cents(q)  # "a dollar and 42 cents"
            return q
        if w in lex.indefinite_units:
            return Quantity(
                i, k + 1, Fraction(1), kind=NumberKind.MEASURE, unit=lex.measure_units[w], word=True
            )
        got = phrase_at(toks, k, lex.measure_units, lex, max_gap=1)
        if got is not None and word_at(toks, got[0]) == "and":
            end = got[0]
            part = word_at(toks, end + 2)
            if word_at(toks, end + 1) in ("a", "an") and part in ("half", "quarter"):
                value = Fraction(3, 2) if part == "half" else Fraction(5, 4)
                # "an hour and a half", "a mile and a quarter"
                return Quantity(i, end + 3, value, kind=NumberKind.MEASURE, unit=got[2], word=True)
        return None

    def unit_follows(self, j: int) -> bool:
        """Whether a percent sign, unit or currency follows at token ``j``."""
        if j >= len(self.tokens):
            return False
        probe = Quantity(j, j, Fraction(1))
        self.suffix(probe, joined=False)
        return probe.j != j

    def title_of_name(self, i: int, j: int) -> bool:
        """Whether the capitalised number word at ``i`` ends a name ("Formula One",
        "Air Force One"): a capitalised name before it and a lower-case word or the end of
        the sentence after it, so a title-case headline ("Buys Three Houses") still counts."""
        toks = self.tokens
        if not toks[i][TEXT][0].isupper() or i == 0 or gap(toks, i) != 1:
            return False
        prev = toks[i - 1]
        if prev[KIND] != "w" or not prev[TEXT][0].isupper() or prev[LOW] in self.lex.common:
            return False
        if j >= len(toks):
            return True
        nxt = toks[j]
        return nxt[KIND] == "s" or (nxt[KIND] == "w" and nxt[TEXT][0].islower())

    def currency_prefix(self, i: int) -> tuple[int, str] | None:
        toks = self.tokens
        lex = self.lex
        tok = toks[i]
        if tok[SKIPPED]:
            return None
        if tok[TEXT] in lex.currency_symbols:
            return i + 1, lex.currency_symbols[tok[TEXT]]
        if tok[KIND] != "w":
            return None
        if i + 1 < len(toks) and toks[i + 1][TEXT] == "$" and gap(toks, i + 1) <= 1:
            if tok[LOW] in lex.dollar_prefixes:
                if tok[LOW] in ("a", "s") and not glued(toks, i + 1) and tok[TEXT].islower():
                    return None  # "a $5 bill", "company ' s $5 offer"; "c $ 16.4m" is Canadian
                return i + 2, lex.dollar_prefixes[tok[LOW]]
            if tok[LOW] == "u" or tok[LOW] == "s":
                return None
        if tok[TEXT] in lex.currency_codes or (
            tok[TEXT].upper() in ("RS", "RM") and tok[TEXT][0].isupper()
        ):
            if i + 1 < len(toks) and toks[i + 1][TEXT] == "." and tok[LOW] == "rs":
                i += 1
            code = tok[TEXT] if tok[TEXT] in lex.currency_codes else lex.currency_words[tok[LOW]]
            return i + 1, code
        return None

    def quantity(self, i: int, *, clear_at_start: bool = False) -> Quantity | None:
        """The quantity starting at token ``i``, or None.

        ``clear_at_start`` says the caller already knows no clock time or date starts at
        ``i``, so that test is not repeated when the number itself starts there."""
        toks = self.tokens
        lex = self.lex
        start = i
        code: str | None = None
        # Only a word or a currency sign can open a currency prefix (digits never do).
        cur = (
            self.currency_prefix(i)
            if toks[i][KIND] == "w" or toks[i][TEXT] in lex.currency_symbols
            else None
        )
        k = i
        if cur is not None:
            k, code = cur
            if k >= len(toks) or gap(toks, k) > 1:
                return None
            if toks[k][KIND] == "w" and k + 1 < len(toks) and toks[k + 1][TEXT] == "$":
                return None
        negative = False
        tok = toks[k] if k < len(toks) else None
        if tok is None:
            return None
        if tok[TEXT] in _MINUS and k + 1 < len(toks) and toks[k + 1][KIND] == "n":
            before_ok = k == 0 or (
                gap(toks, k) > 0
                and toks[k - 1][KIND] != "n"
                and not (toks[k - 1][KIND] == "w" and glued(toks, k))
            )
            if before_ok and (glued(toks, k + 1) or k == 0):
                negative = True
                k += 1
                tok = toks[k]
        elif tok[LOW] in ("minus", "negative") and k + 1 < len(toks):
            negative = True
            k += 1
            tok = toks[k]
        if not (clear_at_start and k == i) and self.time_or_date(k):
            return None
        q: Quantity | None
        if tok[KIND] in ("n", "s") or tok[TEXT] in lex.vulgar:
            q = self.digits(k, money=code is not None)
        else:
            q = self.words(k)
        if q is None:
            return None
        if start < k:
            q.i = start  # a currency sign or a minus before the number
        if negative:
            q.value = -q.value
            q.plain = False
        if code is not None:
            q.kind = NumberKind.MONEY
            q.unit = code
            q.plain = False
            self.money_tail(q)
            self.cents(q)
            return q
        if (
            q.kind is NumberKind.ORDINAL
            and q.word
            and q.j == q.i + 1
            and toks[q.i][LOW] in lex.denominators
            and word_at(toks, q.j) == "of"
            and word_at(toks, q.j + 1) in ("a", "an")
            and self.unit_follows(q.j + 2)
        ):
            # "tenth of a gallon": a part of a unit, not a position
            q.kind, q.value = NumberKind.CARDINAL, Fraction(1, lex.denominators[toks[q.i][LOW]])
        if q.kind in (NumberKind.ORDINAL, NumberKind.YEAR):
            return q
        self.suffix(q)
        if q.kind is NumberKind.MEASURE:
            self.margin(q)
        return q

    def margin(self, q: Quantity) -> None:
        """ "12 mm ± 2 mm": a margin written after the unit, in the same unit, is part of
        the measurement."""
        toks = self.tokens
        k = q.j
        if k + 1 >= len(toks) or toks[k][TEXT] != "±" or gap(toks, k) > 1:
            return
        if gap(toks, k + 1) > 1 or toks[k + 1][KIND] != "n" or not self.unit_follows(k + 2):
            return
        rest = Quantity(k + 1, k + 2, Fraction(0))
        self.suffix(rest, joined=False)
        if rest.unit == q.unit:
            q.j = rest.j

    def cents(self, q: Quantity) -> None:
        """The minor part of "$20 and 43c", "thirteen dollars forty-five cents", "15 USD 50"."""
        toks = self.tokens
        if q.value.denominator != 1 or q.scale != 1:
            return
        k = q.j
        if k >= len(toks) or gap(toks, k) != 1:
            return
        joined = word_at(toks, k) in ("and", "&")
        if joined:
            k += 1
        if k >= len(toks) or gap(toks, k) != 1:
            return
        minor = self.digits(k, money=False) if toks[k][KIND] == "n" else self.words(k)
        if minor is None or minor.kind is not NumberKind.CARDINAL or minor.scale != 1:
            return
        if minor.value.denominator != 1 or not 0 < minor.value < 100:
            return
        tail = Quantity(minor.i, minor.j, minor.value)
        self.suffix(tail, joined=False)
        end = tail.j
        if tail.kind is NumberKind.MONEY:
            if tail.value * 100 >= 100 or tail.unit not in (q.unit, "USD"):
                return
            q.value += tail.value
        elif tail.kind is NumberKind.CARDINAL and (minor_end := self._minor_unit(end, q.unit)):
            q.value += minor.value / 100  # "20 ringgit and 43 sen"
            end = minor_end
        elif tail.kind is NumberKind.CARDINAL:
            after = toks[end] if end < len(toks) else None
            if (
                after is not None
                and (after[KIND] != "s" or after[TEXT] in "%$£€")
                and after[LOW] not in ("and", "&")
            ):
                return
            q.value += minor.value / 100
        else:
            return
        q.j = end

    def _minor_unit(self, j: int, unit: str | None) -> int:
        """The end of the hundredth unit of ``unit`` at ``j`` ("sen" after ringgit), or 0."""
        got = phrase_at(self.tokens, j, self.lex.currency_words, self.lex, max_gap=1)
        return got[0] if got is not None and got[2] == f"{unit}/100" else 0

    def money_tail(self, q: Quantity) -> None:
        """A currency code repeated after "$10" ("US$4.7 billion USD")."""
        got = phrase_at(self.tokens, q.j, self.lex.currency_codes_lower, self.lex, max_gap=1)
        if got is not None and got[2] == q.unit:
            q.j = got[0]

    def suffix(self, q: Quantity, *, joined: bool = True) -> None:
        """The percent sign, currency or unit after the number read into ``q``.  With
        ``joined`` a money amount takes its minor part ("$20 and 43c") and a measure its
        smaller parts ("5ft 10in"); those parts are read with ``joined`` off, so the reading
        never nests."""
        toks = self.tokens
        lex = self.lex
        j = q.j
        if j >= len(toks):
            return
        tok = toks[j]
        starts = _suffix_starts(lex)
        if (
            tok[LOW] not in starts.low
            and tok[TEXT] not in starts.text
            and not (len(tok[TEXT]) == 4 and tok[TEXT][0] == "M")
        ):
            return  # nothing below can start at this token: most words end here
        if toks[j][TEXT] == "%" and gap(toks, j) <= 1:
            q.kind, q.unit, q.j = NumberKind.PERCENT, "%", j + 1
            return
        if (
            q.plain
            and toks[j][TEXT] in ("'", "′")
            and glued(toks, j)
            and j + 2 < len(toks)
            and gap(toks, j + 1) <= 1
            and toks[j + 1][TEXT].isdigit()
            and int(toks[j + 1][TEXT]) < 12
            and toks[j + 2][TEXT] in ('"', "″", "”")
            and glued(toks, j + 2)
        ):
            # 5'10": feet and inches marks; a lone 5' may be a closing quote and is left alone
            q.kind, q.unit, q.j = NumberKind.MEASURE, "ft", j + 3
            q.value += Fraction(int(toks[j + 1][TEXT]), 12)
            return
        # "q.value < 1" on the numerator and denominator: a Fraction comparison costs more
        if (
            q.word
            and q.value.numerator < q.value.denominator
            and word_at(toks, j) in ("a", "an", "of")
        ):
            at = (
                j + 2 if word_at(toks, j) == "of" and word_at(toks, j + 1) in ("a", "an") else j + 1
            )
            if at == j + 1 and word_at(toks, j) == "of":
                return
            probe = Quantity(q.i, at, q.value)
            self.suffix(probe, joined=False)
            if probe.kind is NumberKind.MEASURE:  # "half an hour", "a quarter of an hour"
                q.kind, q.unit, q.j = probe.kind, probe.unit, probe.j
            return
        hyphen = toks[j][TEXT] in DASHES and glued(toks, j)
        at = j + 1 if hyphen else j
        if not hyphen:
            # A table whose phrases cannot start at this token is not looked up.
            got = phrase_at(toks, at, lex.point_words, lex) if tok[LOW] in starts.point else None
            if got is not None:
                q.kind, q.unit, q.j = NumberKind.PERCENT, "pp", got[0]
                return
            got = (
                phrase_at(toks, at, lex.percent_words, lex) if tok[LOW] in starts.percent else None
            )
            if got is not None and (
                got[1] not in ("pc", "percentage") or glued(toks, at) or got[1] == "percentage"
            ):
                q.kind, q.unit, q.j = NumberKind.PERCENT, "%", got[0]
                nxt = phrase_at(toks, q.j, lex.point_tail_words, lex)
                if nxt is not None:
                    q.unit, q.j = "pp", nxt[0]
                return
            money = (
                tok[LOW] in starts.money_low
                or tok[TEXT] in starts.money_text
                or (len(tok[TEXT]) == 4 and tok[TEXT][0] == "M")
            ) and self.currency_suffix(q, at)
            if money and q.kind is NumberKind.MEASURE:
                if joined:
                    self.compound(q)  # "2 pounds 4 ounces": "pounds" read as weight
                return
            if money:
                if joined:
                    self.cents(q)
                return
        elif self.currency_suffix(q, at):
            return  # "a 12-cent dividend", "a one-yen bid"
        if (
            not hyphen
            and word_at(toks, j) == "below"
            and word_at(toks, j + 1) == "zero"
            and q.kind is NumberKind.CARDINAL
        ):
            q.kind, q.unit, q.j, q.value = NumberKind.MEASURE, "°", j + 2, -q.value
            return  # "2 below zero": a temperature
        got = phrase_at(
            toks,
            at,
            lex.measure_units,
            lex,
            cased=lex.measure_units_cased,
            max_gap=0 if hyphen else 2,
        )
        if got is not None:
            end, key, symbol = got
            if key in ("h", "s", "b", "in", "min") and not glued(toks, at):
                return
            if (
                len(key) == 1
                and key.isupper()
                and end + 1 < len(toks)
                and toks[end][TEXT] in DASHES
                and glued(toks, end)
                and toks[end + 1][KIND] == "w"
            ):
                return  # "F-Series", "C-suite": a letter of a name, not a unit
            if (
                end + 1 < len(toks)
                and toks[end][TEXT] == "^"
                and glued(toks, end)
                and glued(toks, end + 1)
                and toks[end + 1][TEXT] in ("2", "3")
            ):
                symbol += toks[end + 1][TEXT]  # "4km^3"
                end += 2
            if end + 1 < len(toks) and toks[end][TEXT] == "/" and glued(toks, end):
                per = phrase_at(
                    toks, end + 1, lex.measure_units, lex, cased=lex.measure_units_cased, max_gap=0
                )
                if per is not None:  # "20 mg/kg", "30 kg/m3": a unit per another
                    symbol, end = f"{symbol}/{per[2]}", per[0]
                    if (
                        end + 1 < len(toks)
                        and toks[end][TEXT] == "^"
                        and glued(toks, end)
                        and glued(toks, end + 1)
                        and toks[end + 1][TEXT].isdigit()
                    ):
                        symbol, end = symbol + toks[end + 1][TEXT], end + 2
            q.kind, q.unit, q.j = NumberKind.MEASURE, symbol, end
            if symbol in UNIT_STEPS and joined:
                self.compound(q)
            if (
                end < len(toks)
                and toks[end][TEXT] in DASHES
                and word_at(toks, end + 1) == "old"
                and glued(toks, end)
            ):
                q.j = end + 2
            elif word_at(toks, end) in ("old",) and symbol in ("year", "month", "week", "day"):
                q.j = end + 1
            elif (
                word_at(toks, end) == "of"
                and word_at(toks, end + 1) == "age"
                and symbol in ("year", "month", "week", "day")
            ):
                q.j = end + 2  # "3 years of age", like "3 years old"
            if symbol == "°" and word_at(toks, q.j) == "below" and word_at(toks, q.j + 1) == "zero":
                q.value = -q.value
                q.j += 2

    def compound(self, q: Quantity) -> None:
        """ "5ft 10in", "2 km and 1 metre", "10 kms, 8 metres, 6 cm": one measure written in
        descending units of one dimension, valued in the first unit.  Each part must stay
        below one of the unit before it ("5 feet 13 inches" is two numbers)."""
        toks = self.tokens
        first = UNIT_STEPS[q.unit or ""]
        last = first
        k = q.j
        if (
            q.unit == "ft"
            and k + 1 < len(toks)
            and toks[k][TEXT] in DASHES
            and glued(toks, k)
            and glued(toks, k + 1)
        ):
            # "6-foot-5": the inches follow the feet after a hyphen, their unit left out
            rest = (
                self.digits(k + 1, money=False) if toks[k + 1][KIND] == "n" else self.words(k + 1)
            )
            if rest is not None and rest.kind is NumberKind.CARDINAL and 0 <= rest.value < 12:
                probe = Quantity(rest.i, rest.j, rest.value)
                self.suffix(probe, joined=False)
                if probe.unit in (None, "in"):
                    q.value += rest.value / 12
                    q.j = probe.j
                    return
        while True:
            k = q.j
            if word_at(toks, k) == "and" or (k < len(toks) and toks[k][TEXT] == ","):
                k += 1
                if word_at(toks, k) == "and":
                    k += 1
            if k >= len(toks) or gap(toks, k) != 1:
                return
            rest = self.digits(k, money=False) if toks[k][KIND] == "n" else self.words(k)
            if rest is None or rest.kind is not NumberKind.CARDINAL or rest.value < 0:
                return
            probe = Quantity(rest.i, rest.j, rest.value)
            self.suffix(probe, joined=False)
            prime = _PRIMES.get(toks[probe.j][TEXT]) if probe.j < len(toks) else None
            if probe.unit is None and prime is not None and glued(toks, probe.j):
                probe.unit, probe.j = prime, probe.j + 1  # "2 yd 7'", "6 ft 2\""
            step = UNIT_STEPS.get(probe.unit or "")
            if step is None or step[0] != last[0] or step[1] >= last[1]:
                return
            if probe.value * step[1] >= last[1]:
                return
            q.value += probe.value * step[1] / first[1]
            q.j = probe.j
            last = step

    def currency_suffix(self, q: Quantity, at: int) -> bool:
        toks = self.tokens
        lex = self.lex
        if at >= len(toks) or gap(toks, at) > 1:
            return False
        tok = toks[at]
        if (
            len(tok[TEXT]) == 4
            and tok[TEXT][0] == "M"
            and tok[TEXT][1:] in lex.currency_codes
            and not self.code_after(at + 1)
        ):
            q.kind, q.unit, q.j = NumberKind.MONEY, tok[TEXT][1:], at + 1
            q.value *= 10**6  # "48.5 MGBP": millions of pounds, the finance notation
            return True
        lower_code = tok[TEXT].islower() and tok[LOW] in lex.lowercase_currency_codes
        if (tok[TEXT] in lex.currency_codes or lower_code) and not self.code_after(at + 1):
            code = tok[TEXT].upper()
            q.kind, q.unit, q.j = NumberKind.MONEY, "CNY" if code == "RMB" else code, at + 1
            if (
                at + 1 < len(toks)
                and word_at(toks, at + 1) in lex.scales
                and not glued(toks, at + 1)
            ):
                scale = lex.scales[toks[at + 1][LOW]]
                q.value *= scale
                q.j = at + 2
            return True
        if (
            tok[LOW] in lex.dollar_prefixes
            and at + 1 < len(toks)
            and toks[at + 1][TEXT] == "$"
            and glued(toks, at + 1)
            and tok[TEXT].isupper()
        ):
            q.kind, q.unit, q.j = NumberKind.MONEY, lex.dollar_prefixes[tok[LOW]], at + 2
            return True
        if tok[TEXT] in lex.currency_symbols and glued(toks, at) and not self.code_after(at + 1):
            q.kind, q.unit, q.j = NumberKind.MONEY, lex.currency_symbols[tok[TEXT]], at + 1
            return True
        if (
            glued(toks, at)
            and tok[TEXT] in ("p", "c")
            and not self.code_after(at + 1)
            and not q.word
        ):
            q.kind, q.unit, q.j = NumberKind.MONEY, "GBP" if tok[TEXT] == "p" else "USD", at + 1
            q.value /= 100
            return True
        got = (
            phrase_at(toks, at, lex.currency_words, lex)
            if tok[LOW] in _suffix_starts(lex).currency
            else None
        )
        # "5 won" may be the verb and "2 real" the adjective: such words need to be glued on
        # ("5won") or to follow a scale word ("1.5 trillion won")
        spaced_word = got is not None and got[1] in lex.word_like_currency_words
        if got is None or (spaced_word and not glued(toks, at) and q.scale == 1):
            return False  # "5 won" may be a verb; "1.5 trillion won" is money
        end, _key, code = got
        if code.endswith("?"):
            if q.scale == 1 and word_at(toks, end) != "sterling" and not self._pence(end):
                q.kind, q.unit, q.j = NumberKind.MEASURE, "lb", end
                return True
            code = code[:-1]
        if "/" in code:
            code, minor = code.split("/")
            q.value /= int(minor)
        q.kind, q.unit, q.j = NumberKind.MONEY, code, end
        return True

    def _pence(self, k: int) -> bool:
        """Whether pence follow "pounds" at ``k`` ("two pounds fifty", "£3 10p"), so the pounds
        are money, not weight: a number below a hundred, then the end of the clause."""
        toks = self.tokens
        if k >= len(toks) or gap(toks, k) != 1:
            return False
        minor = self.digits(k, money=False) if toks[k][KIND] == "n" else self.words(k)
        if minor is None or minor.kind is not NumberKind.CARDINAL or minor.scale != 1:
            return False
        if minor.value.denominator != 1 or not 0 < minor.value < 100:
            return False
        after = toks[minor.j] if minor.j < len(toks) else None
        return after is None or after[KIND] == "s" or after[LOW] in ("pence", "p")

    def time_or_date(self, i: int) -> bool:
        return (
            time_at(self.tokens, i, self.lex) is not None
            or date_at(self.tokens, i, self.lex, self.ctx.page_year) is not None
        )
