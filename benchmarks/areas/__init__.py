"""One module per corpus area.  Each defines ``predict(corpus_dir) -> Iterator[dict]``, yielding
one prediction line per case in the format of ``../shared/eval/score_<area>.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import newsparse


def prose_cases(corpus_dir: Path, extractor: str) -> Iterator[tuple[str, newsparse.Article]]:
    """``(case id, article)`` for every case of the corpus's ``*.jsonl`` files, each case text
    parsed as plain prose with only ``extractor`` running (the corpora label running text, not
    whole pages)."""
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    case: dict[str, Any] = json.loads(line)
                    yield (
                        case["id"],
                        newsparse.parse(case["text"], structure=False, extractors=[extractor]),
                    )


def plain_number(value: Any) -> Any:
    """A JSON number for the scorers (which compare with a relative tolerance)."""
    if isinstance(value, (Decimal, Fraction)):
        return float(value)
    return value
