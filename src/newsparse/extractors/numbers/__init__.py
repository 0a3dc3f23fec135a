"""The built-in ``numbers`` extractor (a plugin like any other).

It reads the headline, standfirst, captions and body and returns one
:class:`~newsparse.Number` for every number a reader would count: digits, words, fractions,
ordinals, percentages, money, measures, ranges, years, dates, clock times and scores.

Conventions (where the labelled sources disagree, the reader's sense decides):

* The span is the numeric expression with its currency sign or code, scale word and unit
  ("£2.3million", "47 per cent", "15km", "45-year-old"); qualifiers ("about", "at least")
  go to ``approx`` and the counted noun to ``noun``, both outside the span.
* Money is valued in the currency's main unit: "50p" is 0.5 GBP and "50 cents" 0.5 USD,
  not 50 of a minor unit.  "a dozen" is 12, not one dozen.
* A measure written in parts of one dimension is one item ("5ft 10in", "2 km and 1 metre"),
  valued in its first unit; durations stay one number per part ("3 years, 2 months").
* A range is one item ("between 3 and 5", "10 to 20 billion" with the scale shared,
  "more than 10 and less than 20");
  "from 5% to 7%" after a verb of change ("rose from ...") is two numbers, a change, and
  so is a window of clock times ("between 10.30pm and 11pm").
* Years, dates, times and scores are numbers of their own kinds with a ``norm``; a date is
  one item, not its day, month and year apart.
* "12,000" and "12 000" are twelve thousand; "12.000" is too only on a page that writes
  numbers the continental way elsewhere ("1.234.567", "1.234,5"), otherwise it is twelve.
* Not numbers: parts of names and codes (G7, COVID-19, Boeing 737, A38, FTSE 100), phone,
  account and IP numbers, rating scales and trial phases ("five-star", "phase 3"),
  "one of the", "no one", "one-off", "for a second", vague plurals ("dozens",
  "thousands") and ratios ("one in four").

Language data lives in ``data/<lang>.json`` (English first).
"""

from __future__ import annotations

from collections.abc import Callable

from newsparse import Article, Extractor, Number, __version__, hookimpl

from .lexicon import lexicon
from .parse import page_context, parse_part

__all__ = ["extract_numbers"]


def extract_numbers(article: Article) -> list[Number]:
    """Find every Number in the editorial parts of ``article``, in order (a list: the plugin
    manager keeps them all, and takes a list the quickest way)."""
    lex = lexicon("en")
    ctx = page_context(article.source, article.published, lex)
    source = article.source
    triggered = lex.triggered
    found: list[Number] = []
    for part, span in article.parts():
        # A part with no digit and no number word holds no number: most of a page's lines
        # are settled by one search instead of being cut into tokens.
        if triggered(source, span.start, span.end):
            found += parse_part(source, part, span, ctx)
    return found


@hookimpl
def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(
        Extractor(
            name="numbers",
            extract=extract_numbers,
            finding_type=Number,
            version=__version__,
            description="numbers with exact values, kinds, units, qualifiers and counted nouns",
        )
    )
