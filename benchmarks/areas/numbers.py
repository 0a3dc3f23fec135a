"""Number predictions on the numbers corpus: each case's text parsed as plain prose."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas.pipeline import plain_number


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
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                case = json.loads(line)
                article = newsparse.parse(case["text"], structure=False, extractors=["numbers"])
                for problem in article.problems:
                    print(f"{case['id']}: {problem.message}", file=sys.stderr)
                yield {"id": case["id"], "numbers": numbers_of(article)}
