"""Finding place names in running text: one left-to-right pass of dictionary lookups.

One regular-expression scan finds the capitalised words (and the cues of shape names); a
word's class, cached by word, says in one look-up whether it can open a gazetteer name at
all.  A word that opens names of several words is read with the word after it, and the pair
is looked up before any longer run is ("World Health" opens no name); a word that can only
be a name alone is judged on the word after it.  Otherwise the longest run of up to
:data:`MAX_TOKENS` tokens whose folded text is a name wins ("New South Wales" before
"Wales"); an abbreviation may take its full stop ("Mass.", "Ga.").  Around a match the recogniser reads a few words to
decide whether the name is a place here at all:

* a designator that is part of the name extends it ("Kursk region", "Sindh province");
* a capitalised word right after a town's name ("Paris Hilton") or a first name or title
  right before it ("Mr Jordan", "Hillary Clinton") makes it part of a person's name, unless
  the words after it name an organisation ("Dublin Historical Society"), which keeps the
  place; names of countries and regions stand next to any capitalised word, except the few
  that are also given names ("Georgia", "Jordan");
* "in Russian" or "Russian-language" is a language, not a demonym;
* a common word that starts a sentence ("Police said") is dropped by the stop list, and
  names of things that merely contain a place ("United Russia") are skipped whole.

:func:`pattern_mentions` adds places known by their shape ("Belgrave Road", "Highway 19",
"the Yamuna river") and :func:`team_mentions` finds countries named as sports teams.

Nothing here chooses between places of the same name: :mod:`.resolve` does that with the
whole article in view.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from newsparse.extractors.places.gazetteer import Entry, Gazetteer, fold, gazetteer, words
from newsparse.model import PlaceKind

__all__ = [
    "BIG_TOWN",
    "MAX_TOKENS",
    "Mention",
    "find_mentions",
    "mentions_in",
    "merge",
    "pattern_mentions",
    "team_mentions",
]

#: A town this large after a sentence's capitalised first word is still the town
#: ("Overall Edmonton received ...").
BIG_TOWN = 100_000

#: The longest line read as a possible title-case headline.
HEADLINE_CHARS = 300

#: The longest name looked up, in tokens ("Saint Vincent and the Grenadines").
MAX_TOKENS = 6

# Letters only: apostrophes, hyphens and full stops are gaps between tokens, so "Russia's",
# "Kyiv-based" and "D-Ga." all expose the name.  Dotted abbreviations ("U.S.", "D.C.") are one
# token.  Both alternatives are linear: no nested quantifiers over the same characters.
# (The alternatives exclude each other: letters, or a full stop after a capital, or
# nothing; the usual one, letters, is tried first.)
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]{1,59}|(?<=[A-Z])\.(?:[A-Z]\.){1,2}|)")
# A capitalised word: where a name can start.
_CAPWORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]{1,59}|(?<=[A-Z])\.(?:[A-Z]\.){1,2}|)")
_LONG_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,60}")
_LONG_CAPITAL = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][^\W\d_]{3,59}")
# Gaps allowed inside a multi-word name.
_JOIN = frozenset({" ", "\u00a0", "-", ". ", ".", ", ", "'", "’", "'s ", "’s "})
# The first characters of those gaps.
_JOIN_FIRST = frozenset(gap[0] for gap in _JOIN)
_AFTER_LANGUAGE = frozenset(
    {
        "and",
        "or",
        "as",
        "in",
        "at",
        "on",
        "with",
        "to",
        "for",
        "from",
        "but",
        "while",
        "by",
        "is",
        "was",
    }
)
# Lower-case words that occur inside names ("Bosnia and Herzegovina", "Kursk region").
_INNER = frozenset(
    [
        "of",
        "s",
        "and",
        "the",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "del",
        "da",
        "di",
        "y",
        "el",
        "al",
        "sur",
        "upon",
        "on",
        "am",
        "im",
        "an",
        "der",
        "den",
        "van",
        "von",
        "region",
        "oblast",
        "province",
        "county",
        "state",
        "district",
        "governorate",
        "prefecture",
        "territory",
        "borough",
        "parish",
        "township",
        "municipality",
        "canton",
        "krai",
        "republic",
        "river",
        "lake",
        "sea",
        "bay",
        "valley",
        "island",
        "islands",
        "peninsula",
        "mountains",
    ]
)
_SENTENCE_END = frozenset(".!?:;\"“”‘'(—–|•*")
# What may stand right before the space before a word that opens a sentence or a line: a
# blank, a line break or the end of a sentence (see :func:`_initial`).
_BEFORE_INITIAL = _SENTENCE_END | frozenset(" \t\u00a0\n\r")
_new_tuple = tuple.__new__


class Mention(NamedTuple):
    """A stretch of text that names a place (or a demonym of one), with every candidate.

    A named tuple rather than an attrs class: it never leaves the extractor, and a dozen are
    made per page, so the cheaper construction counts."""

    start: int
    end: int
    key: str
    places: tuple[Entry, ...]
    demonym: bool = False
    #: kind ("region", "water", ...) and canonical word of a designator inside the span.
    designator: str | None = None
    designator_word: str | None = None
    #: a single capitalised token opening a sentence: weaker evidence.
    initial: bool = False
    #: the text between the previous mention and this one is ", " ("Paris, Texas").
    after_comma: bool = False
    #: followed by a speech verb ("Clark said"): a person unless the place is large.
    speaker: bool = False
    #: found only through its context (an unknown name before "river", "oblast").
    unknown: bool = False


_STRONG = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CONTINENT, PlaceKind.WATER})
_NAME = Mention(start=0, end=0, key="", places=())
_SURNAME = Mention(start=0, end=0, key="", places=())
#: :data:`_NAME`, when the judgement has already read the whole run into the tokens.
_NAME_READ = Mention(start=0, end=0, key="", places=())
_AGE = re.compile(r", (?:a |aged )?\d{1,3},")


#: A word of the text: start, end and the word itself (plain tuples, the cheapest to make).
_Tok = tuple[int, int, str]

# What a capitalised word can start, by bit: a known non-place name ("United Russia"), a
# gazetteer name, the last word of a landmark's or a feature's name ("Road", "River").
_NOT_PLACE_OPENER = 1
_OPENER = 2
_CUE_WORD = 4
# ... whether it is a whole name by itself ("Paris"), not only the start of one ("New"),
# and whether it starts a name of several words ("New", "Paris" of "Paris Peak").
_ALONE = 8
_MULTI = 16
#: At most this many capitalised words keep their class (a bound on memory).
_CLASS_CACHE = 1 << 16


#: Folded forms of the words and short runs the judging reads again and again ("said",
#: "the", "Paris"); bounded like the class cache.
_FOLDS: dict[str, str] = {}


def _fold(word: str) -> str:
    """:func:`fold`, remembered: a page reads the same few hundred words many times."""
    found = _FOLDS.get(word)
    if found is None:
        found = fold(word)
        if len(_FOLDS) >= _CLASS_CACHE:
            _FOLDS.clear()
        _FOLDS[word] = found
    return found


_CLASSES: dict[str, int] = {}

# The last word of a shape name, found in the same pass as the names: a landmark word, a
# numbered road, or a feature word (also lower-case: "the Yamuna river").
_LANDMARK_WORDS = frozenset(
    [
        "Street",
        "Road",
        "Avenue",
        "Boulevard",
        "Lane",
        "Square",
        "Row",
        "Highway",
        "Hospital",
        "Infirmary",
        "Airport",
        "Bridge",
        "Stadium",
        "Cathedral",
        "Castle",
        "Palace",
        "Terrace",
        "Crescent",
    ]
)
# Landmark words that end a name only with their full stop ("St.", "Rd.").
_DOTTED_LANDMARKS = frozenset({"St", "Rd", "Ave", "Blvd"})
_ROAD_WORDS = frozenset({"Route", "Interstate"})
_FEATURE_WORDS = frozenset({"River", "Province", "Oblast", "Region", "Mountains"})
_LOWER_FEATURES = ("river", "province", "oblast", "region")
_CUE_WORDS = _LANDMARK_WORDS | _DOTTED_LANDMARKS | _ROAD_WORDS | _FEATURE_WORDS
_ROAD = re.compile(r"(?:Route|Interstate) \d{1,4}\b")
# The gap that may join two words of a name (any of ``_JOIN``), then the next word.
_NEXT = re.compile(r"(?:[ \u00a0'’-]|\. ?|, )(" + _TOKEN.pattern + ")")
# A folded name up to the end of its second run of letters (as scripts/build_gazetteer.py
# writes the ``~`` lines of the gazetteer).
_PAIR = re.compile(r"[^\W\d_]+[\W\d_]+[^\W\d_]+")


def _caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _wordchar(ch: str) -> bool:
    """Whether ``ch`` is what ``\\w`` matches in a regular expression."""
    return ch.isalnum() or ch == "_"


class _Words:
    """The English word lists, as sets for O(1) membership."""

    def __init__(self) -> None:
        data = words("en")
        self.after: dict[str, str] = data["designators_after"]
        self.after_caps_only = frozenset(data["designators_capitalised_only"])
        self.before: dict[str, str] = data["designators_before"]
        self.region_name: dict[str, str] = data["region_name_by_country"]
        self.titles = frozenset(data["titles_before"])
        self.org_after = frozenset(data["org_after"])
        self.language_before = frozenset(data["language_before"])
        self.language_after = frozenset(data["language_after"])
        self.languages = frozenset(fold(w) for w in data["language_demonyms"])
        self.stop = frozenset(fold(w) for w in data["stop"])
        self.said = frozenset(data["said_verbs"])
        self.person_places = frozenset(fold(w) for w in data["person_places"])
        #: names of things that contain a place name but are no place ("United Russia").
        self.not_places = frozenset(fold(w) for w in data["not_places"])
        self.not_place_openers = frozenset(p.split()[0] for p in self.not_places)


_WORDS: list[_Words] = []


def _words() -> _Words:
    if not _WORDS:
        _WORDS.append(_Words())
    return _WORDS[0]


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether a line capitalises most of its words (a headline): then a capital says little.
    A paragraph longer than :data:`HEADLINE_CHARS` is never one."""
    if end - start > HEADLINE_CHARS:
        return False
    words = len(_LONG_WORD.findall(text, start, end))
    return words >= 3 and len(_LONG_CAPITAL.findall(text, start, end)) >= 0.85 * words


def _classify(word: str) -> int:
    """What a capitalised word can start (bits of ``_OPENER`` and the like), cached by word:
    most capitalised words open no name, and one look-up says so."""
    flags = _CLASSES.get(word)
    if flags is not None:
        return flags
    openers = gazetteer().openers
    w = _words()
    folded = fold(word)
    flags = _CUE_WORD if word in _CUE_WORDS else 0
    if folded in w.not_place_openers:
        flags |= _NOT_PLACE_OPENER
    if folded in openers:
        if folded not in w.stop or "+" + folded in openers:
            flags |= _OPENER
    elif "=" + word in openers:
        flags |= _OPENER
    gaz = gazetteer()
    if gaz.has(folded) or gaz.has(folded + ".") or gaz.has("=" + word):
        flags |= _ALONE
    if "+" + folded in openers:
        flags |= _MULTI
    if len(_CLASSES) >= _CLASS_CACHE:
        _CLASSES.clear()
    _CLASSES[word] = flags
    return flags


#: A capitalised word :func:`_named` looks at: one that may open a name, or a non-place name.
_LOOKED_AT = _OPENER | _NOT_PLACE_OPENER


def _scan(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, str, int]], list[tuple[int, int, str]]]:
    """One pass over the capitalised words of ``text[start:end]``: those that can open a
    name (position, word, class) and the cues of shape names (start, end, kind of cue)."""
    classes = _CLASSES
    candidates: list[tuple[int, str, int]] = []
    cues: list[tuple[int, int, str]] = []
    for m in _CAPWORD.finditer(text, start, end):
        word = m[0]
        flags = classes.get(word)
        if flags is None:
            flags = _classify(word)
        if flags:
            if flags & _CUE_WORD:
                cue = _cue_at(text, m.start(), m.end(), word, end)
                if cue is not None:
                    cues.append(cue)
            if flags & _LOOKED_AT:
                candidates.append((m.start(), word, flags))
    lower = False
    for word in _LOWER_FEATURES:
        k = text.find(word, start, end)
        while k >= 0:
            after = k + len(word)
            if (k == 0 or not (_wordchar(text[k - 1]) or text[k - 1] == ".")) and (
                after >= end or not _wordchar(text[after])
            ):
                cues.append((k, after, "feature"))
                lower = True
            k = text.find(word, after, end)
    if lower:
        cues.sort()
    return candidates, cues


def _cue_at(text: str, at: int, end_word: int, word: str, end: int) -> tuple[int, int, str] | None:
    """The cue a capitalised cue word makes at ``at`` (``Street``, ``St.``, ``Route 9``,
    ``River``), or None when it runs into other letters."""
    if at > 0 and (_wordchar(text[at - 1]) or text[at - 1] == "."):
        return None
    if word in _ROAD_WORDS:
        road = _ROAD.match(text, at, end)
        return None if road is None else (at, road.end(), "road")
    if word in _DOTTED_LANDMARKS:
        if end_word >= end or text[end_word] != ".":
            return None
        end_word += 1
    if end_word < end and _wordchar(text[end_word]):
        return None
    return at, end_word, "feature" if word in _FEATURE_WORDS else "landmark"


def _prev_token(text: str, at: int, start: int) -> _Tok | None:
    """The word before position ``at`` (within a few characters of it), if any."""
    if at - 2 >= start and text[at - 1] == " " and text[at - 2].isalpha():
        # The usual case, without the loop: one space after the word.
        k = at - 1
    else:
        k = at
        floor = at - 4 if at - 4 > start else start
        while k > floor and not text[k - 1].isalpha():
            k -= 1
    word_end = k
    floor = k - 60 if k - 60 > start else start
    # Usually a space stands before the word: find it in C, then check the word is letters.
    space = text.rfind(" ", floor, k)
    k = floor if space < 0 else space + 1
    word = text[k:word_end]
    if word.isalpha():
        return k, word_end, word
    k = word_end
    while k > floor and text[k - 1].isalpha():
        k -= 1
    if k < word_end:
        return k, word_end, text[k:word_end]
    return None


def _run_tokens(text: str, at: int, word: str, end: int) -> list[_Tok]:
    """The run of words from ``word`` at position ``at`` that a name could span, plus one
    more for context.  The word before ``at`` is read apart (:func:`_prev_token`), and only
    for a run that names a place, since most capitalised words name none."""
    last_end = at + len(word)
    tokens: list[_Tok] = [(at, last_end, word)]
    limit = at + 400
    if limit > end:
        limit = end
    # Each step matches the gap and the next word at once (:data:`_NEXT`: the gaps of
    # :data:`_JOIN` that can stand between two words); where no such gap follows, the next
    # word is the run's last, for context.
    step = _NEXT.match
    while True:
        m = step(text, last_end, limit)
        if m is None:
            m = _TOKEN.search(text, last_end, limit)
            if m is not None:
                tokens.append((m.start(), m.end(), m[0]))
            return tokens
        word = m[1]
        last_end = m.end()
        tokens.append((m.start(1), last_end, word))
        if len(tokens) > MAX_TOKENS or not (word[0].isupper() or word in _INNER):
            return tokens


def find_mentions(
    text: str, start: int = 0, end: int | None = None, surnames: set[str] | None = None
) -> Iterator[Mention]:
    """Every place name in ``text[start:end]``, left to right, never overlapping.

    Only capitalised words that can open a gazetteer name are looked at closely, so most of
    the text is skipped by one regular-expression scan.  Names seen as a person's surname
    ("Stephon Clark") are added to ``surnames`` so the caller can drop the same name
    elsewhere in the article ("Clark said").
    """
    end = len(text) if end is None else end
    surnames = set() if surnames is None else surnames
    candidates, _ = _scan(text, start, end)
    yield from _named(text, start, end, candidates, surnames)


def mentions_in(text: str, start: int, end: int, surnames: set[str]) -> list[Mention]:
    """:func:`find_mentions` and :func:`pattern_mentions` merged, from one scan."""
    candidates, cues = _scan(text, start, end)
    named = _named(text, start, end, candidates, surnames) if candidates else []
    if not cues:
        return named
    return merge(named, _shaped(text, start, cues))


def _named(
    text: str,
    start: int,
    end: int,
    candidates: list[tuple[int, str, int]],
    surnames: set[str],
) -> list[Mention]:
    gaz = gazetteer()
    w = _words()
    title_case: list[bool] = []

    def headline() -> bool:
        if not title_case:
            title_case.append(_title_case(text, start, end))
        return title_case[0]

    out: list[Mention] = []
    singles = _SINGLES
    pairs = _PAIRS
    stop = w.stop
    lookup = gaz.lookup
    resume = start
    last_end = -1
    for at, word, flags in candidates:
        if at < resume:
            continue
        tokens: list[_Tok] | None = None
        if flags & _NOT_PLACE_OPENER:
            tokens = _run_tokens(text, at, word, end)
            skip = _not_place(text, tokens, w)
            if skip:
                resume = skip
                continue
        if not flags & _OPENER:
            continue
        word_end = at + len(word)
        # The next word, when a gap that may join a name comes first (a gap and a word are
        # far shorter than the run's bound, so only the end of the text bounds the match).
        joined = (
            _NEXT.match(text, word_end, end)
            if text[word_end : word_end + 1] in _JOIN_FIRST
            else None
        )
        several = False
        if joined is not None and (flags & _MULTI or len(word) == 1):
            pair = text[at : joined.end()]
            opens = pairs.get(pair)
            several = _pair_opens(pair, joined[1], w) if opens is None else opens
        if not several and not flags & _ALONE:
            continue
        partial = False
        if tokens is None:
            if several:
                tokens = _run_tokens(text, at, word, end)
            else:
                # A name of one word: the word after it is context enough, unless the
                # judgement reads further (the rest of the run is then read).
                tokens = [(at, at + len(word), word)]
                partial = True
        if several:
            found = _match_at(text, tokens, end, gaz, w, True)
            if found is None:
                continue
            j, span_end, key, places, demonyms = found
            if key in stop:
                # (what :func:`_judge` answers first, before any context is read)
                continue
        else:
            # One word: what :func:`_match_at` reads of it, without its look at longer names
            # (:func:`_one_word`, inlined).
            exact, dotted, plain = singles.get(word) or _single(word, gaz)
            if exact is not None:
                key, span_end = exact, word_end
            elif dotted is not None and word_end < end and text[word_end] == ".":
                key, span_end = dotted, word_end + 1
            elif plain is not None:
                key, span_end = plain, word_end
            else:
                continue
            if key in stop:
                continue
            j = 0
            places, demonyms = lookup(key)
        if partial:
            if joined is not None:
                tokens.append((joined.start(1), joined.end(1), joined[1]))
            else:
                follower = _TOKEN.search(text, word_end, end if end < at + 400 else at + 400)
                if follower is not None:
                    tokens.append((follower.start(), follower.end(), follower[0]))
        i = 0
        prev = _prev_token(text, at, start)
        if prev is not None:
            tokens.insert(0, prev)
            i, j = 1, j + 1
        after_comma = at - last_end == 2 and last_end >= 0 and text.startswith(", ", last_end)
        mention = _judge(
            text,
            tokens,
            i,
            j,
            span_end,
            key,
            places,
            demonyms,
            w,
            headline,
            after_comma,
            end if partial else -1,
        )
        if mention is None:
            continue
        if mention is _SURNAME:
            surnames.add(key)
        if mention is _NAME or mention is _SURNAME or mention is _NAME_READ:
            # Part of a person's or an organisation's name: skip the whole capitalised run.
            if partial and mention is not _NAME_READ:
                tokens[i:] = _run_tokens(text, at, word, end)
            k = j + 1
            while (
                k < len(tokens)
                and tokens[k][2][0].isupper()
                and text[tokens[k - 1][1] : tokens[k][0]] in (" ", "\u00a0")
            ):
                k += 1
            resume = tokens[k - 1][1]
            continue
        out.append(mention)
        last_end = resume = mention.end
    return out


#: Whether a word and the next one can open a name of several words, by the text of the pair
#: ("New York", "South of"); bounded like the class cache.
_PAIRS: dict[str, bool] = {}


def _pair_opens(pair: str, nxt: str, w: _Words) -> bool:
    """Whether ``pair`` (a word, a gap that may join a name and the next word ``nxt``) can
    open a name of several words: the second word must be capitalised, a lower-case word
    inside names ("of") or a designator ("region"), and a gazetteer name must start with the
    two (one set look-up of the folded pair, "new york").  Cached by the pair's text, of
    which the answer is a function."""
    if not (nxt[0].isupper() or nxt in _INNER or _fold(nxt) in w.after):
        opens = False
    elif len(nxt) >= 60:
        opens = True
    else:
        found = _PAIR.match(fold(pair))
        opens = found is None or "~" + found.group() in gazetteer().openers
    if len(_PAIRS) >= _CLASS_CACHE:
        _PAIRS.clear()
    _PAIRS[pair] = opens
    return opens


def _match_at(
    text: str, tokens: list[_Tok], end: int, gaz: Gazetteer, w: _Words, several: bool
) -> tuple[int, int, str, tuple[Entry, ...], tuple[Entry, ...]] | None:
    """The longest gazetteer name starting at the first token: last token, end, key,
    entries.  Only the first token is looked up unless ``several`` says a longer name can
    start there."""
    first_start = tokens[0][0]
    last = 0
    count = len(tokens) if several else 1
    while (
        last + 1 < count
        and last + 1 < MAX_TOKENS
        and text[tokens[last][1] : tokens[last + 1][0]] in _JOIN
    ):
        last += 1
    has = gaz.has
    for j in range(last, 0, -1):
        _, tok_end, word = tokens[j]
        if not (word[0].isupper() or _fold(word) in w.after):
            continue
        key = _fold(text[first_start:tok_end])
        if tok_end < end and text[tok_end] == "." and has(key + "."):
            places, demonyms = gaz.lookup(key + ".")
            return j, tok_end + 1, key + ".", places, demonyms
        if has(key):
            places, demonyms = gaz.lookup(key)
            return j, tok_end, key, places, demonyms
    _, tok_end, word = tokens[0]
    one = _one_word(text, end, tok_end, _single(word, gaz))
    if one is None:
        return None
    key, span_end = one
    places, demonyms = gaz.lookup(key)
    return 0, span_end, key, places, demonyms


_SINGLES: dict[str, tuple[str | None, str | None, str | None]] = {}


def _one_word(
    text: str, end: int, word_end: int, keys: tuple[str | None, str | None, str | None]
) -> tuple[str, int] | None:
    """The key and span end of a one-word name from its :func:`_single` keys: exact-case
    first, then the dotted abbreviation when a full stop follows, then the plain form."""
    exact, dotted, plain = keys
    if exact is not None:
        return exact, word_end
    if dotted is not None and word_end < end and text[word_end] == ".":
        return dotted, word_end + 1
    if plain is not None:
        return plain, word_end
    return None


def _single(word: str, gaz: Gazetteer) -> tuple[str | None, str | None, str | None]:
    """The keys one word can be a name by: exact-case ("=US", for a short all-capital word),
    with its full stop ("ga.", used only when one follows), plain ("paris"); cached by word.
    A short all-capital word that is no exact key is only a dotted abbreviation or nothing
    ("WHO" is not "Who")."""
    found = _SINGLES.get(word)
    if found is not None:
        return found
    exact = dotted = plain = None
    if len(word) > 1 and word.isupper() and len(word.replace(".", "")) <= 4:
        if gaz.has("=" + word):
            exact = "=" + word
        blocked = exact is not None or "." not in word
    else:
        blocked = False
    if not blocked:
        key = fold(word)
        dotted = key + "." if gaz.has(key + ".") else None
        plain = key if gaz.has(key) else None
    found = exact, dotted, plain
    if len(_SINGLES) >= _CLASS_CACHE:
        _SINGLES.clear()
    _SINGLES[word] = found
    return found


def _not_place(text: str, tokens: list[_Tok], w: _Words) -> int:
    """The end of a known non-place name starting at the first token ("United Russia"),
    or 0."""
    first_start = tokens[0][0]
    for j in range(min(4, len(tokens) - 1), 0, -1):
        if _fold(text[first_start : tokens[j][1]]) in w.not_places:
            return tokens[j][1]
    return 0


def _org_follows(text: str, tokens: list[_Tok], k: int, w: _Words) -> bool:
    """Whether the capitalised run from token ``k`` names an organisation ("Dublin
    Historical Society", "Gainesville Environmental Services")."""
    for n in range(k, min(k + 4, len(tokens))):
        token_start, _, word = tokens[n]
        if not word[0].isupper() or (n > k and text[tokens[n - 1][1] : token_start] != " "):
            return False
        if _fold(word) in w.org_after:
            return True
    return False


def _completed(text: str, tokens: list[_Tok], i: int, run_end: int) -> list[_Tok]:
    """``tokens`` with the whole run from token ``i`` read (in place) when it was cut short
    (``run_end``, the end of the text it may span, is then 0 or more)."""
    if run_end >= 0:
        start, _, word = tokens[i]
        tokens[i:] = _run_tokens(text, start, word, run_end)
    return tokens


def _initial(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a line (looking back a few characters
    only, so long lines cost nothing extra)."""
    k = at
    floor = max(0, at - 16)
    while k > floor and text[k - 1] in " \t\u00a0":
        k -= 1
    if k == 0 or text[k - 1] in "\n\r":
        return True
    return k > floor and text[k - 1] in _SENTENCE_END


def _judge(
    text: str,
    tokens: list[_Tok],
    i: int,
    j: int,
    span_end: int,
    key: str,
    places: tuple[Entry, ...],
    demonyms: tuple[Entry, ...],
    w: _Words,
    headline: Callable[[], bool],
    after_comma: bool,
    run_end: int = -1,
) -> Mention | None:
    """The mention tokens ``i..j`` make in their context, or None when they are no place.
    A ``run_end`` of 0 or more says the tokens stop at the word after the name: the rest of
    the run (up to ``run_end``) is read only if it must be read as an organisation's name."""
    if key in w.stop:
        return None
    start, _, first = tokens[i]
    single = i == j
    if i:
        prev_start, prev_end, prev = tokens[i - 1]
        prev_gap = text[prev_end:start]
    else:
        prev_start, prev, prev_gap = -1, "", ""
    if j + 1 < len(tokens):
        nxt_start, nxt_end, nxt = tokens[j + 1]
        next_gap = text[span_end:nxt_start]
    else:
        nxt_start = nxt_end = -1
        nxt = next_gap = ""
    demonym = bool(demonyms)
    candidates = demonyms or places

    # Countries, regions and seas rarely start or end a person's name (a few do: "Georgia",
    # "Jordan"), while organisations named after them are everywhere ("Texas Parks and
    # Wildlife", "DeSmog Canada"): their names stand even next to other capitalised words.
    strength = _STRENGTHS.get(key)
    strong, top_weight = strength if strength is not None else _strength(key, candidates, w)
    follows = text[span_end : span_end + 1]
    if follows == "$":
        return None
    # (an age reads at most 11 characters: ", aged 42,")
    if follows == "," and _AGE.match(text, span_end):
        return _SURNAME
    # A short abbreviation only after a comma or a party letter: "Athens, Ga.", "D-Ga.".
    if (
        key.endswith(".")
        and not key.startswith("=")
        and len(key.replace(".", "")) <= 3
        and prev_gap not in (", ", "-", " (")
    ):
        return None
    if single and len(first) <= 4 and _caps(first) and not key.startswith("="):
        return None
    # A title or a first name before it: "Mr Jordan", "Hillary Clinton".
    if prev and prev_gap in (" ", ". ", "\u00a0"):
        # Both readings need a capital or a full stop before: "in Paris" folds nothing.
        prev_capitalised = prev[0].isupper()
        if prev_capitalised or prev_gap == ". ":
            prev_fold = _fold(prev)
            if prev_fold in w.titles:
                return _NAME
            if (
                not strong
                and prev_gap == " "
                and prev_capitalised
                and not _caps(prev)
                and prev_fold not in w.stop
                and prev_fold not in w.before
                and not (top_weight >= BIG_TOWN and _initial(text, prev_start))
                and not headline()
            ):
                return _SURNAME
    # Part of a longer name: "Paris Hilton", "Washington Post", "Ohio State University".
    designator = designator_word = None
    if nxt and next_gap in (" ", "\u00a0"):
        nxt_fold = _FOLDS.get(nxt) or _fold(nxt)
        if (
            nxt_fold in w.after
            and not demonym
            and (nxt[0].isupper() or nxt_fold not in w.after_caps_only)
        ):
            designator, designator_word = w.after[nxt_fold], nxt_fold
            span_end = nxt_end
        elif (
            nxt[0].isupper()
            and not _caps(nxt)
            and not demonym
            and not strong
            and not _org_follows(text, _completed(text, tokens, i, run_end), j + 1, w)
            and nxt_fold not in w.titles
            and nxt_fold not in w.stop
            and len(nxt) > 1
            and not headline()
        ):
            return _NAME_READ
    if demonym and key in w.languages:
        after = bool(nxt) and _fold(nxt) in w.language_after and next_gap in (" ", "-", "\u00a0")
        bare = not nxt or next_gap.strip() != "" or _fold(nxt) in _AFTER_LANGUAGE
        if after or (_fold(prev) in w.language_before and bare):
            return None
    if not single:
        initial = False
    elif start >= 2 and text[start - 1] == " " and text[start - 2] not in _BEFORE_INITIAL:
        # The usual case, answered without the call: one space after a word.
        initial = False
    else:
        initial = _initial(text, start)
    # Through tuple.__new__, in the order of Mention's fields: this runs for every mention.
    return _new_tuple(
        Mention,
        (
            start,
            span_end,
            key,
            candidates,
            demonym,
            designator,
            designator_word,
            initial,
            after_comma,
            bool(nxt) and next_gap == " " and nxt in w.said,
            False,
        ),
    )


def _weight(entry: Entry) -> int:
    return entry.weight


#: At most this many names keep their strength (a bound on memory).
_STRENGTH_CACHE = 1 << 15
_STRENGTHS: dict[str, tuple[bool, int]] = {}


def _strength(key: str, candidates: tuple[Entry, ...], w: _Words) -> tuple[bool, int]:
    """Whether the largest place a name may mean is a country, region, continent or sea
    (names of those stand next to other capitalised words), and its weight (-1 without
    one).  A key always has the same candidates, so this is cached by key."""
    found = _STRENGTHS.get(key)
    if found is None:
        top = max(candidates, key=_weight) if candidates else None
        strong = key not in w.person_places and top is not None and top.kind in _STRONG
        found = strong, -1 if top is None else top.weight
        if len(_STRENGTHS) >= _STRENGTH_CACHE:
            _STRENGTHS.clear()
        _STRENGTHS[key] = found
    return found


_VERSUS = re.compile(r"\s{1,3}(?:v|vs|vs\.|versus)\s{1,3}")
_SCORE = re.compile(r"\s{1,3}\d{1,3}[-/–]\d{1,3}\b")
_TEAM_WORDS = re.compile(
    r"\s{1,3}(?:need|needs|win|wins|won|lead|leads|led|beat|beats|lost|lose|trail|trails|"
    r"bat|bats|batted|bowl|bowled|chase|chased|drew|draw|captain|coach|squad|team|"
    r"women['’]s|men['’]s|innings|declared)\b"
)


# The name before a shape's cue (found by :func:`_scan`), read from a short window.
_LANDMARK_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z'’]{1,20}[ \u00a0]){1,3}\Z")
_FEATURE_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{1,20}[ \u00a0]){1,2}\Z")
# Words that open a sentence or a phrase, not a street's name ("In Belgrave Road").
_LEADING = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "on",
        "of",
        "from",
        "to",
        "by",
        "near",
        "along",
        "off",
        "outside",
        "inside",
        "and",
        "or",
        "but",
        "into",
        "onto",
        "across",
        "past",
        "via",
        "under",
        "over",
        "behind",
        "beyond",
        "between",
        "opposite",
    ]
)
_FEATURE_KIND = {
    "mountains": "other",
    "river": "water",
    "province": "region",
    "oblast": "region",
    "region": "region",
}


def pattern_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Landmarks and features known by their shape, not the gazetteer: "Belgrave Road",
    "Derriford Hospital", "Highway 19", "the Yamuna river".  Leading words such as "In" or
    "the" are not part of the name."""
    end = len(text) if end is None else end
    _, cues = _scan(text, start, end)
    return _shaped(text, start, cues)


def _shaped(text: str, start: int, cues: list[tuple[int, int, str]]) -> list[Mention]:
    """The shape mentions the cues of :func:`_scan` end."""
    w = _words()
    found: list[Mention] = []
    for cue_start, cue_end, cue in cues:
        if cue == "road":
            at, kind = cue_start, "landmark"
        else:
            feature = cue == "feature"
            name = (_FEATURE_NAME if feature else _LANDMARK_NAME).search(
                text, max(start, cue_start - 70), cue_start
            )
            if name is None:
                continue
            at = name.start()
            words = name.group().split()
            while words and fold(words[0]) in _LEADING:
                at += len(words[0]) + 1
                words = words[1:]
            if not words or (feature and fold(words[0]) in w.stop):
                continue
            kind = _FEATURE_KIND[text[cue_start:cue_end].lower()] if feature else "landmark"
        found.append(
            Mention(
                start=at,
                end=cue_end,
                key=fold(text[at:cue_end]),
                places=(),
                designator=kind,
                designator_word=text[cue_start:cue_end].split()[0].lower(),
                unknown=True,
            )
        )
    return found


def merge(named: list[Mention], shaped: list[Mention]) -> list[Mention]:
    """Gazetteer mentions and shape mentions in text order, without overlaps: a shape wins
    over shorter names inside it ("Paris Road"), a name wins otherwise.  Both lists are in
    text order and free of overlaps within themselves, so one sweep suffices."""
    starts = [n.start for n in named]
    keep: list[Mention] = []
    dropped: set[int] = set()
    for shape in sorted(shaped, key=lambda m: m.start):
        if keep and keep[-1].end > shape.start:
            continue
        k = bisect.bisect_left(starts, shape.end) - 1
        inside: list[int] = []
        while k >= 0 and named[k].end > shape.start:
            inside.append(k)
            k -= 1
        length = shape.end - shape.start
        if all(
            named[k].start >= shape.start
            and named[k].end <= shape.end
            and named[k].end - named[k].start < length
            for k in inside
        ):
            keep.append(shape)
            dropped.update(inside)
    out = [mention for k, mention in enumerate(named) if k not in dropped]
    out.extend(keep)
    out.sort(key=lambda m: m.start)
    return out


def team_mentions(text: str, mentions: list[Mention]) -> set[int]:
    """Indices of mentions that name a sports team, not a place ("England v India").

    A name is a team where it faces another ("England v India") or is followed by a score
    ("India 248-6"); in an article with such evidence, the same names followed by words of
    play ("India need 17", "England won the toss") are teams too.
    """
    teams: set[int] = set()
    keys: set[str] = set()
    for k, mention in enumerate(mentions):
        if mention.demonym:
            continue
        after = text[mention.end : mention.end + 24]
        # Both shapes start with a space, then "v" or a digit: most names are followed by
        # neither, and two string tests say so.
        if not after[:1].isspace():
            continue
        first = after.lstrip()[:1]
        if first != "v" and not first.isdigit():
            continue
        versus = _VERSUS.match(after)
        if versus and k + 1 < len(mentions) and mentions[k + 1].start == mention.end + versus.end():
            teams.update((k, k + 1))
            keys.update((mention.key, mentions[k + 1].key))
        elif _SCORE.match(after):
            teams.add(k)
            keys.add(mention.key)
    if keys:
        for k, mention in enumerate(mentions):
            if mention.key in keys and _TEAM_WORDS.match(text, mention.end):
                teams.add(k)
    return teams
