"""Documents per second of the places extractor against geotext on the same texts.

    python -m benchmarks.places_speed [CORPUS_DIR]   (default ../shared/corpus/places/dev)

Each tool runs three times over every case text; the best run (in CPU time, so a busy machine
skews less) counts.  geotext comes from the ``bench`` extra and is only a yardstick: it finds
capitalised city and country names without context or resolution.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.common import best_time, corpus_texts


def rate(run: Callable[[str], Any], docs: list[str], repeat: int = 3) -> float:
    run(docs[0])
    return len(docs) / best_time(lambda: [run(doc) for doc in docs], repeat=repeat, budget=600)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else Path("../shared/corpus/places/dev")
    docs = corpus_texts(corpus)
    ours = rate(lambda t: newsparse.parse(t, structure=False, extractors=["places"]), docs)
    print(f"newsparse places: {ours:,.0f} documents/s over {len(docs)} documents")
    # What every parse costs before any extractor runs: the ceiling for the places rate.
    bare = rate(lambda t: newsparse.parse(t, structure=False, extractors=[]), docs)
    print(f"  (parse alone, no extractor: {bare:,.0f} documents/s)")
    try:
        from geotext import GeoText
    except ImportError:
        print("geotext is not installed (pip install 'newsparse[bench]')")
        return 0
    theirs = rate(GeoText, docs)
    print(f"geotext:          {theirs:,.0f} documents/s ({theirs / ours:.1f}x newsparse)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
