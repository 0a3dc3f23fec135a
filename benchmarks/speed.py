"""How fast newsparse is, and how its time and memory grow with the input.

    python -m benchmarks.speed [--out docs/performance] [--repeat 5] [--quick] [--no-parallel]

Measures whatever is installed: the structure parser alone, each extractor alone (on articles
already structured) and the whole pipeline, in pages/s and MB/s, on the seed pages and on the
texts of each shared corpus present; the time of ``import newsparse`` in a fresh interpreter;
peak memory; time and memory of one parse as the input grows from 1 KB to 10 MB; and
``parse_many`` with 1 and 2 workers on 2,000 pages.  Writes ``speed.md`` (the tables the docs'
performance page shows), ``speed.json`` and ``scaling.png`` (with matplotlib, from the ``bench``
extra) to ``--out``.  Figures are best-of-N timings: on a busy machine they are pessimistic.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks.common import (
    OUT,
    best_time,
    corpus_sets,
    markdown_table,
    run_python,
    seed_pages,
    setting,
    setting_line,
    utf8_size,
)

SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)


def throughput(inputs: dict[str, list[str]], repeat: int) -> list[dict[str, Any]]:
    """pages/s and MB/s of each stage on each input set."""
    import newsparse
    from newsparse.plugins import get_plugin_manager
    from newsparse.structure import read_page

    manager = get_plugin_manager()
    rows: list[dict[str, Any]] = []
    for name, texts in inputs.items():
        size = utf8_size(texts)
        for text in texts[:3]:  # load lazily loaded data before timing
            newsparse.parse(text)
        articles = [read_page(text, manager=manager) for text in texts]
        stages: dict[str, Any] = {
            "structure": lambda texts=texts: [read_page(t, manager=manager) for t in texts],
        }
        for extractor in manager.extractors:
            stages[extractor] = lambda extractor=extractor, articles=articles: [
                manager.run(a, [extractor]) for a in articles
            ]
        stages["pipeline"] = lambda texts=texts: [newsparse.parse(t) for t in texts]
        for stage, run in stages.items():
            seconds = best_time(run, repeat=repeat)
            rows.append(
                {
                    "inputs": name,
                    "stage": stage,
                    "pages": len(texts),
                    "mb": size / 1e6,
                    "seconds": seconds,
                    "pages_per_s": len(texts) / seconds,
                    "mb_per_s": size / 1e6 / seconds,
                    "ms_per_page": seconds / len(texts) * 1e3,
                }
            )
            print(
                f"  {name:<16} {stage:<10} {len(texts) / seconds:>9,.0f} pages/s "
                f"{size / 1e6 / seconds:>7.2f} MB/s",
                file=sys.stderr,
            )
    return rows


def import_time(runs: int = 7) -> dict[str, float]:
    """``import newsparse`` in a fresh interpreter each time (best and median, ms)."""
    code = (
        "import time; t = time.process_time(); import newsparse; "
        "print((time.process_time() - t) * 1e3)"
    )
    times = sorted(float(run_python(code)) for _ in range(runs))
    first = (
        "import time; t = time.process_time(); import newsparse; "
        "newsparse.parse('Headline\\n\\nThe minister said \"we will\" in Paris on 3 May.\\n'); "
        "print((time.process_time() - t) * 1e3)"
    )
    firsts = sorted(float(run_python(first)) for _ in range(3))
    return {
        "import_best_ms": times[0],
        "import_median_ms": times[len(times) // 2],
        "import_and_first_parse_best_ms": firsts[0],
    }


def peak_memory(pages: list[str]) -> dict[str, float]:
    """Peak RSS of a fresh process that parses every page 20 times, and one parse's peak."""
    code = f"""
import resource, tracemalloc, json, newsparse
pages = json.loads({json.dumps(json.dumps(pages))})
for _ in range(20):
    for page in pages:
        newsparse.parse(page)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
tracemalloc.start()
newsparse.parse(max(pages, key=len))
peak = tracemalloc.get_traced_memory()[1] / 1e6
print(json.dumps({{"process_peak_rss_mb": rss, "one_page_peak_alloc_mb": peak}}))
"""
    result: dict[str, float] = json.loads(run_python(code))
    return result


def page_of_size(pages: list[str], size: int) -> str:
    """A page of about ``size`` characters: the seed pages one after another, cut at a line."""
    parts: list[str] = []
    total = 0
    while total < size:
        for page in pages:
            parts.append(page.rstrip("\n") + "\n\n")
            total += len(parts[-1])
            if total >= size:
                break
    text = "".join(parts)[:size]
    cut = text.rfind("\n")
    return text[: cut + 1] if cut > size // 2 else text


def scaling(pages: list[str], sizes: tuple[int, ...], repeat: int) -> list[dict[str, Any]]:
    """Time and peak allocation of one parse as the page grows."""
    import newsparse

    rows = []
    for size in sizes:
        text = page_of_size(pages, size)
        newsparse.parse(text[:2000])
        runs = repeat  # as many runs for every size: the least of more runs is lower
        seconds = best_time(lambda text=text: newsparse.parse(text), repeat=runs, budget=90)
        gc.collect()
        tracemalloc.start()
        newsparse.parse(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            {
                "chars": len(text),
                "mb": len(text.encode("utf-8")) / 1e6,
                "seconds": seconds,
                "peak_alloc_mb": peak / 1e6,
            }
        )
        print(
            f"  {len(text):>10,} chars  {seconds * 1e3:>10.1f} ms  {peak / 1e6:>8.1f} MB",
            file=sys.stderr,
        )
    return rows


def parallel(pages: list[str], count: int, rounds: int = 3) -> dict[str, Any]:
    """parse_many with one worker (in-process) and with two processes on ``count`` pages.

    The two take turns for ``rounds`` rounds and each keeps its fastest wall time, so a quiet
    moment on a shared machine is not given to one of them only.
    """
    import newsparse

    texts = [f"Story {i}\n\n{pages[i % len(pages)]}" for i in range(count)]
    results: dict[str, Any] = {"pages": count, "rounds": rounds, "load_before": os.getloadavg()[0]}
    for _ in range(rounds):
        for workers in (1, 2):
            started = time.perf_counter()
            cpu = time.process_time()
            for _ in newsparse.parse_many(texts, workers=workers):
                pass
            took = time.perf_counter() - started
            key = f"workers_{workers}_seconds"
            if took < results.get(key, float("inf")):
                results[key] = took
                results[f"workers_{workers}_parent_cpu_seconds"] = time.process_time() - cpu
    results["load_after"] = os.getloadavg()[0]
    results["speedup"] = results["workers_1_seconds"] / results["workers_2_seconds"]
    print(
        f"  {count} pages: 1 worker {results['workers_1_seconds']:.2f} s, "
        f"2 workers {results['workers_2_seconds']:.2f} s, x{results['speedup']:.2f}",
        file=sys.stderr,
    )
    return results


def plot(rows: list[dict[str, Any]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("  matplotlib is not installed: no plot (pip install newsparse[bench])")
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    mbs = [row["mb"] for row in rows]
    left.loglog(mbs, [row["seconds"] for row in rows], "o-", label="newsparse.parse")
    base = rows[0]["seconds"] / rows[0]["mb"]
    left.loglog(mbs, [base * mb for mb in mbs], "--", color="grey", label="linear")
    left.set_xlabel("input (MB)")
    left.set_ylabel("seconds")
    left.set_title("time")
    left.legend()
    right.loglog(mbs, [row["peak_alloc_mb"] for row in rows], "o-", color="C1")
    right.set_xlabel("input (MB)")
    right.set_ylabel("peak allocated (MB)")
    right.set_title("memory")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def report(data: dict[str, Any]) -> str:
    out = ["# Speed", "", setting_line(data["setting"]), ""]
    extractors = ", ".join(f"{name} {v}" for name, v in data["extractors"].items()) or "none"
    out += [f"Extractors installed: {extractors}.", ""]
    out += [
        "## Throughput (one core, least CPU time of N runs)",
        "",
        "Each stage over every text of each input set; the structure parser alone, each "
        "extractor alone on articles already structured, and `newsparse.parse` for the "
        "pipeline.",
        "",
    ]
    rows = [
        [
            row["inputs"],
            row["stage"],
            row["pages"],
            f"{row['pages_per_s']:,.0f}",
            f"{row['mb_per_s']:.2f}",
            f"{row['ms_per_page']:.3f}",
        ]
        for row in data["throughput"]
    ]
    header = ["inputs", "stage", "pages", "pages/s", "MB/s", "ms/page"]
    out += [markdown_table(header, rows), ""]
    imp = data["import"]
    mem = data["memory"]
    out += [
        "## Start-up and memory",
        "",
        markdown_table(
            ["what", "figure"],
            [
                ["`import newsparse` (fresh interpreter, best)", f"{imp['import_best_ms']:.0f} ms"],
                ["`import newsparse` (median of 7)", f"{imp['import_median_ms']:.0f} ms"],
                [
                    "import and first parse (lazy data loaded)",
                    f"{imp['import_and_first_parse_best_ms']:.0f} ms",
                ],
                [
                    "peak RSS, process parsing the seed pages 20 times",
                    f"{mem['process_peak_rss_mb']:.0f} MB",
                ],
                ["peak allocation of one seed page", f"{mem['one_page_peak_alloc_mb']:.2f} MB"],
            ],
        ),
        "",
    ]
    rows = []
    first = data["scaling"][0]
    for row in data["scaling"]:
        rows.append(
            [
                f"{row['chars']:,}",
                f"{row['seconds'] * 1e3:,.1f}",
                f"{row['mb'] / row['seconds']:.2f}",
                f"{row['peak_alloc_mb']:.2f}",
                f"{(row['seconds'] / row['mb']) / (first['seconds'] / first['mb']):.2f}",
            ]
        )
    out += [
        "## Scaling with the size of one input",
        "",
        markdown_table(
            ["characters", "ms", "MB/s", "peak allocated (MB)", "time per MB vs 1 KB"], rows
        ),
        "",
    ]
    by_size = {round(row["mb"]): row for row in data["scaling"] if row["mb"] >= 0.9}
    if 1 in by_size and 10 in by_size:
        ratio = by_size[10]["seconds"] / by_size[1]["seconds"]
        mem_ratio = by_size[10]["peak_alloc_mb"] / by_size[1]["peak_alloc_mb"]
        verdict = "linear" if ratio <= 12 else "NOT linear"
        out += [
            f"10 MB takes {ratio:.1f}x the time of 1 MB ({verdict}: the bound is 12x) and "
            f"{mem_ratio:.1f}x its peak memory.",
            "",
        ]
    if data["scaling_plot"]:
        out += ["![time and memory against input size](scaling.png)", ""]
    if data.get("parallel"):
        par = data["parallel"]
        out += [
            "## parse_many on every core",
            "",
            markdown_table(
                [
                    "pages",
                    "1 worker (in-process)",
                    "2 worker processes",
                    "speed-up",
                    "parent CPU with 2 workers",
                    "load average before / after",
                ],
                [
                    [
                        par["pages"],
                        f"{par['workers_1_seconds']:.2f} s",
                        f"{par['workers_2_seconds']:.2f} s",
                        f"{par['speedup']:.2f}x",
                        f"{par['workers_2_parent_cpu_seconds']:.2f} s",
                        f"{par['load_before']:.1f} / {par['load_after']:.1f}",
                    ]
                ],
            ),
            "",
            f"Best wall time of {par.get('rounds', 1)} alternating rounds, including the start "
            "of the worker processes: the 2-worker figure is "
            "only as good as the two cores are free, and a load average above the number of "
            "CPUs means they were not.",
            "",
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the results go")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best is kept)")
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    parser.add_argument("--no-parallel", action="store_true", help="skip the parse_many run")
    parser.add_argument("--pages", type=int, default=2000, help="pages for the parallel run")
    parser.add_argument(
        "--with-plugins", action="store_true", help="also load installed entry-point plugins"
    )
    args = parser.parse_args(argv)
    if not args.with_plugins:
        # The built-in pipeline is what is measured, not whatever else is installed.
        os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")

    import newsparse
    from newsparse.plugins import get_plugin_manager

    seeds = seed_pages()
    inputs = {"seed pages": seeds}
    limit = 40 if args.quick else 400
    inputs.update(corpus_sets(limit))
    data: dict[str, Any] = {
        "setting": setting(),
        "newsparse": newsparse.__version__,
        "extractors": {
            name: info.extractor.version for name, info in get_plugin_manager().extractors.items()
        },
    }
    print("throughput", file=sys.stderr)
    data["throughput"] = throughput(inputs, 2 if args.quick else args.repeat)
    print("import time and memory", file=sys.stderr)
    data["import"] = import_time(3 if args.quick else 7)
    data["memory"] = peak_memory(seeds)
    print("scaling", file=sys.stderr)
    sizes = SIZES[:4] if args.quick else SIZES
    data["scaling"] = scaling(seeds, sizes, 2 if args.quick else args.repeat)
    if not args.no_parallel:
        print("parallel", file=sys.stderr)
        data["parallel"] = parallel(
            seeds, 200 if args.quick else args.pages, 1 if args.quick else 3
        )
    args.out.mkdir(parents=True, exist_ok=True)
    data["scaling_plot"] = plot(data["scaling"], args.out / "scaling.png")
    (args.out / "speed.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (args.out / "speed.md").write_text(report(data) + "\n", encoding="utf-8")
    print(report(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
