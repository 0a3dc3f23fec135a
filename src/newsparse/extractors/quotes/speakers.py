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
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from newsparse import Mention, Span
from newsparse.extractors.quotes.lexicon import Lexicon
from newsparse.extractors.quotes.sentences import sentence_starts

__all__ = ["Person", "SpeakerIndex", "name_core"]

_WORD = r"\p{Lu}[\p{L}\p{M}\p{N}]{0,40}(?:['’\-][\p{L}\p{M}\p{N}]{1,40}){0,4}"
_DOTTED = r"\p{Lu}\p{Ll}{0,3}\.(?=[ \u00a0]\p{Lu})"
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|bin|al|el|ibn|dos|das|del)(?=[ \u00a0]\p{Lu})"
RUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’\-])(?:{_DOTTED}|{_WORD})"
    rf"(?:[ \u00a0](?:{_DOTTED}|{_WORD}|{_PARTICLE})){{0,6}}"
)
_TOKEN_RE = regex.compile(r"[^ \u00a0]+")
_POSSESSIVE_RE = regex.compile(r"['’]s?$")
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


class Person:
    """A name core found in the text: ``start``/``end`` cover the core only.

    A plain slotted class rather than an attrs one: an article has dozens of these and only
    the few a quotation resolves to are ever looked at, so building them must cost little.
    """

    __slots__ = ("end", "gender", "name", "org", "possessive", "quoted", "start", "surname")

    def __init__(
        self,
        name: str,
        start: int,
        end: int,
        surname: str,
        gender: str,
        org: bool,
        quoted: bool,
        possessive: bool,
    ) -> None:
        self.name = name
        self.start = start
        self.end = end
        self.surname = surname
        self.gender = gender  # "m", "f" or "" when unknown
        self.org = org
        self.quoted = quoted
        self.possessive = possessive

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


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


#: What a capitalised run says about the name in it, whatever its context:
#: (core offset, core end, name, surname, gender, org, multi-word, intrinsic evidence,
#: has a plain space).
_RunCore = tuple[int, int, str, str, str, bool, bool, bool, bool]
_MAX_CACHED_RUNS = 50_000
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
    return a, b, name, surname, gender, org, multi, intrinsic, " " in name


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
    """Every name in one article, in text order, with what the resolver needs."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.people: list[Person] = []
        self.starts: list[int] = []
        self.genders: dict[str, tuple[list[int], list[str]]] = {}
        #: surnames the article shows to be people's (a title, a first name, a speech verb)
        self.evidence: set[str] = set()
        self.by_surname: dict[str, _Table] = {}
        self.by_given: dict[str, _Table] = {}
        self.roles: dict[str, _Table] = {}
        self._sentences: list[int] | None = None

    @property
    def sentences(self) -> list[int]:
        """Where the sentences start, found on first use (only pronouns need them)."""
        if self._sentences is None:
            self._sentences = sentence_starts(self.text)
        return self._sentences

    @classmethod
    def build(cls, text: str, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> SpeakerIndex:
        """Index the names of ``text``; ``quoted`` are the quoted regions (sorted)."""
        index = cls(text, lex)
        qstarts = [a for a, _ in quoted]
        cache = _run_cache(lex)
        evidence = index.evidence
        genders, by_surname, by_given = index.genders, index.by_surname, index.by_given
        people, starts = index.people, index.starts
        core_forms, inverting, roles = lex.core_forms, lex.inverting_forms, lex.role_nouns
        bisect_right = bisect.bisect_right
        for match in RUN_RE.finditer(text):
            run = match.group()
            try:
                core = cache[run]
            except KeyError:
                core = cache[run] = _run_core(run, lex)
            if core is None:
                continue
            off_a, off_b, name, surname, gender, org, multi, intrinsic, spaced = core
            run_start = match.start()
            a = run_start + off_a
            b = run_start + off_b
            k = bisect_right(qstarts, a) - 1
            inside = k >= 0 and quoted[k][0] <= a < quoted[k][1]
            person = Person(name, a, b, surname, gender, org, inside, text[b : b + 1] in ("'", "’"))
            people.append(person)
            starts.append(a)
            if org:
                continue
            if gender:
                table = genders.get(surname)
                if table is None:
                    table = genders[surname] = ([], [])
                table[0].append(a)
                table[1].append(gender)
            if spaced:
                for key, tables in ((surname, by_surname), (name.split()[0].lower(), by_given)):
                    entry = tables.get(key)
                    if entry is None:
                        entry = tables[key] = ([], [])
                    entry[0].append(a)
                    entry[1].append(person)
            if surname in evidence:
                continue
            if intrinsic or _next_word(text, b) in core_forms:
                evidence.add(surname)
                continue
            before = _prev_word(text, run_start)
            if before in inverting or (
                multi and (before in roles or _APPOSITIVE_RE.match(text, b) is not None)
            ):
                evidence.add(surname)
        return index

    def strong(self, person: Person) -> bool:
        """Whether a title, a known first name or a speech verb shows the name is a person's."""
        return not person.org and person.surname in self.evidence

    def people_within(self, span: Span) -> list[Person]:
        """The name mentions inside ``span``, in text order."""
        lo = bisect.bisect_left(self.starts, span.start)
        hi = bisect.bisect_left(self.starts, span.end)
        return [p for p in self.people[lo:hi] if p.end <= span.end]

    def first_person_in(self, lo: int, hi: int, skip: Span) -> Span | None:
        """The first name in ``[lo, hi)`` outside ``skip`` (a headline's speaker)."""
        for person in self.people_within(Span(lo, hi)):
            if skip.start <= person.start < skip.end or not self.strong(person):
                continue
            return person.span
        return None

    def gender_of(self, person: Person) -> str:
        """The person's gender as the text shows it: their own title or first name, else that
        of the nearest earlier gendered mention of the surname (families share surnames)."""
        if person.gender:
            return person.gender
        known = self.genders.get(person.surname)
        if known is None:
            return ""
        starts, values = known
        k = bisect.bisect_right(starts, person.start) - 1
        return values[max(k, 0)]

    def full_name(self, surname: str, before: int) -> Person | None:
        """The nearest multi-word name ending in ``surname`` before ``before``, else after."""
        return _nearest(self.by_surname.get(surname), before, fallback_after=True)

    def by_first_name(self, given: str, before: int) -> Person | None:
        """The nearest full name before ``before`` whose first word is ``given`` ("Dean")."""
        return _nearest(self.by_given.get(given), before, fallback_after=False)

    def resolve_name(self, span: Span) -> tuple[str, Span, tuple[Mention, ...]] | None:
        """The full name for the name mention that contains ``span``."""
        core = name_core(self.text, span.start, span.end, self.lex)
        if core is None:
            return None
        a, b, _, _, org = core
        name = self.text[a:b]
        chain = (Mention(self.text[span.start : span.end], span),)
        if " " in name or org:
            return name, Span(a, b), chain
        person = self.full_name(name.lower(), a)
        if person is None:
            person = self.by_first_name(name.lower(), a)
        if person is None:
            return name, Span(a, b), chain
        return person.name, person.span, (*chain, Mention(person.name, person.span))

    def recent_person(
        self, before: int, gender: str, *, limit: int = 4000, exclude_org: bool = True
    ) -> Person | None:
        """The person a pronoun at ``before`` most likely stands for.

        Sentences are searched from the nearest back; in each, the first compatible person
        (the subject, usually) wins.  Names inside quotations and possessives ("Clinton's
        plan") are passed over.
        """
        k = bisect.bisect_left(self.starts, before)
        s = bisect.bisect_right(self.sentences, before) - 1
        floor = before - limit
        end = before
        while s >= 0 and end > floor:
            start = self.sentences[s]
            lo = bisect.bisect_left(self.starts, max(start, floor), 0, k)
            first: Person | None = None
            owner: Person | None = None
            for person in self.people[lo:k]:
                if person.start >= end:
                    break
                if person.quoted or not self.strong(person) or person.name.isupper():
                    continue
                lone = " " not in person.name and not person.gender
                if lone and person.surname not in self.by_surname:
                    continue  # a lone capitalised word that never names a person in full
                if exclude_org and person.org:
                    continue
                found = self.gender_of(person)
                if gender in ("m", "f") and found and found != gender:
                    continue
                if person.possessive:
                    owner = owner or person
                    continue
                if _next_word(self.text, person.end) in self.lex.inverting_forms:
                    return person  # the subject of a speech verb
                if first is None:
                    first = person
            if first is not None or owner is not None:
                return first or owner
            k = lo
            end = start
            s -= 1
        return None

    def organisation(self, head: str, before: int, *, limit: int = 3000) -> Person | None:
        """The nearest capitalised name before ``before`` that contains ``head`` as a word
        ("the council" -> "Norfolk County Council")."""
        k = bisect.bisect_left(self.starts, before)
        floor = before - limit
        for person in reversed(self.people[:k]):
            if person.start < floor:
                break
            if not person.quoted and head in person.name.lower().split()[1:]:
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
                if k < len(self.people) and self.people[k].start <= match.end() + 12:
                    person = self.people[k]
                    if not person.org and not person.quoted:
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
