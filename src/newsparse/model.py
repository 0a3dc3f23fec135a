"""The value types every part of newsparse returns.

Everything here is a frozen, slotted attrs class: results can be hashed, compared, pickled and
shared between threads or processes without copying.  Collections are tuples.  Every item that
comes from the page carries a :class:`Span` into :attr:`Article.source`, the exact string the
caller gave, so ``article.source[item.span.start:item.span.end]`` is always the item's text.

Serialisation lives in :mod:`newsparse.serialize`; :meth:`Article.to_dict` and
:meth:`Article.from_dict` are thin doors to it.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias, TypeVar

import attrs

__all__ = [
    "Article",
    "Block",
    "Caption",
    "Findings",
    "Label",
    "Mention",
    "Number",
    "NumberKind",
    "Paragraph",
    "Part",
    "Place",
    "PlaceKind",
    "Problem",
    "Quote",
    "QuoteKind",
    "RelatedLink",
    "Span",
    "Value",
]

#: An exact numeric value: whole numbers are ``int``; anything a float would round is a
#: ``Decimal`` (``2.5``) or a ``Fraction`` (``1/3``).
Value: TypeAlias = int | Decimal | Fraction


_Model = TypeVar("_Model", bound=type)


def _tuple_pickle(cls: _Model) -> _Model:
    """Pickle instances of ``cls`` as the class and a tuple of its field values.

    attrs' default state is a dict of field names set back one ``setattr`` at a time; a tuple
    rebuilt through ``__init__`` takes a third of the time and less space, and that is what
    moving articles between worker processes costs.
    """
    names = [field.name for field in attrs.fields(cls)]
    get = operator.attrgetter(*names)
    if len(names) == 1:

        def reduce_one(self: Any) -> tuple[Any, ...]:
            return (cls, (get(self),))

        cls.__reduce__ = reduce_one  # type: ignore[assignment]
    else:

        def reduce_many(self: Any) -> tuple[Any, ...]:
            return (cls, get(self))

        cls.__reduce__ = reduce_many  # type: ignore[assignment]
    return cls


@attrs.frozen(order=True)
class Span:
    """A half-open ``[start, end)`` range of character offsets into :attr:`Article.source`."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: a page makes thousands of spans.
        if self.start < 0 or self.end < self.start:
            if self.start < 0 or self.end < 0:
                name, value = ("start", self.start) if self.start < 0 else ("end", self.end)
                raise ValueError(f"Span.{name} must be >= 0, got {value}")
            raise ValueError(f"Span end {self.end} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def __reduce__(self) -> tuple[Any, ...]:
        return (make_span, (self.start, self.end))


class Label(str, enum.Enum):
    """What a line of the page is.  The value is the name used in JSON."""

    HEADLINE = "headline"
    SECTION = "section"
    BYLINE = "byline"
    DATE = "date"
    STANDFIRST = "standfirst"
    IMAGE_TITLE = "image_title"
    CAPTION = "caption"
    CREDIT = "credit"
    BODY = "body"
    PROMO = "promo"
    RELATED_HEADER = "related_header"
    RELATED = "related"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"

    def __str__(self) -> str:
        return self.value


class Part(str, enum.Enum):
    """The part of the article a finding was read from."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    BODY = "body"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Block:
    """One line of the page with its label.

    The span covers the line *and* its line break, so the blocks of an article partition
    :attr:`Article.source` exactly: nothing is dropped, boilerplate included.  ``path`` is,
    for an article read from HTML, the XPath of the element the line came from (``None`` for
    text input), so a caller can find the line in the original markup.
    """

    label: Label
    text: str
    span: Span
    path: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        span = self.span
        return (_unpickle_block, (self.label, self.text, span.start, span.end, self.path))


def slot_setters(cls: type, *names: str) -> tuple[Any, ...]:
    """The ``__set__`` of each slot ``names`` of the model class ``cls``, in that order.

    A frozen attrs class sets every field in ``__init__`` through ``object.__setattr__``; for
    objects as small as a span that is most of what they cost.  Code that makes many of them
    (the structure parser, the extractors, unpickling) writes each slot once through these
    instead, on an object from ``object.__new__``, before handing it out, so the result is as
    frozen as one from the constructor and compares, hashes and pickles the same.  That skips
    nothing only while the class has no validator, converter or post-init hook beyond what the
    maker itself does; the tests of each maker fail if the class gains one.
    """
    return tuple(cls.__dict__[name].__set__ for name in names)


_new = object.__new__
_set_start, _set_end = slot_setters(Span, "start", "end")
_set_label, _set_text, _set_span, _set_path = slot_setters(Block, "label", "text", "span", "path")


def make_span(start: int, end: int) -> Span:
    """``Span(start, end)``, with the same check, made by writing its two slots.

    Spans are most of what an article holds (one for every block, paragraph and finding), so
    the makers and the unpickler build them here: a fifth less time to load an article.
    """
    if not 0 <= start <= end:
        return Span(start, end)  # raises, saying what is wrong
    span: Span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


def _unpickle_block(label: Label, text: str, start: int, end: int, path: str | None) -> Block:
    block: Block = _new(Block)
    _set_label(block, label)
    _set_text(block, text)
    _set_span(block, make_span(start, end))
    _set_path(block, path)
    return block


@_tuple_pickle
@attrs.frozen
class Paragraph:
    """A body paragraph: one line of running article text, without its line break."""

    text: str
    span: Span


@_tuple_pickle
@attrs.frozen
class Caption:
    """An image caption with its credit split off.

    A caption printed more than once (pages often repeat it around the headline) is one
    ``Caption`` whose ``spans`` holds every occurrence; ``span`` is the first.  ``image_url``
    is the address of the captioned image when the page's markup gives it (HTML input).
    """

    text: str
    span: Span
    credit: str | None = None
    credit_span: Span | None = None
    spans: tuple[Span, ...] = ()
    image_url: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.spans:
            object.__setattr__(self, "spans", (self.span,))


@_tuple_pickle
@attrs.frozen
class RelatedLink:
    """A link to another article, with a trailing label such as ``Sitrep podcast`` split off."""

    title: str
    span: Span
    url: str | None = None
    label: str | None = None


@_tuple_pickle
@attrs.frozen
class Problem:
    """Something that went wrong but did not stop the parse.

    ``source`` names who reported it: ``"newsparse"`` for the library itself, otherwise the
    extractor or plugin name.
    """

    source: str
    message: str
    kind: str = "error"


class QuoteKind(str, enum.Enum):
    """How a quotation sits in the text."""

    DIRECT = "direct"  #: a sentence or more of speech standing on its own
    PARTIAL = "partial"  #: a few quoted words inside the reporter's sentence

    def __str__(self) -> str:
        return self.value


@_tuple_pickle
@attrs.frozen
class Mention:
    """A place in the text that refers to a speaker: a name, a title and surname, a pronoun."""

    text: str
    span: Span


@_tuple_pickle
@attrs.frozen
class Quote:
    """A direct quotation and who said it.

    ``text`` and ``span`` cover the quoted words without the outer quotation marks.
    ``speaker`` is the full name as the article introduces it, even where the quote is
    attributed to "he" or "Mr X"; ``chain`` holds the mentions that led to that name, in
    the order they were followed, so a reader can see why.
    """

    text: str
    span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    kind: QuoteKind = QuoteKind.DIRECT
    part: Part = Part.BODY
    chain: tuple[Mention, ...] = ()


class NumberKind(str, enum.Enum):
    """What a number expresses."""

    CARDINAL = "cardinal"
    ORDINAL = "ordinal"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    RANGE = "range"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    SCORE = "score"

    def __str__(self) -> str:
        return self.value


@_tuple_pickle
@attrs.frozen
class Number:
    """A number the page states, with its exact value.

    ``value`` is an ``int`` for whole numbers and a ``Decimal`` or ``Fraction`` where a float
    would round; it is ``None`` for ranges (see ``low``/``high``), dates, times and scores
    (see ``norm``).  Qualifiers such as "at least" are kept in ``approx``, outside the span.
    """

    text: str
    span: Span
    value: Value | None
    kind: NumberKind = NumberKind.CARDINAL
    unit: str | None = None
    approx: str | None = None
    low: Value | None = None
    high: Value | None = None
    norm: str | None = None
    noun: str | None = None
    part: Part = Part.BODY


class PlaceKind(str, enum.Enum):
    """What sort of place a :class:`Place` is."""

    COUNTRY = "country"
    CITY = "city"
    REGION = "region"
    CONTINENT = "continent"
    LANDMARK = "landmark"
    WATER = "water"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@_tuple_pickle
@attrs.frozen
class Place:
    """A place the page names, resolved to one point on Earth.

    For a demonym ("Ukrainian", "Russians") ``demonym`` is true and the other fields describe
    the place the word refers to.
    """

    text: str
    span: Span
    name: str
    kind: PlaceKind
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    demonym: bool = False
    part: Part = Part.BODY


class Findings(Mapping[str, tuple[Any, ...]]):
    """A read-only mapping of extractor name to the tuple of findings it returned."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, tuple[Any, ...]] | None = None) -> None:
        self._data: dict[str, tuple[Any, ...]] = {k: tuple(v) for k, v in (data or {}).items()}

    def __getitem__(self, key: str) -> tuple[Any, ...]:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Findings({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Findings, (self._data,))


def _to_findings(value: Mapping[str, tuple[Any, ...]] | None) -> Findings:
    return value if isinstance(value, Findings) else Findings(value)


@_tuple_pickle
@attrs.frozen
class Article:
    """A news page as newsparse read it.

    ``source`` is the caller's own string; every span in the article indexes it.  ``blocks``
    partition ``source`` line by line, each with its :class:`Label`.  ``findings`` maps each
    extractor's name to what it found; ``quotes``, ``numbers`` and ``places`` are shortcuts to
    the built-in ones.  ``problems`` records what went wrong without stopping the parse (a
    failing plugin, undecodable bytes replaced).
    """

    source: str
    headline: str | None = None
    headline_span: Span | None = None
    section: str | None = None
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    standfirst: str | None = None
    standfirst_span: Span | None = None
    captions: tuple[Caption, ...] = ()
    body: tuple[Paragraph, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    blocks: tuple[Block, ...] = ()
    findings: Findings = attrs.field(factory=Findings, converter=_to_findings)
    problems: tuple[Problem, ...] = ()

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """The ``quotes`` extractor's findings (empty when it did not run)."""
        return self.findings.get("quotes", ())

    @property
    def numbers(self) -> tuple[Number, ...]:
        """The ``numbers`` extractor's findings (empty when it did not run)."""
        return self.findings.get("numbers", ())

    @property
    def places(self) -> tuple[Place, ...]:
        """The ``places`` extractor's findings (empty when it did not run)."""
        return self.findings.get("places", ())

    def blocks_labelled(self, *labels: Label) -> tuple[Block, ...]:
        """The blocks carrying any of ``labels``, in page order."""
        wanted = set(labels)
        return tuple(block for block in self.blocks if block.label in wanted)

    def parts(self) -> Iterator[tuple[Part, Span]]:
        """The editorial parts extractors read, in page order: headline, standfirst, every
        occurrence of every caption, and the body paragraphs."""
        items: list[tuple[Span, Part]] = []
        if self.headline_span is not None:
            items.append((self.headline_span, Part.HEADLINE))
        if self.standfirst_span is not None:
            items.append((self.standfirst_span, Part.STANDFIRST))
        for caption in self.captions:
            items.extend((span, Part.CAPTION) for span in caption.spans)
        items.extend((paragraph.span, Part.BODY) for paragraph in self.body)
        items.sort(key=lambda item: (item[0].start, item[0].end))
        for span, part in items:
            yield part, span

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the same field names; :meth:`from_dict` reverses it exactly."""
        from newsparse.serialize import article_to_dict

        return article_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (or its JSON)."""
        from newsparse.serialize import article_from_dict

        return article_from_dict(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as a JSON string (UTF-8 text, non-ASCII kept as is)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        import json

        return cls.from_dict(json.loads(text))

    def to_html(self, *, title: str | None = None) -> str:
        """The article drawn as one self-contained HTML page (see :mod:`newsparse.render`)."""
        from newsparse.render import to_html

        return to_html(self, title=title)
