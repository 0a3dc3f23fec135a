"""Who a mention is: names, titles, pronouns and role nouns resolved inside one article.

The article is read once for runs of capitalised words ("President Volodymyr Zelensky",
"White House", "Mr Zelensky").  A run is cut into its leading titles and role words and its
name core; the cores with two or more words are the full names people are introduced by.  A
mention is then resolved the way a reader does it:

* a full name stands for itself;
* a surname, or a title and surname ("Mr Zelensky", "President Zelensky"), stands for the
  nearest full name before it that ends with that surname (else the first one after it);
* a pronoun stands for the most recent person of a compatible gender, skipping names inside
  quotations (a quote that mentions somebody does not make them the speaker);
* a role noun ("the Ukrainian leader") stands for the person the article ties to that noun
  ("leader Volodymyr Zelensky"), else for the most recent person, as a reader would assume;
* anything else (an organisation, "one neighbour") is its own speaker, without "the".

Every step is kept as a :class:`~newsparse.Mention` so the finding can show its chain.

Speed.  What a run's words say (its core, surname, gender) does not depend on where the run
stands, and the same runs come back page after page ("The", "Mr Zelensky", "BBC News"), so
cores are kept in a bounded process-wide cache; what depends on the surrounding text (is the
mention quoted, is the surname shown to be a person's) is worked out only for the mentions
a resolution looks at.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import regex

from newsparse import Mention, Span
from newsparse.extractors.quotes.lexicon import Lexicon
from newsparse.extractors.quotes.making import make_mention, make_span
from newsparse.extractors.quotes.plain import PLAIN_LOWER, PLAIN_UPPER, PLAIN_WORD, is_plain
from newsparse.extractors.quotes.sentences import Sentences

__all__ = [
    "CORE",
    "END",
    "NAME",
    "ORG",
    "START",
    "Person",
    "SpeakerIndex",
    "name_core",
    "span_of",
]

_WORD = r"\p{Lu}[\p{L}\p{M}\p{N}]{0,40}(?:['’\-][\p{L}\p{M}\p{N}]{1,40}){0,4}"
_DOTTED = r"\p{Lu}\p{Ll}{0,3}\.(?=[ \u00a0]\p{Lu})"
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|bin|al|el|ibn|dos|das|del)(?=[ \u00a0]\p{Lu})"
RUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’\-])(?:{_DOTTED}|{_WORD})"
    rf"(?:[ \u00a0](?:{_DOTTED}|{_WORD}|{_PARTICLE})){{0,6}}"
)
#: RUN_RE for plain text (:mod:`.plain`), with Latin-1 classes for the standard library's
#: engine; the first capital comes first so that the engine can skip to it.
_UP, _LOW, _WD = PLAIN_UPPER, PLAIN_LOWER, PLAIN_WORD
_PLAIN_WORD = rf"[{_UP}][{_WD}]{{0,40}}(?:['’\-][{_WD}]{{1,40}}){{0,4}}"
_PLAIN_DOTTED = rf"[{_UP}][{_LOW}]{{0,3}}\.(?=[ \u00a0][{_UP}])"
_PLAIN_PARTICLE = (
    rf"(?:de|van|von|der|den|da|di|du|la|le|bin|al|el|ibn|dos|das|del)(?=[ \u00a0][{_UP}])"
)
PLAIN_RUN_RE = re.compile(
    rf"[{_UP}](?<![{_WD}'’\-][{_UP}])"
    rf"(?:[{_LOW}]{{0,3}}\.(?=[ \u00a0][{_UP}])|[{_WD}]{{0,40}}(?:['’\-][{_WD}]{{1,40}}){{0,4}})"
    rf"(?:[ \u00a0](?:{_PLAIN_DOTTED}|{_PLAIN_WORD}|{_PLAIN_PARTICLE})){{0,6}}"
)
_TOKEN_RE = regex.compile(r"[^ \u00a0]+")
#: "Yukiya Amano, director general of ...": a name set off by a description of a person.
_APPOSITIVE_RE = regex.compile(
    r",[ \u00a0](?:\d{1,3},[ \u00a0])?(?:the|a|an|who|whose|\p{Ll}{3,20}[ \u00a0](?:of|for|at)\b)"
)
_NEXT_WORD_RE = regex.compile(r"[ \u00a0]{1,3}([\p{L}]{1,20})")


def _next_word(text: str, i: int) -> str:
    match = _NEXT_WORD_RE.match(text, i)
    return match.group(1).lower() if match else ""


def _prev_word(text: str, i: int) -> str:
    words = text[max(0, i - 25) : i].rstrip(" \u00a0,").rsplit(None, 1)
    return words[-1].lower() if words else ""


#: How many distinct phrases a cache keeps before it starts afresh: about 3 MB, a few hundred
#: pages of names, while the words every page uses are back in it after the next page.
_MAX_CACHED_RUNS = 10_000
_Core = tuple[int, int, str, bool, bool]
_core_caches: dict[int, tuple[Lexicon, dict[str, _Core | None]]] = {}


def _cached_core(phrase: str, lex: Lexicon) -> _Core | None:
    """:func:`name_core` of a whole phrase, remembered (speakers are named again and again)."""
    entry = _core_caches.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _core_caches[id(lex)] = (lex, {})
    cache = entry[1]
    try:
        return cache[phrase]
    except KeyError:
        if len(cache) > _MAX_CACHED_RUNS:
            cache.clear()
        core = cache[phrase] = name_core(phrase, 0, len(phrase), lex)
        return core


#: What a capitalised run says about the name in it, whatever its context:
#: (core offset, core end, name, surname, gender, org, multi-word, intrinsic evidence,
#: full name), read by the indexes below.
_RunCore = tuple[int, int, str, str, str, bool, bool, bool, bool]
NAME: Final = 2
SURNAME: Final = 3
GENDER: Final = 4
ORG: Final = 5
MULTI: Final = 6
INTRINSIC: Final = 7
FULL: Final = 8

#: A name core found in the text: ``(start, end, run_start, core)``, where ``start``/``end``
#: cover the core only and ``run_start`` is where its capitalised run starts.
#:
#: A plain tuple read by the indexes below (``person[START]``, ``person[CORE][NAME]``) rather
#: than a class: an article has dozens of these and only the few a quotation resolves to are
#: ever looked at, and a tuple display costs a third of a slotted class's ``__init__``.  What
#: the name's words say (surname, gender, "m", "f" or "" when they do not tell, organisation)
#: is shared by every mention of the same run (``core``); what depends on the surrounding text
#: is asked of the index.
Person = tuple[int, int, int, _RunCore]
START: Final = 0
END: Final = 1
RUN_START: Final = 2
CORE: Final = 3


def span_of(person: Person) -> Span:
    """The span of a person's name core."""
    return make_span(person[START], person[END])


_MALE_TITLES = frozenset(("mr", "sir", "lord", "king", "prince", "duke", "father", "brother"))
_FEMALE_TITLES = frozenset(("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"))


def _core_of(words: Sequence[str], lex: Lexicon) -> tuple[int, int, str, bool, bool] | None:
    """The name inside a run of ``words``: ``(first, trim, gender, titled, org)``.

    ``first`` is the index of the name's first word, ``trim`` how many characters of a
    possessive ending ("'s") leave the last word.
    """
    cleaned = [word.rstrip(".").lower() for word in words]
    count = len(cleaned)
    first = 0
    not_start = lex.not_name_start
    while first < count and cleaned[first] in not_start:
        first += 1
    if first >= count:
        return None
    if cleaned[-1] in lex.org_words:
        return first, 0, "", False, True
    gender = ""
    titled = False
    titles, roles = lex.titles, lex.role_nouns
    for index in range(first, count):
        word = cleaned[index]
        if word in _MALE_TITLES:
            gender, titled, first = "m", True, index + 1
        elif word in _FEMALE_TITLES:
            gender, titled, first = "f", True, index + 1
        elif word in titles or word in roles:
            titled, first = True, index + 1
        elif index == first and (
            word in not_start or (word.endswith(("ing", "ly")) and index + 1 < count)
        ):
            first = index + 1
    if first >= count:
        return None
    last = words[-1]
    trim = 0
    if len(last) > 2:
        if last.endswith(("'s", "’s")):
            trim = 2
        elif last.endswith(("'", "’")):
            trim = 1
    if not gender:
        given = cleaned[first]
        if given in lex.male_names:
            gender = "m"
        elif given in lex.female_names:
            gender = "f"
    return first, trim, gender, titled, False


def name_core(
    text: str, start: int, end: int, lex: Lexicon
) -> tuple[int, int, str, bool, bool] | None:
    """The name inside the capitalised run ``text[start:end]``.

    Returns ``(core_start, core_end, gender, titled, org)`` or ``None`` when no name is left
    after dropping the leading function words, titles and role words.
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]
    core = _core_of([text[a:b] for a, b in tokens], lex)
    if core is None:
        return None
    first, trim, gender, titled, org = core
    a, b = tokens[first][0], tokens[-1][1] - trim
    if b <= a:
        return None
    return a, b, gender, titled, org


_run_caches: dict[int, tuple[Lexicon, dict[str, _RunCore | None]]] = {}


def _run_cache(lex: Lexicon) -> dict[str, _RunCore | None]:
    """Cores of the runs seen so far with ``lex`` (the same words recur page after page)."""
    entry = _run_caches.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _run_caches[id(lex)] = (lex, {})
    cache = entry[1]
    if len(cache) > _MAX_CACHED_RUNS:
        cache.clear()
    return cache


def _run_core(run: str, lex: Lexicon) -> _RunCore | None:
    """The core of a capitalised run (its words are separated by one space each)."""
    if " " not in run and "\u00a0" not in run:
        return _word_core(run, lex)
    words = run.replace("\u00a0", " ").split(" ")
    core = _core_of(words, lex)
    if core is None:
        return None
    first, trim, gender, titled, org = core
    a = sum(len(word) + 1 for word in words[:first])
    b = len(run) - trim
    if b <= a:
        return None
    name = run[a:b]
    parts = name.split()
    surname = parts[-1].lower()
    multi = len(parts) >= 2
    given = parts[0].rstrip(".").lower()
    intrinsic = (multi or titled) and bool(
        titled or gender or given in lex.male_names or given in lex.female_names
    )
    return a, b, name, surname, gender, org, multi, intrinsic, " " in name and not org


def _word_core(word: str, lex: Lexicon) -> _RunCore | None:
    """:func:`_run_core` of a run of one word (most runs): no titles before it, one word."""
    clean = word.rstrip(".").lower()
    if clean in lex.not_name_start:
        return None
    if clean in lex.org_words:
        return 0, len(word), word, word.lower(), "", True, False, False, False
    if (
        clean in _MALE_TITLES
        or clean in _FEMALE_TITLES
        or clean in lex.titles
        or clean in lex.role_nouns
    ):
        return None  # a title with no name after it
    end = len(word)
    if end > 2:
        if word.endswith(("'s", "’s")):
            end -= 2
        elif word.endswith(("'", "’")):
            end -= 1
    if end <= 0:
        return None
    gender = "m" if clean in lex.male_names else "f" if clean in lex.female_names else ""
    name = word[:end]
    return 0, end, name, name.lower(), gender, False, False, False, False


_Table = tuple[list[int], list[Person]]


def _nearest(table: _Table | None, before: int, *, fallback_after: bool) -> Person | None:
    """The entry of ``table`` nearest before ``before`` (else the first after, if asked)."""
    if table is None:
        return None
    starts, people = table
    k = bisect.bisect_left(starts, before)
    if k > 0:
        return people[k - 1]
    return people[0] if fallback_after and people else None


class SpeakerIndex:
    """Every name in one article, in text order, with what the resolver needs.

    Building it only finds the names; the tables a resolution reads (full names by surname
    and by first name, genders, which surnames are people's) are made on first use, since
    most names on a page are never asked about.
    """

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        quoted: Sequence[tuple[int, int]] = (),
        sentences: Sentences | None = None,
    ) -> None:
        self.text = text
        self._sentence_bounds = sentences if sentences is not None else Sentences(text)
        self.lex = lex
        self.quoted_regions = quoted
        self.quoted_starts = [a for a, _ in quoted]
        self.people: list[Person] = []
        self.starts: list[int] = []
        self.roles: dict[str, _Table] = {}
        self._mentions: dict[str, list[Person]] | None = None
        self._by_surname: dict[str, _Table] = {}
        self._by_given: dict[str, _Table] | None = None
        self._genders: dict[str, tuple[list[int], list[str]]] = {}
        self._evidence: dict[str, bool] = {}

    @classmethod
    def build(
        cls,
        text: str,
        lex: Lexicon,
        quoted: Sequence[tuple[int, int]],
        sentences: Sentences | None = None,
    ) -> SpeakerIndex:
        """Index the names of ``text``; ``quoted`` are the quoted regions (sorted);
        ``sentences`` its sentence boundaries when the caller has them already."""
        index = cls(text, lex, quoted, sentences)
        cache = _run_cache(lex)
        people, starts, by_surname = index.people, index.starts, index._by_surname
        for match in (PLAIN_RUN_RE if is_plain(text) else RUN_RE).finditer(text):
            run = match.group()
            try:
                core = cache[run]
            except KeyError:
                core = cache[run] = _run_core(run, lex)
            if core is not None:
                run_start = match.start()
                start = run_start + core[0]
                person = (start, run_start + core[1], run_start, core)
                people.append(person)
                starts.append(start)
                if core[FULL]:  # few are: filed here rather than in a second pass
                    entry = by_surname.get(core[SURNAME])
                    if entry is None:
                        entry = by_surname[core[SURNAME]] = ([], [])
                    entry[0].append(start)
                    entry[1].append(person)
        return index

    def _tables(self) -> dict[str, list[Person]]:
        """The mentions of each surname (people, not organisations)."""
        if self._mentions is None:
            mentions: dict[str, list[Person]] = {}
            for person in self.people:
                core = person[CORE]
                if core[ORG]:
                    continue
                found = mentions.get(core[SURNAME])
                if found is None:
                    mentions[core[SURNAME]] = [person]
                else:
                    found.append(person)
            self._mentions = mentions
        return self._mentions

    @property
    def by_surname(self) -> dict[str, _Table]:
        """Full names (two or more words) by their lower-case last word."""
        return self._by_surname

    @property
    def by_given(self) -> dict[str, _Table]:
        """Full names by their lower-case first word (made on first use: few need it)."""
        if self._by_given is None:
            by_given: dict[str, _Table] = {}
            for person in self.people:
                core = person[CORE]
                if core[FULL]:
                    key = core[NAME].split()[0].lower()
                    entry = by_given.get(key)
                    if entry is None:
                        entry = by_given[key] = ([], [])
                    entry[0].append(person[START])
                    entry[1].append(person)
            self._by_given = by_given
        return self._by_given

    def is_quoted(self, person: Person) -> bool:
        """Whether the mention sits inside a quotation."""
        start = person[START]
        k = bisect.bisect_right(self.quoted_starts, start) - 1
        return k >= 0 and self.quoted_regions[k][0] <= start < self.quoted_regions[k][1]

    def is_possessive(self, person: Person) -> bool:
        """Whether the mention owns what follows ("Clinton's plan")."""
        return self.text[person[END] : person[END] + 1] in ("'", "’")

    def strong(self, person: Person) -> bool:
        """Whether the article shows the name to be a person's somewhere: a title or a known
        first name with it, a speech verb after it or before it ("said Smith"), a description
        of a person set off after it, or a role word before it."""
        if person[CORE][ORG]:
            return False
        surname = person[CORE][SURNAME]
        known = self._evidence.get(surname)
        if known is None:
            known = self._evidence[surname] = any(
                self._shows_person(mention) for mention in self._tables().get(surname, ())
            )
        return known

    def _shows_person(self, person: Person) -> bool:
        core, end, text, lex = person[CORE], person[END], self.text, self.lex
        if core[INTRINSIC] or _next_word(text, end) in lex.core_forms:
            return True
        before = _prev_word(text, person[RUN_START])
        return before in lex.inverting_forms or (
            core[MULTI]
            and (before in lex.role_nouns or _APPOSITIVE_RE.match(text, end) is not None)
        )

    def people_within(self, span: Span) -> list[Person]:
        """The name mentions inside ``span``, in text order."""
        lo = bisect.bisect_left(self.starts, span.start)
        hi = bisect.bisect_left(self.starts, span.end)
        return [p for p in self.people[lo:hi] if p[END] <= span.end]

    def first_person_in(self, lo: int, hi: int, skip: Span) -> Span | None:
        """The first name in ``[lo, hi)`` outside ``skip`` (a headline's speaker)."""
        for person in self.people_within(make_span(lo, hi)):
            if skip.start <= person[START] < skip.end or not self.strong(person):
                continue
            return span_of(person)
        return None

    def gender_of(self, person: Person) -> str:
        """The person's gender as the text shows it: their own title or first name, else that
        of the nearest earlier gendered mention of the surname (families share surnames)."""
        core = person[CORE]
        if core[GENDER]:
            return core[GENDER]
        known = self._genders.get(core[SURNAME])
        if known is None:
            gendered = [p for p in self._tables().get(core[SURNAME], ()) if p[CORE][GENDER]]
            known = self._genders[core[SURNAME]] = (
                [p[START] for p in gendered],
                [p[CORE][GENDER] for p in gendered],
            )
        starts, values = known
        if not starts:
            return ""
        k = bisect.bisect_right(starts, person[START]) - 1
        return values[max(k, 0)]

    def full_name(self, surname: str, before: int) -> Person | None:
        """The nearest multi-word name ending in ``surname`` before ``before``, else after."""
        return _nearest(self.by_surname.get(surname), before, fallback_after=True)

    def by_first_name(self, given: str, before: int) -> Person | None:
        """The nearest full name before ``before`` whose first word is ``given`` ("Dean")."""
        return _nearest(self.by_given.get(given), before, fallback_after=False)

    def resolve_name(self, span: Span) -> tuple[str, Span, tuple[Mention, ...]] | None:
        """The full name for the name mention that contains ``span``."""
        core = _cached_core(self.text[span.start : span.end], self.lex)
        if core is None:
            return None
        a, b, _, _, org = core
        a += span.start
        b += span.start
        name = self.text[a:b]
        chain = (make_mention(self.text[span.start : span.end], span),)
        if " " in name or org:
            return name, make_span(a, b), chain
        person = self.full_name(name.lower(), a)
        if person is None:
            person = self.by_first_name(name.lower(), a)
        if person is None:
            return name, make_span(a, b), chain
        name, span = person[CORE][NAME], span_of(person)
        return name, span, (*chain, make_mention(name, span))

    def recent_person(
        self, before: int, gender: str, *, limit: int = 4000, exclude_org: bool = True
    ) -> Person | None:
        """The person a pronoun at ``before`` most likely stands for.

        Sentences are searched from the nearest back; in each, the first compatible person
        (the subject, usually) wins.  Names inside quotations and possessives ("Clinton's
        plan") are passed over.
        """
        k = bisect.bisect_left(self.starts, before)
        sentences = self._sentence_bounds
        floor = before - limit
        end = before
        start = sentences.start_at_most(before)
        starts: list[int] | None = None
        by_surname = self.by_surname
        while end > floor:
            lo = bisect.bisect_left(self.starts, max(start, floor), 0, k)
            first: Person | None = None
            owner: Person | None = None
            for person in self.people[lo:k]:
                if person[START] >= end:
                    break
                # cheap tests first: most capitalised words on a page are not people
                core = person[CORE]
                name = core[NAME]
                if (exclude_org and core[ORG]) or name.isupper():
                    continue
                if " " not in name and not core[GENDER] and core[SURNAME] not in by_surname:
                    continue  # a lone capitalised word that never names a person in full
                if self.is_quoted(person) or not self.strong(person):
                    continue
                found = self.gender_of(person)
                if gender in ("m", "f") and found and found != gender:
                    continue
                if self.is_possessive(person):
                    owner = owner or person
                    continue
                if _next_word(self.text, person[END]) in self.lex.inverting_forms:
                    return person  # the subject of a speech verb
                if first is None:
                    first = person
            if first is not None or owner is not None:
                return first or owner
            if start <= 0 or lo == 0:
                return None  # the text, or its names, begin here
            k = lo
            end = start
            # the sentence of the nearest earlier name: the ones between name nobody
            at = min(start - 1, self.people[k - 1][START])
            if starts is None and before - at < 400:
                start = sentences.start_at_most(at)
            else:  # a long way back: list the sentence starts once
                starts = starts or sentences.starts()
                start = starts[bisect.bisect_right(starts, at) - 1]
        return None

    def organisation(self, head: str, before: int, *, limit: int = 3000) -> Person | None:
        """The nearest capitalised name before ``before`` that contains ``head`` as a word
        ("the council" -> "Norfolk County Council")."""
        k = bisect.bisect_left(self.starts, before)
        floor = before - limit
        for person in reversed(self.people[:k]):
            if person[START] < floor:
                break
            if not self.is_quoted(person) and head in person[CORE][NAME].lower().split()[1:]:
                return person
        return None

    def tied_to_role(self, head: str, before: int) -> Person | None:
        """A person the article names right after the role noun ``head`` ("leader X"):
        the nearest such tie before ``before``, else the first one shortly after it."""
        table = self.roles.get(head)
        if table is None:
            table = ([], [])
            pattern = regex.compile(rf"(?i:\b{regex.escape(head)})[ \u00a0]+(?=\p{{Lu}})")
            for match in pattern.finditer(self.text):
                k = bisect.bisect_left(self.starts, match.end())
                if k < len(self.people) and self.people[k][START] <= match.end() + 12:
                    person = self.people[k]
                    if not person[CORE][ORG] and not self.is_quoted(person):
                        table[0].append(match.start())
                        table[1].append(person)
            self.roles[head] = table
        starts, people = table
        k = bisect.bisect_left(starts, before)
        if k > 0:
            return people[k - 1]
        if k < len(starts) and starts[k] <= before + 2000:
            return people[k]
        return None
