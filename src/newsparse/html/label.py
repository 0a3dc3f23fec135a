"""Labels for the chunks of an HTML page, decided from markup hints.

The article text is found as the element that holds the most running text for the least
furniture.  Each chunk counts as *good* (sentences with little link text, standing in a run
of paragraphs: a lone teaser under a story link counts for little) or *bad* (the rest); the
counts are summed up the element tree in one pass, and the element maximising
``good - PENALTY * bad`` is the container, with a bonus inside ``article``/``main`` and for
class names such as ``article-body``.  Below an element named furniture (``nav``, ``aside``,
``footer``, comment threads, share bars, ...) all text is bad; class names alone are noisy, so
a "furniture" element holding far more running text than anything else is believed instead.
Inside the container, paragraph-like chunks are body, except those in another ``<article>``
than the headline's (teasers).  The headline is the heading that best matches the page's own
title (JSON-LD, OpenGraph); captions, bylines, dates, standfirst and related links come from
their own hints, bylines and dates only near the headline; everything else is boilerplate.

The decisions are per chunk, so a text line labeller can later be consulted for the chunks
the markup leaves undecided.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from newsparse.html.extract import Chunk, Element, Extraction, Flag
from newsparse.html.metadata import Metadata
from newsparse.model import Label

__all__ = ["Decision", "decide"]

PENALTY = 0.6
LONE_PENALTY = 0.3
NARROW = 0.98
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]。！？」』]\s{0,3}$")
# Scripts written without spaces carry a sentence in far fewer characters.
_DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_UI_TEXT = re.compile(
    r"^(?:advertisement|advert|ad|sponsored|share|share this|tweet|email|print|comments?|"
    r"read more|continue reading|close|menu|subscribe|sign in|log in|sign up|skip to .{0,40}|"
    r"image|photo|video|caption|live|watch .{0,30}|loading.{0,10}|click to .{0,40}|"
    r"scroll to .{0,40}|enlarge( this)? image|expand|toggle caption|hide caption|show caption)$",
    re.IGNORECASE,
)
_BYLINE_TEXT = re.compile(r"^(?:by|von|por|di|oleh|par)\s+\S", re.IGNORECASE)
_BY_ALONE = re.compile(r"^(?:by|von|por|di|oleh|par|written by)?\W{0,3}$", re.IGNORECASE)
_CREDIT_TEXT = re.compile(
    r"^(?:\(?(?:photo|image|picture|foto|credit|source|illustration)s?\b.{0,3}[:(]|©|\(c\)|"
    r"(?:photo|image|picture)\s+(?:by|credit|courtesy))",
    re.IGNORECASE,
)
#: Furniture whatever its size: comment threads are long running text that is not the article.
_STRICT_BOILER = Flag.NAV | Flag.ASIDE | Flag.FOOTER | Flag.COMMENTS
_OWN_BOILER = Flag.NAV | Flag.ASIDE | Flag.FOOTER | Flag.FORM | Flag.NEGATIVE | Flag.COMMENTS


@attrs.define(slots=True)
class Decision:
    """A label for every chunk, and which chunk (if any) is the headline."""

    labels: list[Label]
    headline: int | None
    container: int


def tokens(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def _min_length(text: str) -> int:
    return 15 if _DENSE_SCRIPT.search(text[:200]) else 40


def _is_paragraph(chunk: Chunk) -> bool:
    """Sentence-like running text, judged from the chunk alone."""
    if chunk.heading or chunk.flags & (Flag.FIGCAPTION | Flag.CAPTION):
        return False
    text = chunk.text
    if chunk.link_density > 0.4 or len(text) < _min_length(text) or _UI_TEXT.match(text):
        return False
    words = text.count(" ") + 1
    return words >= 8 or bool(_SENTENCE_END.search(text))


def _is_sentences(chunk: Chunk) -> bool:
    """Running text, whatever its links: what the container score counts as (partly) good."""
    if chunk.heading or chunk.flags & (Flag.FIGCAPTION | Flag.CAPTION):
        return False
    text = chunk.text
    if len(text) < _min_length(text) or chunk.link_density > 0.8 or _UI_TEXT.match(text):
        return False
    return text.count(" ") >= 7 or bool(_SENTENCE_END.search(text))


def _runs(chunks: list[Chunk], sentences: list[bool]) -> list[bool]:
    """Whether each chunk of running text has another one next to it in reading order, with
    at most two chunks of little link text between: articles come in runs of paragraphs,
    while the teaser under each link of a story list stands alone between link titles."""
    joined = [False] * len(chunks)
    previous = -1
    gap = 0
    clean = True
    for index, chunk in enumerate(chunks):
        if sentences[index]:
            if previous >= 0 and gap <= 2 and clean:
                joined[index] = joined[previous] = True
            previous, gap, clean = index, 0, True
        else:
            gap += 1
            clean = clean and chunk.link_density < 0.5
    return joined


def _container(extraction: Extraction, confirmed: list[bool]) -> tuple[int, list[bool]]:
    """The element holding the most article text for the least furniture.

    Good and bad text are summed up the tree in one pass (parents come before children in
    ``elements``); below an element whose own markup names it furniture, all text is bad,
    unless the element holds far more running text than anything else (class names are
    noisy: a page builder's ``widget-container`` may well hold the article).  Returns the
    container and, per element, whether it was judged furniture.
    """
    elements = extraction.elements
    chunks = extraction.chunks
    sentences = [_is_sentences(chunk) for chunk in chunks]
    # Running text comes in runs: paragraphs sharing a parent.  A lone paragraph (a teaser
    # under each link of a story list) counts for little unless it is long.
    in_run = _runs(chunks, sentences)
    siblings: Counter[int] = Counter(
        elements[chunk.element].parent
        for chunk, sentence in zip(chunks, sentences, strict=True)
        if sentence and chunk.element >= 0
    )
    good = [0.0] * len(elements)
    bad = [0.0] * len(elements)
    for index, chunk in enumerate(chunks):
        if chunk.element < 0:
            continue
        size = float(len(chunk.text))
        if confirmed[index]:
            good[chunk.element] += size * 1.5
        elif sentences[index]:
            if in_run[index] or siblings[elements[chunk.element].parent] >= 2 or size >= 400:
                share = size * (1.0 - chunk.link_density)
                good[chunk.element] += share
                bad[chunk.element] += size - share
            else:
                bad[chunk.element] += size * LONE_PENALTY
        else:
            bad[chunk.element] += size
    furniture = [False] * len(elements)
    scores = [0.0] * len(elements)
    for index in range(len(elements) - 1, -1, -1):
        element = elements[index]
        weight = element.weight
        if (
            weight & _OWN_BOILER
            and not weight & Flag.POSITIVE
            and (
                weight & _STRICT_BOILER or not (good[index] > 1000 and good[index] > 2 * bad[index])
            )
        ):
            furniture[index] = True
            bad[index] += good[index]
            good[index] = 0.0
        score = good[index] - PENALTY * bad[index] if good[index] > 0 else float("-inf")
        if score > 0:
            if weight & Flag.POSITIVE:
                score *= 1.15
            if element.flags & (Flag.ARTICLE | Flag.MAIN):
                score *= 1.25
        scores[index] = score
        parent = element.parent
        if parent >= 0:
            good[parent] += good[index]
            bad[parent] += bad[index]
    # Nothing inside comments, navigation, asides or footers can be the container (one long
    # comment is not the article); furniture named only by a class name is too noisy a sign.
    inside = [False] * len(elements)
    best, best_score = 0, float("-inf")
    for index, element in enumerate(elements):
        parent = element.parent
        strict = furniture[index] and bool(element.weight & _STRICT_BOILER)
        inside[index] = strict or (parent >= 0 and inside[parent])
        if not inside[index] and scores[index] > best_score:
            best, best_score = index, scores[index]
    return _narrow(elements, scores, inside, best), furniture


def _narrow(elements: list[Element], scores: list[float], inside: list[bool], best: int) -> int:
    """Step down to a child that scores nearly as well: a wrapper that adds only a little
    (an author box, a newsletter sign-up after the story) is not the article."""
    children: dict[int, list[int]] = {}
    for index, element in enumerate(elements):
        if element.parent >= 0:
            children.setdefault(element.parent, []).append(index)
    while best_score := scores[best] if best >= 0 else 0.0:
        candidates = [c for c in children.get(best, ()) if not inside[c]]
        child = max(candidates, key=scores.__getitem__, default=-1)
        if child < 0 or scores[child] < NARROW * best_score:
            break
        best = child
    return best


def _boiler_below(elements: list[Element], container: int, furniture: list[bool]) -> list[bool]:
    """For each element: whether it, or an element between it and the container, is furniture."""
    result = [False] * len(elements)
    for index, element in enumerate(elements):
        if index <= container:
            continue
        parent = element.parent
        inherited = result[parent] if parent > container else False
        result[index] = inherited or furniture[index]
    return result


def _confirmed(extraction: Extraction, metadata: Metadata) -> list[bool]:
    """Chunks whose words the page's JSON-LD ``articleBody`` contains."""
    body = metadata.article_body
    result = [False] * len(extraction.chunks)
    if not body or len(body) < 200:
        return result
    vocabulary = set(tokens(body))
    for index, chunk in enumerate(extraction.chunks):
        words = tokens(chunk.text)
        if len(words) >= 6 and sum(w in vocabulary for w in words) >= 0.9 * len(words):
            result[index] = True
    return result


def _headline(extraction: Extraction, metadata: Metadata, container: Element) -> int | None:
    chunks = extraction.chunks
    texts = [t for t in (metadata.headline, metadata.title) if t]
    references = [tokens(t) for t in texts]
    # Text outside headings must match a reference almost exactly: skip what cannot.
    shortest = min((len(t) for t in texts), default=0) // 2
    longest = 2 * max((len(t) for t in texts), default=0) + 10
    best, best_score = None, 0.0
    for index, chunk in enumerate(chunks):
        if chunk.heading > 2 or len(chunk.text) > 400:
            continue
        plain = not chunk.heading and not chunk.flags & Flag.HEADLINE
        if plain and not shortest <= len(chunk.text) <= longest:
            continue
        words = tokens(chunk.text)
        score = max((token_f1(words, ref) for ref in references), default=0.0)
        if chunk.heading == 1:
            score += 0.3
        elif chunk.heading == 2:
            score -= 0.1
        elif not chunk.flags & Flag.HEADLINE:
            score -= 0.2
        if chunk.flags & (Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.RELATED):
            score -= 0.3
        if container.first_chunk - 40 <= index < container.end_chunk:
            score += 0.05
        if score > best_score + 1e-9:
            best, best_score = index, score
    if best is not None and best_score >= 0.75:
        return best
    # Without a title to compare with, the first <h1> near the article text; an <h1> far
    # from it is usually the site's name, and the page's metadata is the better headline.
    near = range(max(0, container.first_chunk - 40), container.end_chunk)
    return next(
        (
            i
            for i in near
            if chunks[i].heading == 1
            and not chunks[i].flags & (Flag.NAV | Flag.FOOTER | Flag.ASIDE)
        ),
        None,
    )


def decide(extraction: Extraction, metadata: Metadata) -> Decision:
    """Label every chunk of the page."""
    chunks = extraction.chunks
    labels = [Label.BOILERPLATE] * len(chunks)
    if not chunks:
        return Decision(labels, None, -1)
    confirmed = _confirmed(extraction, metadata)
    elements = extraction.elements
    container_index, furniture = _container(extraction, confirmed) if elements else (-1, [])
    container = (
        elements[container_index]
        if container_index >= 0
        else Element("body", 0, -1, 0, len(chunks))
    )
    boiler = _boiler_below(elements, container_index, furniture) if container_index >= 0 else []
    headline = _headline(extraction, metadata, container)
    inside = range(container.first_chunk, container.end_chunk)
    other_story = _other_stories(elements, container_index, chunks, headline)
    first_body: int | None = None
    for index, chunk in enumerate(chunks):
        if index == headline:
            labels[index] = Label.HEADLINE
            continue
        hint = _hinted(chunk)
        if (
            hint is None
            and first_body is None
            and headline is not None
            and 0 < index - headline <= 6
            and len(chunk.text) < 100
            and _BYLINE_TEXT.match(chunk.text)
        ):
            hint = Label.BYLINE
        in_container = (
            index in inside
            and not (chunk.element >= 0 and boiler[chunk.element])
            and not (other_story and other_story[chunk.element])
        )
        # Captions are captions wherever they are; a byline, date or section hint gives way
        # to running text once the body has begun (a class on a link inside a paragraph
        # does not make the paragraph a byline).
        if hint in (Label.CAPTION, Label.CREDIT) or (hint is not None and first_body is None):
            labels[index] = hint
        elif in_container and _is_body(chunk, confirmed[index]):
            labels[index] = Label.BODY
            if first_body is None:
                first_body = index
        elif hint is not None:
            labels[index] = hint
        elif chunk.flags & Flag.RELATED and chunk.href and chunk.link_density > 0.5:
            labels[index] = Label.RELATED
        elif chunk.flags & Flag.RELATED and chunk.heading:
            labels[index] = Label.RELATED_HEADER
    _near_the_top(labels, headline, first_body, container)
    _standfirst(chunks, labels, headline, first_body, metadata)
    return Decision(labels, headline, container_index)


def _other_stories(
    elements: list[Element], container: int, chunks: list[Chunk], headline: int | None
) -> list[bool]:
    """Elements inside another ``<article>`` than the headline's, within the container.

    A container holding several ``<article>`` elements holds the story and teasers of other
    stories; when the headline sits in one of them, the others are not this article's body.
    """
    if headline is None or container < 0 or chunks[headline].element < 0:
        return []
    nearest = [-1] * len(elements)
    for index, element in enumerate(elements):
        if element.tag == "article":
            nearest[index] = index
        elif element.parent >= 0:
            nearest[index] = nearest[element.parent]
    own = nearest[chunks[headline].element]
    if own <= container:
        return []
    return [story > container and story != own for story in nearest]


def _hinted(chunk: Chunk) -> Label | None:
    """Labels the markup states outright: captions, credits, bylines, dates."""
    flags = chunk.flags
    text = chunk.text
    if flags & (Flag.FIGCAPTION | Flag.CAPTION) and not flags & (Flag.RELATED | Flag.FORM):
        if _UI_TEXT.match(text):
            return Label.BOILERPLATE
        if not flags & Flag.FIGCAPTION and text.count(" ") < 2 and not flags & Flag.CREDIT:
            return None  # a caption-named widget label ("Font Size"), not a caption
        if (flags & Flag.CREDIT or _CREDIT_TEXT.match(text)) and len(text) < 100:
            return Label.CREDIT
        return Label.CAPTION
    short = (len(text) < 160 and chunk.link_density < 0.9) or len(text) < 60
    if flags & Flag.BYLINE and short and not flags & Flag.COMMENTS and not _BY_ALONE.match(text):
        return Label.BYLINE
    if (
        flags & Flag.DATE
        and len(text) < 80
        and not chunk.heading
        and any(c.isdigit() for c in text)
        and not text.startswith(("©", "(c)", "Copyright"))
    ):
        return Label.DATE
    if flags & Flag.SECTION and len(text) < 60 and not flags & Flag.HEADLINE:
        return Label.SECTION
    return None


def _is_body(chunk: Chunk, confirmed: bool) -> bool:
    if confirmed:
        return True
    if chunk.heading == 1 or _UI_TEXT.match(chunk.text):
        return False
    # Inside a region marked as the article text, long sentences full of links (a digest
    # of the day's stories) are still the text.
    linked_text = bool(
        chunk.flags & Flag.POSITIVE and chunk.link_density < 0.75 and len(chunk.text) >= 100
    )
    if chunk.link_density > 0.5 and not linked_text:
        return False
    if chunk.heading:
        return len(chunk.text) >= 10
    if linked_text:
        return True
    if chunk.flags & Flag.LIST and chunk.link_density > 0.3:
        return False
    return _is_paragraph(chunk) or (len(chunk.text) >= 3 and chunk.link_density < 0.2)


_TOP_LABELS = (Label.BYLINE, Label.DATE, Label.SECTION)
_TOP_WINDOW = 12


def _near_the_top(
    labels: list[Label], headline: int | None, first_body: int | None, container: Element
) -> None:
    """Bylines, dates and section names belong around the headline and the start of the
    body; the same hints elsewhere (an author list in a sidebar, a footer copyright date)
    are boilerplate."""
    anchor = headline if headline is not None else container.first_chunk
    start = anchor - _TOP_WINDOW
    end = max(anchor, first_body if first_body is not None else anchor) + _TOP_WINDOW
    for index, label in enumerate(labels):
        if label in _TOP_LABELS and not start <= index <= end:
            labels[index] = Label.BOILERPLATE


def _standfirst(
    chunks: list[Chunk],
    labels: list[Label],
    headline: int | None,
    first_body: int | None,
    metadata: Metadata,
) -> None:
    """The summary between headline and body, named so by class or equal to the description."""
    if headline is None:
        return
    end = first_body if first_body is not None and first_body > headline else headline + 8
    description = tokens(metadata.description) if metadata.description else []
    for index in range(headline + 1, min(end + 1, len(chunks))):
        chunk = chunks[index]
        words = tokens(chunk.text)
        named = chunk.flags & Flag.STANDFIRST and len(words) >= 6
        # The first paragraph of the body is the standfirst only when markup says so.
        open_to = (Label.BOILERPLATE, Label.BODY) if named else (Label.BOILERPLATE,)
        if labels[index] not in open_to or chunk.link_density > 0.3:
            continue
        if named or (description and token_f1(words, description) >= 0.8):
            labels[index] = Label.STANDFIRST
            return
