"""The word lists the quotes extractor reads, loaded once from ``data/<lang>.json``.

Lists are data, not code, so another language is a new file with the same keys: speech verbs
with their inflected forms, titles, role nouns, pronouns with their gender, words that start
capitalised runs without being names, organisation words, and cues that introduce a name or a
title rather than speech ("dubbed", "so-called").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import attrs

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen
class Lexicon:
    """Word sets for one language, all lower case."""

    speech_forms: frozenset[str]
    core_forms: frozenset[str]
    inverting_forms: frozenset[str]
    verb_base: dict[str, str]
    phrase_cues: tuple[str, ...]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    org_nouns: frozenset[str]
    not_name_start: frozenset[str]
    pronouns: dict[str, str]
    naming_cues: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]


@cache
def lexicon(lang: str = "en") -> Lexicon:
    """The word lists for ``lang``, read from the package data on first use."""
    raw = json.loads(
        resources.files(__package__)
        .joinpath("data")
        .joinpath(f"{lang}.json")
        .read_text(encoding="utf-8")
    )
    base: dict[str, str] = {}
    for verb, forms in raw["speech_verbs"].items():
        for form in forms:
            base.setdefault(form, verb)
    return Lexicon(
        speech_forms=frozenset(base),
        core_forms=frozenset(form for form, verb in base.items() if verb in set(raw["core_verbs"])),
        inverting_forms=frozenset(raw["inverting_verbs"]),
        verb_base=base,
        phrase_cues=tuple(raw["phrase_cues"]),
        titles=frozenset(raw["titles"]),
        role_nouns=frozenset(raw["role_nouns"]),
        org_words=frozenset(raw["org_words"]),
        org_nouns=frozenset(raw["org_nouns"]),
        not_name_start=frozenset(raw["not_name_start"]),
        pronouns=dict(raw["pronouns"]),
        naming_cues=frozenset(raw["naming_cues"]),
        male_names=frozenset(raw["male_names"]),
        female_names=frozenset(raw["female_names"]),
    )
