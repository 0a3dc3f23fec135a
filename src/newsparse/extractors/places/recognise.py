"""Finding place names in running text: one left-to-right pass of dictionary lookups.

One regular-expression scan finds the capitalised words; only those that can open a
gazetteer name are looked at closely.  There the longest run of up to :data:`MAX_TOKENS`
tokens whose folded text is a name wins ("New South Wales" before "Wales"); an abbreviation
may take its full stop ("Mass.", "Ga.").  Around a match the recogniser reads a few words to
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

import attrs

from newsparse.extractors.places.gazetteer import Entry, Gazetteer, fold, gazetteer, words
from newsparse.model import PlaceKind

__all__ = [
    "BIG_TOWN",
    "MAX_TOKENS",
    "Mention",
    "find_mentions",
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
_TOKEN = re.compile(r"(?:[A-Z]\.){2,3}|[^\W\d_]{1,60}")
# A capitalised word: where a name can start.
_CAPWORD = re.compile(r"(?:[A-Z]\.){2,3}|[A-ZÀ-ÖØ-Þ][^\W\d_]{0,59}")
_LONG_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,60}")
_LONG_CAPITAL = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][^\W\d_]{3,59}")
# Gaps allowed inside a multi-word name.
_JOIN = frozenset({" ", "\u00a0", "-", ". ", ".", ", ", "'", "’", "'s ", "’s "})
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


@attrs.frozen
class Mention:
    """A stretch of text that names a place (or a demonym of one), with every candidate."""

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
_AGE = re.compile(r", (?:a |aged )?\d{1,3},")


class _Token:
    """A word of the text (a plain slotted class: thousands are made per page)."""

    __slots__ = ("capitalised", "caps", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str, capitalised: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.capitalised = capitalised
        self.caps = len(text) > 1 and text.isupper()


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


def _prev_token(text: str, at: int, start: int) -> _Token | None:
    """The word before position ``at`` (within a few characters of it), if any."""
    k = at
    floor = max(start, at - 4)
    while k > floor and not text[k - 1].isalpha():
        k -= 1
    word_end = k
    floor = max(start, k - 60)
    while k > floor and text[k - 1].isalpha():
        k -= 1
    if k < word_end:
        word = text[k:word_end]
        return _Token(k, word_end, word, word[0].isupper())
    return None


def _run_tokens(text: str, at: int, end: int) -> list[_Token]:
    """The run of words from position ``at`` that a name could span, plus one more for
    context.  The word before ``at`` is read apart (:func:`_prev_token`), and only for a
    run that names a place, since most capitalised words name none."""
    tokens: list[_Token] = []
    last_end = -1
    for count, m in enumerate(_TOKEN.finditer(text, at, min(end, at + 400)), 1):
        token_start, token_end = m.span()
        word = m.group()
        capitalised = word[0].isupper()
        tokens.append(_Token(token_start, token_end, word, capitalised))
        if count > MAX_TOKENS:
            break
        if count > 1 and (
            text[last_end:token_start] not in _JOIN or not (capitalised or word in _INNER)
        ):
            break
        last_end = token_end
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
    surnames = set() if surnames is None else surnames
    end = len(text) if end is None else end
    gaz = gazetteer()
    openers = gaz.openers
    w = _words()
    title_case: list[bool] = []

    def headline() -> bool:
        if not title_case:
            title_case.append(_title_case(text, start, end))
        return title_case[0]

    resume = start
    last_end = -1
    for m in _CAPWORD.finditer(text, start, end):
        at = m.start()
        word = m.group()
        if at < resume:
            continue
        folded = fold(word)
        tokens: list[_Token] | None = None
        if folded in w.not_place_openers:
            tokens = _run_tokens(text, at, end)
            skip = _not_place(text, tokens, 0, w)
            if skip:
                resume = skip
                continue
        if folded in openers:
            if folded in w.stop and "+" + folded not in openers:
                continue
        elif "=" + word not in openers:
            continue
        if tokens is None:
            tokens = _run_tokens(text, at, end)
        found = _match_at(text, tokens, 0, end, gaz, w)
        if found is None:
            continue
        j, span_end, key, places, demonyms = found
        i = 0
        prev = _prev_token(text, at, start)
        if prev is not None:
            tokens.insert(0, prev)
            i, j = 1, j + 1
        mention = _judge(text, tokens, i, j, span_end, key, places, demonyms, gaz, w, headline)
        if mention is None:
            continue
        if mention is _SURNAME:
            surnames.add(key)
        if mention is _NAME or mention is _SURNAME:
            # Part of a person's or an organisation's name: skip the whole capitalised run.
            k = j + 1
            while (
                k < len(tokens)
                and tokens[k].capitalised
                and _gap(text, tokens[k - 1], tokens[k]) in (" ", "\u00a0")
            ):
                k += 1
            resume = tokens[k - 1].end
            continue
        if last_end >= 0 and text[last_end : mention.start] == ", ":
            mention = attrs.evolve(mention, after_comma=True)
        yield mention
        last_end = resume = mention.end


def _gap(text: str, a: _Token, b: _Token) -> str:
    return text[a.end : b.start]


def _match_at(
    text: str, tokens: list[_Token], i: int, end: int, gaz: Gazetteer, w: _Words
) -> tuple[int, int, str, tuple[Entry, ...], tuple[Entry, ...]] | None:
    """The longest gazetteer name starting at token ``i``: last token, end, key, entries."""
    first = tokens[i]
    last = i
    while (
        last + 1 < len(tokens)
        and last + 1 - i < MAX_TOKENS
        and _gap(text, tokens[last], tokens[last + 1]) in _JOIN
    ):
        last += 1
    for j in range(last, i - 1, -1):
        piece = text[first.start : tokens[j].end]
        tok = tokens[j]
        if j == i and tok.caps and len(tok.text.replace(".", "")) <= 4:
            exact = "=" + piece
            if gaz.has(exact):
                places, demonyms = gaz.lookup(exact)
                return j, tok.end, exact, places, demonyms
            if "." not in piece:
                return None
        if j > i and not (tok.capitalised or fold(tok.text) in w.after):
            continue
        key = fold(piece)
        if tok.end < end and text[tok.end] == "." and gaz.has(key + "."):
            places, demonyms = gaz.lookup(key + ".")
            return j, tok.end + 1, key + ".", places, demonyms
        if gaz.has(key):
            places, demonyms = gaz.lookup(key)
            return j, tok.end, key, places, demonyms
    return None


def _prev_word(text: str, tokens: list[_Token], i: int) -> tuple[_Token | None, str]:
    if i == 0:
        return None, ""
    return tokens[i - 1], _gap(text, tokens[i - 1], tokens[i])


def _not_place(text: str, tokens: list[_Token], i: int, w: _Words) -> int:
    """The end of a known non-place name starting at token ``i`` ("United Russia"), or 0."""
    for j in range(min(i + 4, len(tokens) - 1), i, -1):
        if fold(text[tokens[i].start : tokens[j].end]) in w.not_places:
            return tokens[j].end
    return 0


def _org_follows(text: str, tokens: list[_Token], k: int, w: _Words) -> bool:
    """Whether the capitalised run from token ``k`` names an organisation ("Dublin
    Historical Society", "Gainesville Environmental Services")."""
    for n in range(k, min(k + 4, len(tokens))):
        token = tokens[n]
        if not token.capitalised or (n > k and _gap(text, tokens[n - 1], token) != " "):
            return False
        if fold(token.text) in w.org_after:
            return True
    return False


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
    tokens: list[_Token],
    i: int,
    j: int,
    span_end: int,
    key: str,
    places: tuple[Entry, ...],
    demonyms: tuple[Entry, ...],
    gaz: Gazetteer,
    w: _Words,
    headline: Callable[[], bool],
) -> Mention | None:
    """The mention tokens ``i..j`` make in their context, or None when they are no place."""
    first = tokens[i]
    start = first.start
    single = i == j
    prev, prev_gap = _prev_word(text, tokens, i)
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    next_gap = text[span_end : nxt.start] if nxt is not None else ""
    prev_fold = fold(prev.text) if prev is not None else ""
    demonym = bool(demonyms)
    candidates = tuple(demonyms or places)
    initial = single and _initial(text, start)

    if key in w.stop:
        return None
    # Countries, regions and seas rarely start or end a person's name (a few do: "Georgia",
    # "Jordan"), while organisations named after them are everywhere ("Texas Parks and
    # Wildlife", "DeSmog Canada"): their names stand even next to other capitalised words.
    top = max(candidates, key=lambda c: c.weight) if candidates else None
    strong = key not in w.person_places and top is not None and top.kind in _STRONG
    follows = text[span_end : span_end + 12]
    if follows.startswith("$") or _AGE.match(follows):
        return _SURNAME if follows[:1] == "," else None
    # A short abbreviation only after a comma or a party letter: "Athens, Ga.", "D-Ga.".
    if (
        key.endswith(".")
        and not key.startswith("=")
        and len(key.replace(".", "")) <= 3
        and prev_gap not in (", ", "-", " (")
    ):
        return None
    if single and first.caps and len(first.text) <= 4 and not key.startswith("="):
        return None
    # A title or a first name before it: "Mr Jordan", "Hillary Clinton".
    if prev is not None and prev_gap in (" ", ". ", "\u00a0"):
        if prev_fold in w.titles and (prev.capitalised or prev_gap == ". "):
            return _NAME
        if (
            not strong
            and prev_gap == " "
            and prev.capitalised
            and not prev.caps
            and prev_fold not in w.stop
            and prev_fold not in w.before
            and not (top is not None and top.weight >= BIG_TOWN and _initial(text, prev.start))
            and not headline()
        ):
            return _SURNAME
    # Part of a longer name: "Paris Hilton", "Washington Post", "Ohio State University".
    designator = designator_word = None
    if nxt is not None and next_gap in (" ", "\u00a0"):
        nxt_fold = fold(nxt.text)
        if (
            nxt_fold in w.after
            and not demonym
            and (nxt.capitalised or nxt_fold not in w.after_caps_only)
        ):
            designator, designator_word = w.after[nxt_fold], nxt_fold
            span_end = nxt.end
        elif (
            nxt.capitalised
            and not nxt.caps
            and not demonym
            and not strong
            and not _org_follows(text, tokens, j + 1, w)
            and nxt_fold not in w.titles
            and nxt_fold not in w.stop
            and len(nxt.text) > 1
            and not headline()
        ):
            return _NAME
    if demonym and key in w.languages:
        after = nxt is not None and (
            fold(nxt.text) in w.language_after and next_gap in (" ", "-", "\u00a0")
        )
        bare = nxt is None or next_gap.strip() != "" or fold(nxt.text) in _AFTER_LANGUAGE
        if after or (prev_fold in w.language_before and bare):
            return None
    speaker = nxt is not None and next_gap == " " and nxt.text in w.said
    return Mention(
        start=start,
        end=span_end,
        key=key,
        places=candidates,
        demonym=demonym,
        designator=designator,
        designator_word=designator_word,
        initial=initial,
        speaker=speaker,
    )


_VERSUS = re.compile(r"\s{1,3}(?:v|vs|vs\.|versus)\s{1,3}")
_SCORE = re.compile(r"\s{1,3}\d{1,3}[-/–]\d{1,3}\b")
_TEAM_WORDS = re.compile(
    r"\s{1,3}(?:need|needs|win|wins|won|lead|leads|led|beat|beats|lost|lose|trail|trails|"
    r"bat|bats|batted|bowl|bowled|chase|chased|drew|draw|captain|coach|squad|team|"
    r"women['’]s|men['’]s|innings|declared)\b"
)


# The last word of a shape name: a landmark word, a numbered road, or a feature word.  The
# name before it is read from a short window, so the scan costs one pass over the text.
_CUE = re.compile(
    r"(?<![\w.])(?:"
    r"(?P<landmark>Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Square|Row|Highway|"
    r"Hospital|Infirmary|Airport|Bridge|Stadium|Cathedral|Castle|Palace|Terrace|Crescent)(?!\w)"
    r"|(?P<road>(?:Highway|Route|Interstate) \d{1,4})\b"
    r"|(?P<feature>[Rr]iver|[Pp]rovince|[Oo]blast|[Rr]egion|Mountains)(?!\w))"
)
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
    w = _words()
    found: list[Mention] = []
    for cue in _CUE.finditer(text, start, end):
        cue_start, cue_end = cue.start(), cue.end()
        if cue.group("road"):
            at, kind = cue_start, "landmark"
        else:
            feature = cue.group("feature")
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
            kind = _FEATURE_KIND[feature.lower()] if feature else "landmark"
        found.append(
            Mention(
                start=at,
                end=cue_end,
                key=fold(text[at:cue_end]),
                places=(),
                designator=kind,
                designator_word=cue.group().split()[0].lower(),
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
