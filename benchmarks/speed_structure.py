"""Pages per second of the structure parser alone, one page at a time, in one quick run.

    python -m benchmarks.speed_structure [PAGE ...] [--loops N] [--repeat N]

Each page (default: the seed pages, the project's and the sample page in ../shared/seeds) is
parsed ``--loops`` times in a row with :func:`newsparse.structure.read_page`; the fastest of
``--repeat`` such rounds is kept, in CPU seconds of this process, so other work on a shared
machine skews it little.  A page parsed many times in a row stays in the processor's caches, so
these figures run a little ahead of ``python -m benchmarks.speed``, which parses each page once
per round; the point is a steady figure to compare a change against, minutes apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks.common import seed_paths


def page_time(text: str, loops: int, repeat: int) -> float:
    """The least CPU seconds per parse over ``repeat`` rounds of ``loops`` parses."""
    from newsparse.plugins import get_plugin_manager
    from newsparse.structure import read_page

    manager = get_plugin_manager()
    for _ in range(min(loops, 20)):  # warm up: lazily loaded data, caches
        read_page(text, manager=manager)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(loops):
            read_page(text, manager=manager)
        best = min(best, (time.process_time() - started) / loops)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_structure")
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--loops", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    paths = args.pages or seed_paths()
    total = 0.0
    for path in paths:
        seconds = page_time(path.read_text(encoding="utf-8"), args.loops, args.repeat)
        total += seconds
        print(f"{path.name:<40} {seconds * 1e3:7.3f} ms {1 / seconds:>8,.0f} pages/s")
    if len(paths) > 1:
        mean = total / len(paths)
        print(f"{'mean':<40} {mean * 1e3:7.3f} ms {1 / mean:>8,.0f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
