"""The words a language writes numbers with, loaded once from ``data/<lang>.json``.

Everything language-specific (number words, scales, currencies, units, qualifiers, the
context words that tell a number from a name) lives in the data file, so another language
is a new JSON file with the same keys, not new code.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import attrs

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen
class Lexicon:
    """Lookup tables for one language, all keys lower-case unless named ``*_cased``."""

    cardinals: dict[str, int]
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    ordinals: dict[str, int]
    scales: dict[str, int]
    suffix_scales: dict[str, int]
    denominators: dict[str, int]
    vulgar: dict[str, tuple[int, int]]
    vague_scales: frozenset[str]
    ordinal_suffixes: frozenset[str]
    currency_symbols: dict[str, str]
    dollar_prefixes: dict[str, str]
    currency_codes: frozenset[str]
    currency_codes_lower: dict[str, str]
    currency_words: dict[str, str]
    measure_units: dict[str, str]
    measure_units_cased: dict[str, str]
    percent_words: frozenset[str]
    point_words: frozenset[str]
    point_tail_words: frozenset[str]
    plural_nouns: frozenset[str]
    determiners: frozenset[str]
    rating_nouns: frozenset[str]
    name_openers: frozenset[str]
    indefinite_one_after: frozenset[str]
    address_words: frozenset[str]
    lowercase_currency_codes: frozenset[str]
    qualifiers: frozenset[str]
    lower_bounds: frozenset[str]
    upper_bounds: frozenset[str]
    range_joins: frozenset[str]
    months: dict[str, int]
    weekdays: frozenset[str]
    time_zones: frozenset[str]
    meridiem: dict[str, int]
    identifier_words: frozenset[str]
    position_words: frozenset[str]
    score_words: frozenset[str]
    change_verbs: frozenset[str]
    pronoun_one_before: frozenset[str]
    pronoun_one_after: frozenset[str]
    pronoun_one_modals: frozenset[str]
    indefinite_units: frozenset[str]
    ambiguous_currency_words: frozenset[str]
    word_like_currency_words: frozenset[str]
    half_not_after: frozenset[str]
    second_not_before: frozenset[str]
    second_not_after: frozenset[str]
    noun_stop: frozenset[str]
    common: frozenset[str]
    starters: frozenset[str]
    max_phrase: int
    trigger: re.Pattern[str]
    before_digits: frozenset[str]
    before_dollar: frozenset[str]
    article_followers: frozenset[str]
    qualifier_ends: frozenset[str]
    qualifier_tails: frozenset[str]
    date_words: frozenset[str]
    trigger_words: frozenset[str] = frozenset()
    trigger_words_ascii: bool = False
    trigger_bytes: frozenset[bytes] = frozenset()
    trigger_marks: re.Pattern[str] = re.compile(r"\d")
    trigger_marks_ascii: re.Pattern[str] = re.compile(r"[0-9]")

    def triggered(self, text: str, start: int, end: int) -> bool:
        """Whether :attr:`trigger` matches in ``text[start:end]``, answered without the
        case-blind word search where the answer is certain (the same answer, faster).

        A digit or a vulgar fraction settles it with one character-class scan.  Otherwise a
        trigger word can only stand as a whole run of letters, and when every character of
        the part is ASCII-case-distinct (no letter that folds onto an ASCII one under
        ``re.IGNORECASE``, such as "ſ" or the Kelvin sign, and no letter glued on before the
        part, and words all ASCII) a run matches exactly when its lower-case form is one of
        the words.  Most parts hold no letter outside ASCII at all, and their runs are cut
        from the part's bytes."""
        part = text[start:end]
        ascii_only = part.isascii()  # known from how the string is stored, not a scan
        folded: bytes | None = None
        if ascii_only and self.trigger_marks_ascii.pattern == "[0-9]":
            # The part's bytes folded in one C-level pass (see ``_ASCII_FOLD``): a digit,
            # the only mark an ASCII part can hold, is then the one byte above ASCII.
            folded = part.encode("ascii").translate(_ASCII_FOLD)
            if _DIGIT_BYTE in folded:
                return True
        # A part outside ASCII may hold any digit or a vulgar fraction.
        elif (self.trigger_marks_ascii if ascii_only else self.trigger_marks).search(part):
            return True
        # A letter just before the part: ``[^\W\d_]`` is "alphanumeric and not a digit".
        glued = start > 0 and text[start - 1].isalnum() and not text[start - 1].isdecimal()
        if not self.trigger_words_ascii or glued:
            return self.trigger.search(text, start, end) is not None
        if folded is None and (ascii_only or _NON_ASCII_LETTER.search(part) is None):
            folded = part.encode("ascii", "replace").translate(_ASCII_FOLD)
        if folded is not None:
            # The runs of letters are runs of A-Z and a-z (any other character, a curly quote
            # or a dash, parts them as a space would), so the folded bytes split into exactly
            # those runs: one C-level pass, with none of the regex engine's work per character.
            return not self.trigger_bytes.isdisjoint(folded.split())
        if _FOLDS_TO_ASCII.search(part) is not None:
            return self.trigger.search(text, start, end) is not None
        return not self.trigger_words.isdisjoint(map(str.lower, _LETTERS.findall(part)))


_LETTERS = re.compile(r"[^\W\d_]+")
#: A letter outside ASCII (one the tokenizer would glue into a run of letters).
_NON_ASCII_LETTER = re.compile(r"(?=[^\x00-\x7f])[^\W\d_]")
#: Bytes to lower-case ASCII letters, ASCII digits to :data:`_DIGIT_BYTE` (a byte no ASCII
#: text holds) and every other byte (and "?", which stands for a character outside ASCII
#: after ``encode("ascii", "replace")``) to a space.
_DIGIT_BYTE = 0x80
_ASCII_FOLD = bytes(
    c | 0x20
    if chr(c).isascii() and chr(c).isalpha()
    else _DIGIT_BYTE
    if chr(c).isascii() and chr(c).isdigit()
    else 0x20
    for c in range(256)
)
#: A character outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter.
#: They are "İ", "ı", "ſ" and the Kelvin sign (a test checks every code point), listed as
#: one character class so a part is scanned for them in the regex engine's tight loop.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _build(raw: dict[str, Any]) -> Lexicon:
    units: dict[str, int] = raw["units"]
    teens: dict[str, int] = raw["teens"]
    tens: dict[str, int] = raw["tens"]
    ordinals: dict[str, int] = dict(raw["ordinals"])
    # Compound ordinals written as one word ("twentyfifth") and the cardinals they pair with.
    small_ordinals = {k: v for k, v in raw["ordinals"].items() if v < 10}
    for ten_word, ten in tens.items():
        for word, value in small_ordinals.items():
            ordinals.setdefault(ten_word + word, ten + value)
    cardinals = {**units, **teens, **tens}
    for ten_word, ten in tens.items():
        for word, value in units.items():
            if value:
                cardinals.setdefault(ten_word + word, ten + value)
    vulgar = {
        k: (int(v.split("/")[0]), int(v.split("/")[1])) for k, v in raw["vulgar_fractions"].items()
    }
    phrases = [
        *raw["currency_words"],
        *raw["measure_units"],
        *raw["percent_words"],
        *raw["point_words"],
        *raw["qualifiers"],
        *raw["lower_bounds"],
        *raw["upper_bounds"],
    ]
    max_phrase = max(len(p.split()) for p in phrases)

    def lower(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    common = (
        lower("noun_stop")
        | lower("qualifiers")
        | frozenset(
            w for key in ("lower_bounds", "upper_bounds") for p in raw[key] for w in p.split()
        )
        | frozenset(raw["months"])
        | lower("weekdays")
        | lower("score_words")
        | lower("change_verbs")
        | frozenset({"since", "by", "in", "from", "until", "after", "before", "only", "all"})
    )
    other_starters = frozenset(
        {
            *cardinals,
            *ordinals,
            *raw["scales"],
            *raw["denominators"],
            *raw["months"],
            *lower("weekdays"),
            *raw["currency_symbols"],
            *(code.lower() for code in raw["currency_codes"]),
            *raw["vulgar_fractions"],
            *lower("starter_words"),
        }
    )
    starters = other_starters | lower("position_words") | frozenset(raw["dollar_prefixes"])
    # Words that start something only before digits ("week 5") or a dollar sign ("HK$5"):
    # the walk passes over them elsewhere ("the last day", "it's").
    before_digits = lower("position_words") - other_starters
    before_dollar = frozenset(raw["dollar_prefixes"]) - other_starters
    # What a number needs somewhere in its part (see _trigger); the words after "a"/"an" that
    # make a number of it ("a third", "a dozen", "a dollar", "A$5"); and the last token of
    # every qualifier, so most numbers skip the phrase search.
    trigger_source = {
        *cardinals,
        *ordinals,
        *raw["scales"],
        *raw["denominators"],
        *raw["currency_words"],
        *raw["indefinite_units"],
    }
    trigger = _trigger(raw, trigger_source)
    article_followers = frozenset(
        {
            *raw["scales"],
            *raw["denominators"],
            *(w for w in raw["currency_words"] if " " not in w),
            *lower("indefinite_units"),
            *(w for w in raw["measure_units"] if w.isalpha()),  # "an hour and a half"
            "$",
        }
    )
    qualifier_ends = frozenset(
        _last_token(q) for key in ("qualifiers", "lower_bounds", "upper_bounds") for q in lower(key)
    )
    qualifiers = lower("qualifiers") | lower("lower_bounds") | lower("upper_bounds")
    return Lexicon(
        before_digits=before_digits,
        before_dollar=before_dollar,
        trigger=trigger,
        trigger_words=frozenset(w.lower() for w in trigger_source if w.isalpha()),
        trigger_words_ascii=all(w.isascii() for w in trigger_source if w.isalpha()),
        trigger_bytes=frozenset(
            w.lower().encode() for w in trigger_source if w.isascii() and w.isalpha()
        ),
        trigger_marks=re.compile(f"[\\d{''.join(raw['vulgar_fractions'])}]"),
        trigger_marks_ascii=re.compile(
            f"[0-9{''.join(re.escape(v) for v in raw['vulgar_fractions'] if v.isascii())}]"
        ),
        article_followers=article_followers,
        qualifier_ends=qualifier_ends,
        # Every ending of every qualifier, so a phrase read back from a number stops growing
        # once no qualifier ends with it.
        qualifier_tails=frozenset(q[k:] for q in qualifiers for k in range(len(q))),
        date_words=frozenset({*raw["months"], *lower("weekdays")}),
        starters=starters,
        cardinals=cardinals,
        units=units,
        teens=teens,
        tens=tens,
        ordinals=ordinals,
        scales=raw["scales"],
        suffix_scales=raw["suffix_scales"],
        denominators=raw["denominators"],
        vulgar=vulgar,
        vague_scales=lower("vague_scales"),
        ordinal_suffixes=lower("ordinal_suffixes"),
        currency_symbols=raw["currency_symbols"],
        dollar_prefixes=raw["dollar_prefixes"],
        currency_codes=frozenset(raw["currency_codes"]),
        currency_codes_lower={code.lower(): code for code in raw["currency_codes"]},
        currency_words=raw["currency_words"],
        measure_units=raw["measure_units"],
        measure_units_cased=raw["measure_units_cased"],
        percent_words=lower("percent_words"),
        point_words=lower("point_words"),
        point_tail_words=lower("point_tail_words"),
        plural_nouns=lower("plural_nouns"),
        determiners=lower("determiners"),
        rating_nouns=lower("rating_nouns"),
        name_openers=lower("name_openers"),
        indefinite_one_after=lower("indefinite_one_after"),
        address_words=lower("address_words"),
        lowercase_currency_codes=lower("lowercase_currency_codes"),
        qualifiers=qualifiers,
        lower_bounds=lower("lower_bounds"),
        upper_bounds=lower("upper_bounds"),
        range_joins=lower("range_joins"),
        months=raw["months"],
        weekdays=lower("weekdays"),
        time_zones=lower("time_zones"),
        meridiem=raw["meridiem"],
        identifier_words=lower("identifier_words"),
        position_words=lower("position_words"),
        score_words=lower("score_words"),
        change_verbs=lower("change_verbs"),
        pronoun_one_before=lower("pronoun_one_before"),
        pronoun_one_after=lower("pronoun_one_after"),
        pronoun_one_modals=lower("pronoun_one_modals"),
        indefinite_units=lower("indefinite_units"),
        ambiguous_currency_words=lower("ambiguous_currency_words"),
        word_like_currency_words=lower("word_like_currency_words"),
        half_not_after=lower("half_not_after"),
        second_not_before=lower("second_not_before"),
        second_not_after=lower("second_not_after"),
        noun_stop=lower("noun_stop"),
        common=common,
        max_phrase=max_phrase,
    )


def _last_token(phrase: str) -> str:
    """The last token of ``phrase`` as the tokenizer cuts it ("c." ends with ".")."""
    last = phrase.split()[-1]
    return "." if last.endswith(".") and len(last) > 1 else last


def _alternation(words: set[str]) -> str:
    """One pattern for many words, branching letter by letter (a trie), so a search tests a
    position against the few words that share its first letter instead of all of them."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def _trigger(raw: dict[str, Any], words: set[str]) -> re.Pattern[str]:
    """What every number needs somewhere in its part: a digit, a vulgar fraction or one of
    ``words`` standing as a whole word (letters on neither side, as the tokenizer cuts)."""
    letter = r"[^\W\d_]"
    alpha = {w for w in words if w.isalpha()}
    return re.compile(
        rf"\d|[{''.join(raw['vulgar_fractions'])}]|(?<!{letter}){_alternation(alpha)}(?!{letter})",
        re.IGNORECASE,
    )


@cache
def lexicon(language: str = "en") -> Lexicon:
    """The lexicon of ``language`` (``data/<language>.json``), read on first use only."""
    path = resources.files(__package__).joinpath("data").joinpath(f"{language}.json")
    return _build(json.loads(path.read_text(encoding="utf-8")))
