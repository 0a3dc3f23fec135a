"""Give every line a label from its kind and its neighbours.

The decision runs in three linear passes:

1. **The article region.**  Running text scores by its length, furniture scores against it;
   the best-scoring run of lines (a maximum-sum segment, found in one pass) is where the
   article is.  A menu of thirty links between two paragraphs outweighs a paragraph, so
   sidebars and footers stay out, while a lone ``Advertisement`` inside the story does not
   split it.  Text just below a byline or date stamp gets a head start; text glued under a
   title-and-date or a kicker-title-source stack (a teaser card) counts for little.
2. **The headline** is the best title-shaped line just above the region: scored by its
   shape, how near it is, whether a byline or date stamp follows it, whether the page repeats
   it and how many of its words the opening paragraphs share.  The lines around it give the
   section label, standfirst, byline, date stamps, captions and image titles.
3. **Everything else** by where it stands: inside the region running text and crossheads
   are body; after it, title-shaped lines are related links; the rest is boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from newsparse.model import Label
from newsparse.structure.features import (
    K_BLANK,
    K_BOILER,
    K_BULLET,
    K_BYLINE,
    K_CAPTION,
    K_COUNTER,
    K_CREDIT,
    K_DATE,
    K_PROMO,
    K_PROSE,
    K_RELATED_HEADER,
    K_RELATED_PREFIX,
    K_SENTENCE,
    K_SHORT,
    K_STRONG,
    K_TITLE,
    L_BLANK,
    L_BODY,
    L_BOILERPLATE,
    L_BYLINE,
    L_CAPTION,
    L_CREDIT,
    L_DATE,
    L_HEADLINE,
    L_IMAGE_TITLE,
    L_PROMO,
    L_RELATED,
    L_RELATED_HEADER,
    L_SECTION,
    L_STANDFIRST,
    TEXT_KINDS,
    Kind,
    LineFeatures,
    is_slug,
    word_tokens,
)

__all__ = ["article_region", "find_headline", "label_lines"]


#: How much each kind weighs for or against the article region, per line.
_PENALTY: dict[Kind, float] = {
    K_BLANK: 0.0,
    K_SHORT: -2.0,
    K_TITLE: -2.5,
    K_SENTENCE: 1.0,
    K_BOILER: -5.0,
    K_STRONG: -40.0,
    K_COUNTER: -2.0,
    K_DATE: -3.0,
    K_BYLINE: -3.0,
    K_CAPTION: -0.5,
    K_CREDIT: -0.5,
    K_PROMO: -3.0,
    K_RELATED_PREFIX: -3.0,
    K_RELATED_HEADER: -15.0,
}
_GAP_LIMIT = 40.0  # furniture heavier than this between two stretches of text separates them
_DISTANCE = 0.05  # headline score lost per non-blank line between a candidate and the text
_FOLLOWED = 3.0  # headline score for a byline or date stamp just below the candidate
_WINDOW = 40  # non-blank lines above the region searched for the headline
# A sentence break, r"\w[.!?][”\"’]?\s{1,3}[A-Z“\"‘]", looked for from its stop, which the
# regex engine can skip to (the word character before it becomes a look-behind): only
# whether there is one is asked, not where it starts.
_SENTENCE_BREAK = re.compile(r"[.!?](?<=\w[.!?])[”\"’]?\s{1,3}[A-Z“\"‘]")
# "HomeLatest NewsNollywood ...": menu items whose spaces the page's markup swallowed.
# Plainly r"[a-z]{2}[A-Z][a-z].{0,200}[a-z]{2}[A-Z][a-z]|[a-z]{3}[.][A-Z][a-z]"; looked for
# from the capital or full stop, which the regex engine skips to (the lower-case letters before
# it become look-behinds): only whether there is one is asked.
_GLUED = re.compile(
    r"[.A-Z](?:(?<=[a-z]{2}[A-Z])[a-z].{0,200}[a-z]{2}[A-Z][a-z]|(?<=[a-z]{3}[.])[A-Z][a-z])"
)
_PUNCTUATION = re.compile(r"[,.:;?!'’\"“”\-–—|]")  # a title without any reads as a menu
_STANDFIRST_FOLLOWERS = frozenset({K_DATE, K_BYLINE, K_CAPTION, K_CREDIT, K_COUNTER})
_META = frozenset({K_DATE, K_BYLINE, K_CAPTION, K_CREDIT, K_BOILER, K_COUNTER})


_DATED_CARD = 0.15  # weight left to text under a title, an author and a date
_STACKED_CARD = 0.35  # weight left to text under a stack of kicker, title and source
_START_SIGNS = frozenset({K_DATE, K_BYLINE})
_START_BONUS = 30.0
_REPEATABLE = frozenset({K_TITLE, K_PROSE, K_SENTENCE, K_SHORT})
_STACK = frozenset({K_TITLE, K_SHORT, K_BOILER})
_CARD_HEADS = frozenset({K_DATE, K_BYLINE})
_CARD_TOPS = frozenset({K_TITLE, K_SHORT, K_DATE, K_BYLINE})


def _card(feats: Sequence[LineFeatures], index: int) -> float:
    """How much of its weight text keeps when it sits in a teaser card (1.0: not a card).

    Text sitting directly under a date or byline that sits under a title is a teaser card.

    Article paragraphs do not come glued to a title, an author and a date; the summaries
    of "more stories" lists do.  A live-blog entry under its lone time stamp is not a card.
    """
    if feats[index - 1].kind in _CARD_HEADS and feats[index - 2].kind in _CARD_TOPS:
        return _DATED_CARD
    # A stack of two or more glued furniture lines (kicker, title, source) over the text.
    above = index - 1
    if feats[above].kind is K_BLANK:
        above -= 1
    stack = 0
    while above >= 0 and stack < 3 and feats[above].kind in _STACK:
        stack += 1
        above -= 1
    return _STACKED_CARD if stack >= 2 else 1.0


def article_region(
    feats: Sequence[LineFeatures], gap_limit: float = _GAP_LIMIT
) -> tuple[int, int] | None:
    """The ``(first, last)`` line indexes of the best-scoring run, or ``None`` with no text.

    A maximum-sum segment over the line weights, with one twist: a run of furniture heavier
    than ``gap_limit`` (a footer, a list of links with its header) ends the segment outright,
    so the teasers and comments below an article cannot join it however long they are.
    """
    best = 0.0
    best_span: tuple[int, int] | None = None
    running = 0.0
    gap = 0.0
    start = 0
    last_meta = -100
    penalty = _PENALTY
    for index, item in enumerate(feats):
        kind = item.kind
        if kind is K_BLANK:
            continue  # weighs nothing either way
        # Running text weighs by its length (bullets by half), furniture by its penalty.
        if kind is K_PROSE:
            weight = float(min(item.words, 80))
        elif kind is K_BULLET:
            weight = item.words * 0.5 if item.words >= 4 else -1.0
        else:
            weight = penalty[kind]
            if kind in _START_SIGNS:
                last_meta = index
        factor = _card(feats, index) if weight > 0.0 and index >= 2 else 1.0
        if factor < 1.0:
            weight *= factor
        elif weight > 0.0 and running <= 0.0 and index - last_meta <= 8:
            # Text starting just below a byline or date stamp is where articles start.
            weight += _START_BONUS
        if weight <= 0.0:
            if running > 0.0:
                gap += weight
                if gap < -gap_limit or running + gap <= 0.0:
                    running = 0.0
                    gap = 0.0
            continue
        if running <= 0.0:
            running = 0.0
            gap = 0.0
            start = index
        running += gap + weight
        gap = 0.0
        if running > best:
            best = running
            best_span = (start, index)
    return best_span


def _next_nonblank(feats: Sequence[LineFeatures], index: int, limit: int) -> int:
    """The next non-blank line after ``index`` (before ``limit``), or -1."""
    for other in range(index + 1, min(limit, index + 6)):
        if feats[other].kind is not K_BLANK:
            return other
    return -1


def _prev_nonblank(feats: Sequence[LineFeatures], index: int) -> int:
    for other in range(index - 1, max(-1, index - 6), -1):
        if feats[other].kind is not K_BLANK:
            return other
    return -1


def _long_words(text: str) -> list[str]:
    """The words of four or more characters, lower-cased: those that count when comparing a
    headline with the text (``\\w{4,}``, through the cheaper word split of the features)."""
    return [word for word in word_tokens(text.lower()) if len(word) >= 4]


_SHAPED = frozenset({K_TITLE, K_PROSE, K_SENTENCE})


def _headline_shape(item: LineFeatures) -> bool:
    """A title or sentence of three to thirty words: the shape of a headline."""
    return item.kind in _SHAPED and 3 <= item.words <= 30


def find_headline(
    texts: Sequence[str],
    feats: Sequence[LineFeatures],
    region: tuple[int, int],
    counts: Mapping[str, int],
) -> int:
    """The index of the headline line above (or at the top of) the region, or -1."""
    first, last = region
    vocabulary: set[str] = set()
    seen = 0
    for index in range(first, last + 1):
        if feats[index].kind is K_PROSE:
            # Every word: only the candidate's words need the length filter, since the
            # vocabulary is only ever intersected with them.
            vocabulary.update(word_tokens(texts[index].lower()))
            seen += 1
            if seen == 3:
                break
    best_index = -1
    best_score = -1e9
    distance = 0
    # Look a few lines into the region too: a headline ending in "?" reads as running text.
    index = first + 1
    inside = 0
    while index < last and inside < 4:
        index += 1
        if feats[index].kind is not K_BLANK:
            inside += 1
    while index > 0 and distance < _WINDOW:
        index -= 1
        item = feats[index]
        if item.kind is K_BLANK:
            continue
        if index <= first:
            distance += 1
        if item.kind not in _SHAPED or not 3 <= item.words <= 30:  # _headline_shape, inlined
            continue
        text = texts[index]
        stripped = text.strip()
        if index > first and (stripped.endswith(".") or (item.kind is K_PROSE and item.words > 20)):
            continue
        score = -_DISTANCE * distance - (0.6 * (index - first) if index > first else 0.0)
        if stripped.endswith("."):
            score -= 2.0
        elif stripped.endswith(":"):
            score -= 3.0
        if _SENTENCE_BREAK.search(stripped) is not None:
            score -= 1.5
        if _GLUED.search(stripped) is not None:
            score -= 1.5
        if item.kind is K_PROSE and index == first and item.words > 25:
            score -= 1.5
        if 5 <= item.words <= 22:
            score += 1.0

        elif item.words > 22:
            score -= 0.1 * (item.words - 22)
        if _PUNCTUATION.search(text) is None:
            score -= 0.04 * item.words
        ahead = index
        for step in range(4):
            ahead = _next_nonblank(feats, ahead, len(feats))
            if ahead < 0:
                break
            kind = feats[ahead].kind
            if kind in (K_BYLINE, K_DATE):
                score += _FOLLOWED - 0.4 * step
                break
            if kind is K_PROSE and feats[ahead].closed and step > 0:
                break  # a headline's byline and date come before the text, not after it
            if step == 0 and kind in (K_TITLE, K_PROSE) and feats[ahead].words >= 8:
                score += 0.5
        above = _prev_nonblank(feats, index)
        while above >= 0 and (feats[above].flag or feats[above].kind is K_COUNTER):
            above = _prev_nonblank(feats, above)
        if above >= 0:
            over = feats[above]
            if over.kind is K_DATE and over.words <= 2 and above == index - 1:
                score -= 2.0  # a bare time stamp heads a live-blog entry, not the page
            elif over.kind in (K_DATE, K_BYLINE):
                score += 0.7
            elif (
                _headline_shape(over)
                and 4 <= over.words < item.words
                and not texts[above].rstrip().endswith(".")
                and not texts[above].isupper()
            ):
                score -= 2.0  # the line under a headline is its standfirst
        if item.words <= 6 and stripped.isupper():
            score -= 1.5  # a kicker or section label in capitals
        if counts.get(stripped, 0) > 1:
            score += 0.8
        if index != first:
            words = set(_long_words(text))
            if words and vocabulary:
                score += 2.5 * len(words & vocabulary) / len(words)
        if item.words >= 4:
            capitals = len([word for word in stripped.split() if word[:1].isupper()])
            if capitals >= 0.7 * item.words:
                score += 0.4
        if score > best_score:
            best_score = score
            best_index = index
    return best_index


def label_lines(texts: Sequence[str], feats: list[LineFeatures]) -> tuple[list[Label], int]:
    """The label of every line and the index of the headline line (-1 when there is none).

    A person's name beside a date stamp becomes a byline: its entry in ``feats`` is replaced.
    """
    n = len(feats)
    blank, boilerplate = L_BLANK, L_BOILERPLATE
    # One pass for the starting labels, the repeated lines and the date stamps.
    labels: list[Label] = []
    counts: dict[str, int] = {}
    dates: list[int] = []
    for index, item in enumerate(feats):
        kind = item.kind
        if kind is K_BLANK:
            labels.append(blank)
            continue
        labels.append(boilerplate)
        if kind in _REPEATABLE:
            if item.words <= 30:
                stripped = texts[index].strip()
                counts[stripped] = counts.get(stripped, 0) + 1
        elif kind is K_DATE:
            dates.append(index)
    for index in dates:  # after the counts: this turns some names into bylines
        _byline_beside(texts, feats, index)
    region = article_region(feats)
    if region is None:
        headline = _headline_without_text(feats)
        first, last = (headline + 1, headline) if headline >= 0 else (n, n - 1)
    else:
        first, last = region
        headline = find_headline(texts, feats, region, counts)
        if headline >= first:
            first = headline + 1  # what stands above the headline is not the story
    if headline >= 0:
        labels[headline] = L_HEADLINE
        first = _standfirst(feats, labels, headline, first, last)
        _section(feats, labels, headline)
    if (
        2 <= first < n
        and first - 1 != headline
        and feats[first - 1].kind in (K_TITLE, K_SHORT)
        and feats[first - 2].kind is K_DATE
        and labels[first - 1] is L_BOILERPLATE
    ):
        first -= 1  # a live-blog entry's title under its time stamp opens the story
    _around(texts, feats, labels, 0, first, headline)
    _region(texts, feats, labels, first, last)
    _pull_quotes(texts, labels, first, last)
    _after(texts, feats, labels, last + 1, n)
    _caption_labels(feats, labels)
    _image_titles(texts, feats, labels)
    return labels, headline


def _headline_without_text(feats: Sequence[LineFeatures]) -> int:
    """With no running text (a gallery), the first title-shaped line followed by meta lines."""
    for index, item in enumerate(feats):
        if item.kind is K_TITLE and 4 <= item.words <= 30:
            follower = _next_nonblank(feats, index, len(feats))
            if follower >= 0 and feats[follower].kind in (*_META, K_TITLE, K_PROSE):
                return index
    return -1


def _standfirst(
    feats: Sequence[LineFeatures], labels: list[Label], headline: int, first: int, last: int
) -> int:
    """Label the standfirst below the headline; return where the body region starts."""
    index = headline
    while True:
        index = _next_nonblank(feats, index, len(feats))
        if index < 0:
            return first
        item = feats[index]
        if item.kind in (K_COUNTER,) or item.flag:
            continue
        break
    if item.kind not in (K_TITLE, K_PROSE, K_SENTENCE) or item.words < 6:
        return first
    if _caption_before_credit(feats, index):
        return first
    if index < first:
        labels[index] = L_STANDFIRST
        return first
    if index == first:
        after = _next_nonblank(feats, index, len(feats))
        if after >= 0 and feats[after].kind in _STANDFIRST_FOLLOWERS:
            labels[index] = L_STANDFIRST
            return index + 1
    return first


def _section(feats: Sequence[LineFeatures], labels: list[Label], headline: int) -> None:
    index = headline
    for _ in range(3):
        index = _prev_nonblank(feats, index)
        if index < 0:
            return
        item = feats[index]
        if item.flag or item.kind is K_COUNTER:
            continue
        if (item.words <= 5 and item.kind in (K_SHORT, K_TITLE)) or item.section:
            labels[index] = L_SECTION
        return


_META_LABEL = {
    K_DATE: L_DATE,
    K_BYLINE: L_BYLINE,
    K_CAPTION: L_CAPTION,
    K_CREDIT: L_CREDIT,
    K_PROMO: L_PROMO,
    K_RELATED_PREFIX: L_RELATED,
    K_RELATED_HEADER: L_RELATED_HEADER,
}


def _name_line(item: LineFeatures, text: str) -> bool:
    """A short line of capitalised words that reads like a person's name."""
    if item.kind not in (K_SHORT, K_TITLE) or not 2 <= item.words <= 7:
        return False
    words = text.split()
    capitals = sum(1 for word in words if word[:1].isupper())
    return capitals >= 2 and capitals >= len(words) - 2 and not text.rstrip().endswith(":")


def _around(
    texts: Sequence[str],
    feats: Sequence[LineFeatures],
    labels: list[Label],
    start: int,
    stop: int,
    headline: int,
) -> None:
    """Lines above the body: meta lines keep their kind, captions pair with credits."""
    for index in range(start, stop):
        label = labels[index]
        if label is not L_BOILERPLATE:
            continue
        item = feats[index]
        meta = _META_LABEL.get(item.kind)
        if meta is not None and (item.kind is not K_RELATED_PREFIX):
            labels[index] = meta
            continue
        if _caption_before_credit(feats, index):
            labels[index] = L_CAPTION
            continue
        if (
            headline >= 0
            and headline < index <= headline + 8
            and _name_line(item, texts[index])
            and _near_date(feats, index)
        ):
            labels[index] = L_BYLINE


_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "du", "bin", "al", "el")
)
_NAME_END = re.compile(r"\s(?:in|at|and|for)\s[A-Z]|,|\s[|•·–—-]\s")


def _person_name(text: str) -> bool:
    """Two to four capitalised words (particles allowed), no digits: "Sophie van Dam"."""
    cut = _NAME_END.search(text)
    name = text[: cut.start()] if cut is not None else text
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    # Letters are never digits: only a name with other characters is searched for one.
    if not "".join(words).isalpha() and any(ch.isdigit() for ch in name):
        return False
    return all(word[:1].isupper() or word in _PARTICLES for word in words) and not any(
        word.endswith(("'s", "’s", ":")) for word in words
    )


_NAMEISH = frozenset({K_SHORT, K_TITLE})


def _byline_beside(texts: Sequence[str], feats: list[LineFeatures], index: int) -> None:
    """A person's name printed directly above or below a date stamp is the byline."""
    for other in (_prev_nonblank(feats, index), _next_nonblank(feats, index, len(feats))):
        if (
            other >= 0
            and index - 2 <= other <= index + 2
            and feats[other].kind in _NAMEISH
            and feats[other].words <= 8
            and _person_name(texts[other].strip())
        ):
            # Replaced, not changed: identical lines elsewhere share the features object.
            feats[other] = attrs.evolve(feats[other], kind=K_BYLINE)
            return


def _near_date(feats: Sequence[LineFeatures], index: int) -> bool:
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(feats) and feats[other].kind is K_DATE:
            return True
    return False


def _caption_before_credit(feats: Sequence[LineFeatures], index: int) -> bool:
    """A sentence directly followed by a lone credit line is that credit's caption."""
    item = feats[index]
    if item.kind not in (K_TITLE, K_PROSE, K_SENTENCE) or item.words < 4:
        return False
    for other in (index + 1, index + 2):
        if other < len(feats):
            kind = feats[other].kind
            if kind is K_CREDIT:
                return True
            # Between them only a blank line or a one-word label ("Credit...").
            if kind is not K_BLANK and not (kind is K_BOILER and feats[other].words == 1):
                return False
    return False


def _credit_below(feats: Sequence[LineFeatures], index: int) -> bool:
    """A lone credit right below that is not the next picture's.

    With a blank line between them, only a line that does not continue running text
    counts: a credit under the last paragraph before a picture is that picture's.
    """
    n = len(feats)
    below = index + 1
    if below < n and feats[below].kind is K_BLANK:
        below += 1
    if below >= n or feats[below].kind is not K_CREDIT:
        return False
    if below == index + 1:
        return True
    above = _prev_nonblank(feats, index)
    if above >= 0 and feats[above].kind in TEXT_KINDS:
        return False
    return below + 1 >= n or feats[below + 1].kind is not K_CAPTION


def _region(
    texts: Sequence[str],
    feats: Sequence[LineFeatures],
    labels: list[Label],
    first: int,
    last: int,
) -> None:
    n = len(feats)
    in_list = False  # inside a "Read more" list printed between paragraphs
    for index in range(first, last + 1):
        item = feats[index]
        kind = item.kind
        if kind is K_RELATED_HEADER:
            in_list = True
        elif kind is K_BLANK or kind in TEXT_KINDS:
            in_list = False
        if labels[index] is not L_BOILERPLATE:
            continue
        if in_list and kind is K_TITLE:
            labels[index] = L_RELATED
            continue
        if kind in TEXT_KINDS:
            labels[index] = L_CAPTION if _credit_below(feats, index) else L_BODY
            continue
        meta = _META_LABEL.get(kind)
        if meta is not None:
            labels[index] = meta
            continue
        if kind in (K_TITLE, K_SHORT):
            if _caption_before_credit(feats, index):
                labels[index] = L_CAPTION
                continue
            follower = _next_nonblank(feats, index, n)
            if (
                follower >= 0
                and follower <= last
                and feats[follower].kind in (K_PROSE, K_BULLET)
                and item.words <= 25
                and not texts[index].rstrip().endswith(":")
            ):
                labels[index] = L_BODY


def _after(
    texts: Sequence[str],
    feats: Sequence[LineFeatures],
    labels: list[Label],
    start: int,
    stop: int,
) -> None:
    """Below the article: related lists, credits beside captions, the rest furniture.

    After a paywall or copyright line, title-shaped lines are offers and notices, not
    links, until a related-list header opens a list again.
    """
    blocked = False
    seen: set[str] | None = None  # the story's lines, gathered when first needed
    for index in range(start, stop):
        item = feats[index]
        if item.kind is K_STRONG:
            blocked = True
        elif item.kind is K_RELATED_HEADER:
            blocked = False
        if labels[index] is not L_BOILERPLATE:
            continue
        meta = _META_LABEL.get(item.kind)
        if item.kind is K_CREDIT and not _beside_caption(feats, index):
            continue
        if meta is not None and (item.kind not in (K_DATE, K_BYLINE) or index <= start + 8):
            labels[index] = meta
            continue
        if blocked or not _link_shaped(item):
            continue  # an offer after a paywall
        if seen is None:
            seen = {texts[i].strip() for i in range(stop) if labels[i] is L_BODY}
        if texts[index].strip() not in seen:  # a key-event link repeats a crosshead
            labels[index] = L_RELATED


_QUOTES = "\"“”‘’'«»"
_MAX_PULL_QUOTES = 40


def _pull_quotes(texts: Sequence[str], labels: list[Label], first: int, last: int) -> None:
    """A short quotation standing alone whose words the story already prints is a pull quote.

    Checks are capped per page, so a page of nothing but quotations stays linear.
    """
    candidates = []
    for index in range(first, last + 1):
        if labels[index] is not L_BODY:
            continue
        stripped = texts[index].strip()
        if (
            len(stripped) <= 200
            and stripped[:1] in _QUOTES
            and stripped[-1:] in _QUOTES
            and stripped.count(" ") <= 25
        ):
            candidates.append(index)
            if len(candidates) >= _MAX_PULL_QUOTES:
                break
    if not candidates:
        return
    story = "\n".join(texts[index] for index in range(first, last + 1) if labels[index] is L_BODY)
    for index in candidates:
        inner = texts[index].strip().strip(_QUOTES + " .,")
        if len(inner) >= 20 and story.count(inner) >= 2:
            labels[index] = L_BOILERPLATE


def _link_shaped(item: LineFeatures) -> bool:
    """A title of five to thirty words without a full stop: the text of a link."""
    if item.kind is K_TITLE:
        return 5 <= item.words <= 30
    if item.kind not in (K_PROSE, K_SENTENCE) or item.words > 30:
        return False
    return not item.closed or item.question


def _beside_caption(feats: Sequence[LineFeatures], index: int) -> bool:
    """Whether a lone credit has a caption next to it (within one blank line)."""
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(feats) and feats[other].kind is K_CAPTION:
            return True
    return False


def _caption_labels(feats: Sequence[LineFeatures], labels: list[Label]) -> None:
    """A caption label on a line of its own ("Image caption,") captions the next line."""
    for index, item in enumerate(feats):
        if labels[index] is not L_CAPTION or item.skip < item.end:
            continue
        after = _next_nonblank(feats, index, len(feats))
        if after == index + 1 and feats[after].kind in (K_TITLE, K_PROSE, K_SENTENCE):
            labels[index] = L_BOILERPLATE
            labels[after] = L_CAPTION


def _image_titles(texts: Sequence[str], feats: Sequence[LineFeatures], labels: list[Label]) -> None:
    """A short line or file name directly above a caption is the picture's title."""
    for index in range(len(feats) - 1):
        if labels[index + 1] is not L_CAPTION:
            continue
        if labels[index] not in (L_BOILERPLATE, L_BYLINE, L_SECTION):
            continue
        item = feats[index]
        text = texts[index].strip()
        if item.kind in (K_COUNTER, K_CAPTION):
            continue  # counters are furniture; a caption label is not a picture title
        if (item.words <= 8 and not item.closed) or is_slug(text):
            labels[index] = L_IMAGE_TITLE
