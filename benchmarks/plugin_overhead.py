"""What running extractors through the plugin manager costs, beyond the extractors' own work.

    python -m benchmarks.plugin_overhead [PAGE ...] [--plugins 10] [--rounds 30] [--json]

Parses each page (default: the project's ``seeds/`` and, when present, ``../shared/seeds/``)
with a manager holding no extractor at all and with one holding ``--plugins`` plugins that
each register an extractor returning nothing, and reports how much longer the second takes.
The two are timed in alternating rounds; the overhead is the median of the paired ratios
(with the best-of-rounds figure beside it), so load from other processes on the machine
shows as spread rather than as overhead.  The target is < 5%.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import newsparse
from newsparse import Article, Extractor, Part, Span, hookimpl
from newsparse.plugins import PluginManager

ROOT = Path(__file__).resolve().parents[1]


def _finding_type() -> type[Any]:
    import attrs

    @attrs.frozen
    class NoFinding:
        text: str
        span: Span
        part: Part

    return NoFinding


def _nothing(article: Article) -> tuple[Any, ...]:
    return ()


class NoOpPlugin:
    """A plugin registering one extractor that finds nothing."""

    def __init__(self, index: int, finding_type: type[Any]) -> None:
        self.__name__ = f"noop-{index}"
        self.extractor = Extractor(name=f"noop{index}", extract=_nothing, finding_type=finding_type)

    @hookimpl
    def newsparse_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        register(self.extractor)


def managers(count: int) -> tuple[PluginManager, PluginManager]:
    """A manager without any extractor, and one with ``count`` no-op extractors."""
    finding_type = _finding_type()
    bare = PluginManager(load_entry_points=False, default_plugins=(), allow=None, block=None)
    loaded = PluginManager(
        load_entry_points=False,
        default_plugins=(),
        plugins=[NoOpPlugin(i, finding_type) for i in range(count)],
        allow=None,
        block=None,
    )
    return bare, loaded


def default_pages() -> list[Path]:
    pages = sorted((ROOT / "seeds").glob("*.txt"))
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():
        pages += sorted(shared.glob("*.txt"))
    return pages


def _round(texts: Sequence[str], manager: PluginManager, loops: int) -> float:
    started = time.perf_counter()
    for _ in range(loops):
        for text in texts:
            newsparse.parse(text, plugins=manager)
    return time.perf_counter() - started


def measure(texts: Sequence[str], *, plugins: int = 10, rounds: int = 30) -> dict[str, Any]:
    """Best-of-``rounds`` seconds per parse with no extractor and with ``plugins`` no-ops."""
    bare, loaded = managers(plugins)
    # Enough loops per round that one round takes about 20 ms.
    single = max(_round(texts, bare, 1), 1e-6)
    loops = max(1, int(0.02 / single))
    best_bare = best_loaded = float("inf")
    ratios: list[float] = []
    for _ in range(rounds):
        without = _round(texts, bare, loops)
        with_ = _round(texts, loaded, loops)
        ratios.append(with_ / without)
        best_bare, best_loaded = min(best_bare, without), min(best_loaded, with_)
    parses = loops * len(texts)
    return {
        "pages": len(texts),
        "characters": sum(map(len, texts)),
        "no_op_extractors": plugins,
        "seconds_per_parse_without": best_bare / parses,
        "seconds_per_parse_with": best_loaded / parses,
        "overhead_percent": round(100 * (statistics.median(ratios) - 1), 2),
        "overhead_percent_best_of": round(100 * (best_loaded - best_bare) / best_bare, 2),
        "overhead_microseconds_per_parse": round(1e6 * (best_loaded - best_bare) / parses, 2),
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="text files (default: the seeds)")
    parser.add_argument("--plugins", type=int, default=10, help="no-op extractors (default 10)")
    parser.add_argument("--rounds", type=int, default=30, help="timed rounds (default 30)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    pages = args.pages or default_pages()
    if not pages:
        print("plugin_overhead: no pages to parse", file=sys.stderr)
        return 2
    texts = [page.read_text(encoding="utf-8") for page in pages]
    result = measure(texts, plugins=args.plugins, rounds=args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['pages']} pages, {result['characters']} characters: "
            f"{1e6 * result['seconds_per_parse_without']:.1f} µs per parse without extractors, "
            f"{1e6 * result['seconds_per_parse_with']:.1f} µs with {args.plugins} no-op "
            f"extractors: {result['overhead_percent']:+}% median of paired rounds, "
            f"{result['overhead_percent_best_of']:+}% best of rounds "
            f"({result['overhead_microseconds_per_parse']} µs per parse; target < 5%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
