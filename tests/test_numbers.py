"""The built-in numbers extractor: values, kinds, units, spans, and what is not a number."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Number, NumberKind

K = NumberKind


def numbers(text: str) -> tuple[Number, ...]:
    article = newsparse.parse(text, structure=False, extractors=["numbers"])
    assert not article.problems, article.problems
    return article.numbers


def found(text: str) -> list[tuple[str, Any, str, str | None]]:
    return [(n.text, n.value, str(n.kind), n.unit) for n in numbers(text)]


def one(text: str) -> Number:
    (number,) = numbers(text)
    return number


def test_the_sample_sentence() -> None:
    text = (
        "North Korea is believed to have deployed at least 12,000 soldiers and 500 officers"
        " - including three generals"
    )
    got = [(n.text, n.value, n.approx, n.noun) for n in numbers(text)]
    assert got == [
        ("12,000", 12000, "at least", "soldiers"),
        ("500", 500, None, "officers"),
        ("three", 3, None, "generals"),
    ]


CARDINALS = [
    pytest.param("12,000 people", 12000, id="comma-thousands"),
    pytest.param("12 000 people", 12000, id="space-thousands"),
    pytest.param("1,234,567.5 tonnes of grain", None, id="skip-measure-check"),
    pytest.param("It rose to 3.25 overall", Decimal("3.25"), id="decimal"),
    pytest.param("1.5 million people", 1500000, id="scale-word"),
    pytest.param("10k runners", 10000, id="k-suffix"),
    pytest.param("half a million homes", 500000, id="half-a-million"),
    pytest.param("three people", 3, id="word"),
    pytest.param("twenty-one people", 21, id="hyphenated-word"),
    pytest.param("three hundred and twelve people", 312, id="hundred-and"),
    pytest.param("a dozen eggs", 12, id="a-dozen"),
    pytest.param("two thousand and two hundred", 2200, id="thousand-and-hundred"),
    pytest.param("Two-thirds of voters", Fraction(2, 3), id="two-thirds"),
    pytest.param("a third of them", Fraction(1, 3), id="a-third"),
    pytest.param("Half of these lads", Decimal("0.5"), id="half"),
    pytest.param("¾ of the cake", Decimal("0.75"), id="vulgar-fraction"),
    pytest.param("two and a half", Decimal("2.5"), id="and-a-half"),
    pytest.param("one half of the field", Decimal("0.5"), id="one-half"),
    pytest.param("one-quarter of voters", Decimal("0.25"), id="one-quarter"),
    pytest.param("five and a half million fish", 5500000, id="and-a-half-million"),
    pytest.param("one million and a half", 1500000, id="million-and-a-half"),
    pytest.param("two point five", Decimal("2.5"), id="point"),
    pytest.param("minus 5 overall", -5, id="minus-word"),
    pytest.param("a total of -504", -504, id="minus-sign"),
    pytest.param("1/4 of the field", Decimal("0.25"), id="slash-fraction"),
    pytest.param("one over three", Fraction(1, 3), id="over-fraction"),
    pytest.param("6.23x10^-4", Decimal("0.000623"), id="scientific"),
    pytest.param("exactly 8x2^10", 8192, id="power-of-two"),
    pytest.param("1 million 500 thousand", 1500000, id="million-then-thousand"),
    pytest.param("forty-five (45) people", 45, id="restated-in-digits"),
]


@pytest.mark.parametrize(("text", "value"), CARDINALS)
def test_cardinal_values(text: str, value: Any) -> None:
    number = numbers(text)[0]
    if value is not None:
        assert number.value == value
        assert number.kind is K.CARDINAL


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit"),
    [
        pytest.param("45%", 45, K.PERCENT, "%", id="percent-sign"),
        pytest.param("45 per cent", 45, K.PERCENT, "%", id="per-cent"),
        pytest.param("Sixty percent", 60, K.PERCENT, "%", id="words-percent"),
        pytest.param("1.5 percentage points", Decimal("1.5"), K.PERCENT, "pp", id="points"),
        pytest.param("£2bn", 2000000000, K.MONEY, "GBP", id="pound-bn"),
        pytest.param("$3.4m", 3400000, K.MONEY, "USD", id="dollar-m"),
        pytest.param("US$4.7 billion", 4700000000, K.MONEY, "USD", id="us-dollar"),
        pytest.param("€2.1bn", 2100000000, K.MONEY, "EUR", id="euro"),
        pytest.param("42p", Decimal("0.42"), K.MONEY, "GBP", id="pence"),
        pytest.param("EUR 20", 20, K.MONEY, "EUR", id="code-before"),
        pytest.param("20 million pounds", 20000000, K.MONEY, "GBP", id="pounds-word"),
        pytest.param("five million yen", 5000000, K.MONEY, "JPY", id="yen-word"),
        pytest.param(
            "thirteen dollars and forty-five cents", Decimal("13.45"), K.MONEY, "USD", id="cents"
        ),
        pytest.param("15km", 15, K.MEASURE, "km", id="km"),
        pytest.param("200 miles", 200, K.MEASURE, "mi", id="miles"),
        pytest.param("100,000 tonnes", 100000, K.MEASURE, "t", id="tonnes"),
        pytest.param("3-nanometre", 3, K.MEASURE, "nm", id="hyphen-unit"),
        pytest.param("19C", 19, K.MEASURE, "°C", id="celsius-glued"),
        pytest.param("minus 5C", -5, K.MEASURE, "°C", id="minus-celsius"),
        pytest.param("98.6 degrees Fahrenheit", Decimal("98.6"), K.MEASURE, "°F", id="fahrenheit"),
        pytest.param("60mph", 60, K.MEASURE, "mph", id="mph"),
        pytest.param("20-minute", 20, K.MEASURE, "minute", id="minute-adjective"),
        pytest.param("45-year-old", 45, K.MEASURE, "year", id="age"),
        pytest.param("two hours", 2, K.MEASURE, "hour", id="duration-words"),
        pytest.param("3rd", 3, K.ORDINAL, None, id="ordinal-digits"),
        pytest.param("twenty-first", 21, K.ORDINAL, None, id="ordinal-words"),
        pytest.param("43rd", 43, K.ORDINAL, None, id="ordinal-43rd"),
        pytest.param("the 1,000,000th visitor", 1000000, K.ORDINAL, None, id="ordinal-grouped"),
        pytest.param("In 2015", 2015, K.YEAR, None, id="year"),
    ],
)
def test_kinds_values_units(text: str, value: Any, kind: NumberKind, unit: str | None) -> None:
    number = numbers(text)[-1]
    assert (number.value, number.kind, number.unit) == (value, kind, unit)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        pytest.param("aged 40 to 79", "40 to 79", 40, 79, None, id="to"),
        pytest.param("10-15 exabytes", "10-15 exabytes", 10, 15, "EB", id="dash-unit"),
        pytest.param("between 3 and 5 people", "between 3 and 5", 3, 5, None, id="between"),
        pytest.param(
            "10 to 20 billion dollars",
            "10 to 20 billion dollars",
            10**10,
            2 * 10**10,
            "USD",
            id="shared-scale",
        ),
        pytest.param("at £15-£95", "£15-£95", 15, 95, "GBP", id="money-range"),
        pytest.param("from 3km to 5km", "from 3km to 5km", 3, 5, "km", id="from-to"),
    ],
)
def test_ranges(text: str, span: str, low: Any, high: Any, unit: str | None) -> None:
    number = one(text)
    assert (number.text, number.kind, number.value) == (span, K.RANGE, None)
    assert (number.low, number.high, number.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        pytest.param(
            "larger than 10 and smaller than 20.",
            "larger than 10 and smaller than 20",
            10,
            20,
            None,
            id="two-bounds",
        ),
        pytest.param(
            "y is no more than 50 and no less than 20.",
            "no more than 50 and no less than 20",
            20,
            50,
            None,
            id="upper-bound-first",
        ),
        pytest.param(
            "at least 3% but at most 5% of it",
            "at least 3% but at most 5%",
            3,
            5,
            "%",
            id="bounds-with-unit",
        ),
        pytest.param(
            "He ranks between the tenth and the fifteenth.",
            "between the tenth and the fifteenth",
            10,
            15,
            None,
            id="positions",
        ),
        pytest.param(
            "higher than the tenth but lower than the fifteenth",
            "higher than the tenth but lower than the fifteenth",
            10,
            15,
            None,
            id="bounded-positions",
        ),
    ],
)
def test_bounded_ranges(text: str, span: str, low: Any, high: Any, unit: str | None) -> None:
    number = one(text)
    assert (number.text, number.kind, number.low, number.high, number.unit) == (
        span,
        K.RANGE,
        low,
        high,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("More than 40 and less than 10 are not ranges", id="crossed-bounds"),
        pytest.param("between the first and second world wars", id="two-positions"),
        pytest.param("more than 10 people and less than 20 cars", id="nouns-between"),
    ],
)
def test_bounds_that_are_not_ranges(text: str) -> None:
    assert K.RANGE not in [n.kind for n in numbers(text)]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        pytest.param("5 feet 3 inches", "5 feet 3 inches", Decimal("5.25"), "ft", id="feet-inches"),
        pytest.param("2 km and 1 meter", "2 km and 1 meter", Decimal("2.001"), "km", id="and"),
        pytest.param(
            "10 kms, 8 metres, 6 cm away",
            "10 kms, 8 metres, 6 cm",
            Decimal("10.00806"),
            "km",
            id="three-parts",
        ),
        pytest.param('6 ft 2" tall', '6 ft 2"', Fraction(37, 6), "ft", id="inch-mark"),
        pytest.param(
            "20 ringgit and 43 sen", "20 ringgit and 43 sen", Decimal("20.43"), "MYR", id="sen"
        ),
        pytest.param(
            "2,000.45±0.01 pounds", "2,000.45±0.01 pounds", Decimal("2000.45"), "lb", id="margin"
        ),
        pytest.param("9.8 +/- 0.2 km", "9.8 +/- 0.2 km", Decimal("9.8"), "km", id="plus-minus"),
        pytest.param("4km^3 of ice", "4km^3", 4, "km3", id="exponent-unit"),
        pytest.param("a dose of 20 mg/kg daily", "20 mg/kg", 20, "mg/kg", id="unit-per-unit"),
        pytest.param("20 J/m^2 per year", "20 J/m^2", 20, "J/m2", id="unit-per-squared-unit"),
        pytest.param("a 50cc moped", "50cc", 50, "cm3", id="cc"),
        pytest.param("he is 6-foot-5", "6-foot-5", Fraction(77, 12), "ft", id="foot-hyphen-inches"),
        pytest.param("she is 5'10\" tall", "5'10\"", Fraction(35, 6), "ft", id="feet-inch-marks"),
        pytest.param(
            "an hour and a half",
            "an hour and a half",
            Decimal("1.5"),
            "hour",
            id="a-unit-and-a-half",
        ),
        pytest.param("30 sq. ft. of space", "30 sq. ft.", 30, "ft2", id="square-feet"),
        pytest.param("10 nautical miles", "10 nautical miles", 10, "nmi", id="nautical-miles"),
        pytest.param(
            "a quarter of an hour", "quarter of an hour", Decimal("0.25"), "hour", id="of-an-hour"
        ),
        pytest.param("12 mm ± 2 mm", "12 mm ± 2 mm", 12, "mm", id="margin-after-unit"),
        pytest.param("a gallon of milk", "a gallon", 1, "gal", id="a-gallon"),
        pytest.param(
            "tenth of a gallon", "tenth of a gallon", Decimal("0.1"), "gal", id="tenth-of-a-unit"
        ),
        pytest.param("It was 2 below zero", "2 below zero", -2, "°", id="below-zero"),
        pytest.param("it cost a dollar", "a dollar", 1, "USD", id="a-dollar"),
        pytest.param("3 Kuwaiti Dinar", "3 Kuwaiti Dinar", 3, "KWD", id="named-currency"),
        pytest.param("20 lei", "20 lei", 20, "RON", id="lei"),
        pytest.param("a 12-cent dividend", "12-cent", Decimal("0.12"), "USD", id="hyphen-cents"),
        pytest.param("the one-yen bid", "one-yen", 1, "JPY", id="one-yen"),
        pytest.param("48.5 MGBP", "48.5 MGBP", 48500000, "GBP", id="million-code"),
        pytest.param(
            "priced at c $ 16.4 million", "c $ 16.4 million", 16400000, "CAD", id="c-dollar"
        ),
        pytest.param("the company ' s $ 5 offer", "$ 5", 5, "USD", id="split-possessive"),
        pytest.param("1.5 trillion won", "1.5 trillion won", 1500000000000, "KRW", id="won"),
        pytest.param("5 euro cents", "5 euro cents", Decimal("0.05"), "EUR", id="euro-cents"),
        pytest.param(
            "two pounds fifty", "two pounds fifty", Decimal("2.5"), "GBP", id="pounds-pence"
        ),
        pytest.param("2 pounds 4 ounces", "2 pounds 4 ounces", Decimal("2.25"), "lb", id="lb-oz"),
        pytest.param("aged 3 years of age", "3 years of age", 3, "year", id="years-of-age"),
        pytest.param("a 300 hp engine", "300 hp", 300, "hp", id="horsepower"),
    ],
)
def test_one_measure_in_several_parts(text: str, span: str, value: Any, unit: str) -> None:
    number = one(text)
    assert (number.text, number.value, number.unit) == (span, value, unit)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("1 kilometer and 1 mile", ["1 kilometer", "1 mile"], id="ascending-units"),
        pytest.param("5 feet 13 inches", ["5 feet", "13 inches"], id="part-too-large"),
        pytest.param("3 years, 2 months", ["3 years", "2 months"], id="durations-stay-apart"),
        pytest.param("he won 5 games", ["5"], id="won-the-verb"),
        pytest.param("2 million 300 people", ["2 million", "300"], id="million-then-count"),
        pytest.param("a real problem, a lev and a buck", [], id="currency-words-alone"),
        pytest.param("inflation was nil", ["nil"], id="nil"),
        pytest.param("he said 'give me 5'", ["5"], id="closing-quote-is-not-feet"),
        pytest.param("a year ago, once a day", [], id="a-unit-alone"),
        pytest.param("$3 a gallon and 20p a litre", ["$3", "20p"], id="per-unit-prices"),
        pytest.param("item scp-173m and the mid-30s", [], id="code-glued-on-both-sides"),
        pytest.param("a 2-3km walk", ["2-3km"], id="range-glued-on-both-sides"),
        pytest.param("seats in a two-class layout", ["two"], id="unit-word-not-after-a-number"),
        pytest.param("I’m a three-time author", ["three"], id="m-not-after-a-number"),
        pytest.param("a quid pro quo, for 5 quid", ["5 quid"], id="quid"),
    ],
)
def test_measures_that_stay_apart(text: str, spans: list[str]) -> None:
    assert [n.text for n in numbers(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        pytest.param("fell 1 / 4 point", "1 / 4", Decimal("0.25"), K.CARDINAL, id="spaced-slash"),
        pytest.param("7 3 / 4 % bonds", "7 3 / 4 %", Decimal("7.75"), K.PERCENT, id="mixed"),
        pytest.param(
            "one twenty-fifth", "one twenty-fifth", Decimal("0.04"), K.CARDINAL, id="1/25"
        ),
        pytest.param(
            "three twenty firsts", "three twenty firsts", Fraction(1, 7), K.CARDINAL, id="3/21"
        ),
        pytest.param(
            "two hundred thirty two and a thirtieth",
            "two hundred thirty two and a thirtieth",
            Fraction(6961, 30),
            K.CARDINAL,
            id="and-a-thirtieth",
        ),
        pytest.param(
            "ninety-five hundred fifths",
            "ninety-five hundred fifths",
            1900,
            K.CARDINAL,
            id="9500/5",
        ),
        pytest.param("two hundred tenth", "two hundred tenth", 210, K.ORDINAL, id="hundred-tenth"),
        pytest.param(
            "one hundred and fifth", "one hundred and fifth", 105, K.ORDINAL, id="hundred-and-fifth"
        ),
        pytest.param(
            "three trillionth", "three trillionth", 3 * 10**12, K.ORDINAL, id="trillionth"
        ),
        pytest.param("his one hundredth goal", "one hundredth", 100, K.ORDINAL, id="one-hundredth"),
        pytest.param(
            "one hundred thirty-fifths",
            "one hundred thirty-fifths",
            Fraction(100, 35),
            K.CARDINAL,
            id="100/35",
        ),
        pytest.param(
            "one hundred twenty-fifth", "one hundred twenty-fifth", 125, K.ORDINAL, id="125th"
        ),
        pytest.param(
            "one one hundred and fifth",
            "one one hundred and fifth",
            Fraction(1, 105),
            K.CARDINAL,
            id="1/105",
        ),
        pytest.param(
            "one hundredth of a vote",
            "one hundredth",
            Decimal("0.01"),
            K.CARDINAL,
            id="one-hundredth-of",
        ),
        pytest.param(
            "one hundredth of a second",
            "one hundredth of a second",
            Decimal("0.01"),
            K.MEASURE,
            id="one-hundredth-of-a-second",
        ),
        pytest.param(
            "one million twenty-one thousandth",
            "one million twenty-one thousandth",
            1021000,
            K.ORDINAL,
            id="scale-ordinal",
        ),
    ],
)
def test_fractions_and_ordinals_in_words(
    text: str, span: str, value: Any, kind: NumberKind
) -> None:
    number = one(text)
    assert (number.text, number.value, number.kind) == (span, value, kind)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("eggs cost 64.2 cents a dozen", ["64.2 cents"], id="per-dozen"),
        pytest.param("reached 1 fb−1 of data", ["1"], id="exponent-after-unit"),
        pytest.param("sold 800,000 F-Series pickups", ["800,000"], id="letter-of-a-name"),
        pytest.param("2.80 GHz 8 MB cache", ["2.80 GHz", "8 MB"], id="measures-listed"),
        pytest.param("(there were 2) and", ["2"], id="closing-parenthesis"),
        pytest.param("he said no. 3 people came", ["3"], id="sentence-ending-no"),
        pytest.param(
            "(the team, which had lost all of its last four games this season, won 3) and",
            ["four", "3"],
            id="closing-a-long-parenthesis",
        ),
        pytest.param("3+4=7", ["3", "4", "7"], id="a-sum-is-not-a-code"),
        pytest.param("One can of beans", ["One"], id="one-can-of"),
    ],
)
def test_spans(text: str, spans: list[str]) -> None:
    assert [n.text for n in numbers(text)] == spans


def test_a_change_is_two_numbers_not_a_range() -> None:
    assert [n.kind for n in numbers("Inflation rose from 2.5% to 3.1%.")] == [K.PERCENT] * 2


@pytest.mark.parametrize(
    ("text", "kind", "norm"),
    [
        pytest.param("on Friday 13 June 2025", K.DATE, "2025-06-13", id="weekday-date"),
        pytest.param("Tuesday, Jan. 28, 2025", K.DATE, "2025-01-28", id="us-date"),
        pytest.param("on 2025-06-13", K.DATE, "2025-06-13", id="iso-date"),
        pytest.param("in June 2025", K.DATE, "2025-06", id="month-year"),
        pytest.param("at 10.30pm", K.TIME, "22:30", id="dot-pm"),
        pytest.param("at 22:30", K.TIME, "22:30", id="colon"),
        pytest.param("at 9 a.m.", K.TIME, "09:00", id="am-dots"),
        pytest.param("at 9 o'clock", K.TIME, "09:00", id="o-clock"),
        pytest.param("voted 21-7", K.SCORE, "21-7", id="vote"),
        pytest.param("India 248-6", K.SCORE, "248-6", id="cricket"),
        pytest.param("England lead 1-0", K.SCORE, "1-0", id="lead"),
        pytest.param("they won two-nil", K.SCORE, "2-0", id="words-nil"),
        pytest.param("a one-nil defeat", K.SCORE, "1-0", id="one-nil"),
        pytest.param("they won three-one", K.SCORE, "3-1", id="words-after-score-word"),
        pytest.param("the 1990s", K.YEAR, "1990s", id="decade"),
        pytest.param("the 2025/26 budget", K.YEAR, "2025/26", id="fiscal-year"),
        pytest.param("fiscal 2000-01 results", K.YEAR, "2000/01", id="fiscal-year-not-month"),
        pytest.param("the 1995-01 figures", K.DATE, "1995-01", id="year-month"),
        pytest.param("due nov . 15 , 1999 , priced", K.DATE, "1999-11-15", id="split-tokens"),
        pytest.param("due dec . 12 , 1994", K.DATE, "1994-12-12", id="lower-case-dec"),
    ],
)
def test_dates_times_scores(text: str, kind: NumberKind, norm: str) -> None:
    number = one(text)
    assert (number.kind, number.norm) == (kind, norm)


def test_a_date_without_a_year_takes_the_page_year() -> None:
    got = numbers("Published 2024. The hearing is on 14 June.")
    assert got[-1].norm == "2024-06-14"


def test_a_clock_window_is_two_times() -> None:
    got = numbers("between 10.30pm and 11pm on Friday")
    assert [(n.kind, n.norm) for n in got] == [(K.TIME, "22:30"), (K.TIME, "23:00")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The G7 summit", id="g7"),
        pytest.param("cases of COVID-19 rose", id="covid-19"),
        pytest.param("a Boeing 737 landed", id="boeing-737"),
        pytest.param("on the A38 near Bodmin", id="road"),
        pytest.param("the FTSE 100 index", id="ftse-100"),
        pytest.param("call 0800 555 111 today", id="phone"),
        pytest.param("call 101, quoting log 0512", id="police-numbers"),
        pytest.param("one of the best", id="one-of-the"),
        pytest.param("no one came", id="no-one"),
        pytest.param("a one-off payment", id="one-off"),
        pytest.param("wait for a second", id="for-a-second"),
        pytest.param("their second homes", id="second-homes"),
        pytest.param("at half-time", id="half-time"),
        pytest.param("a five-star hotel", id="rating-stars"),
        pytest.param("a Category 5 hurricane and a phase 3 trial", id="rating-and-phase"),
        pytest.param("dozens of homes and thousands of people", id="vague"),
        pytest.param("one in four residents", id="ratio"),
        pytest.param("see https://example.com/2024/05/10/item-123", id="url"),
        pytest.param("the iPhone 15", id="camel-case-name"),
        pytest.param("passengers at Heathrow Terminal 5", id="name-after-preposition"),
        pytest.param("3 of 10", id="gallery-counter"),
        pytest.param("the Formula One title", id="number-word-in-a-name"),
        pytest.param("a Boeing 747-400 landed", id="model-number-pair"),
        pytest.param("the 9/11 attacks and 24/7 care", id="slash-names"),
        pytest.param("he moved into No. 7", id="house-number"),
        pytest.param("at no . 1 , he", id="house-number-split-tokens"),
        pytest.param("what 1 ) explains and 2 ) predicts", id="list-markers"),
        pytest.param("At that age, one can already walk", id="pronoun-one-modal"),
        pytest.param("a Boeing 777F landed", id="letter-after-model-number"),
        pytest.param("galaxy MACS J1149.5+6663 was", id="catalogue-code"),
        pytest.param("a women's one-day international", id="one-day-name"),
    ],
)
def test_not_numbers(text: str) -> None:
    assert numbers(text) == ()


def test_qualifiers_are_recorded_outside_the_span() -> None:
    text = "about 36% of capacity, more than 750,000 people and up to $20 million"
    got = [(n.text, n.approx) for n in numbers(text)]
    assert got == [("36%", "about"), ("750,000", "more than"), ("$20 million", "up to")]


def test_page_convention_for_dot_thousands() -> None:
    text = "Die Stadt hat 1.234.567 Einwohner und 12.000 Autos."
    assert [n.value for n in numbers(text)] == [1234567, 12000]
    assert one("It measured 12.000 exactly").value == 12


def test_exact_values_survive_json() -> None:
    article = newsparse.parse(
        "A third of 2.5 million people paid £1.25 each.", structure=False, extractors=["numbers"]
    )
    values = [n.value for n in article.numbers]
    assert values == [Fraction(1, 3), 2500000, Decimal("1.25")]
    again = Article.from_json(article.to_json())
    assert again == article
    assert json.loads(article.to_json())["findings"]["numbers"][0]["value"] == "1/3"


def test_long_values_are_not_rounded() -> None:
    got = numbers("It cost £123,456,789,012,345,678,901,234.5, or 2.75 trillion pence.")
    assert got[0].value == Decimal("123456789012345678901234.5")
    assert got[1].value == Decimal("27500000000")


def test_findings_name_the_part(sample_page: str) -> None:
    article = newsparse.parse(sample_page, extractors=["numbers"])
    assert article.numbers
    for number in article.numbers:
        assert article.source[number.span.start : number.span.end] == number.text


@given(st.text(max_size=300))
def test_never_raises_and_spans_slice(text: str) -> None:
    for number in numbers(text):
        assert text[number.span.start : number.span.end] == number.text


_SOUP = (
    "1 2.5 12,000 - – / % £ $ m bn k between and to three hundred half a per cent June 13"
    " pm . , km C ° x ^ one third s"
)


@given(st.lists(st.sampled_from([*_SOUP.split(" "), " ", "  "]), max_size=40))
def test_number_like_soup_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    for number in numbers(text):
        assert text[number.span.start : number.span.end] == number.text


@given(st.lists(st.sampled_from([*_SOUP.split(" "), " ", "  "]), max_size=30))
def test_json_round_trip_keeps_every_value_exact(parts: list[str]) -> None:
    article = newsparse.parse("".join(parts), structure=False, extractors=["numbers"])
    assert Article.from_json(article.to_json()) == article


def test_a_million_digits_with_separators_stays_fast() -> None:
    text = ",".join(["123"] * 250_000) + " " + "9" * 1_000_000 + " 1 000 " * 20_000
    started = time.perf_counter()
    got = numbers(text)
    assert time.perf_counter() - started < 30
    assert got


_FILLER = st.lists(
    st.sampled_from(
        [
            *["someone", "often", "phone", "Kelvin", "done", "between", "from", "No", "minus"],
            *["a", "an", "the", "-", ".", ",", "'", "$", "£", "%", "_", "\u212a", "İ", "x_"],
        ]
    ),
    max_size=6,
)
_PROBE = st.sampled_from(
    ["a dollar", "an ML", "A third", "a lb", "Penny", "ſix", "tenth_", "half", "½", "a", ""]
)


@given(_FILLER, _PROBE, _FILLER)
def test_a_part_without_a_trigger_holds_no_number(
    before: list[str], probe: str, after: list[str]
) -> None:
    """The extractor skips parts its trigger does not match: the walker must find nothing in
    them either."""
    from newsparse import Span
    from newsparse.extractors.numbers.lexicon import lexicon
    from newsparse.extractors.numbers.parse import page_context, parse_part

    text = " ".join([*before, probe, *after])
    lex = lexicon("en")
    if lex.trigger.search(text) is not None:
        return
    ctx = page_context(text, None, lex)
    assert list(parse_part(text, newsparse.Part.BODY, Span(0, len(text)), ctx)) == []


@pytest.mark.parametrize(
    ("chain", "each"),
    [
        pytest.param("1 km ", 1, id="measures"),
        pytest.param("1 km and ", 1, id="measures-and"),
        pytest.param("1 dollar and ", 1, id="money-and"),
        pytest.param("2 pounds 4 ", 2, id="pounds-then-number"),
        pytest.param("more than 1 and less than 2 and ", 1, id="bounds"),
    ],
)
def test_long_chains_of_joinable_parts_are_read_without_nesting(chain: str, each: int) -> None:
    """Parts that may join ("5ft 10in", "$20 and 43c") are read one after another, never by
    nesting one reading in the next: 5,000 of them neither overflow the stack nor slow down."""
    got = numbers(chain * 5000)
    assert len(got) >= 5000 * each - 1
