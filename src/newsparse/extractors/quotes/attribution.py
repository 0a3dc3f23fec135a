"""Finding the speech verb of a quotation and the phrase that names who spoke.

Attribution sits in a few places, and each is read from the text outside the quotation marks
in the same sentence:

* after the quote: ``"...," he said.`` / ``"...," said Mr Smith.`` / ``"...," according to X``;
* before it: ``He said: "..."`` / ``Smith told reporters that "..."`` / ``according to X, "..."``
  (the verb nearest the quote wins, so ``Smith said Jones had called it "madness"`` is
  attributed to Jones);
* between two parts of an interrupted quote (``"...," he said, "..."``), which is the text
  after the first part and before the second.

The subject is taken next to the verb: the words before it (skipping adverbs, auxiliaries and
an appositive between commas: ``Smith, the former governor, said``) or, when the verb comes
first, the words after it.  Words that can be verbs or nouns ("report", "statement") count as
verbs only where no article stands right before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs
import regex

from newsparse import Span
from newsparse.extractors.quotes.lexicon import Lexicon
from newsparse.extractors.quotes.making import make_span
from newsparse.extractors.quotes.plain import PLAIN_SPACE, PLAIN_WORD, is_plain

__all__ = ["Cue", "Token", "find_after", "find_before", "find_colon", "find_subject", "tokenize"]

_TOKEN_RE = regex.compile(
    r"\d{1,20}(?:[.,]\d{1,20}){0,6}|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+){0,6}|[^\s]"
)
#: The same tokens for plain text (:mod:`.plain`), where the Unicode classes reduce to Latin-1
#: ones: the standard library's engine returns its many small matches about twice as fast.
_PLAIN_TOKEN_RE = re.compile(
    rf"[0-9]{{1,20}}(?:[.,][0-9]{{1,20}}){{0,6}}|[{PLAIN_WORD}]+(?:['’\-][{PLAIN_WORD}]+){{0,6}}"
    rf"|[^{PLAIN_SPACE}]"
)

Token = tuple[int, int, str]

_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "another",
        "some",
        "two",
        "three",
        "several",
        "many",
        "most",
        "our",
        "my",
        "your",
        "each",
        "every",
        "any",
        "no",
        "both",
    ]
)
_SKIP = frozenset(
    [
        "also",
        "later",
        "then",
        "has",
        "had",
        "have",
        "was",
        "is",
        "were",
        "are",
        "would",
        "will",
        "could",
        "should",
        "did",
        "does",
        "do",
        "may",
        "might",
        "must",
        "has've",
        "not",
        "never",
        "again",
        "further",
        "just",
        "only",
        "once",
        "earlier",
        "recently",
        "previously",
        "repeatedly",
        "publicly",
        "privately",
        "reportedly",
        "simply",
        "already",
        "still",
        "even",
        "often",
        "frequently",
        "told",
        "previously",
        "separately",
        "once",
        "had",
    ]
)
_NP_STOP = frozenset(
    [
        "and",
        "or",
        "but",
        "that",
        "who",
        "which",
        "whom",
        "whose",
        "when",
        "while",
        "where",
        "after",
        "before",
        "because",
        "as",
        "if",
        "than",
        "in",
        "on",
        "at",
        "during",
        "to",
        "from",
        "with",
        "by",
        "into",
        "about",
        "over",
        "under",
        "since",
        "said",
        "says",
        "told",
    ]
)
_BREAKS = frozenset(',.;:!?"“”‘’()[]—–')
_PREPOSITIONS = frozenset(
    ["of", "for", "from", "in", "on", "at", "with", "by", "to", "about", "against", "via"]
)
_LEADING_ADVERBIALS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "when",
        "while",
        "since",
        "as",
        "asked",
        "speaking",
        "writing",
        "likewise",
        "meanwhile",
        "earlier",
        "later",
        "still",
        "yet",
        "last",
        "this",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "ibn",
        "dos",
        "das",
        "del",
    ]
)


@attrs.frozen
class Cue:
    """A speech verb (``verb``) and the phrase naming its subject (``subject``, or None)."""

    verb: Span
    subject: Span | None


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Words and single punctuation marks of ``text[lo:hi]`` with their offsets."""
    pattern = _PLAIN_TOKEN_RE if is_plain(text, lo, hi) else _TOKEN_RE
    tokens: list[Token] = []
    pos = lo
    find = text.find
    for word in pattern.findall(text, lo, hi):
        # every character outside a token is blank space, so a token starts at the first
        # occurrence of its text from the end of the one before
        pos = find(word, pos)
        end = pos + len(word)
        tokens.append((pos, end, word))
        pos = end
    return tokens


def _is_word(token: Token) -> bool:
    return token[2][0].isalnum()


def _is_cap(token: Token) -> bool:
    return token[2][0].isupper()


def _is_verb(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    word = tokens[i][2].lower()
    if word not in lex.speech_forms:
        return False
    before = tokens[i - 1][2].lower() if i > 0 else ""
    if before in _DETERMINERS:
        return False  # "the report", "a statement"
    if lex.verb_base.get(word) == word and not (
        before in ("they", "we", "i", "you", "to") or (before.endswith("s") and len(before) > 3)
    ):
        return False  # a bare "request" or "comment" is a noun; "officials say" is a verb
    return not tokens[i][2][0].isupper() or i == 0 or tokens[i - 1][2] in '.:;"“”'


def _abbreviation(tokens: Sequence[Token], i: int) -> bool:
    """Whether the full stop at ``i`` ends an abbreviation such as "Mr." or "J."."""
    return (
        tokens[i][2] == "."
        and i > 0
        and _is_cap(tokens[i - 1])
        and len(tokens[i - 1][2]) <= 4
        and tokens[i - 1][1] == tokens[i][0]
    )


def _is_according(tokens: Sequence[Token], i: int) -> bool:
    return (
        tokens[i][2].lower() == "according"
        and i + 1 < len(tokens)
        and tokens[i + 1][2].lower() == "to"
    )


def _role_then_name(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """The last token of "pollster Stan Greenberg" starting at ``i`` (lower-case role words
    then a capitalised name), or -1."""
    j = i
    while j < len(tokens) and j - i < 3 and _is_word(tokens[j]) and not _is_cap(tokens[j]):
        low = tokens[j][2].lower()
        if low in _NP_STOP or low in _DETERMINERS or low in lex.pronouns or low in _PREPOSITIONS:
            return -1
        j += 1
    if j == i or j >= len(tokens) or not _is_cap(tokens[j]):
        return -1
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if (_is_word(nxt) and _is_cap(nxt)) or (
            nxt[2] == "." and _abbreviation(tokens, j + 1) and j + 2 < len(tokens)
        ):
            j += 1
        else:
            break
    while tokens[j][2] == ".":
        j -= 1
    return j


def _np_forward(tokens: Sequence[Token], i: int, lex: Lexicon) -> Span | None:
    """The noun phrase starting at token ``i`` (a name, a pronoun or a determiner phrase)."""
    while i < len(tokens) and tokens[i][2] in ",—–-":
        i += 1
    if i >= len(tokens) or not _is_word(tokens[i]):
        return None
    word = tokens[i][2].lower()
    if word in lex.pronouns and word not in ("his", "her", "its", "their"):
        return make_span(tokens[i][0], tokens[i][1])
    if _is_cap(tokens[i]) and word not in _DETERMINERS:
        j = i
        while j + 1 < len(tokens) and j - i < 8:
            nxt = tokens[j + 1]
            if (_is_word(nxt) and (_is_cap(nxt) or nxt[2] in _PARTICLES)) or (
                nxt[2] == "." and len(tokens[j][2]) <= 4 and _is_cap(tokens[j])
            ):
                j += 1
            else:
                break
        while tokens[j][2] == "." or tokens[j][2] in _PARTICLES:
            j -= 1
        tail = _role_then_name(tokens, j + 1, lex)
        return make_span(tokens[i][0], tokens[tail if tail >= 0 else j][1])
    tail = _role_then_name(tokens, i, lex)
    if tail >= 0:
        return make_span(tokens[i][0], tokens[tail][1])
    if word in _DETERMINERS or not _is_cap(tokens[i]):
        j = i
        while j + 1 < len(tokens) and j - i < 7:
            nxt = tokens[j + 1]
            if not _is_word(nxt) or nxt[2].lower() in _NP_STOP:
                break
            if nxt[2].lower() in lex.speech_forms and not _is_cap(nxt):
                break
            j += 1
        if j == i and word in _DETERMINERS:
            return None
        if j + 2 < len(tokens) and tokens[j + 1][2] == "," and _is_cap(tokens[j + 2]):
            name = _np_forward(tokens, j + 2, lex)  # "the charity's representative, Jenna Trewin"
            end = bisect.bisect_left([t[0] for t in tokens], name.end) if name else 0
            if name is not None and (end >= len(tokens) or tokens[end][2] in ",.;"):
                return name
        return make_span(tokens[i][0], tokens[j][1])
    return None


def _np_backward(tokens: Sequence[Token], j: int, lex: Lexicon) -> Span | None:
    """The noun phrase ending right before token ``j`` (skipping adverbs and appositives)."""
    k = j - 1
    steps = 0
    while k >= 0 and steps < 3:
        word = tokens[k][2].lower()
        adverb = word in _SKIP or (
            word.endswith("ly") and not (k > 0 and tokens[k - 1][2].lower() in _DETERMINERS)
        )
        if _is_word(tokens[k]) and not _is_cap(tokens[k]) and adverb:
            k -= 1
            steps += 1
        else:
            break
    if k >= 0 and tokens[k][2] == ")":
        # a parenthesis: "Rep. John Mica (R-Fla.) said"
        m = k
        while m >= 0 and k - m < 12 and tokens[m][2] != "(":
            m -= 1
        if m > 0 and tokens[m][2] == "(":
            k = m - 1
    if k >= 0 and tokens[k][2] in ",—–":
        # an appositive: "Smith, the former governor, said"
        m = k - 1
        while m >= 0 and k - m < 32 and tokens[m][2] not in ',;:"“”—–(':
            m -= 1
        if m < 0 or tokens[m][2] not in ",—–(" or m >= k - 1:
            return None
        far = m - 1
        while far >= 0 and k - far < 48 and tokens[far][2] not in ';:"“”':
            if (
                tokens[far][2] == ","
                and far + 1 < len(tokens)
                and tokens[far + 1][2].lower() in ("who", "whose", "which")
            ):
                m = far  # "Mensah, who grew up in Kumasi, Ghana, and trained ..., told"
            far -= 1
        if m >= 2 and tokens[m - 1][2].isdigit() and tokens[m - 2][2] == ",":
            m -= 2  # "Shaun Polglase, 43, who ..."
        inner = [t for t in tokens[m + 1 : k] if t[2] != "."]
        if inner and all(_is_cap(t) for t in inner) and m > 0 and not _is_cap(tokens[m - 1]):
            return make_span(inner[0][0], inner[-1][1])  # "his manager, Armstrong Williams, said"
        k = m - 1
        if k >= 0 and tokens[k][2] == ")":
            while k >= 0 and tokens[k][2] != "(":
                k -= 1
            k -= 1
    if k < 0 or not _is_word(tokens[k]):
        return None
    word = tokens[k][2].lower()
    if word in lex.pronouns and word not in ("his", "her", "its", "their"):
        return make_span(tokens[k][0], tokens[k][1])
    end = tokens[k][1]
    m = k
    saw_noun = False
    while m >= 0 and k - m < 8:
        tok = tokens[m]
        low = tok[2].lower()
        if tok[2] == "." and m > 0 and _is_cap(tokens[m - 1]) and len(tokens[m - 1][2]) <= 4:
            m -= 1
            continue
        if not _is_word(tok):
            break
        if low in _DETERMINERS:
            if not saw_noun:
                return None
            return make_span(tok[0], end)
        if low == "and" and saw_noun and _is_cap(tokens[k]) and m > 0 and _is_cap(tokens[m - 1]):
            m -= 1  # "Cummings and Conyers wrote"
            continue
        if low in _NP_STOP or (
            low in lex.speech_forms
            and m < k
            and not _is_cap(tok)
            and not (m > 0 and tokens[m - 1][2].lower() in _DETERMINERS)
        ):
            break
        if not _is_cap(tok) and saw_noun and _is_cap(tokens[k]):
            break  # "reporters Smith": the name ends the phrase
        saw_noun = True
        m -= 1
    start_index = m + 1
    if start_index > k:
        return None
    while start_index <= k and not _is_word(tokens[start_index]):
        start_index += 1
    if start_index > k:
        return None
    return make_span(tokens[start_index][0], end)


def find_after(text: str, lo: int, hi: int, lex: Lexicon, *, strict: bool = False) -> Cue | None:
    """Attribution at the start of ``text[lo:hi]`` (the words right after a quotation).

    ``strict`` (the quotation ended its sentence) asks for the verb within a few words, as
    in ``"..." Ms Acosta said.``, so that the next sentence is not read as attribution.
    """
    end = min(hi, lo + 200)
    if strict and text.find(":", lo, end) >= 0:
        # 'He paused. Then Smith said: "..."' introduces the next quotation (a colon is
        # always a token of its own)
        return None
    tokens = tokenize(text, lo, end)
    start = 0
    while start < len(tokens) and tokens[start][2] in ",—–-":
        start += 1
    for i in range(start, min(len(tokens), start + 40)):
        tok = tokens[i]
        if tok[2] in ';:!?"“”':
            return None
        if tok[2] == "." and not _abbreviation(tokens, i):
            nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
            if not nxt or nxt[0].isupper():
                return None
        if _is_according(tokens, i):
            subject = _np_forward(tokens, i + 2, lex)
            return Cue(make_span(tok[0], tokens[i + 1][1]), subject)
        if not _is_verb(tokens, i, lex) or (i > start and tok[2].endswith("ing")):
            continue
        verb = make_span(tok[0], tok[1])
        if i == start:
            if tok[2].endswith("ing"):
                return None  # '"...," adding that ...' continues the sentence, names nobody
            return Cue(verb, _np_forward(tokens, i + 1, lex))
        fwd = _np_forward(tokens, start, lex)
        if fwd is not None and fwd.end <= tokens[i - 1][1] and _is_cap(tokens[start]):
            rest = [j for j in range(start, i) if tokens[j][0] >= fwd.end]
            if not rest or (
                tokens[rest[0]][2] in ("of", "from", "at", "for")
                and len(rest) <= 6
                and all(tokens[j][2] not in _BREAKS or _abbreviation(tokens, j) for j in rest)
            ):
                return Cue(verb, fwd)  # "former Gov. Jeb Bush of Florida said"
        if tokens[i - 1][2] in ",)":
            # "..., Mr. Daniloff, now 81 and retired in Cambridge, Mass., said"
            subject = _np_forward(tokens, start, lex)
            if subject is not None and subject.end <= tokens[i - 1][0]:
                return Cue(verb, subject)
        subject = _np_backward(tokens, i, lex)
        if subject is not None and subject.start <= tokens[start][0]:
            return Cue(verb, subject)
        lead = [t for t in tokens[start:i] if t[1] <= subject.start] if subject else []
        if (
            subject is not None
            and len(lead) <= 6
            and all(t[2] not in _BREAKS and t[2].lower() not in _NP_STOP for t in lead)
        ):
            return Cue(verb, subject)  # "spokesman Stuart Roy said"
        if subject is not None and i - start <= 2 and not strict:
            return Cue(verb, subject)
        return None
    return None


def _sentence_subject(tokens: Sequence[Token], stop: int, lex: Lexicon) -> Span | None:
    """The first pronoun or name of the sentence, before token ``stop``.

    A leading adverbial ("In a speech before X in 2013, Clinton ...") and a possessor
    ("Schilling's son, Grant, ...") are passed over.
    """
    first = 0
    if stop and tokens[0][2].lower() in _LEADING_ADVERBIALS:
        comma = next((i for i in range(min(stop, 30)) if tokens[i][2] == ","), -1)
        first = comma + 1 if comma > 0 else 0
    for i in range(first, min(stop, 40)):
        word = tokens[i][2]
        if word.lower() in ("he", "she"):
            return make_span(tokens[i][0], tokens[i][1])
        if word.endswith(("'s", "’s")):
            continue
        if _is_cap(tokens[i]) and word.lower() not in lex.not_name_start:
            return _np_forward(tokens, i, lex)
    return None


def find_before(text: str, lo: int, hi: int, lex: Lexicon) -> Cue | None:
    """Attribution in ``text[lo:hi]``, the words before a quotation in its sentence.

    The verb nearest the quotation wins when it is a plain speech verb; a weaker verb
    ("repeated", "called") inside the clause of an earlier "said" yields to that "said".
    """
    tokens = tokenize(text, max(lo, hi - 600), hi)
    first: Cue | None = None
    forms = lex.speech_forms
    # only a speech verb or "according" can hold a cue: the other words are not tried
    candidates = [
        i
        for i, token in enumerate(tokens)
        if (low := token[2].lower()) in forms or low == "according"
    ]
    for i in reversed(candidates):
        cue = _cue_at(tokens, i, hi, lex)
        if cue is None:
            continue
        if first is None:
            first = cue
            if not _is_thing(text, cue.subject, lex):
                return cue
        elif tokens[i][2].lower() in lex.core_forms and not _is_thing(text, cue.subject, lex):
            return cue  # "Ashdown said the program repeated "...""
    return first


def _is_thing(text: str, subject: Span | None, lex: Lexicon) -> bool:
    """Whether a subject reads as a thing ("the program") rather than a person or group."""
    if subject is None:
        return True
    words = text[subject.start : subject.end].split()
    head = words[-1].lower()
    return (
        words[0].lower() in _DETERMINERS
        and not words[-1][:1].isupper()
        and head not in lex.role_nouns
        and head not in lex.org_nouns
    )


def _cue_at(tokens: Sequence[Token], i: int, hi: int, lex: Lexicon) -> Cue | None:
    if _is_according(tokens, i):
        subject = _np_forward(tokens, i + 2, lex)
        if subject is not None and subject.end <= hi:
            return Cue(make_span(tokens[i][0], tokens[i + 1][1]), subject)
        return None
    if not _is_verb(tokens, i, lex):
        return None
    verb = make_span(tokens[i][0], tokens[i][1])
    subject = None
    participle = tokens[i][2].endswith("ing") and (
        i == 0 or tokens[i - 1][2] in (",", "and", "while", "before", "after", "when")
    )
    if participle:
        subject = _sentence_subject(tokens, i, lex)
    if subject is None:
        subject = _np_backward(tokens, i, lex)
    if subject is None and participle:
        return Cue(verb, None)  # '..., adding, "..."': the speaker of the sentence before
    if subject is None and i > 0 and tokens[i - 1][2].lower() in ("but", "and", "then"):
        subject = _sentence_subject(tokens, i, lex)  # "Carson ..., but told his supporters"
    if subject is None and tokens[i][2].lower() in lex.inverting_forms:
        subject = _np_forward(tokens, i + 1, lex)  # "said Mr. Smith"
        if subject is not None and tokens[i + 1][2].lower() in ("his", "her", "their", "its"):
            subject = None
    if subject is None:
        return None
    return Cue(verb, subject)


def find_colon(text: str, lo: int, hi: int, lex: Lexicon) -> Cue | None:
    """A speaker named before a colon with no verb: ``Peggy Drexler, CNN: "..."``."""
    tokens = tokenize(text, max(lo, hi - 200), hi)
    while tokens and tokens[-1][2] != ":":
        tokens.pop()
    if not tokens:
        return None
    colon = len(tokens) - 1
    k = colon
    if k >= 2 and tokens[k - 1][2][0].isupper() and tokens[k - 2][2] == ",":
        k -= 2  # "Name, Outlet:"
    subject = _np_backward(tokens, k, lex)
    if subject is None or not text[subject.start].isupper():
        return None
    if subject.start != tokens[0][0] and tokens[0][0] < subject.start:
        before = [t for t in tokens if t[1] <= subject.start]
        if before and before[-1][2] not in '.,;:"“”-—–':
            return None
    return Cue(make_span(tokens[colon][0], tokens[colon][1]), subject)


def find_subject(text: str, lo: int, hi: int, lex: Lexicon) -> Cue | None:
    """The subject of a sentence that introduces a quotation with a colon and no speech verb
    (``Trump issued the following statement: "..."``)."""
    tokens = tokenize(text, lo, hi)
    if not tokens or tokens[-1][2] != ":":
        return None
    subject = _sentence_subject(tokens, len(tokens) - 1, lex)
    if subject is None:
        return None
    return Cue(make_span(tokens[-1][0], tokens[-1][1]), subject)
