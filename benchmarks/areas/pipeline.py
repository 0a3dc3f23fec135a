"""Whole-page predictions on the annotated seed-like pages: structure and every extractor."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas.structure import article_structure


def plain_number(value: Any) -> Any:
    """A JSON number for the scorer (which compares with a relative tolerance)."""
    if isinstance(value, (Decimal, Fraction)):
        return float(value)
    return value


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(corpus_dir.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        article = newsparse.parse(text)
        yield {
            "id": path.stem,
            **article_structure(article),
            "quotes": [
                {"start": q.span.start, "end": q.span.end, "text": q.text, "speaker": q.speaker}
                for q in article.quotes
            ],
            "numbers": [
                {
                    "start": n.span.start,
                    "end": n.span.end,
                    "text": n.text,
                    "value": plain_number(n.value),
                    "kind": str(n.kind),
                    "unit": n.unit,
                }
                for n in article.numbers
            ],
            "places": [
                {
                    "start": p.span.start,
                    "end": p.span.end,
                    "text": p.text,
                    "country_code": p.country_code,
                }
                for p in article.places
            ],
        }
