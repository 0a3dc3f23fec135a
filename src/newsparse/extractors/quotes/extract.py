"""From an article to its quotations: pairing, attribution, speaker resolution, filtering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex

from newsparse import Article, Mention, Part, Quote, QuoteKind, Span
from newsparse.extractors.quotes.attribution import (
    Cue,
    find_after,
    find_before,
    find_colon,
    find_subject,
    tokenize,
)
from newsparse.extractors.quotes.lexicon import Lexicon, lexicon
from newsparse.extractors.quotes.making import make_mention, make_quote, make_span
from newsparse.extractors.quotes.marks import MarkIndex, Region, pair_marks
from newsparse.extractors.quotes.plain import is_plain
from newsparse.extractors.quotes.sentences import Sentences
from newsparse.extractors.quotes.speakers import CORE, NAME, ORG, START, SpeakerIndex, span_of

__all__ = ["extract_quotes"]

_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
_NAMING_RE = regex.compile(
    r"(?i:\b(?:dubbed|nicknamed|termed|titled|entitled|so-called|so called|known as|"
    r"the words?|the terms?|the phrase|the slogan|the motto|the hashtag|the label|"
    r"the headline|hashtag|slogan|chants? of|chanting|chanted|signs? reading|marked|"
    r"labell?ed|branded|the name|a sign|called the|billed as|styled)\W{0,3})$"
)
_TERM_BEFORE_RE = regex.compile(
    r"(?i:\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|on)|['’]s|s['’])\s*$"
)
_OPENING_PUNCT_RE = regex.compile(r"\s*[,—–\-(]")
_COLON_RE = regex.compile(r"[ \u00a0]{0,3}[:\-–—][ \u00a0]{0,3}")
_PREPOSITIONS = frozenset(["of", "for", "from", "in", "at", "with", "by", "to", "about", "on"])
_WORD_BEFORE_RE = regex.compile(r"(\p{L}{1,12})[ \u00a0]{1,3}$")


#: How a quotation ends: ``[stops][closers]?\s*$`` of the Unicode patterns, read from its
#: last two visible characters with ``str`` methods (the test suite holds each to its pattern).
#: A sentence ends with a stop, optionally inside its closing mark ('...done."'); a quotation
#: followed by its attribution ends with punctuation, optionally before a closing mark.
SENTENCE_STOPS, SENTENCE_CLOSERS = ".!?…", "\"”’')"
CLOSING_PUNCT, CLOSING_MARKS = ",.?!…:;—–-", "'’‘\"”"
#: The blank space of the Unicode patterns (``\s``, Unicode's White_Space characters).
BLANK = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def visible_end(body: str) -> str:
    """The last two characters of ``body`` before its trailing blank space."""
    return body.rstrip(BLANK)[-2:]


def ends_with(end: str, stops: str, closers: str) -> bool:
    """Whether ``end`` (see :func:`visible_end`) is one of ``stops``, or one of them followed
    by one of ``closers``."""
    if not end:
        return False
    if end[-1] in stops:
        return True
    return len(end) == 2 and end[1] in closers and end[0] in stops


#: The longest naming cue with the marks after it ("signs reading: "), so that the cue is
#: looked for only in the characters that could hold it.
_NAMING_REACH = 24


def word_before(text: str, i: int) -> str:
    """The word (up to its last 12 letters, lower case) that one to three spaces separate
    from offset ``i``, else "": what ``_WORD_BEFORE_RE`` finds in the 16 characters before.

    On plain text it is read with ``str`` methods (``str.isalpha`` is ``\\p{L}`` there), which
    costs a fifth of the search: the pattern is tried at each of the 16 offsets.
    """
    lo = max(0, i - 16)
    if not is_plain(text):
        match = _WORD_BEFORE_RE.search(text, lo, i)
        return match.group(1).lower() if match else ""
    end = i - 1 if i > lo and text[i - 1] == "\n" else i  # "$" also matches before a final "\n"
    spaced = text[lo:end]
    bare = spaced.rstrip(" \u00a0")
    if not 1 <= len(spaced) - len(bare) <= 3:
        return ""
    start = stop = len(bare)
    while start > stop - 12 and start > 0 and bare[start - 1].isalpha():
        start -= 1
    return bare[start:stop].lower()


_PLURAL_PRONOUNS = frozenset(("they", "we", "it", "them"))


class _Speaker(NamedTuple):
    """Who a quotation is attributed to, with the mentions that led there."""

    name: str | None
    span: Span | None
    chain: tuple[Mention, ...]


_NOBODY = _Speaker(None, None, ())


def _groups(article: Article) -> Iterator[tuple[Part, list[tuple[int, int]]]]:
    """Runs of consecutive body paragraphs, and every other part on its own."""
    run: list[tuple[int, int]] = []
    for part, span in article.parts():
        if part is Part.BODY:
            run.append((span.start, span.end))
            continue
        if run:
            yield Part.BODY, run
            run = []
        yield part, [(span.start, span.end)]
    if run:
        yield Part.BODY, run


def _words(text: str, lo: int, hi: int) -> int:
    return len(_WORD_RE.findall(text, lo, hi))


_TITLE_SMALL_WORDS = frozenset(
    ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or")
)


def _is_title(body: str, ends_sentence: bool) -> bool:
    """Whether ``body`` reads as a title; ``ends_sentence`` is whether it ends as a sentence
    does (the caller has worked that out already)."""
    words = body.split(None, 8)  # nine pieces are enough to tell it is too long
    if not 1 <= len(words) <= 8 or ends_sentence:
        return False
    caps = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(caps) and all(w[0].isupper() or not w[0].isalpha() for w in caps)


class _Reader:
    """Per-article state: the source, its paragraphs, the name index and the speakers so far."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.text = article.source
        self.lex = lex
        self.groups = list(_groups(article))
        self.regions: list[tuple[Part, list[tuple[int, int]], Region]] = []
        marks = MarkIndex(self.text)
        for part, spans in self.groups:
            singles = [part is not Part.BODY] * len(spans)
            for region in pair_marks(self.text, spans, singles=singles, marks=marks):
                self.regions.append((part, spans, region))
        self.regions.sort(key=lambda item: item[2].start)
        self.sentences = Sentences(self.text)
        self._index: SpeakerIndex | None = None

    @property
    def index(self) -> SpeakerIndex:
        """The names of the article, indexed the first time a quotation needs a speaker."""
        if self._index is None:
            quoted = [(r.start, r.end) for _, _, r in self.regions]
            self._index = SpeakerIndex.build(self.text, self.lex, quoted, self.sentences)
        return self._index

    def speaker_of(self, subject: Span, last: _Speaker) -> _Speaker:
        """Resolve the subject phrase of a speech verb to a speaker."""
        text, lex = self.text, self.lex
        phrase = text[subject.start : subject.end]
        mention = make_mention(phrase, subject)
        low = phrase.lower()
        if low in lex.pronouns:
            if low in _PLURAL_PRONOUNS or low in ("i", "you"):
                if last.name is not None and low in ("they", "we", "it"):
                    return _Speaker(last.name, last.span, (mention, *last.chain))
                return _Speaker(None, None, (mention,))
            person = self.index.recent_person(subject.start, lex.pronouns[low])
            if person is None:
                return _Speaker(None, None, (mention,))
            resolved = self.index.resolve_name(span_of(person))
            if resolved is None:
                return _Speaker(None, None, (mention,))
            name, span, chain = resolved
            return _Speaker(name, span, (mention, *chain))
        tokens = [t for t in tokenize(text, subject.start, subject.end) if t[2][0].isalnum()]
        if not tokens:
            return _Speaker(None, None, (mention,))
        head = tokens[-1][2].lower()
        people = self.index.people_within(subject)
        if " and " in phrase and len(people) >= 2 and all(not p[CORE][ORG] for p in people):
            return _Speaker(phrase, subject, (mention,))  # "Cummings and Conyers"
        if tokens[-1][2][0].isupper():
            people = [p for p in people if word_before(text, p[START]) not in _PREPOSITIONS]
        if tokens[-1][2][0].isupper() and people:
            person = people[-1]
            for candidate in reversed(people):
                if not candidate[CORE][ORG]:
                    person = candidate
                    break
            resolved = self.index.resolve_name(span_of(person))
            if resolved is not None:
                name, span, chain = resolved
                if chain[0].span != subject:
                    chain = (mention, *chain)
                return _Speaker(name, span, chain)
        definite = tokens[0][2].lower() in ("the", "this", "that")
        if definite and head in lex.role_nouns and head not in lex.org_nouns:
            tied = self.index.tied_to_role(head, subject.start)
            if tied is not None:
                resolved = self.index.resolve_name(span_of(tied))
                if resolved is not None:
                    name, span, chain = resolved
                    return _Speaker(name, span, (mention, *chain))
        if definite and len(tokens) == 2 and head in lex.org_nouns:
            named = self.index.organisation(head, subject.start)
            if named is not None:
                name, span = named[CORE][NAME], span_of(named)
                return _Speaker(name, span, (mention, make_mention(name, span)))
        start = subject.start
        if tokens[0][2].lower() == "the" and len(tokens) > 1:
            start = tokens[1][0]
        return _Speaker(text[start : subject.end], make_span(start, subject.end), (mention,))


def _last_cue_before(reader: _Reader, lo: int, hi: int, *, sentences: int = 3) -> Cue | None:
    """The last attributed verb in the sentences of ``[lo, hi)`` (nearest first)."""
    end = hi
    for _ in range(sentences):
        start = reader.sentences.start_before(lo, max(lo, end - 1))
        cue = find_before(reader.text, start, end, reader.lex)
        if cue is not None:
            return cue
        if start <= lo:
            return None
        end = start
    return None


def _read(reader: _Reader) -> list[Quote]:
    text, lex = reader.text, reader.lex
    found: list[Quote] = []
    regions = reader.regions
    last = _NOBODY
    last_para_end = -1
    last_end = -1
    last_attr_end = -1
    for n, (part, spans, region) in enumerate(regions):
        body = text[region.start : region.end]
        if not body.strip() or not any(ch.isalnum() for ch in body):
            continue
        first = spans[region.paragraphs[0]] if region.paragraphs else (region.start, region.end)
        final = spans[region.paragraphs[-1]] if region.paragraphs else first
        para_lo, para_hi = first[0], final[1]
        prev = regions[n - 1][2] if n > 0 else None
        nxt = regions[n + 1][2] if n + 1 < len(regions) else None
        gap_lo = para_lo
        if prev is not None and prev.closed and para_lo <= prev.close_at < region.open_at:
            gap_lo = prev.close_at + 1
        sent_lo = reader.sentences.start_before(gap_lo, region.open_at)
        after_lo = region.close_at + 1 if region.closed else region.end
        after_hi = para_hi
        if nxt is not None and after_lo <= nxt.open_at < after_hi:
            after_hi = nxt.open_at
        after_hi = reader.sentences.end_after(after_lo, after_hi)
        tail = visible_end(body)
        ends_sentence = ends_with(tail, SENTENCE_STOPS, SENTENCE_CLOSERS)
        lead = text[sent_lo : region.open_at]
        cue: Cue | None = None
        if region.closed and (
            ends_with(tail, CLOSING_PUNCT, CLOSING_MARKS)
            or _OPENING_PUNCT_RE.match(text, after_lo, after_hi)
        ):
            # attribution follows a quotation that ends in punctuation ('"...," he said') or
            # is set off by it ('"..." — he said'); otherwise the sentence just goes on
            cue = find_after(text, after_lo, after_hi, lex, strict=ends_sentence)
        after_cue = cue is not None
        if cue is None and lead.strip():
            cue = find_before(text, sent_lo, region.open_at, lex)
        if cue is None and lead.rstrip().endswith(":"):
            cue = find_colon(text, sent_lo, region.open_at, lex)
            if cue is None:
                cue = find_subject(text, sent_lo, region.open_at, lex)
        if cue is None and not lead.strip() and region.paragraphs and region.paragraphs[0] > 0:
            prev_lo, prev_hi = spans[region.paragraphs[0] - 1]
            intro = text[prev_lo:prev_hi].rstrip()
            if intro.endswith(":") and _only_space(text, prev_hi, para_lo):
                # "He said:" closing the paragraph before the quotation
                end = prev_lo + len(intro)
                start = reader.sentences.start_before(prev_lo, end)
                cue = find_before(text, start, end, lex) or find_colon(text, start, end, lex)
                if cue is None:
                    cue = find_subject(text, start, end, lex)
        standalone = not lead.strip() or lead.rstrip()[-1:] in ":,—–-"
        kind = QuoteKind.DIRECT if standalone else QuoteKind.PARTIAL
        if body[:1].islower() and not standalone:
            kind = QuoteKind.PARTIAL
        words = -1  # counted only when a short quotation with no verb must be told apart
        named_in_part: Span | None = None
        if part is not Part.BODY and cue is None:
            # headlines and captions: "'They finish them off': Zelensky on the front"
            if region.closed:
                colon = _COLON_RE.match(text, after_lo, after_hi)
                if colon is not None:
                    cue = find_after(text, colon.end(), after_hi, lex)
                    after_cue = cue is not None
            if cue is None:
                outer = Span(region.open_at, region.close_at + 1 if region.closed else region.end)
                named_in_part = reader.index.first_person_in(para_lo, para_hi, outer)
        naming_lo = max(para_lo, region.open_at - 40, region.open_at - _NAMING_REACH)
        if _NAMING_RE.search(text, naming_lo, region.open_at):
            continue
        title = _is_title(body, ends_sentence)
        if title and not after_cue:
            continue  # a title or a name: on NBC's "Meet the Press", the show, "The Apprentice,"
        if kind is QuoteKind.PARTIAL and cue is None:
            words = _words(text, region.start, region.end)
            if words <= 4 and _TERM_BEFORE_RE.search(lead[-30:]):
                continue  # a term: the "third straw", their "classroom"
        same_para = last_end >= para_lo
        follows = same_para or (
            last_para_end >= 0
            and _only_space(text, last_para_end, para_lo)
            and _only_space(text, para_lo, region.open_at)
        )
        if cue is None:
            if kind is QuoteKind.PARTIAL and (words <= 6 or not follows):
                continue
            if title and not follows:
                continue
        if region.single and cue is None and named_in_part is None:
            continue
        speaker = _NOBODY
        if cue is not None and cue.subject is not None:
            speaker = reader.speaker_of(cue.subject, last)
        elif named_in_part is not None:
            speaker = reader.speaker_of(named_in_part, last)
        elif cue is None:
            # a quotation right after an attributed one continues it; otherwise the
            # sentences before it may name the speaker ("Or maybe Bush, Musser says. "..."")
            lo = max(para_lo, last_end + 1, last_attr_end) if same_para else para_lo
            lo = max(lo, gap_lo)
            earlier = None
            if sent_lo > lo and not (follows and last.name is not None):
                earlier = _last_cue_before(reader, lo, sent_lo)
            if earlier is not None and earlier.subject is not None:
                speaker = reader.speaker_of(earlier.subject, last)
            elif follows and last.name is not None:
                speaker = last
            elif sent_lo == para_lo and region.paragraphs and region.paragraphs[0] > 0:
                # a quotation opening its paragraph after a paragraph that paraphrases
                # someone ("Valastro praised Christie's record.")
                prev_lo, prev_hi = spans[region.paragraphs[0] - 1]
                if _only_space(text, prev_hi, para_lo):
                    earlier = _last_cue_before(reader, prev_lo, prev_hi, sentences=1)
                    if earlier is not None and earlier.subject is not None:
                        speaker = reader.speaker_of(earlier.subject, last)
        if (
            speaker.name is None
            and same_para
            and last.name is not None
            and cue is not None
            and cue.subject is None
            and text[cue.verb.start : cue.verb.end].endswith("ing")
        ):
            speaker = last  # '"...," he said, adding, "..."'
        if speaker.name is None and cue is None and kind is QuoteKind.PARTIAL:
            continue
        last = speaker if speaker.name is not None else last
        if speaker.name is not None or cue is not None:
            last_end = region.close_at if region.closed else region.end
            last_para_end = para_hi
            if cue is not None:
                last_attr_end = max(cue.verb.end, cue.subject.end if cue.subject else 0)
        cue_text = text[cue.verb.start : cue.verb.end] if cue is not None else None
        found.append(
            make_quote(
                body,
                region.start,
                region.end,
                speaker.name,
                speaker.span,
                cue_text,
                cue.verb if cue is not None else None,
                kind,
                part,
                speaker.chain,
            )
        )
    return found


def _only_space(text: str, lo: int, hi: int) -> bool:
    """Whether ``[lo, hi)`` is a short run of blank space (a paragraph break)."""
    return lo <= hi <= lo + 64 and not text[lo:hi].strip()


def extract_quotes(article: Article, lang: str = "en") -> list[Quote]:
    """Find every quotation in the editorial parts of ``article``, with its speaker, in order
    (a list: the plugin manager keeps them all, and takes a list the quickest way)."""
    if not article.source:
        return []
    return _read(_Reader(article, lexicon(lang)))
