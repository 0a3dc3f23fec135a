"""Assemble an :class:`~newsparse.model.Article` from a page's labelled lines.

Labels come from :mod:`newsparse.structure.rules`; plugins may change any of them through the
``newsparse_line_label`` hook before the article is put together, so assembly reads the labels
only (plus where each caption's credit lies).  Every field is cut from the caller's string by
span, so ``article.source[span.start:span.end]`` is always the field's text.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from newsparse.model import (
    Article,
    Block,
    Caption,
    Label,
    Paragraph,
    Problem,
    RelatedLink,
    Span,
)
from newsparse.structure.credits import credit_only
from newsparse.structure.features import (
    K_RELATED_PREFIX,
    L_BLANK,
    L_BODY,
    L_BYLINE,
    L_CAPTION,
    L_CREDIT,
    L_DATE,
    L_HEADLINE,
    L_RELATED,
    L_SECTION,
    L_STANDFIRST,
    LineFeatures,
    classify,
)
from newsparse.structure.lexicon import CATEGORIES, Lexicon, key, load_lexicon
from newsparse.structure.making import make_block, make_paragraph
from newsparse.structure.rules import label_lines
from newsparse.text import line_bounds, lines_and_bounds, split_lines

if TYPE_CHECKING:
    from newsparse.plugins import PluginManager

__all__ = ["read_page", "read_prose"]


_SPACE = " \t\u00a0\u2009\u202f\ufeff"
# Where a byline's name ends: a comma, a role after a bar or dash, "in Amsterdam", "at Lord's".
_BYLINE_END = re.compile(r"\s{0,3}(?:[,|•·]|\s[-–—]\s|\s(?:in|at|and\s(?=[a-z]))\s(?=[A-Z])|$)")
_BYLINE_ROLE = re.compile(
    r"(?:Staff|Senior|Chief|Deputy|Political|Health|Science|Business|Sports?|Foreign|Home|"
    r"Economics|Technology|Security|Defence|Arts|Education|Environment|Transport|Crime)\s"
    r"(?:Writer|Reporter|Editor|Correspondent|Producer)\b.*$"
)
# "News provided by Acme", "Analysis by Jane Doe": a word or two, then "by".
_INNER_BY = re.compile(r"(?:\w{1,20}\s){1,3}by\s{1,3}", re.IGNORECASE)
_CRUMB_SPLIT = re.compile(r"\s[>›»/|]\s")
_LABEL_SPLIT = re.compile(r"\s[|•]\s{1,3}([^|•]{1,60})$")


def read_prose(text: str) -> Article:
    """Every non-blank line is a body paragraph: for plain prose and transcripts."""
    blocks: list[Block] = []
    body: list[Paragraph] = []
    for start, end, stop in line_bounds(text):
        line = text[start:end]
        if line.strip():
            blocks.append(make_block(L_BODY, text[start:stop], start, stop))
            body.append(_paragraph(text, _Row(line, start, end)))
        else:
            blocks.append(make_block(L_BLANK, text[start:stop], start, stop))
    return Article(source=text, body=tuple(body), blocks=tuple(blocks))


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return Span(start, end)


def _paragraph(text: str, line: _Row) -> Paragraph:
    # The row's text is text[start:end]: strip it once instead of walking it a char at a time.
    kept = line.text.lstrip(_SPACE)
    start = line.start + len(line.text) - len(kept)
    return make_paragraph(kept.rstrip(_SPACE), start)


def _lexicon_for(manager: PluginManager | None) -> tuple[Lexicon, list[Problem]]:
    if manager is None:
        return load_lexicon(), []
    extra: Mapping[str, tuple[str, ...]] = manager.structure_phrases
    problems = [
        Problem("newsparse", f"unknown structure phrase category {name!r} from a plugin", "warning")
        for name in extra
        if name not in CATEGORIES
    ]
    return load_lexicon(extra), problems


#: Above this many characters the cyclic garbage collector is paused while a page is read:
#: the parse allocates millions of small acyclic objects, and repeated full collections over
#: them would make time grow faster than the input.
_PAUSE_GC_ABOVE = 256 * 1024


def read_page(text: str, *, manager: PluginManager | None = None) -> Article:
    """Label every line of a scraped page and assemble the article."""
    if len(text) <= _PAUSE_GC_ABOVE or not gc.isenabled():
        return _read_page(text, manager)
    gc.disable()
    try:
        return _read_page(text, manager)
    finally:
        gc.enable()


def _read_page(text: str, manager: PluginManager | None) -> Article:
    lexicon, problems = _lexicon_for(manager)
    texts, bounds = lines_and_bounds(text)
    feats = _classify_all(texts, lexicon)
    labels, _ = label_lines(texts, feats)
    if manager is not None and manager.has_line_labellers:
        lines = split_lines(text)
        for index, line in enumerate(lines):
            labels[index] = manager.line_label(line, lines, labels[index])
    return _assemble(text, bounds, texts, feats, labels, lexicon, tuple(problems))


def _classify_all(texts: Sequence[str], lexicon: Lexicon) -> list[LineFeatures]:
    """The features of every line, each distinct line read once.

    Pages repeat lines (menu items, a caption printed twice, blank lines), and a line's
    features depend on its text alone, so identical lines share one object; the rules replace
    a line's features rather than change them.
    """
    seen: dict[str, LineFeatures] = {}
    feats: list[LineFeatures] = []
    for line in texts:
        item = seen.get(line)
        if item is None:
            item = seen[line] = classify(line, lexicon)
        feats.append(item)
    return feats


#: The labels whose lines give the article more than their block.
_ASSEMBLED = frozenset(
    {L_HEADLINE, L_STANDFIRST, L_SECTION, L_BYLINE, L_DATE, L_CAPTION, L_CREDIT, L_RELATED}
)


class _Row(NamedTuple):
    """A line as assembly needs it: its text and where the text lies."""

    text: str
    start: int
    end: int


def _assemble(
    text: str,
    bounds: Sequence[tuple[int, int, int]],
    texts: Sequence[str],
    feats: Sequence[LineFeatures],
    labels: Sequence[Label],
    lexicon: Lexicon,
    problems: tuple[Problem, ...],
) -> Article:
    blocks = tuple(
        [
            make_block(label, text[start:stop], start, stop)
            for (start, _, stop), label in zip(bounds, labels, strict=True)
        ]
    )
    fields: dict[str, object] = {}
    body: list[Paragraph] = []
    related: list[RelatedLink] = []
    captions: dict[str, _Draft] = {}
    pending_caption: str | None = None
    pending_credit: tuple[int, _Row, LineFeatures] | None = None
    for number, label in enumerate(labels):
        if label is L_BODY:  # the commonest label, handled without the helpers below
            row = texts[number]
            kept = row.lstrip(_SPACE)
            start = bounds[number][0] + len(row) - len(kept)
            body.append(make_paragraph(kept.rstrip(_SPACE), start))
            continue
        if label not in _ASSEMBLED:
            continue  # blank lines and furniture: their blocks are all they give
        start, end, _ = bounds[number]
        line = _Row(texts[number], start, end)
        item = feats[number]
        base = start
        if label is L_HEADLINE and "headline" not in fields:
            span = _trimmed(text, line.start, line.end)
            fields["headline"] = text[span.start : span.end]
            fields["headline_span"] = span
        elif label is L_STANDFIRST and "standfirst" not in fields:
            span = _trimmed(text, line.start, line.end)
            fields["standfirst"] = text[span.start : span.end]
            fields["standfirst_span"] = span
        elif label is L_SECTION and "section" not in fields:
            fields["section"] = _last_crumb(text[slice(*_bounds(_trimmed(text, base, line.end)))])
        elif label is L_BYLINE and "byline" not in fields:
            name = _byline(line.text, lexicon)
            if name:
                fields["byline"] = name
        elif label is L_DATE and not body:
            # Stamps inside the story are live-blog entry times, not the page's dates.
            _date(line.text, lexicon, fields)
        elif label is L_CAPTION:
            pending_caption = _caption(text, line, item, captions)
            if pending_credit is not None and number - pending_credit[0] <= 4:
                # A credit printed above its caption ("Image source, ...").
                _credit(
                    text, pending_credit[1], pending_credit[2], captions, pending_caption, lexicon
                )
            pending_credit = None
        elif label is L_CREDIT:
            if pending_caption is None:
                pending_credit = (number, line, item)
            _credit(text, line, item, captions, pending_caption, lexicon)
            pending_caption = None
        elif label is L_RELATED:
            related.append(_related(text, line, item))
    return Article(
        source=text,
        headline=_str(fields.get("headline")),
        headline_span=_span(fields.get("headline_span")),
        section=_str(fields.get("section")),
        byline=_str(fields.get("byline")),
        published=_str(fields.get("published")),
        updated=_str(fields.get("updated")),
        standfirst=_str(fields.get("standfirst")),
        standfirst_span=_span(fields.get("standfirst_span")),
        captions=tuple(draft.caption() for draft in captions.values()),
        body=tuple(body),
        related=tuple(related),
        blocks=blocks,
        problems=problems,
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _span(value: object) -> Span | None:
    return value if isinstance(value, Span) else None


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _last_crumb(label: str) -> str:
    """The last step of a breadcrumb trail ("News > UK > Politics" -> "Politics")."""
    parts = [part.strip(_SPACE) for part in _CRUMB_SPLIT.split(label)]
    parts = [part for part in parts if part]
    return parts[-1] if parts else label


def _byline(line: str, lexicon: Lexicon) -> str | None:
    stripped = line.strip(_SPACE)
    prefix = lexicon.byline_prefix.match(stripped.lower()) or _INNER_BY.match(stripped)
    if prefix is not None and stripped[prefix.end() : prefix.end() + 1].isupper():
        stripped = stripped[prefix.end() :]
    stripped = _BYLINE_ROLE.sub("", stripped)
    end = _BYLINE_END.search(stripped)
    name = stripped[: end.start()] if end is not None else stripped
    name = name.strip(_SPACE + ",|")
    return name or None


def _date(line: str, lexicon: Lexicon, fields: dict[str, object]) -> None:
    stripped = line.strip(_SPACE)
    lowered = stripped.lower()
    is_updated = lexicon.updated_words.match(lowered) is not None
    prefix = lexicon.date_prefix.match(lowered)
    value = stripped
    if prefix is not None:
        value = stripped[prefix.end() :].lstrip(_SPACE + ":")
        if value[:3].lower() == "at " or value[:3].lower() == "on ":
            value = value[3:]
    value = value.strip(_SPACE)
    if not value:
        return
    if value in (fields.get("published"), fields.get("updated")):
        return
    name = "updated" if is_updated else "published"
    fields.setdefault(name, value)


class _Draft:
    """A caption being collected: every occurrence's span, the first credit found."""

    __slots__ = ("credit", "credit_span", "spans", "text")

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self.spans = [span]
        self.credit: str | None = None
        self.credit_span: Span | None = None

    def caption(self) -> Caption:
        return Caption(self.text, self.spans[0], self.credit, self.credit_span, tuple(self.spans))


def _caption(text: str, line: _Row, item: LineFeatures, captions: dict[str, _Draft]) -> str:
    base = line.start
    start = base + (item.skip or item.start)
    end = base + (item.split.caption_end if item.split is not None else item.end)
    span = _trimmed(text, start, max(start, end))
    caption_text = text[span.start : span.end]
    credit: str | None = None
    credit_span: Span | None = None
    if item.split is not None and item.split.credit_end > item.split.credit_start:
        credit_span = Span(base + item.split.credit_start, base + item.split.credit_end)
        credit = text[credit_span.start : credit_span.end]
    name = key(caption_text)
    draft = captions.get(name)
    if draft is None:
        draft = captions[name] = _Draft(caption_text, span)
    else:
        draft.spans.append(span)
    if draft.credit is None and credit is not None:
        draft.credit, draft.credit_span = credit, credit_span
    return name


def _credit(
    text: str,
    line: _Row,
    item: LineFeatures,
    captions: dict[str, _Draft],
    pending: str | None,
    lexicon: Lexicon,
) -> None:
    """A lone credit line belongs to the caption just above it, when it has none."""
    if pending is None or pending not in captions:
        return
    caption = captions[pending]
    if caption.credit is not None:
        return
    split = item.split if item.split is not None else credit_only(line.text, lexicon)
    if split is None:
        span = _trimmed(text, line.start, line.end)
    else:
        span = Span(line.start + split.credit_start, line.start + split.credit_end)
    caption.credit, caption.credit_span = text[span.start : span.end], span


def _related(text: str, line: _Row, item: LineFeatures) -> RelatedLink:
    base = line.start
    start = base + (item.skip if item.kind is K_RELATED_PREFIX and item.skip else item.start)
    end = base + item.end
    label: str | None = None
    # The label follows a bar or bullet: without one, the search would find nothing.
    has_mark = text.find("|", start, end) >= 0 or text.find("•", start, end) >= 0
    found = _LABEL_SPLIT.search(text, start, end) if has_mark else None
    if found is not None and found.end() == end and found.start() > start:
        label_span = _trimmed(text, found.start(1), found.end(1))
        if label_span.end > label_span.start and text.count(" ", *_bounds(label_span)) <= 4:
            label = text[label_span.start : label_span.end]
            end = found.start()
    span = _trimmed(text, start, end)
    return RelatedLink(text[span.start : span.end], span, None, label)
