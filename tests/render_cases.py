"""Articles built by hand for the rendering tests: real model objects with exact spans.

They do not depend on the structure parser or the extractors, so the report is tested on
every kind of block and finding whatever those produce.
"""

from __future__ import annotations

from pathlib import Path

from newsparse import (
    Article,
    Block,
    Caption,
    Label,
    Mention,
    Number,
    NumberKind,
    Paragraph,
    Part,
    Place,
    PlaceKind,
    Quote,
    RelatedLink,
    Span,
)
from newsparse.text import split_lines

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Lines of the ferry seed that are not body text, with the label a reader gives them.
_FERRY_LABELS = {
    "Skip to main content": Label.BOILERPLATE,
    "Home": Label.BOILERPLATE,
    "News": Label.BOILERPLATE,
    "Sport": Label.BOILERPLATE,
    "Weather": Label.BOILERPLATE,
    "Local": Label.BOILERPLATE,
    "Coastal ferry crew hailed after rescue of 40 passengers in gale": Label.IMAGE_TITLE,
    "Photo: Marta Lindqvist/Harbour Press": Label.CREDIT,
    "Coastal": Label.SECTION,
    "Ferry crew praised after rescuing 40 passengers from stricken boat in gale": Label.HEADLINE,
    "By Alasdair Grant": Label.BYLINE,
    "Published 14 March 2026, 09:12 GMT": Label.DATE,
    "Watch: The moment the ferry reaches the stricken boat": Label.PROMO,
    "Sign up to our daily newsletter": Label.BOILERPLATE,
    "Share this article": Label.BOILERPLATE,
    "Facebook": Label.BOILERPLATE,
    "Twitter": Label.BOILERPLATE,
    "Email": Label.BOILERPLATE,
    "More on this story": Label.RELATED_HEADER,
    "Lifeboat volunteers mark 200 years on the west coast": Label.RELATED,
    "Winter storms: how the islands cope | Island Voices podcast": Label.RELATED,
    "Why ferry timetables keep changing": Label.RELATED,
    "© 2026 Harbour Press. All rights reserved.": Label.BOILERPLATE,
}


def find(source: str, needle: str, nth: int = 0, after: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` at or after ``after``."""
    at = after - 1
    for _ in range(nth + 1):
        at = source.index(needle, at + 1)
    return Span(at, at + len(needle))


def ferry_article() -> Article:
    """The ferry seed read the way a careful person reads it, with its findings."""
    source = (SEEDS / "harbour-ferry.txt").read_text(encoding="utf-8")
    blocks = []
    body = []
    related = []
    for line in split_lines(source):
        if line.is_blank:
            label = Label.BLANK
        elif line.text.startswith("Passengers wait on the quayside"):
            label = Label.CAPTION
        else:
            label = _FERRY_LABELS.get(line.text, Label.BODY)
        blocks.append(Block(label, source[line.full.start : line.full.end], line.full))
        if label is Label.BODY:
            body.append(Paragraph(line.text, line.span))
        elif label is Label.RELATED:
            title, _, tail = line.text.partition(" | ")
            related.append(RelatedLink(title, line.span, label=tail or None))
    caption_line = find(source, "Passengers wait on the quayside")
    caption_end = source.index(" (Photo:", caption_line.start)
    credit = find(source, "Photo: Marta Lindqvist/Harbour Press", after=caption_end)
    caption = Caption(
        source[caption_line.start : caption_end],
        Span(caption_line.start, caption_end),
        credit="Marta Lindqvist/Harbour Press",
        credit_span=credit,
    )

    def quote(text: str, speaker: str, **extra: object) -> Quote:
        return Quote(text, find(source, text), speaker=speaker, **extra)  # type: ignore[arg-type]

    macleod = find(source, "Iona MacLeod")
    said = find(source, "said captain")
    she = find(source, "she added")
    quotes = (
        quote(
            "We could see the waves breaking over her bow and we knew we had minutes, not hours,",
            "Iona MacLeod",
            speaker_span=macleod,
            cue="said",
            cue_span=Span(said.start, said.start + 4),
        ),
        quote(
            "Everyone on board kept calm. The passengers did exactly what they were asked,",
            "Iona MacLeod",
            chain=(Mention("she", Span(she.start, she.start + 3)),),
        ),
        quote("I have never been prouder of them. Not once did anyone hesitate.", "Iona MacLeod"),
        quote("They are the reason every one of those 40 people is home tonight.", "Iona MacLeod"),
        quote(
            "This could have ended very differently. We owe the crew a great deal.",
            "Euan Ross",
            speaker_span=find(source, "Euan Ross"),
            cue="said",
        ),
    )
    body_start = body[0].span.start

    def number(text: str, value: object, kind: NumberKind, nth: int = 0, **extra: object) -> Number:
        return Number(
            text,
            find(source, text, nth, after=body_start),
            value,  # type: ignore[arg-type]
            kind,
            **extra,  # type: ignore[arg-type]
        )

    numbers = (
        number("40", 40, NumberKind.CARDINAL, noun="passengers"),
        number("10:00", None, NumberKind.TIME, norm="10:00"),
        number("two hours", 2, NumberKind.MEASURE, unit="hour", approx="almost"),
        number("70mph", 70, NumberKind.MEASURE, unit="mph", approx="up to"),
        number("12 years", 12, NumberKind.MEASURE, unit="year"),
        number("six", 6, NumberKind.CARDINAL, noun="crew"),
        number("40", 40, NumberKind.CARDINAL, nth=1, noun="people"),
        number("15%", 15, NumberKind.PERCENT, approx="about"),
        number("£9,500", 9500, NumberKind.MONEY, unit="GBP", approx="roughly"),
    )
    headline_span = find(source, "Ferry crew praised")
    headline_span = Span(headline_span.start, source.index("\n", headline_span.start))
    numbers = (
        Number("40", find(source, "40", after=headline_span.start), 40, part=Part.HEADLINE),
        *numbers,
    )
    places = (
        Place(
            "Portree",
            find(source, "Portree"),
            "Portree",
            PlaceKind.CITY,
            "GB",
            57.41267,
            -6.19417,
            2640105,
            part=Part.CAPTION,
        ),
        Place(
            "Isle of Skye",
            find(source, "Isle of Skye"),
            "Isle of Skye",
            PlaceKind.REGION,
            "GB",
            57.25,
            -6.25,
            2638153,
        ),
        Place(
            "Portree",
            find(source, "Portree", 1),
            "Portree",
            PlaceKind.CITY,
            "GB",
            57.41267,
            -6.19417,
            2640105,
        ),
    )
    return Article(
        source=source,
        headline=source[headline_span.start : headline_span.end],
        headline_span=headline_span,
        section="Coastal",
        byline="Alasdair Grant",
        published="14 March 2026, 09:12 GMT",
        captions=(caption,),
        body=tuple(body),
        related=tuple(related),
        blocks=tuple(blocks),
        findings={"quotes": quotes, "numbers": numbers, "places": places},
    )
