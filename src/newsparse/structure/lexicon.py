"""The phrase lists the structure parser reads, compiled once into fast matchers.

The built-in English lists live in ``data/en.json`` beside this module; plugins add their own
through the ``newsparse_structure_phrases`` hook.  Lines are compared in a *key* form
(lower-cased, whitespace runs collapsed, stripped), so the lists stay readable and a match costs
a set look-up or one precompiled alternation, whatever the list length.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["CATEGORIES", "Lexicon", "key", "load_lexicon", "load_phrases"]

#: The categories of the phrase file; a plugin contribution under any other name is unknown.
CATEGORIES: tuple[str, ...] = (
    "boilerplate",
    "boilerplate_contains",
    "boilerplate_strong",
    "promo_prefixes",
    "related_prefixes",
    "related_headers",
    "related_labels",
    "credit_markers",
    "credit_agencies",
    "caption_prefixes",
    "caption_suffixes",
    "byline_prefixes",
    "date_prefixes",
    "updated_words",
    "flags",
    "sections",
    "bio_roles",
    "bio_verbs",
    "end_headings",
    "notice_words",
    "credit_prefixes",
    "life_facts",
)


def key(text: str) -> str:
    """The comparison form of a line: lower-cased, whitespace collapsed, stripped."""
    return " ".join(text.split()).lower()


_TOKEN = re.compile(r"\w+")


def _triggers(phrases: Iterable[str]) -> frozenset[str]:
    """The longest word of each phrase: a line without any of them cannot match."""
    found = set()
    for phrase in phrases:
        words = _TOKEN.findall(key(phrase))
        found.add(max(words, key=len) if words else "")
    return frozenset(found)


def _trigger(phrase: str) -> str:
    words = _TOKEN.findall(key(phrase))
    return max(words, key=len) if words else ""


@attrs.frozen(eq=False)
class PhraseIndex:
    """Whole-word phrases grouped by their trigger word (their longest word).

    A phrase found as whole words in a line has its trigger among the line's words, so a
    line need only be searched for the phrases of the triggers it holds: a few short
    alternations instead of one over the whole list.  Phrases without any word are searched
    on every line.  :meth:`found` answers exactly what one search over all the phrases would.
    """

    by_trigger: Mapping[str, re.Pattern[str]]
    wordless: re.Pattern[str] | None

    def found(self, lowered: str, tokens: Iterable[str]) -> bool:
        """Whether any phrase occurs as whole words in ``lowered`` (whose words are ``tokens``)."""
        by_trigger = self.by_trigger
        for token in tokens:
            pattern = by_trigger.get(token)
            if pattern is not None and pattern.search(lowered) is not None:
                return True
        return self.wordless is not None and self.wordless.search(lowered) is not None


def _phrase_index(phrases: Iterable[str]) -> PhraseIndex:
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if key(phrase):
            groups.setdefault(_trigger(phrase), []).append(phrase)
    wordless = groups.pop("", None)
    return PhraseIndex(
        {trigger: _word_pattern(group) for trigger, group in groups.items()},
        _word_pattern(wordless) if wordless else None,
    )


def _cores(phrases: Iterable[str]) -> tuple[str, ...]:
    """The non-empty phrases that contain no other phrase of the list."""
    unique = {phrase for phrase in phrases if phrase}
    return tuple(sorted(p for p in unique if not any(o != p and o in p for o in unique)))


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first, so that "sign up to our" wins over "sign up".
    unique = sorted({re.escape(key(p)) for p in phrases if key(p)}, key=len, reverse=True)
    return "|".join(unique) or r"(?!x)x"


def _word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Match any phrase as whole words (an edge that is not a letter or digit)."""
    return re.compile(rf"(?<!\w)(?:{_alternation(phrases)})(?!\w)")


def _starts(phrases: Iterable[str]) -> tuple[str, ...]:
    """First words of the phrases, for a cheap ``str.startswith`` test before the regex."""
    return tuple(sorted({key(p).split(" ", 1)[0] for p in phrases if key(p)}))


def _prefix_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(phrases)})")


@attrs.frozen
class Lexicon:
    """Every phrase list, compiled.  Built by :func:`load_lexicon`; immutable and shareable."""

    boilerplate: frozenset[str]
    boilerplate_contains: re.Pattern[str]
    contains_index: PhraseIndex
    contains_triggers: frozenset[str]
    boilerplate_strong: re.Pattern[str]
    strong_index: PhraseIndex
    strong_triggers: frozenset[str]
    promo_prefix: re.Pattern[str]
    promo_starts: tuple[str, ...]
    related_prefix: re.Pattern[str]
    related_starts: tuple[str, ...]
    related_headers: frozenset[str]
    related_header_start: re.Pattern[str]
    header_starts: tuple[str, ...]
    related_labels: re.Pattern[str]
    credit_marker: re.Pattern[str]
    credit_agency: re.Pattern[str]
    agencies: frozenset[str]
    caption_prefix: re.Pattern[str]
    caption_starts: tuple[str, ...]
    caption_suffix: re.Pattern[str]
    caption_ends: tuple[str, ...]
    byline_prefix: re.Pattern[str]
    byline_starts: tuple[str, ...]
    agency_tails: frozenset[str]
    date_prefix: re.Pattern[str]
    updated_words: re.Pattern[str]
    flags: frozenset[str]
    sections: frozenset[str]
    bio: re.Pattern[str]
    bio_guards: tuple[str, ...]
    end_headings: frozenset[str]
    notice_words: tuple[str, ...]
    credit_prefixes: tuple[str, ...]
    life_facts: tuple[str, ...]
    marker_words: frozenset[str]
    #: The credit markers that hold no shorter marker ("pic" for "picture"): a line holding
    #: none of them holds no marker at all.
    marker_cores: tuple[str, ...]


def _compile(phrases: Mapping[str, tuple[str, ...]]) -> Lexicon:
    def get(name: str) -> tuple[str, ...]:
        return phrases.get(name, ())

    markers = get("credit_markers")
    marker_alt = _alternation(markers)
    headers = get("related_headers")
    return Lexicon(
        boilerplate=frozenset(key(p) for p in get("boilerplate")),
        boilerplate_contains=_word_pattern(get("boilerplate_contains")),
        contains_index=_phrase_index(get("boilerplate_contains")),
        contains_triggers=_triggers(get("boilerplate_contains")),
        boilerplate_strong=_word_pattern(get("boilerplate_strong")),
        strong_index=_phrase_index(get("boilerplate_strong")),
        strong_triggers=_triggers(get("boilerplate_strong")),
        promo_prefix=re.compile(rf"(?:{_alternation(get('promo_prefixes'))})(?:\s|$)"),
        promo_starts=_starts(get("promo_prefixes")),
        related_prefix=re.compile(rf"(?:{_alternation(get('related_prefixes'))})\s"),
        related_starts=_starts(get("related_prefixes")),
        related_headers=frozenset(key(p) for p in headers),
        related_header_start=re.compile(
            rf"(?:{_alternation(h for h in headers if ' ' in key(h))})\b"
        ),
        header_starts=_starts(h for h in headers if " " in key(h)),
        related_labels=_word_pattern(get("related_labels")),
        # "Photo: X", "(Picture: X)", "Credit - X": a marker word then a colon or dash.
        credit_marker=re.compile(rf"(?:{marker_alt})\s{{0,2}}(?::|\s[-–—]\s|\sby\s)\s{{0,3}}"),
        credit_agency=_word_pattern(get("credit_agencies")),
        agencies=frozenset(key(p) for p in get("credit_agencies")),
        caption_prefix=_prefix_pattern(get("caption_prefixes")),
        caption_starts=_starts(get("caption_prefixes")),
        caption_ends=tuple(sorted({key(p) for p in get("caption_suffixes") if key(p)})),
        caption_suffix=re.compile(
            rf"\s{{0,3}}(?:{_alternation(get('caption_suffixes'))})\s{{0,3}}$"
        ),
        byline_prefix=re.compile(rf"(?:{_alternation(get('byline_prefixes'))})\s{{1,3}}"),
        byline_starts=_starts(get("byline_prefixes")),
        agency_tails=frozenset(
            words[-1] for words in (_TOKEN.findall(key(p)) for p in get("credit_agencies")) if words
        ),
        date_prefix=re.compile(rf"(?:{_alternation(get('date_prefixes'))})(?:\s{{1,3}}|$)"),
        updated_words=re.compile(rf"(?:{_alternation(get('updated_words'))})\b"),
        flags=frozenset(key(p) for p in get("flags")),
        sections=frozenset(key(p) for p in get("sections")),
        # "Jane Doe is a health reporter for ...": a reporter's bio, not the story.
        bio=re.compile(
            rf"(?:[A-Z][\w'’.-]{{0,30}}\s){{1,3}}(?:{_alternation(get('bio_verbs'))})\s"
            rf"(?:[\w-]{{1,30}}\s){{0,5}}(?:{_alternation(get('bio_roles'))})s?\b"
        ),
        bio_guards=tuple(sorted({f" {key(p)} " for p in get("bio_verbs") if key(p)})),
        end_headings=frozenset(key(p) for p in get("end_headings")),
        notice_words=tuple(sorted({key(p) for p in get("notice_words") if key(p)})),
        credit_prefixes=tuple(sorted({key(p) for p in get("credit_prefixes") if key(p)})),
        life_facts=tuple(sorted({key(p) for p in get("life_facts") if key(p)})),
        marker_words=frozenset(key(p) for p in markers),
        marker_cores=_cores(key(p) for p in markers),
    )


@functools.cache
def load_phrases(language: str = "en") -> Mapping[str, tuple[str, ...]]:
    """The built-in phrase lists of ``language``, read from the package data once."""
    from importlib import resources  # imported here: it costs more than the rest of import

    raw = resources.files("newsparse.structure").joinpath("data").joinpath(f"{language}.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return {name: tuple(data.get(name, ())) for name in CATEGORIES}


@functools.cache
def _lexicon(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    merged = {name: list(values) for name, values in load_phrases().items()}
    for name, values in extra:
        merged.setdefault(name, []).extend(values)
    return _compile({name: tuple(values) for name, values in merged.items()})


def load_lexicon(extra: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
    """The built-in lists merged with ``extra`` (a plugin's phrases by category), compiled.

    Compiled lexicons are cached by their contents, so a process pays for each set once.
    """
    items = tuple(sorted((str(k), tuple(str(p) for p in v)) for k, v in (extra or {}).items()))
    return _lexicon(items)
