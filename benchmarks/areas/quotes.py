"""Quote predictions on the QUOTES corpus: each case text parsed as plain prose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas import prose_cases


def quotes_of(article: newsparse.Article) -> list[dict[str, Any]]:
    """The article's quotes in the scorers' format."""
    return [
        {"start": q.span.start, "end": q.span.end, "text": q.text, "speaker": q.speaker}
        for q in article.quotes
    ]


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for case_id, article in prose_cases(corpus_dir, "quotes"):
        yield {"id": case_id, "quotes": quotes_of(article)}
