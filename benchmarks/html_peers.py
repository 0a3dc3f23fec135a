"""newsparse beside trafilatura, readability-lxml and newspaper4k on the same HTML pages.

    python -m benchmarks.html_peers CORPUS_DIR [--tools newsparse,trafilatura,...] [--json]

Every tool reads each ``<id>.html`` of CORPUS_DIR (``structure/dev`` of the shared corpora);
its body and headline are scored with the structure scorer's own functions (body token F1,
headline normalised exact match) and its speed is pages per second of wall time (parsing only,
after a warm-up page).  The peers come from the ``bench`` extra and are never runtime
dependencies; a peer that is not installed is reported as missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Extracted = tuple[str | None, list[str]]  # headline, body paragraphs


def _newsparse(html: bytes, url: str | None) -> Extracted:
    import newsparse

    article = newsparse.parse_html(html, url=url, extractors=[])
    return article.headline, [paragraph.text for paragraph in article.body]


def _trafilatura(html: bytes, url: str | None) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(
        html.decode("utf-8", "replace"), url=url, with_metadata=True, include_comments=False
    )
    if result is None:
        return None, []
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    return data.get("title"), [line for line in text.split("\n") if line.strip()]


def _readability(html: bytes, url: str | None) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(html.decode("utf-8", "replace"), url=url)
    summary = lxml.html.fromstring(document.summary(html_partial=True))
    text = summary.text_content()
    return document.short_title() or None, [line for line in text.split("\n") if line.strip()]


def _newspaper(html: bytes, url: str | None) -> Extracted:
    import newspaper

    # No image fetching: that would go to the network for every page.
    article = newspaper.Article(url or "http://example.com/", fetch_images=False)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return article.title or None, [line for line in article.text.split("\n") if line.strip()]


TOOLS: dict[str, tuple[str, Callable[[bytes, str | None], Extracted]]] = {
    "newsparse": ("selectolax", _newsparse),
    "trafilatura": ("trafilatura", _trafilatura),
    "readability": ("readability", _readability),
    "newspaper4k": ("newspaper", _newspaper),
}


def _scorer(corpus_dir: Path) -> Any:
    path = corpus_dir.resolve().parents[2] / "eval" / "score_structure.py"
    spec = importlib.util.spec_from_file_location("score_structure", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(corpus_dir: Path, tools: list[str]) -> dict[str, dict[str, Any]]:
    scorer = _scorer(corpus_dir)
    pages = []
    for path in sorted(corpus_dir.glob("*.html")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append((path.read_bytes(), gold))
    results: dict[str, dict[str, Any]] = {}
    for name in tools:
        module, extract = TOOLS[name]
        if importlib.util.find_spec(module) is None:
            results[name] = {
                "missing": f"{module} is not installed (pip install 'newsparse[bench]')"
            }
            continue
        extract(pages[0][0], pages[0][1].get("url"))  # warm-up: imports, lazy data
        body_f1: list[float] = []
        headline_hits: list[float] = []
        failures = 0
        started = time.perf_counter()
        extracted = []
        for html, gold in pages:
            try:
                extracted.append(extract(html, gold.get("url")))
            except Exception:  # a peer failing on a page scores it empty
                failures += 1
                extracted.append((None, []))
        seconds = time.perf_counter() - started
        for (headline, body), (_, gold) in zip(extracted, pages, strict=True):
            gold_tokens = scorer.tokens_lower("\n".join(gold["body"]))
            body_f1.append(
                scorer.prf_multiset(scorer.tokens_lower("\n".join(body)), gold_tokens)[2]
            )
            if gold.get("headline") is not None:
                hit = headline is not None and scorer.norm_line(headline) == scorer.norm_line(
                    gold["headline"]
                )
                headline_hits.append(float(hit))
        results[name] = {
            "body_f1": round(sum(body_f1) / len(body_f1), 4),
            "headline_acc": round(sum(headline_hits) / max(len(headline_hits), 1), 4),
            "pages_per_s": round(len(pages) / seconds, 1),
            "pages": len(pages),
            "failures": failures,
        }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.html_peers", description=__doc__)
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tool names")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    tools = [name.strip() for name in args.tools.split(",") if name.strip()]
    unknown = sorted(set(tools) - set(TOOLS))
    if unknown:
        parser.error(f"unknown tool(s) {unknown}; known: {sorted(TOOLS)}")
    results = run(args.corpus_dir, tools)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'tool':<12} {'body F1':>8} {'headline':>9} {'pages/s':>8}")
    for name, row in results.items():
        if "missing" in row:
            print(f"{name:<12} {row['missing']}")
            continue
        print(
            f"{name:<12} {row['body_f1']:>8.3f} {row['headline_acc']:>9.3f} {row['pages_per_s']:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
