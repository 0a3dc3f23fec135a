"""The walk over one part's tokens that turns them into :class:`~newsparse.Number` findings.

At each token the parser tries, in order: a date, a clock time, a fiscal year or a score,
a range ("between 3 and 5", "10-15", "£15-£95"), then a single quantity (currency before,
sign, digits or words, scale, then percent / currency / unit after).  The first that
matches is emitted and the walk resumes after it, so every token is looked at a bounded
number of times and the whole pass is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

import attrs

from newsparse import Number, NumberKind, Part, Span

from .dates import date_at, time_at
from .lexicon import Lexicon
from .scan import Token, tokenize
from .units import phrase_at
from .values import as_fraction, exact, parse_digits
from .words import read_words

__all__ = ["Context", "page_context", "parse_part"]

_DASHES = frozenset({"-", "‐", "‑", "–", "—"})
_RANGE_DASHES = frozenset({"-", "–", "—", "~"})
_MINUS = frozenset({"-", "−"})
_OPENERS = frozenset({"(", "[", "{", '"', "'", "“", "‘", "/", ",", ":", ";", "=", "<", ">"})


@attrs.frozen
class Context:
    """What the parser knows about the page as a whole."""

    lex: Lexicon
    page_year: int | None = None
    decimal_comma: bool = False


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


def _glued(tokens: list[Token], k: int) -> bool:
    return 0 < k < len(tokens) and tokens[k].start == tokens[k - 1].end


def _gap(tokens: list[Token], k: int) -> int:
    if k <= 0 or k >= len(tokens):
        return 10**9
    return tokens[k].start - tokens[k - 1].end


def _word(tokens: list[Token], k: int) -> str | None:
    if 0 <= k < len(tokens) and tokens[k].kind == "w":
        return tokens[k].low
    return None


class _Walker:
    def __init__(self, text: str, part: Part, span: Span, ctx: Context) -> None:
        self.text = text
        self.part = part
        self.ctx = ctx
        self.lex = ctx.lex
        self.tokens = tokenize(text, span.start, span.end)
        self.start = span.start

    # ------------------------------------------------------------------ helpers
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
        start, end = toks[i].start, toks[j - 1].end
        approx = self.qualifier(i if approx_at is None else approx_at)
        noun = (
            self.noun(j)
            if kind in (NumberKind.CARDINAL, NumberKind.ORDINAL)
            or (kind is NumberKind.RANGE and unit is None)
            else None
        )
        return Number(
            text=self.text[start:end],
            span=Span(start, end),
            value=None if value is None else exact(value),
            kind=kind,
            unit=unit,
            approx=approx,
            low=None if low is None else exact(low),
            high=None if high is None else exact(high),
            norm=norm,
            noun=noun,
            part=self.part,
        )

    def qualifier(self, i: int) -> str | None:
        toks = self.tokens
        best: str | None = None
        words: list[str] = []
        k = i - 1
        while k >= 0 and len(words) < 4:
            tok = toks[k]
            if tok.kind == "n" or tok.text in (",", ";", ":", "(", ")"):
                break
            words.insert(0, tok.low)
            phrase = " ".join(words)
            if phrase in self.lex.qualifiers or phrase.replace(" .", ".") in self.lex.qualifiers:
                best = self.text[tok.start : toks[i - 1].end].lower()
            k -= 1
        return best

    def noun(self, j: int) -> str | None:
        toks = self.tokens
        k = j
        if k < len(toks) and toks[k].text in _DASHES and _glued(toks, k):
            k += 1
        elif k < len(toks) and toks[k].low == "of":
            k += 1
            while _word(toks, k) in (
                "the",
                "these",
                "those",
                "its",
                "their",
                "his",
                "her",
                "our",
                "them",
            ):
                k += 1
        w = _word(toks, k)
        if w is None or w in self.lex.noun_stop or w in self.lex.cardinals:
            return None
        if toks[k].text[0].isupper() and k != j:
            return None
        return toks[k].text

    # ------------------------------------------------------------------ cores
    def code_before(self, i: int) -> bool:
        """Whether the digits at ``i`` continue a name or code ("A38", "COVID-19", "Boeing 737")."""
        toks = self.tokens
        lex = self.lex
        tok = toks[i]
        if i > 0 and _glued(toks, i):
            prev = toks[i - 1]
            if prev.kind == "n":
                return True
            if prev.kind == "w":
                return not (prev.text in lex.currency_codes or prev.text in ("Rs", "RM"))
            if prev.text in _DASHES and i > 1 and _glued(toks, i - 1):
                before = toks[i - 2]
                if before.kind == "w" and any(c.isupper() for c in before.text):
                    return True
            if prev.text == "/" and i > 1 and _glued(toks, i - 1) and toks[i - 2].kind == "n":
                return True  # the second half of "24/7" or "9/11"
        if i > 1 and toks[i - 1].text == "." and toks[i - 2].text == "No":
            return True
        if i == 0 or toks[i - 1].kind != "w" or _gap(toks, i) != 1:
            return False
        prev = toks[i - 1]
        low = prev.low
        if prev.text in lex.currency_codes or low in lex.currency_words:
            return False
        if low in lex.identifier_words and (low != "no" or prev.text == "No"):
            return True
        if any(c.isupper() for c in prev.text[1:]) and not prev.text.isupper():
            return True  # iPhone 15, PlayStation 5
        if not tok.text.isdigit() or low in lex.common or low in lex.months:
            return False
        if prev.text.isupper() and len(prev.text) >= 2:
            return True  # FTSE 100
        year = len(tok.text) == 4 and 1100 <= int(tok.text) <= 2199
        return len(tok.text) >= 3 and prev.text[0].isupper() and not year  # Boeing 737

    def code_after(self, j: int) -> bool:
        """Whether the token at ``j`` glues letters or digits onto the number as a code."""
        toks = self.tokens
        return j < len(toks) and _glued(toks, j) and toks[j].kind in ("w", "n")

    def digits(self, i: int, money: bool) -> Quantity | None:
        toks = self.tokens
        tok = toks[i]
        lex = self.lex
        if tok.text in lex.vulgar:
            a, b = lex.vulgar[tok.text]
            return Quantity(i, i + 1, Fraction(a, b))
        if tok.kind != "n" or tok.skip or self.code_before(i):
            return None
        raw = parse_digits(tok.text, decimal_comma=self.ctx.decimal_comma)
        if raw is None:
            return None
        value = as_fraction(raw)
        plain = tok.text.isdigit()
        j = i + 1
        q = Quantity(i, j, value, plain=plain)
        if j < len(toks) and _glued(toks, j) and toks[j].text in lex.vulgar:
            a, b = lex.vulgar[toks[j].text]
            q.value += Fraction(a, b)
            q.j = j + 1
            q.plain = False
            return q
        if (
            plain
            and j + 1 < len(toks)
            and toks[j].text == "/"
            and _glued(toks, j)
            and _glued(toks, j + 1)
            and toks[j + 1].kind == "n"
            and toks[j + 1].text.isdigit()
        ):
            num, den = int(tok.text), int(toks[j + 1].text)
            chained = j + 2 < len(toks) and toks[j + 2].text == "/" and _glued(toks, j + 2)
            if chained or not 0 < num < den or (num != 1 and den not in _DENOMINATORS):
                return None  # a date, a name or a code: "9/11", "24/7", "5/17/2018"
            q.value = Fraction(num, den)
            q.j = j + 2
            q.plain = False
            return q
        if (
            plain
            and j + 2 < len(toks)
            and _gap(toks, j) == 1
            and toks[j].kind == "n"
            and toks[j + 1].text == "/"
            and _glued(toks, j + 1)
            and _glued(toks, j + 2)
            and toks[j + 2].text.isdigit()
            and toks[j].text.isdigit()
            and int(toks[j + 2].text) > int(toks[j].text) > 0
        ):
            q.value += Fraction(int(toks[j].text), int(toks[j + 2].text))
            q.j = j + 3
            q.plain = False
            return q
        if j < len(toks) and _glued(toks, j) and toks[j].low in lex.ordinal_suffixes:
            if plain and not self.code_after(j + 1):
                q.j = j + 1
                q.kind = NumberKind.ORDINAL
                return q
            return None
        if (
            plain
            and j < len(toks)
            and _glued(toks, j)
            and toks[j].text == "s"
            and len(tok.text) == 4
            and tok.text.endswith("0")
            and not self.code_after(j + 1)
        ):
            q.j = j + 1
            q.kind = NumberKind.YEAR
            q.norm = tok.text + "s"
            return q
        self.power(q)
        self.scale(q, money)
        self.lower_groups(q)
        return q

    def lower_groups(self, q: Quantity) -> None:
        """ "4 thousand 3 hundred", "3 hundred and 21": digits with scale words, continued."""
        toks = self.tokens
        if q.scale not in (100, 1000) or q.value.denominator != 1:
            return
        k = q.j
        if _word(toks, k) == "and":
            k += 1
        if k >= len(toks) or _gap(toks, k) != 1:
            return
        if toks[k].kind == "n":
            if not toks[k].text.isdigit() or self.code_after(k + 1):
                return
            rest = Quantity(k, k + 1, Fraction(int(toks[k].text)))
            self.scale(rest, money=False)
        else:
            got = read_words(toks, k, self.lex)
            if got is None or got.ordinal or got.fraction:
                return
            rest = Quantity(k, got.end, got.value, scale=1000 if got.value >= 1000 else 1)
        if rest.scale >= q.scale or rest.value >= q.scale or rest.value <= 0:
            return
        q.value += rest.value
        q.j = rest.j

    def power(self, q: Quantity) -> None:
        """Scientific forms glued to the digits: "6.23x10^-4", "2500^-1"."""
        toks = self.tokens
        j = q.j
        if (
            j + 2 < len(toks)
            and toks[j].low in ("x", "×")
            and _glued(toks, j)
            and _glued(toks, j + 1)
            and toks[j + 1].text == "10"
            and toks[j + 2].text == "^"
            and _glued(toks, j + 2)
        ):
            base, k = Fraction(10), j + 3
            mult = q.value
        elif j < len(toks) and toks[j].text == "^" and _glued(toks, j):
            base, k = q.value, j + 1
            mult = Fraction(1)
        else:
            return
        sign = 1
        if k < len(toks) and toks[k].text in _MINUS and _glued(toks, k):
            sign, k = -1, k + 1
        if k >= len(toks) or not _glued(toks, k) or not toks[k].text.isdigit():
            return
        exponent = int(toks[k].text[:4]) * sign
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
        if _glued(toks, j):
            if tok.kind != "w":
                return
            if tok.text in lex.suffix_scales:
                if tok.text == "m" and not (
                    money or self._currency_follows(j + 1) or self._counted_follows(j + 1)
                ):
                    return
                letter = tok.text in ("b", "B", "G") and not money
                if letter and not self._currency_follows(j + 1) and q.plain:
                    return
                if tok.text == "K" and q.value.denominator != 1 and not money:
                    return
                if self.code_after(j + 1):
                    return
                q.value *= lex.suffix_scales[tok.text]
                q.scale = lex.suffix_scales[tok.text]
                q.j = j + 1
                q.plain = False
            elif tok.low in lex.scales and tok.low not in lex.vague_scales:
                q.value *= lex.scales[tok.low]
                q.scale = lex.scales[tok.low]
                q.j = j + 1
                q.plain = False
            return
        if _gap(toks, j) > 2 or tok.kind != "w":
            return
        if tok.low in lex.scales and (tok.low not in lex.vague_scales or tok.low == "dozens"):
            q.value *= lex.scales[tok.low]
            q.scale = lex.scales[tok.low]
            q.j = j + 1
            q.plain = False
            nxt = _word(toks, j + 1)
            if nxt in lex.scales and nxt not in lex.vague_scales and lex.scales[nxt] > q.scale:
                q.value *= lex.scales[nxt]
                q.scale *= lex.scales[nxt]
                q.j = j + 2
        elif tok.text in ("K", "M", "B", "k") and money and not self.code_after(j + 1):
            q.value *= lex.suffix_scales[tok.text]
            q.scale = lex.suffix_scales[tok.text]
            q.j = j + 1
            q.plain = False

    def ratio(self, j: int) -> int:
        """The end of "in four" / "out of ten" at ``j`` ("one in four" is a ratio), or 0."""
        toks = self.tokens
        if _word(toks, j) not in ("in", "out"):
            return 0
        k = j + 1
        if _word(toks, j) == "out" and _word(toks, k) == "of":
            k += 1
        if k < len(toks) and _gap(toks, k) == 1:
            if (
                toks[k].kind == "n"
                and toks[k].text.isdigit()
                and len(toks[k].text) <= 3
                and not self.code_after(k + 1)
            ):
                nxt = _word(toks, k + 1)
                if nxt is None or nxt in self.lex.noun_stop or nxt.endswith("s"):
                    return k + 1
                return 0
            w = _word(toks, k)
            if w is not None and w in self.lex.cardinals and w != "one":
                den = read_words(toks, k, self.lex)
                return den.end if den is not None else k + 1
        return 0

    def counter(self, q: Quantity) -> int:
        """The end of a gallery counter "3 of 10" that starts a line, or 0."""
        toks = self.tokens
        i, k = q.i, q.j
        if not q.plain or _word(toks, k) != "of" or k + 1 >= len(toks):
            return 0
        start = toks[i].start
        if i > 0 and "\n" not in self.text[toks[i - 1].end : start] and start != self.start:
            return 0
        den = toks[k + 1]
        if den.kind == "n" and den.text.isdigit() and int(den.text) >= q.value:
            return k + 2
        return 0

    def _counted_follows(self, j: int) -> bool:
        """Whether a plural noun follows at ``j``, so a glued "m" is millions ("1.2m people")."""
        toks = self.tokens
        w = _word(toks, j)
        if w is None or _gap(toks, j) != 1 or w in self.lex.noun_stop:
            return False
        return w in _PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))

    def _currency_follows(self, j: int) -> bool:
        toks = self.tokens
        if j >= len(toks):
            return False
        if toks[j].text in self.lex.currency_codes or toks[j].text in self.lex.currency_symbols:
            return True
        got = phrase_at(toks, j, self.lex.currency_words, self.lex)
        return got is not None and not got[2].endswith("?")

    def words(self, i: int) -> Quantity | None:
        toks = self.tokens
        lex = self.lex
        w = toks[i].low
        got = read_words(toks, i, lex)
        if got is None:
            return None
        prev = _word(toks, i - 1)
        nxt_tok = toks[got.end] if got.end < len(toks) else None
        nxt = _word(toks, got.end)
        single = got.end == i + 1
        if single and w == "one":
            if prev in lex.pronoun_one_before or nxt in lex.pronoun_one_after:
                return None
            if nxt_tok is not None and nxt_tok.text in _DASHES and _glued(toks, got.end):
                return None
            after = toks[got.end + 1].low if got.end + 1 < len(toks) else ""
            if nxt is not None and not nxt.endswith("s") and after in _INDEFINITE_ONE:
                return None  # "One neighbour, who asked not to be named": "a neighbour"
        if single and w in ("half", "quarter"):
            if prev in lex.half_not_after or (w == "quarter" and prev not in lex.qualifiers):
                return None
            if nxt_tok is not None and nxt_tok.text in _DASHES and w == "quarter":
                return None
            if nxt in ("time", "term", "year", "century", "way", "hearted", "brother", "sister"):
                return None
        if single and w == "second":
            if prev in lex.second_not_after or nxt in lex.second_not_before:
                return None
            if (
                nxt_tok is not None
                and nxt_tok.text in _DASHES
                and _word(toks, got.end + 1) == "hand"
            ):
                return None
        if single and w == "first" and nxt in ("class", "aid", "lady", "hand"):
            return None
        if single and w in lex.scales and w not in ("hundred", "thousand", "dozen"):
            return None
        kind = NumberKind.ORDINAL if got.ordinal else NumberKind.CARDINAL
        if got.fraction and got.ordinal:
            kind = NumberKind.CARDINAL
        return Quantity(
            i, got.end, got.value, kind=kind, word=True, scale=10**6 if got.scaled else 1
        )

    # ------------------------------------------------------------------ quantity
    def currency_prefix(self, i: int) -> tuple[int, str] | None:
        toks = self.tokens
        lex = self.lex
        tok = toks[i]
        if tok.skip:
            return None
        if tok.text in lex.currency_symbols:
            return i + 1, lex.currency_symbols[tok.text]
        if tok.kind != "w":
            return None
        if i + 1 < len(toks) and toks[i + 1].text == "$" and _gap(toks, i + 1) <= 1:
            if tok.low in lex.dollar_prefixes:
                if (
                    tok.low in ("a", "s", "r", "c")
                    and not _glued(toks, i + 1)
                    and tok.text.islower()
                ):
                    return None
                return i + 2, lex.dollar_prefixes[tok.low]
            if tok.low == "u" or tok.low == "s":
                return None
        if tok.text in lex.currency_codes or (
            tok.text.upper() in ("RS", "RM") and tok.text[0].isupper()
        ):
            if i + 1 < len(toks) and toks[i + 1].text == "." and tok.low == "rs":
                i += 1
            code = tok.text if tok.text in lex.currency_codes else lex.currency_words[tok.low]
            return i + 1, code
        return None

    def quantity(self, i: int) -> Quantity | None:
        toks = self.tokens
        lex = self.lex
        start = i
        code: str | None = None
        cur = self.currency_prefix(i)
        k = i
        if cur is not None:
            k, code = cur
            if k >= len(toks) or _gap(toks, k) > 1:
                return None
            if toks[k].kind == "w" and k + 1 < len(toks) and toks[k + 1].text == "$":
                return None
        negative = False
        tok = toks[k] if k < len(toks) else None
        if tok is None:
            return None
        if tok.text in _MINUS and k + 1 < len(toks) and toks[k + 1].kind == "n":
            before_ok = k == 0 or (
                _gap(toks, k) > 0
                and toks[k - 1].kind != "n"
                and not (toks[k - 1].kind == "w" and _glued(toks, k))
            )
            if before_ok and (_glued(toks, k + 1) or k == 0):
                negative = True
                k += 1
                tok = toks[k]
        elif tok.low in ("minus", "negative") and k + 1 < len(toks):
            negative = True
            k += 1
            tok = toks[k]
        if self.time_or_date(k):
            return None
        q: Quantity | None
        if tok.kind in ("n", "s") or tok.text in lex.vulgar:
            q = self.digits(k, money=code is not None)
        else:
            q = self.words(k)
        if q is None:
            return None
        q.i = start
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
        if q.kind in (NumberKind.ORDINAL, NumberKind.YEAR):
            return q
        self.suffix(q)
        return q

    def cents(self, q: Quantity) -> None:
        """The minor part of "$20 and 43c", "thirteen dollars forty-five cents", "15 USD 50"."""
        toks = self.tokens
        if q.value.denominator != 1 or q.scale != 1:
            return
        k = q.j
        if k >= len(toks) or _gap(toks, k) != 1:
            return
        joined = _word(toks, k) in ("and", "&")
        if joined:
            k += 1
        if k >= len(toks) or _gap(toks, k) != 1:
            return
        minor = self.digits(k, money=False) if toks[k].kind == "n" else self.words(k)
        if minor is None or minor.kind is not NumberKind.CARDINAL or minor.scale != 1:
            return
        if minor.value.denominator != 1 or not 0 < minor.value < 100:
            return
        tail = Quantity(minor.i, minor.j, minor.value)
        self.suffix(tail)
        end = tail.j
        if tail.kind is NumberKind.MONEY:
            if tail.value * 100 >= 100 or tail.unit not in (q.unit, "USD"):
                return
            q.value += tail.value
        elif tail.kind is NumberKind.CARDINAL:
            after = toks[end] if end < len(toks) else None
            if (
                after is not None
                and (after.kind != "s" or after.text in "%$£€")
                and after.low not in ("and", "&")
            ):
                return
            q.value += minor.value / 100
        else:
            return
        q.j = end

    def money_tail(self, q: Quantity) -> None:
        """A currency code repeated after "$10" ("US$4.7 billion USD")."""
        got = phrase_at(self.tokens, q.j, self.lex.currency_codes_lower, self.lex, max_gap=1)
        if got is not None and got[2] == q.unit:
            q.j = got[0]

    def suffix(self, q: Quantity) -> None:
        toks = self.tokens
        lex = self.lex
        j = q.j
        if j >= len(toks):
            return
        if toks[j].text == "%" and _gap(toks, j) <= 1:
            q.kind, q.unit, q.j = NumberKind.PERCENT, "%", j + 1
            return
        if q.word and q.value < 1 and _word(toks, j) in ("a", "an"):
            probe = Quantity(q.i, j + 1, q.value)
            self.suffix(probe)
            if probe.kind is NumberKind.MEASURE:  # "half an hour"
                q.kind, q.unit, q.j = probe.kind, probe.unit, probe.j
            return
        hyphen = toks[j].text in _DASHES and _glued(toks, j)
        at = j + 1 if hyphen else j
        if not hyphen:
            got = phrase_at(toks, at, _POINTS, lex)
            if got is not None:
                q.kind, q.unit, q.j = NumberKind.PERCENT, "pp", got[0]
                return
            got = phrase_at(toks, at, lex.percent_words, lex)
            if got is not None and (
                got[1] not in ("pc", "percentage") or _glued(toks, at) or got[1] == "percentage"
            ):
                q.kind, q.unit, q.j = NumberKind.PERCENT, "%", got[0]
                nxt = phrase_at(toks, q.j, _POINTS_TAIL, lex)
                if nxt is not None:
                    q.unit, q.j = "pp", nxt[0]
                return
            money = self.currency_suffix(q, at)
            if money:
                self.cents(q)
                return
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
            if key in ("h", "s", "b", "in", "min") and not _glued(toks, at):
                return
            q.kind, q.unit, q.j = NumberKind.MEASURE, symbol, end
            if symbol == "ft":
                self.inches(q)
            if (
                end < len(toks)
                and toks[end].text in _DASHES
                and _word(toks, end + 1) == "old"
                and _glued(toks, end)
            ):
                q.j = end + 2
            elif _word(toks, end) in ("old",) and symbol in ("year", "month", "week", "day"):
                q.j = end + 1
            if symbol == "°" and _word(toks, q.j) == "below" and _word(toks, q.j + 1) == "zero":
                q.value = -q.value
                q.j += 2

    def inches(self, q: Quantity) -> None:
        """ "5ft 10in", "5 feet 2 inches": one height, in feet."""
        toks = self.tokens
        k = q.j
        if _word(toks, k) == "and" or (k < len(toks) and toks[k].text == ","):
            k += 1
        if k >= len(toks) or _gap(toks, k) != 1:
            return
        rest = self.digits(k, money=False) if toks[k].kind == "n" else self.words(k)
        if rest is None or rest.kind is not NumberKind.CARDINAL or not 0 <= rest.value < 12:
            return
        probe = Quantity(rest.i, rest.j, rest.value)
        self.suffix(probe)
        if probe.unit != "in":
            return
        q.value += rest.value / 12
        q.j = probe.j

    def currency_suffix(self, q: Quantity, at: int) -> bool:
        toks = self.tokens
        lex = self.lex
        if at >= len(toks) or _gap(toks, at) > 1:
            return False
        tok = toks[at]
        lower_code = tok.text.islower() and tok.low in _LOWER_CODES
        if (tok.text in lex.currency_codes or lower_code) and not self.code_after(at + 1):
            code = tok.text.upper()
            q.kind, q.unit, q.j = NumberKind.MONEY, "CNY" if code == "RMB" else code, at + 1
            if (
                at + 1 < len(toks)
                and _word(toks, at + 1) in lex.scales
                and not _glued(toks, at + 1)
            ):
                scale = lex.scales[toks[at + 1].low]
                q.value *= scale
                q.j = at + 2
            return True
        if (
            tok.low in lex.dollar_prefixes
            and at + 1 < len(toks)
            and toks[at + 1].text == "$"
            and _glued(toks, at + 1)
            and tok.text.isupper()
        ):
            q.kind, q.unit, q.j = NumberKind.MONEY, lex.dollar_prefixes[tok.low], at + 2
            return True
        if tok.text in lex.currency_symbols and _glued(toks, at) and not self.code_after(at + 1):
            q.kind, q.unit, q.j = NumberKind.MONEY, lex.currency_symbols[tok.text], at + 1
            return True
        if (
            _glued(toks, at)
            and tok.text in ("p", "c")
            and not self.code_after(at + 1)
            and not q.word
        ):
            q.kind, q.unit, q.j = NumberKind.MONEY, "GBP" if tok.text == "p" else "USD", at + 1
            q.value /= 100
            return True
        got = phrase_at(toks, at, lex.currency_words, lex)
        spaced_word = got is not None and got[1] in ("sen", "real", "won", "rand", "dong")
        if got is None or (spaced_word and not _glued(toks, at)):
            return False
        end, _key, code = got
        if code.endswith("?"):
            if q.scale == 1 and _word(toks, end) != "sterling":
                q.kind, q.unit, q.j = NumberKind.MEASURE, "lb", end
                return True
            code = code[:-1]
        if "/" in code:
            code, minor = code.split("/")
            q.value /= int(minor)
        q.kind, q.unit, q.j = NumberKind.MONEY, code, end
        return True

    # ------------------------------------------------------------------ special forms
    def time_or_date(self, i: int) -> bool:
        return (
            time_at(self.tokens, i, self.lex) is not None
            or date_at(self.tokens, i, self.lex, self.ctx.page_year) is not None
        )

    def pair(self, i: int) -> Number | tuple[int, Number] | None:
        """Scores ("21-7", "248-6") and fiscal years ("2025/26") at digit token ``i``."""
        toks = self.tokens
        if i + 2 >= len(toks) or toks[i].kind != "n" or not toks[i].text.isdigit():
            return None
        sep = toks[i + 1].text
        b_tok = toks[i + 2]
        if not (
            _glued(toks, i + 1)
            and _glued(toks, i + 2)
            and b_tok.kind == "n"
            and b_tok.text.isdigit()
        ):
            return None
        if (_glued(toks, i) and self.code_before(i)) or self.code_after(i + 3):
            return None
        a, b = int(toks[i].text), int(b_tok.text)
        if (
            len(toks[i].text) == 4
            and 1100 <= a <= 2199
            and len(b_tok.text) == 2
            and sep in ("/", "-", "–")
            and (a + 1) % 100 == b
        ):
            return self.number(i, i + 3, Fraction(a), NumberKind.YEAR, norm=f"{a}/{b_tok.text}")
        if sep not in ("-", "–") or len(toks[i].text) > 3 or len(b_tok.text) > 3:
            return None
        if i + 3 < len(toks) and toks[i + 3].text in ("-", "–", "/") and _glued(toks, i + 3):
            return None
        context = {w for k in range(max(0, i - 3), i) if (w := _word(toks, k)) is not None}
        after = self.suffix_kind(i + 3)
        scorey = bool(context & self.lex.score_words)
        prev = toks[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.kind == "w"
            and prev.text[0].isupper()
            and prev.low not in self.lex.common
        ):
            scorey = True
        if after:
            return None
        if a >= b or scorey:
            if not scorey and a > b and _word(toks, i - 1) in ("between", "from", "aged", "ages"):
                return None
            return self.number(i, i + 3, None, NumberKind.SCORE, norm=f"{a}-{b}")
        return None

    def suffix_kind(self, j: int) -> bool:
        """Whether a unit, percent or scale follows at ``j`` (so a pair is a range, not a score)."""
        toks = self.tokens
        if j >= len(toks):
            return False
        if toks[j].text == "%":
            return True
        probe = Quantity(0, j, Fraction(1))
        self.suffix(probe)
        if probe.j != j:
            return True
        w = _word(toks, j)
        return w is not None and w in self.lex.scales

    def range_from(self, i: int) -> tuple[int, Number] | None:
        """ "between 3 and 5", "from 10 to 20 billion" at a "between"/"from" token."""
        toks = self.tokens
        w = toks[i].low
        if i > 0 and (_word(toks, i - 1) in self.lex.change_verbs):
            return None
        q1 = self.quantity(i + 1) if i + 1 < len(toks) and _gap(toks, i + 1) == 1 else None
        if q1 is None:
            return None
        k = q1.j
        conn = toks[k].low if k < len(toks) else ""
        if w == "between" and conn not in ("and", "-", "–"):
            return None
        if w == "from" and conn not in ("to", "-", "–"):
            return None
        return self.range_rest(i, q1, k + 1)

    def range_rest(self, i: int, q1: Quantity, k: int) -> tuple[int, Number] | None:
        toks = self.tokens
        if k >= len(toks):
            return None
        if toks[k].text == "~" or _word(toks, k) in ("about", "around"):
            k += 1
        if k < len(toks) and toks[k].low == "to" and toks[k - 1].text in _DASHES:
            k += 1
        if k >= len(toks) or _gap(toks, k) > 1:
            return None
        q2 = self.quantity(k)
        if (
            q2 is None
            or q2.kind in (NumberKind.ORDINAL, NumberKind.YEAR)
            or q1.kind in (NumberKind.ORDINAL, NumberKind.YEAR)
        ):
            return None
        if q1.kind != NumberKind.CARDINAL and (q1.kind != q2.kind or q1.unit != q2.unit):
            return None
        low = q1.value
        if q1.kind == NumberKind.CARDINAL and q1.scale == 1 and q2.scale > 1:
            low = q1.value * q2.scale  # "10 to 20 billion": the scale is shared
        if low > q2.value and q2.value >= 0:
            return None  # "from 10 to 6.5" is a fall, not a range
        unit = q2.unit
        num = self.number(
            i, q2.j, None, NumberKind.RANGE, unit=unit, low=low, high=q2.value, approx_at=i
        )
        return q2.j, num

    # ------------------------------------------------------------------ walk
    def walk(self) -> Iterator[Number]:
        toks = self.tokens
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if tok.skip:
                i += 1
                continue
            got = self.step(i)
            if got is None:
                i += 1
                continue
            j, numbers = got
            yield from numbers
            i = max(j, i + 1)

    def step(self, i: int) -> tuple[int, list[Number]] | None:
        toks = self.tokens
        tok = toks[i]
        lex = self.lex
        if tok.kind == "w" or tok.kind == "n":
            got = date_at(toks, i, lex, self.ctx.page_year)
            if got is not None and not (tok.kind == "n" and self.code_before(i)):
                j, norm = got
                return j, [self.number(i, j, None, NumberKind.DATE, norm=norm)]
        if tok.kind == "n":
            got = time_at(toks, i, lex)
            if got is not None and not self.code_before(i):
                j, norm = got
                return j, [self.number(i, j, None, NumberKind.TIME, norm=norm)]
            pair = self.pair(i)
            if pair is not None and isinstance(pair, Number):
                return i + 3, [pair]
        if tok.kind == "w" or tok.text in ("'", "’"):
            special = self.position(i) or self.decade(i)
            if special is not None:
                return special[0], [special[1]] if special[1] is not None else []
        if tok.kind == "w" and tok.low in ("between", "from"):
            ranged = self.range_from(i)
            if ranged is not None:
                return ranged[0], [ranged[1]]
            return None
        q = self.quantity(i)
        if q is None:
            return None
        if q.kind == NumberKind.CARDINAL and q.value.denominator == 1:
            skip = self.ratio(q.j) or self.counter(q)
            if skip:
                return skip, []
        out: list[Number] = []
        k = q.j
        if k < len(toks) and q.kind not in (NumberKind.ORDINAL, NumberKind.YEAR):
            conn = toks[k]
            ranged = None
            if (conn.text in _RANGE_DASHES and _gap(toks, k) <= 1 and not q.word) or (
                conn.low == "to" and _gap(toks, k) == 1 and self._not_change(q.i)
            ):
                ranged = self.range_rest(q.i, q, k + 1)
            if ranged is not None:
                return ranged[0], [ranged[1]]
        over = self.over(q)
        if over is not None:
            return over.j, [self.number(over.i, over.j, over.value, NumberKind.CARDINAL)]
        kind = q.kind
        if (
            kind == NumberKind.CARDINAL
            and q.plain
            and len(toks[q.i].text) == 4
            and q.value.denominator == 1
            and 1100 <= q.value <= 2199
            and not self.code_after(q.j)
        ):
            kind = NumberKind.YEAR
        if self.code_after(q.j) and not q.word:
            return q.j, []
        out.append(self.number(q.i, q.j, q.value, kind, unit=q.unit, norm=q.norm))
        return q.j, out

    def over(self, q: Quantity) -> Quantity | None:
        """A fraction written "one over three": both sides bare numbers, then the clause ends."""
        toks = self.tokens
        k = q.j
        if q.kind != NumberKind.CARDINAL or _word(toks, k) != "over" or k + 1 >= len(toks):
            return None
        if _gap(toks, k) != 1 or _gap(toks, k + 1) != 1:
            return None
        den = self.digits(k + 1, money=False) if toks[k + 1].kind == "n" else self.words(k + 1)
        if den is None or den.kind != NumberKind.CARDINAL or den.value == 0 or den.scale != 1:
            return None
        if den.j < len(toks) and (toks[den.j].kind != "s" or toks[den.j].text in "%$£€"):
            return None
        return Quantity(q.i, den.j, q.value / den.value)

    def position(self, i: int) -> tuple[int, Number | None] | None:
        """ "No. 3", "week 5": a position, an ordinal; "into No. 7" is an address, skipped."""
        toks = self.tokens
        tok = toks[i]
        k = i + 1
        if tok.text == "No" and k < len(toks) and toks[k].text == "." and _glued(toks, k):
            k += 1
        elif tok.low not in self.lex.position_words:
            return None
        if k >= len(toks) or _gap(toks, k) != 1 or not toks[k].text.isdigit():
            return None
        if len(toks[k].text) > 3 or self.code_after(k + 1) or self.suffix_kind(k + 1):
            return None
        if tok.text == "No" and _word(toks, i - 1) in _ADDRESS_WORDS:
            return k + 1, None
        value = Fraction(int(toks[k].text))
        return k + 1, self.number(i, k + 1, value, NumberKind.ORDINAL)

    def decade(self, i: int) -> tuple[int, Number | None] | None:
        """ "'90s": a decade written with two digits."""
        toks = self.tokens
        if toks[i].text not in ("'", "’") or i + 2 >= len(toks):
            return None
        digits, s = toks[i + 1], toks[i + 2]
        if not (_glued(toks, i + 1) and _glued(toks, i + 2) and s.text == "s"):
            return None
        if len(digits.text) != 2 or not digits.text.isdigit() or digits.text[1] != "0":
            return None
        if self.code_after(i + 3) or (i > 0 and _glued(toks, i) and toks[i - 1].kind == "w"):
            return None
        year = int(digits.text) + (1900 if int(digits.text) >= 30 else 2000)
        return i + 3, self.number(i, i + 3, Fraction(year), NumberKind.YEAR, norm=f"{year}s")

    def _not_change(self, i: int) -> bool:
        toks = self.tokens
        for k in range(max(0, i - 3), i):
            if _word(toks, k) in self.lex.change_verbs or _word(toks, k) == "from":
                return False
        return True


_POINTS = frozenset(
    {"percentage point", "percentage points", "percentage-point", "percentage-points"}
)
_POINTS_TAIL = frozenset({"points", "point"})
_INDEFINITE_ONE = frozenset({",", "who", "whose", "said", "says", "told"})
_ADDRESS_WORDS = frozenset(
    {"into", "at", "in", "on", "to", "from", "outside", "inside", "near", "of", "lives", "lived"}
)
_PLURALS = frozenset({"people", "children", "men", "women", "adults", "staff", "cattle", "sheep"})
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 1000})
_LOWER_CODES = frozenset({"usd", "eur", "gbp", "rmb", "cny", "inr", "jpy", "chf", "cad", "aud"})


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CONTINENTAL = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,6}(?![\d.])|(?<![\d.,])\d{1,3}\.\d{3},\d{1,2}(?![\d,])"
)


def page_context(source: str, published: str | None, lex: Lexicon) -> Context:
    """The page-wide facts the parser needs: its year and its decimal separator."""
    year = None
    m = _YEAR.search(published or "")
    if m:
        year = int(m.group())
    else:
        counts: dict[int, int] = {}
        for found in _YEAR.finditer(source, 0, min(len(source), 50000)):
            value = int(found.group())
            counts[value] = counts.get(value, 0) + 1
        if counts:
            year = max(counts, key=lambda y: (counts[y], y))
    return Context(lex=lex, page_year=year, decimal_comma=bool(_CONTINENTAL.search(source)))


def parse_part(source: str, part: Part, span: Span, ctx: Context) -> Iterator[Number]:
    """Every Number in ``source[span.start:span.end]``."""
    return _Walker(source, part, span, ctx).walk()
