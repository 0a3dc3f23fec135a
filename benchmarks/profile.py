"""Where the time of a parse goes: cProfile over the seed pages, per stage.

    python -m benchmarks.profile [--stage pipeline|structure|EXTRACTOR] [--top 25] [--runs 20]
                                 [--sort tottime|cumtime]

Parses the seed pages ``--runs`` times under cProfile and prints the functions that take the
most time.  ``--stage structure`` profiles the structure parser alone, an extractor's name
profiles that extractor alone on articles already structured, ``pipeline`` (the default)
profiles ``newsparse.parse``.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from collections.abc import Callable

from benchmarks.common import seed_pages


def stage_runner(stage: str, pages: list[str]) -> Callable[[], object]:
    import newsparse
    from newsparse.plugins import get_plugin_manager
    from newsparse.structure import read_page

    manager = get_plugin_manager()
    if stage == "pipeline":
        return lambda: [newsparse.parse(page) for page in pages]
    if stage == "structure":
        return lambda: [read_page(page, manager=manager) for page in pages]
    if stage not in manager.extractors:
        known = ", ".join(["pipeline", "structure", *manager.extractors])
        raise SystemExit(f"no stage {stage!r}; choose one of {known}")
    articles = [read_page(page, manager=manager) for page in pages]
    return lambda: [manager.run(article, [stage]) for article in articles]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", default="pipeline")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sort", choices=("tottime", "cumtime"), default="tottime")
    parser.add_argument(
        "--with-plugins", action="store_true", help="also load installed entry-point plugins"
    )
    args = parser.parse_args(argv)
    if not args.with_plugins:
        os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    pages = seed_pages()
    run = stage_runner(args.stage, pages)
    run()  # lazily loaded data is not what is being profiled
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.runs):
        run()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
