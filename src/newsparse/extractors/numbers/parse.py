"""The walk over one part's tokens that turns them into :class:`~newsparse.Number` findings.

At each token the parser tries, in order: a date, a clock time, a fiscal year or a score,
a position ("No. 3") or a decade ("'90s"), a range ("between 3 and 5", "10-15",
"£15-£95"), then a single quantity.  The first that matches is emitted and the walk
resumes after it, so every token is looked at a bounded number of times and the whole pass
is linear.
"""

from __future__ import annotations

from fractions import Fraction

from newsparse import Number, NumberKind, Part, Span

from .dates import date_at, time_at
from .lexicon import Lexicon
from .page import Context
from .quantities import Quantity
from .ranges import RangeReader
from .scan import END, KIND, LOW, SKIPPED, START, TEXT, gap, glued, word_at
from .words import read_words

__all__ = ["Context", "page_context", "parse_part"]

_RANGE_DASHES = frozenset({"-", "–", "—", "~"})
#: Marks that start a number only just before digits: a decade ("'90s") or a sign ("-5").
_DIGITS_AFTER = frozenset({"'", "’", "-", "−"})
_ARTICLES = frozenset({"a", "an"})
#: Words after a day or an hour, besides month names, that make it a date or a time.
_DAY_OR_HOUR = frozenset({"of", "o", "am", "pm", "a", "p"})
#: Marks glued after digits that start no date, clock time, model number, score or fiscal year.
_ENDS_NOTHING = frozenset({"%", ",", ";", ")", "!", "?"})


_TAIL_STARTS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _tail_starts(lex: Lexicon) -> frozenset[str]:
    """The tokens (lower-cased) after a number at which :meth:`_Walker.step` may read on:
    "in"/"out" (a ratio), "of" (a counter), brackets (a list marker, a restatement), dashes
    and "to" (a range, a score, a rating), "over" (a fraction), commas and the words that
    join two bounds."""
    got = _TAIL_STARTS.get(id(lex))
    if got is None or got[0] is not lex:
        words = {"in", "out", "of", ")", "(", "to", "over", ",", "-", "–"}
        got = _TAIL_STARTS[id(lex)] = (lex, frozenset(words | _RANGE_DASHES | lex.range_joins))
    return got[1]


_LOWER_ONLY: dict[int, tuple[Lexicon, bool]] = {}


def _lower_only(lex: Lexicon) -> bool:
    """Whether every starter is its own lower-case form: then a token whose text is a
    starter has that text as its lower-cased form too, and the test on the text as written
    answers nothing the test on the lower-cased text has not."""
    got = _LOWER_ONLY.get(id(lex))
    if got is None or got[0] is not lex:
        got = _LOWER_ONLY[id(lex)] = (lex, all(w.lower() == w for w in lex.starters))
    return got[1]


class _Walker(RangeReader):
    """Walks one part's tokens from left to right."""

    def walk(self) -> list[Number]:
        """Every Number of the part, in order: a list, built as the walk goes, since the
        caller keeps them all (a generator would cost a resumption per number)."""
        starters = self.lex.starters
        after_article = self.lex.article_followers
        before_digits = self.lex.before_digits
        before_dollar = self.lex.before_dollar
        toks = self.tokens
        n = len(toks)
        # The tokens that can start something, found in one comprehension: most tokens are
        # words that start nothing, and a method call for each of them costs more than the
        # test.  :meth:`step` repeats the same test, so the result is the same.  A quote mark
        # or a dash starts something only when digits follow it ("'90s", "-5"), so the many
        # apostrophes and hyphens of prose are left out too, and so is "a" or "an" unless a
        # word that can make it a number follows ("a third", "a dozen", "a dollar", "A$5"),
        # a position word unless digits follow ("week 5") and a dollar prefix unless "$" does.
        # The first test, on the kind and the lower-cased text, rejects most tokens; the
        # rest are tested in a second pass over the few left.
        candidates = [
            k
            for k in (
                [k for k, tok in enumerate(toks) if tok[KIND] == "n" or tok[LOW] in starters]
                if _lower_only(self.lex)
                else [
                    k
                    for k, tok in enumerate(toks)
                    if tok[KIND] == "n" or tok[LOW] in starters or tok[TEXT] in starters
                ]
            )
            if not toks[k][SKIPPED]
            and (toks[k][TEXT] not in _DIGITS_AFTER or (k + 1 < n and toks[k + 1][KIND] == "n"))
            and (
                (low := toks[k][LOW]) not in _ARTICLES
                or (k + 1 < n and toks[k + 1][LOW] in after_article)
            )
            and (low not in before_digits or (k + 1 < n and toks[k + 1][KIND] == "n"))
            and (low not in before_dollar or (k + 1 < n and toks[k + 1][TEXT] == "$"))
        ]
        found: list[Number] = []
        i = 0
        for k in candidates:
            if k < i:
                continue  # inside what the last step read
            got = self.step(k)
            if got is None:
                continue
            j, numbers = got
            found += numbers
            i = max(j, k + 1)
        return found

    def year_shaped(self, q: Quantity) -> bool:
        """Whether ``q`` is a bare count of four digits from 1100 to 2199, read as a year."""
        value = q.value
        return (
            q.kind == NumberKind.CARDINAL
            and q.plain
            and len(self.tokens[q.i][TEXT]) == 4
            and value.denominator == 1
            and 1100 <= value.numerator <= 2199  # an int compare, not a Fraction one
        )

    def step(self, i: int) -> tuple[int, list[Number]] | None:
        toks = self.tokens
        tok = toks[i]
        lex = self.lex
        if tok[KIND] != "n" and tok[LOW] not in lex.starters and tok[TEXT] not in lex.starters:
            return None  # most words can start nothing: skip them at once
        # Whether a date or clock time starts here, kept for :meth:`quantity`, which would
        # otherwise look again.  Only words and digits can start either.
        clear = True
        text = tok[TEXT]
        # Digits with a space (or nothing) after start no date, clock time, model number
        # ("747-400"), score or fiscal year ("21-7", "2025/26") unless they are a day or an
        # hour with a month, "of", "o'clock", "am" or "pm" next ("14 June", "9 am") or a
        # time written "16.42": most numbers are neither, and skip those four readers.
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        spaced = tok[KIND] == "n" and (
            (
                (nxt is None or nxt[START] != tok[END])
                and (
                    (len(text) > 2 and not (len(text) in (4, 5) and text[-3] == "."))
                    or (
                        len(text) <= 2
                        and text.isdigit()
                        and (
                            nxt is None
                            or (nxt[LOW] not in lex.months and nxt[LOW] not in _DAY_OR_HOUR)
                        )
                    )
                )
            )
            # Digits with a mark glued on that none of those readers takes ("45%", "2019,"
            # and a full stop with a space after, "in 2019. The"): the same, whatever the
            # digits.  Each reader needs a separator ("-", "/", ".", ":") and more digits,
            # a month or an hour word next.
            or (
                nxt is not None
                and nxt[START] == tok[END]
                and (
                    nxt[TEXT] in _ENDS_NOTHING
                    or (nxt[TEXT] == "." and (i + 2 >= len(toks) or toks[i + 2][START] != nxt[END]))
                )
            )
        )
        if not spaced and (tok[KIND] == "n" or (tok[KIND] == "w" and tok[LOW] in lex.date_words)):
            got = date_at(toks, i, lex, self.ctx.page_year)
            clear = got is None
            if got is not None and not (tok[KIND] == "n" and self.code_before(i)):
                j, norm = got
                return j, [self.number(i, j, None, NumberKind.DATE, norm=norm)]
        if tok[KIND] == "n" and not spaced:
            got = time_at(toks, i, lex)
            clear = clear and got is None
            if got is not None and not self.code_before(i):
                j, norm = got
                return j, [self.number(i, j, None, NumberKind.TIME, norm=norm)]
            code = self.model_code(i)
            if code:
                return code, []
            pair = self.pair(i)
            if pair is not None:
                return i + 3, [pair]
        if tok[KIND] == "w" or tok[TEXT] in ("'", "’"):
            # A decade opens on a quote mark, never on a word.
            special = self.position(i) if tok[KIND] == "w" else self.decade(i)
            if special is not None:
                return special[0], [special[1]] if special[1] is not None else []
        if tok[KIND] == "w" and tok[LOW] in ("between", "from"):
            ranged = self.range_from(i)
            if ranged is not None:
                return ranged[0], [ranged[1]]
            return None
        q = self.quantity(i, clear_at_start=clear)
        if q is None:
            return None
        k = q.j
        if k >= len(toks) or (
            toks[k][LOW] not in _tail_starts(lex)
            and not (toks[k][START] == toks[k - 1][END] and toks[k][KIND] in ("w", "n"))
        ):
            # Nothing joins on after the number (no range, bound, ratio, counter, list marker,
            # "over", score, restatement, code or rating): it stands alone.
            kind = NumberKind.YEAR if q.plain and self.year_shaped(q) else q.kind
            return k, [self.number(q.i, k, q.value, kind, unit=q.unit, norm=q.norm)]
        if q.kind == NumberKind.CARDINAL and q.value.denominator == 1:
            skip = self.ratio(q.j) or self.counter(q) or self.list_marker(q)
            if skip:
                return skip, []
        out: list[Number] = []
        k = q.j
        if k < len(toks) and q.kind not in (NumberKind.ORDINAL, NumberKind.YEAR):
            conn = toks[k]
            ranged = None
            if (conn[TEXT] in _RANGE_DASHES and gap(toks, k) <= 1 and not q.word) or (
                conn[LOW] == "to" and gap(toks, k) == 1 and self._not_change(q.i)
            ):
                ranged = self.range_rest(q.i, q, k + 1)
            if ranged is not None:
                return ranged[0], [ranged[1]]
            ranged = self.bounded(q)
            if ranged is not None:
                return ranged[0], [ranged[1]]
        elif q.kind is NumberKind.ORDINAL and q.word:
            ranged = self.bounded(q)  # "higher than the tenth but lower than the fifteenth"
            if ranged is not None:
                return ranged[0], [ranged[1]]
        over = self.over(q)
        if over is not None:
            return over.j, [self.number(over.i, over.j, over.value, NumberKind.CARDINAL)]
        if q.word and q.kind is NumberKind.CARDINAL:
            score = self.word_score(q)
            if score is not None:
                return score
            self.restated(q)
        kind = q.kind
        if q.plain and self.year_shaped(q) and not self.code_after(q.j):
            kind = NumberKind.YEAR
        if self.code_after(q.j) and not q.word:
            return q.j, []
        k = q.j
        dashed = k + 1 < len(toks) and toks[k][TEXT] in ("-", "–") and glued(toks, k)
        if dashed and word_at(toks, k + 1) in lex.rating_nouns:
            return k + 2, []  # a rating: "five-star", "4-star"
        out.append(self.number(q.i, q.j, q.value, kind, unit=q.unit, norm=q.norm))
        return q.j, out

    def list_marker(self, q: Quantity) -> int:
        """The end of a list marker "1)" or "2 )" that opens a clause, or 0: it numbers the
        items of a list, it counts nothing."""
        toks = self.tokens
        k = q.j
        if not q.plain or len(toks[q.i][TEXT]) > 2 or k >= len(toks) or toks[k][TEXT] != ")":
            return 0
        if gap(toks, k) > 1:
            return 0
        if q.i > 0 and toks[q.i - 1][KIND] == "n":
            return 0
        for back in range(q.i - 1, max(-1, q.i - 60), -1):
            if toks[back][TEXT] == "(":
                return 0  # "(there were 2)" closes a parenthesis
            if toks[back][TEXT] in (")", ".", ";", ":"):
                break
            if "\n" in self.text[toks[back][END] : toks[back + 1][START]]:
                break  # a parenthesis is not looked for on an earlier line
        return k + 1

    def word_score(self, q: Quantity) -> tuple[int, list[Number]] | None:
        """ "two-nil", "won three-one": a score written in words, one item like "2-0"."""
        toks = self.tokens
        k = q.j
        if q.value.denominator != 1 or not 0 <= q.value.numerator <= 30 or k + 1 >= len(toks):
            return None
        if toks[k][TEXT] not in ("-", "–") or not glued(toks, k) or not glued(toks, k + 1):
            return None
        got = read_words(toks, k + 1, self.lex)
        if got is None or got.ordinal or got.fraction or not 0 <= got.value <= 30:
            return None
        context = {w for b in range(max(0, q.i - 3), q.i) if (w := word_at(toks, b)) is not None}
        if toks[k + 1][LOW] != "nil" and not context & self.lex.score_words:
            return None  # "twenty-one" is read before this; "one-two" needs a score word
        a, b = int(q.value), int(got.value)
        return got.end, [self.number(q.i, got.end, None, NumberKind.SCORE, norm=f"{a}-{b}")]

    def restated(self, q: Quantity) -> None:
        """ "forty-five (45)", "ten (10) days": words restated in digits are one number."""
        toks = self.tokens
        k = q.j
        if k + 2 >= len(toks) or toks[k][TEXT] != "(" or gap(toks, k) > 1:
            return
        digits, close = toks[k + 1], toks[k + 2]
        if close[TEXT] != ")" or not digits[TEXT].isdigit() or int(digits[TEXT]) != q.value:
            return
        q.j = k + 3
        self.suffix(q)

    def position(self, i: int) -> tuple[int, Number | None] | None:
        """ "No. 3", "week 5": a position, an ordinal; "into No. 7" is an address, skipped."""
        toks = self.tokens
        tok = toks[i]
        k = i + 1
        stop = k < len(toks) and toks[k][TEXT] == "."
        if stop and (
            (tok[TEXT] == "No" and glued(toks, k)) or (tok[LOW] == "no" and gap(toks, k) == 1)
        ):
            k += 1  # "No. 3", and "no . 3" in text split into word tokens (not "said no. 3 ...")
        elif tok[LOW] not in self.lex.position_words:
            return None
        if k >= len(toks) or gap(toks, k) != 1 or not toks[k][TEXT].isdigit():
            return None
        if len(toks[k][TEXT]) > 3 or self.code_after(k + 1) or self.suffix_kind(k + 1):
            return None
        if tok[LOW] == "no" and word_at(toks, i - 1) in self.lex.address_words:
            return k + 1, None
        value = Fraction(int(toks[k][TEXT]))
        return k + 1, self.number(i, k + 1, value, NumberKind.ORDINAL)

    def decade(self, i: int) -> tuple[int, Number | None] | None:
        """ "'90s": a decade written with two digits."""
        toks = self.tokens
        if toks[i][TEXT] not in ("'", "’") or i + 2 >= len(toks):
            return None
        digits, s = toks[i + 1], toks[i + 2]
        if not (glued(toks, i + 1) and glued(toks, i + 2) and s[TEXT] == "s"):
            return None
        if len(digits[TEXT]) != 2 or not digits[TEXT].isdigit() or digits[TEXT][1] != "0":
            return None
        if self.code_after(i + 3) or (i > 0 and glued(toks, i) and toks[i - 1][KIND] == "w"):
            return None
        year = int(digits[TEXT]) + (1900 if int(digits[TEXT]) >= 30 else 2000)
        return i + 3, self.number(i, i + 3, Fraction(year), NumberKind.YEAR, norm=f"{year}s")


def page_context(source: str, published: str | None, lex: Lexicon) -> Context:
    """The page-wide facts the parser needs (its year, its decimal separator), each worked
    out only if a number on the page asks for it."""
    return Context(lex, source, published)


def parse_part(source: str, part: Part, span: Span, ctx: Context) -> list[Number]:
    """Every Number in ``source[span.start:span.end]``."""
    return _Walker(source, part, span, ctx).walk()
