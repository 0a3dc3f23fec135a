"""Speed of the numbers extractor against quantulum3 on the same texts, in one run.

    python -m benchmarks.speed_numbers [CORPUS_DIR] [--repeat N]
    python -m benchmarks.speed_numbers --stage [--repeat N]

CORPUS_DIR holds the numbers corpus ``*.jsonl`` (default ``../shared/corpus/numbers/dev``).
Both tools read every case text; the time of the fastest of ``--repeat`` passes is kept
for each, so warm-up costs (data files, quantulum3's classifier) are not counted.  Times
are CPU seconds of this process, so other work on a shared machine does not skew them.
quantulum3 is an optional benchmark dependency (``pip install newsparse[bench]``).

``--stage`` times the numbers extractor alone on the seed pages, already structured, in
milliseconds per page (the best of ``--repeat`` passes of 200 rounds each): the figure the
pipeline's speed target is split into, without the peer comparison.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse
from benchmarks.common import corpus_texts, seed_pages

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "numbers" / "dev"


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.process_time()
        found = run()
        best = min(best, time.process_time() - started)
    return best, found


def quantulum3_classifier(q3: Any) -> str | None:
    """quantulum3's own classifier, or one trained now where the shipped pickle no longer
    loads with the installed scikit-learn (training takes about ten seconds)."""
    try:
        q3.parse("It weighs 2 pounds.")
        return None
    except Exception:
        from quantulum3 import classifier  # type: ignore[import-not-found, unused-ignore]

        path = str(Path(tempfile.mkdtemp()) / "clf.joblib")
        classifier.train_classifier(store=True, output_path=path)
        return path


def stage(repeat: int, rounds: int = 200) -> int:
    """Print the numbers extractor's CPU milliseconds per seed page, best of ``repeat``."""
    from newsparse.plugins import get_plugin_manager
    from newsparse.structure import read_page

    manager = get_plugin_manager()
    pages = seed_pages()
    articles = [read_page(page, manager=manager) for page in pages]
    extract = manager.extractors["numbers"].extractor.extract

    def run() -> int:
        found = 0
        for _ in range(rounds):
            for article in articles:
                found += len(list(extract(article)))
        return found // rounds

    run()
    seconds, found = best_of(repeat, run)
    per_page = seconds * 1e3 / rounds / len(pages)
    print(f"numbers stage  {per_page:.4f} ms/page  {len(pages)} pages  {found} numbers")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_numbers")
    parser.add_argument("corpus_dir", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--stage", action="store_true", help="time the extractor alone on the seed pages"
    )
    args = parser.parse_args(argv)
    if args.stage:
        return stage(args.repeat)
    texts = corpus_texts(args.corpus_dir)
    chars = sum(map(len, texts))

    def ours() -> int:
        return sum(
            len(newsparse.parse(t, structure=False, extractors=["numbers"]).numbers) for t in texts
        )

    ours()
    ours_s, ours_n = best_of(args.repeat, ours)
    print(f"newsparse   {ours_s:8.3f}s  {len(texts) / ours_s:9.1f} texts/s  {ours_n} numbers")
    try:
        from quantulum3 import parser as q3  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("quantulum3 is not installed (pip install newsparse[bench])", file=sys.stderr)
        return 0

    clf_path = quantulum3_classifier(q3)

    def theirs() -> int:
        return sum(len(q3.parse(t, classifier_path=clf_path)) for t in texts)

    theirs()
    q3_s, q3_n = best_of(args.repeat, theirs)
    print(f"quantulum3  {q3_s:8.3f}s  {len(texts) / q3_s:9.1f} texts/s  {q3_n} quantities")
    print(f"{len(texts)} texts, {chars} characters: newsparse is {q3_s / ours_s:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
