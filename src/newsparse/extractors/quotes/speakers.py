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

import attrs
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


@attrs.frozen
class Person:
    """A name core found in the text: ``span`` covers the core only."""

    name: str
    span: Span
    surname: str
    gender: str  # "m", "f" or "" when unknown
    strong: bool  # a title, a known first name or two or more words make it a person
    org: bool
    quoted: bool
    possessive: bool


def _clean(token: str) -> str:
    return token.rstrip(".").lower()


def name_core(
    text: str, start: int, end: int, lex: Lexicon
) -> tuple[int, int, str, bool, bool] | None:
    """The name inside the capitalised run ``text[start:end]``.

    Returns ``(core_start, core_end, gender, titled, org)`` or ``None`` when no name is left
    after dropping the leading function words, titles and role words.
    """
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN_RE.finditer(text[start:end])]
    gender = ""
    titled = False
    first = 0
    while first < len(tokens) and _clean(text[slice(*tokens[first])]) in lex.not_name_start:
        first += 1
    if first >= len(tokens):
        return None
    if _clean(text[slice(*tokens[-1])]) in lex.org_words:
        return tokens[first][0], tokens[-1][1], "", False, True
    org = False
    for index, (a, b) in enumerate(tokens):
        word = _clean(text[a:b])
        if index < first:
            continue
        if word in ("mr", "sir", "lord", "king", "prince", "duke", "father", "brother"):
            gender, titled, first = "m", True, index + 1
        elif word in ("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"):
            gender, titled, first = "f", True, index + 1
        elif word in lex.titles or word in lex.role_nouns:
            titled, first = True, index + 1
        elif index == first and (
            word in lex.not_name_start or (word.endswith(("ing", "ly")) and index + 1 < len(tokens))
        ):
            first = index + 1
    if first >= len(tokens):
        return None
    a, b = tokens[first][0], tokens[-1][1]
    last = text[tokens[-1][0] : b]
    possessive = _POSSESSIVE_RE.search(last)
    if possessive and len(last) > 2:
        b -= len(possessive.group())
    if b <= a:
        return None
    if not gender:
        given = _clean(text[a : tokens[first][1]])
        if given in lex.male_names:
            gender = "m"
        elif given in lex.female_names:
            gender = "f"
    return a, b, gender, titled, org


def _nearest(
    table: tuple[list[int], list[Person]] | None, before: int, *, fallback_after: bool
) -> Person | None:
    """The entry of ``table`` nearest before ``before`` (else the first after, if asked)."""
    if table is None:
        return None
    starts, people = table
    k = bisect.bisect_left(starts, before)
    if k > 0:
        return people[k - 1]
    return people[0] if fallback_after and people else None


@attrs.define
class SpeakerIndex:
    """Every name in one article, in text order, with what the resolver needs."""

    text: str
    lex: Lexicon
    people: list[Person] = attrs.field(factory=list)
    starts: list[int] = attrs.field(factory=list)
    genders: dict[str, tuple[list[int], list[str]]] = attrs.field(factory=dict)
    sentences: list[int] = attrs.field(factory=list)
    by_surname: dict[str, tuple[list[int], list[Person]]] = attrs.field(factory=dict)
    by_given: dict[str, tuple[list[int], list[Person]]] = attrs.field(factory=dict)
    roles: dict[str, tuple[list[int], list[Person]]] = attrs.field(factory=dict)

    @classmethod
    def build(cls, text: str, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> SpeakerIndex:
        """Index the names of ``text``; ``quoted`` are the quoted regions (sorted)."""
        index = cls(text, lex)
        index.sentences = sentence_starts(text)
        qstarts = [a for a, _ in quoted]
        found: list[tuple[int, int, str, bool, bool, bool]] = []
        evidence: set[str] = set()
        cores: dict[str, tuple[int, int, str, bool, bool] | None] = {}
        for match in RUN_RE.finditer(text):
            run_start = match.start()
            run = match.group()
            if run in cores:
                core = cores[run]
            else:
                core = name_core(run, 0, len(run), lex)
                cores[run] = core
            if core is None:
                continue
            a, b, gender, titled, org = core
            a += run_start
            b += run_start
            k = bisect.bisect_right(qstarts, a) - 1
            inside = k >= 0 and quoted[k][0] <= a < quoted[k][1]
            found.append((a, b, gender, titled, org, inside))
            if org:
                continue
            words = text[a:b].split()
            surname = words[-1].lower()
            if gender:
                starts, values = index.genders.setdefault(surname, ([], []))
                starts.append(a)
                values.append(gender)
            if surname in evidence:
                continue
            given = words[0].rstrip(".").lower()
            if (
                (len(words) >= 2 or titled)
                and (titled or gender or given in lex.male_names or given in lex.female_names)
            ) or (
                _next_word(text, b) in lex.core_forms
                or _prev_word(text, run_start) in lex.inverting_forms
                or (len(words) >= 2 and _APPOSITIVE_RE.match(text, b) is not None)
            ):
                evidence.add(surname)
        for a, b, gender, _titled, org, inside in found:
            name = text[a:b]
            surname = name.split()[-1].lower()
            strong = not org and surname in evidence
            possessive = text[b : b + 1] in ("'", "’")
            person = Person(name, Span(a, b), surname, gender, strong, org, inside, possessive)
            index.people.append(person)
            index.starts.append(a)
            if " " in name and not org:
                for key, table in (
                    (surname, index.by_surname),
                    (name.split()[0].lower(), index.by_given),
                ):
                    starts, people = table.setdefault(key, ([], []))
                    starts.append(a)
                    people.append(person)
        return index

    def people_within(self, span: Span) -> list[Person]:
        """The name mentions inside ``span``, in text order."""
        lo = bisect.bisect_left(self.starts, span.start)
        hi = bisect.bisect_left(self.starts, span.end)
        return [p for p in self.people[lo:hi] if p.span.end <= span.end]

    def gender_of(self, person: Person) -> str:
        """The person's gender as the text shows it: their own title or first name, else that
        of the nearest earlier gendered mention of the surname (families share surnames)."""
        if person.gender:
            return person.gender
        known = self.genders.get(person.surname)
        if known is None:
            return ""
        starts, values = known
        k = bisect.bisect_right(starts, person.span.start) - 1
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
                if person.span.start >= end:
                    break
                if person.quoted or not person.strong or person.name.isupper():
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
                if _next_word(self.text, person.span.end) in self.lex.inverting_forms:
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
            if person.span.start < floor:
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
                if k < len(self.people) and self.people[k].span.start <= match.end() + 12:
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
