"""Number predictions on the numbers corpus: each case's text parsed as plain prose."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas import plain_number, prose_cases


def numbers_of(article: newsparse.Article) -> list[dict[str, Any]]:
    """The article's numbers in the scorers' format (exact values as JSON numbers)."""
    return [
        {
            "start": n.span.start,
            "end": n.span.end,
            "text": n.text,
            "value": plain_number(n.value),
            "kind": str(n.kind),
            "unit": n.unit,
        }
        for n in article.numbers
    ]


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for case_id, article in prose_cases(corpus_dir, "numbers"):
        for problem in article.problems:
            print(f"{case_id}: {problem.message}", file=sys.stderr)
        yield {"id": case_id, "numbers": numbers_of(article)}
