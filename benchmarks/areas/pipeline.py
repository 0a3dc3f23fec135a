"""Whole-page predictions on the annotated seed-like pages: structure and every extractor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas.numbers import numbers_of
from benchmarks.areas.places import places_of
from benchmarks.areas.quotes import quotes_of
from benchmarks.areas.structure import article_structure


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(corpus_dir.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        article = newsparse.parse(text)
        yield {
            "id": path.stem,
            **article_structure(article),
            "quotes": quotes_of(article),
            "numbers": numbers_of(article),
            "places": places_of(article),
        }
