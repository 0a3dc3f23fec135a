"""Place predictions on the geoparsing corpus: each case's text parsed as plain prose."""

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
                article = newsparse.parse(case["text"], structure=False, extractors=["places"])
                yield {
                    "id": case["id"],
                    "places": [
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
                    ],
                }
