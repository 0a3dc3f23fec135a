"""Ranges, scores, ratios and fractions written across two numbers.

"between 3 and 5", "10 to 20 billion" (the scale is shared), "£15-£95" and "10-15 exabytes"
are one range; "21-7" after a vote and "248-6" after a team are scores; "one in four" is a
ratio and "3 of 10" at the start of a line a gallery counter, neither of them counted;
"one over three" is a fraction.
"""

from __future__ import annotations

from fractions import Fraction

from newsparse import Number, NumberKind

from .quantities import DASHES, Quantity, QuantityReader
from .scan import END, KIND, LOW, START, TEXT, gap, glued, word_at
from .units import phrase_at
from .words import read_words

__all__ = ["RangeReader"]


class RangeReader(QuantityReader):
    """Reads the forms that join two numbers."""

    def pair(self, i: int) -> Number | None:
        """Scores ("21-7", "248-6") and fiscal years ("2025/26") at digit token ``i``."""
        toks = self.tokens
        if i + 2 >= len(toks) or toks[i][KIND] != "n" or not toks[i][TEXT].isdigit():
            return None
        sep = toks[i + 1][TEXT]
        b_tok = toks[i + 2]
        if not (
            glued(toks, i + 1)
            and glued(toks, i + 2)
            and b_tok[KIND] == "n"
            and b_tok[TEXT].isdigit()
        ):
            return None
        if (glued(toks, i) and self.code_before(i)) or self.code_after(i + 3):
            return None
        a, b = int(toks[i][TEXT]), int(b_tok[TEXT])
        if (
            len(toks[i][TEXT]) == 4
            and 1100 <= a <= 2199
            and len(b_tok[TEXT]) == 2
            and sep in ("/", "-", "–")
            and (a + 1) % 100 == b
        ):
            return self.number(i, i + 3, Fraction(a), NumberKind.YEAR, norm=f"{a}/{b_tok[TEXT]}")
        if sep not in ("-", "–") or len(toks[i][TEXT]) > 3 or len(b_tok[TEXT]) > 3:
            return None
        if i + 3 < len(toks) and toks[i + 3][TEXT] in ("-", "–", "/") and glued(toks, i + 3):
            return None
        context = {w for k in range(max(0, i - 3), i) if (w := word_at(toks, k)) is not None}
        after = self.suffix_kind(i + 3)
        scorey = bool(context & self.lex.score_words)
        prev = toks[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev[KIND] == "w"
            and prev[TEXT][0].isupper()
            and prev[LOW] not in self.lex.common
        ):
            scorey = True
        if after:
            return None
        if a >= b or scorey:
            if not scorey and a > b and word_at(toks, i - 1) in ("between", "from", "aged", "ages"):
                return None
            return self.number(i, i + 3, None, NumberKind.SCORE, norm=f"{a}-{b}")
        return None

    def model_code(self, i: int) -> int:
        """The end of a model number such as "Boeing 747-400" at digit token ``i``, or 0."""
        toks = self.tokens
        if i < 1 or i + 2 >= len(toks) or gap(toks, i) != 1 or toks[i - 1][KIND] != "w":
            return 0
        name = toks[i - 1]
        if not name[TEXT][0].isupper() or name[LOW] in self.lex.common:
            return 0
        if not (toks[i + 1][TEXT] in DASHES and glued(toks, i + 1) and glued(toks, i + 2)):
            return 0
        a, b = toks[i][TEXT], toks[i + 2][TEXT]
        if a.isdigit() and b.isdigit() and len(a) >= 3 and len(b) >= 3:
            return i + 3
        return 0

    def suffix_kind(self, j: int) -> bool:
        """Whether a unit, percent or scale follows at ``j`` (so a pair is a range, not a score)."""
        w = word_at(self.tokens, j)
        return self.unit_follows(j) or (w is not None and w in self.lex.scales)

    def range_from(self, i: int) -> tuple[int, Number] | None:
        """ "between 3 and 5", "from 10 to 20 billion" at a "between"/"from" token."""
        toks = self.tokens
        w = toks[i][LOW]
        if i > 0 and (word_at(toks, i - 1) in self.lex.change_verbs):
            return None
        at = i + 2 if word_at(toks, i + 1) == "the" else i + 1  # "between the tenth and ..."
        q1 = self.quantity(at) if at < len(toks) and gap(toks, at) == 1 else None
        if q1 is None:
            return None
        k = q1.j
        conn = toks[k][LOW] if k < len(toks) else ""
        if w == "between" and conn not in ("and", "-", "–"):
            return None
        if w == "from" and conn not in ("to", "-", "–"):
            return None
        return self.range_rest(i, q1, k + 1)

    def range_rest(self, i: int, q1: Quantity, k: int) -> tuple[int, Number] | None:
        toks = self.tokens
        if k >= len(toks):
            return None
        if toks[k][TEXT] == "~" or word_at(toks, k) in ("about", "around"):
            k += 1
        if k < len(toks) and toks[k][LOW] == "to" and toks[k - 1][TEXT] in DASHES:
            k += 1
        ordinal = q1.kind is NumberKind.ORDINAL and q1.word and word_at(toks, k) == "the"
        if ordinal:
            k += 1
        if k >= len(toks) or gap(toks, k) > 1:
            return None
        q2 = self.quantity(k)
        if q2 is None:
            return None
        if not (ordinal and q2.kind is NumberKind.ORDINAL) and (
            q2.kind in (NumberKind.ORDINAL, NumberKind.YEAR)
            or q1.kind in (NumberKind.ORDINAL, NumberKind.YEAR)
        ):
            return None  # positions make a range only in words: "between the tenth and ..."
        if q1.kind != NumberKind.CARDINAL and (q1.kind != q2.kind or q1.unit != q2.unit):
            return None
        low = q1.value
        if q1.kind == NumberKind.CARDINAL and q1.scale == 1 and q2.scale > 1:
            low = q1.value * q2.scale  # "10 to 20 billion": the scale is shared
        if low > q2.value and q2.value >= 0:
            return None  # "from 10 to 6.5" is a fall, not a range
        if ordinal and q2.value - low < 2:
            return None  # "between the first and the second round": two positions
        unit = q2.unit
        num = self.number(
            i, q2.j, None, NumberKind.RANGE, unit=unit, low=low, high=q2.value, approx_at=i
        )
        return q2.j, num

    def bounded(self, q: Quantity) -> tuple[int, Number] | None:
        """ "more than 10 and less than 20", "no more than 50 and no less than 20": a number
        bounded on both sides is one range; its span runs from the first bound to the second
        number, as "between 3 and 5" does."""
        toks = self.tokens
        lex = self.lex
        k = q.j  # the joining word comes first: most numbers stop here
        if k < len(toks) and toks[k][TEXT] == "," and gap(toks, k) == 0:
            k += 1
            if word_at(toks, k) in lex.range_joins:
                k += 1
        elif word_at(toks, k) in lex.range_joins and gap(toks, k) == 1:
            k += 1
        else:
            return None
        ordinal = q.kind is NumberKind.ORDINAL and q.word
        at = q.i - 1 if ordinal and word_at(toks, q.i - 1) == "the" else q.i
        first = self.qualifier(at)
        if first is None:
            return None
        first_raw = first
        first = " ".join(first.split())
        if first in lex.lower_bounds:
            above = True
        elif first in lex.upper_bounds:
            above = False
        else:
            return None
        got = phrase_at(toks, k, lex.qualifiers, lex, max_gap=1)
        if got is None or gap(toks, got[0]) != 1:
            return None
        after = got[0] + 1 if ordinal else got[0]
        if ordinal and (word_at(toks, got[0]) != "the" or at == q.i):
            return None  # positions are bounded as "higher than the tenth"
        second = got[1]
        if (second in lex.lower_bounds) == above or (
            second not in lex.lower_bounds and second not in lex.upper_bounds
        ):
            return None
        q2 = self.quantity(after)
        if q2 is None or q2.kind is NumberKind.YEAR or (q2.kind is NumberKind.ORDINAL) != ordinal:
            return None
        if q.kind != NumberKind.CARDINAL and (q.kind != q2.kind or q.unit != q2.unit):
            return None
        low, high = (q.value, q2.value) if above else (q2.value, q.value)
        if low >= high or (ordinal and high - low < 2):
            return None  # "more than 40 and less than 10" are two bounds, not a range
        start = at
        while (
            start > 0
            and at - start < 6
            and toks[start - 1][START] >= toks[at - 1][END] - len(first_raw)
        ):
            start -= 1
        num = self.number(start, q2.j, None, NumberKind.RANGE, unit=q2.unit, low=low, high=high)
        return q2.j, num

    def ratio(self, j: int) -> int:
        """The end of "in four" / "out of ten" at ``j`` ("one in four" is a ratio), or 0."""
        toks = self.tokens
        if word_at(toks, j) not in ("in", "out"):
            return 0
        k = j + 1
        if word_at(toks, j) == "out" and word_at(toks, k) == "of":
            k += 1
        if k < len(toks) and gap(toks, k) == 1:
            if (
                toks[k][KIND] == "n"
                and toks[k][TEXT].isdigit()
                and len(toks[k][TEXT]) <= 3
                and not self.code_after(k + 1)
            ):
                nxt = word_at(toks, k + 1)
                if nxt is None or nxt in self.lex.noun_stop or nxt.endswith("s"):
                    return k + 1
                return 0
            w = word_at(toks, k)
            if w is not None and w in self.lex.cardinals and w != "one":
                den = read_words(toks, k, self.lex)
                return den.end if den is not None else k + 1
        return 0

    def counter(self, q: Quantity) -> int:
        """The end of a gallery counter "3 of 10" that starts a line, or 0."""
        toks = self.tokens
        i, k = q.i, q.j
        if not q.plain or word_at(toks, k) != "of" or k + 1 >= len(toks):
            return 0
        start = toks[i][START]
        if i > 0 and "\n" not in self.text[toks[i - 1][END] : start] and start != self.start:
            return 0
        den = toks[k + 1]
        if den[KIND] == "n" and den[TEXT].isdigit() and int(den[TEXT]) >= q.value:
            return k + 2
        return 0

    def over(self, q: Quantity) -> Quantity | None:
        """A fraction written "one over three": both sides bare numbers, then the clause ends."""
        toks = self.tokens
        k = q.j
        if q.kind != NumberKind.CARDINAL or word_at(toks, k) != "over" or k + 1 >= len(toks):
            return None
        if gap(toks, k) != 1 or gap(toks, k + 1) != 1:
            return None
        den = self.digits(k + 1, money=False) if toks[k + 1][KIND] == "n" else self.words(k + 1)
        if den is None or den.kind != NumberKind.CARDINAL or den.value == 0 or den.scale != 1:
            return None
        if den.j < len(toks) and (toks[den.j][KIND] != "s" or toks[den.j][TEXT] in "%$£€"):
            return None
        return Quantity(q.i, den.j, q.value / den.value)

    def _not_change(self, i: int) -> bool:
        toks = self.tokens
        for k in range(max(0, i - 3), i):
            if word_at(toks, k) in self.lex.change_verbs or word_at(toks, k) == "from":
                return False
        return True
