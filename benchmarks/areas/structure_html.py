"""Structure predictions from HTML: each ``<id>.html`` of the structure corpus read with
:func:`newsparse.parse_html` (extractors off), in the same format as ``structure.py``.

The corpus counts a caption's photo credit as a caption line of its own, so credits the
markup separates are listed after the captions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.areas.structure import article_structure


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(corpus_dir.glob("*.html")):
        article = newsparse.parse_html(path.read_bytes(), extractors=[])
        row = article_structure(article)
        row["captions"] += [caption.credit for caption in article.captions if caption.credit]
        yield {"id": path.stem, **row}
