"""Quote predictions on the QUOTES corpus: each case text parsed as plain prose."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                case = json.loads(line)
                article = newsparse.parse(case["text"], structure=False, extractors=["quotes"])
                yield {
                    "id": case["id"],
                    "quotes": [
                        {
                            "start": q.span.start,
                            "end": q.span.end,
                            "text": q.text,
                            "speaker": q.speaker,
                        }
                        for q in article.quotes
                    ],
                }
