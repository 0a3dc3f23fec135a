"""Place predictions on the geoparsing corpus: each case's text parsed as plain prose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas import prose_cases


def places_of(article: newsparse.Article) -> list[dict[str, Any]]:
    """The article's places in the scorers' format."""
    return [
        {
            "start": p.span.start,
            "end": p.span.end,
            "text": p.text,
            "lat": p.latitude,
            "lon": p.longitude,
            "country_code": p.country_code,
            "geonames_id": p.geonames_id,
        }
        for p in article.places
    ]


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for case_id, article in prose_cases(corpus_dir, "places"):
        yield {"id": case_id, "places": places_of(article)}
