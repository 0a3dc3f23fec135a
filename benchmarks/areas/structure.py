"""Structure predictions: each ``<id>.txt`` of the corpus parsed with extractors off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse


def article_structure(article: newsparse.Article) -> dict[str, Any]:
    """The structure fields of an article in the scorers' format."""
    captions = [caption.text for caption in article.captions for _ in caption.spans]
    return {
        "headline": article.headline,
        "body": [paragraph.text for paragraph in article.body],
        "captions": captions,
        "related": [link.title for link in article.related],
    }


def caption_lines(article: newsparse.Article) -> list[str]:
    """Caption and credit lines as the page prints them, credits included.

    The structure corpus takes its caption gold from the page's caption elements line by
    line, so a credit printed in the caption ("... (Image: Reuters)") is part of the gold
    line and a credit on a line of its own is a gold line of its own.
    """
    wanted = (newsparse.Label.CAPTION, newsparse.Label.CREDIT)
    return [block.text.strip() for block in article.blocks_labelled(*wanted)]


def predict(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(corpus_dir.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        article = newsparse.parse(text, extractors=[])
        row = {"id": path.stem, **article_structure(article)}
        row["captions"] = caption_lines(article)
        yield row
