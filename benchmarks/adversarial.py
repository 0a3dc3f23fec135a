"""Hostile inputs, timed stage by stage against a normal page of the same size.

    python -m benchmarks.adversarial [--size BYTES] [--repeat N]

Each case builds a text of about ``size`` characters designed to trip one part of newsparse
(one enormous line, a flood of quotation marks, ...) and reports, for each stage, how long it
takes relative to an ordinary news page repeated to the same size.  The stages are timed apart
so each is held to its own bound: a full-parse ratio would let a slow stage hide behind a fast
one, and would move whenever one stage gets faster on ordinary pages only.

* ``structure``: :func:`newsparse.structure.read_page` on the case against the normal page
  with each copy of the seed pages made distinct (:func:`varied_page`): the parser reads a
  repeated line once, and ordinary pages do not repeat themselves every few kilobytes.
* ``extractors``: every registered extractor on the article the structure parser builds from
  the case, against the extractors on the normal page read as prose (every line a paragraph).
  On a real page most lines are furniture the extractors never see; the prose reading is the
  most text ordinary pages of that size can hand them, so the ratio is their cost per
  character of hostile against ordinary text.

A ratio under 3 means the case costs no more than ordinary text; a quadratic path would show
as a ratio growing with size.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable
from pathlib import Path

import newsparse
from newsparse.model import Article
from newsparse.plugins import get_plugin_manager
from newsparse.structure import read_page, read_prose

ROOT = Path(__file__).resolve().parents[1]


def normal_page(size: int) -> str:
    """The bundled seed pages, repeated to ``size`` characters."""
    pages = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    return (pages + "\n\n") * (size // (len(pages) + 2)) + pages[: size % (len(pages) + 2)]


def varied_page(size: int) -> str:
    """The seed pages repeated to ``size`` characters, each copy's lower-case letters
    permuted its own way: text of the same shape (capitals, digits, punctuation, word and
    line lengths), but no line repeats another copy's.

    The structure parser reads a repeated line once, so a page built by repeating the same
    few pages costs it far less per character than ordinary text, where lines rarely repeat;
    this is the ordinary page it is held against.
    """
    pages = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    unit = pages + "\n\n"
    letters = string.ascii_lowercase
    copies = []
    for copy in range(size // len(unit) + 1):
        shuffled = list(letters)
        random.Random(copy).shuffle(shuffled)
        copies.append(unit.translate(str.maketrans(letters, "".join(shuffled))))
    return "".join(copies)[:size]


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


CASES: dict[str, Callable[[int], str]] = {
    "one long line": lambda n: normal_page(n).replace("\n", " "),
    "quotation marks": lambda n: _fill('"', n),
    "mixed quotation marks": lambda n: _fill("\u201c\"\u00ab\u201e\u2019'", n),
    "unbalanced quotes across paragraphs": lambda n: _fill('"He said it was over and then\n\n', n),
    "digits with separators": lambda n: "1" + _fill(",000", n - 1),
    "digits and dots": lambda n: _fill("1.2.3.4 ", n),
    "capitalised words": lambda n: _fill("North Korean Kursk Region Officials ", n),
    "repeated boilerplate lines": lambda n: _fill("Share this article\nFacebook\nTwitter\n", n),
    "hyphen chains": lambda n: _fill("-", n),
    "combining marks": lambda n: "a" + _fill("\u0301", n - 1),
}


#: Texts packed with items: very many very short lines (every line is a labelled block) or a
#: number every few characters (every one is a finding).  Their cost follows the number of
#: items rather than the number of characters, so they are held to linear scaling (twice the
#: size, about twice the time) instead of to the ratio above.
LINE_HEAVY: dict[str, Callable[[int], str]] = {
    "currency and units": lambda n: _fill("£2bn $3.4m 10km 45% ", n),
    "number words": lambda n: _fill("three hundred and twelve thousand ", n),
    "blank lines": lambda n: _fill("\n", n),
    "carriage returns": lambda n: _fill("word\r", n),
    "one character per line": lambda n: _fill("a\n", n),
}


def _least(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs: CPU time, so other processes on a shared
    machine do not count against newsparse."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def best_time(text: str, repeat: int) -> float:
    """The least CPU time of ``repeat`` full parses."""
    return _least(lambda: newsparse.parse(text), repeat)


STAGES = ("structure", "extractors")


def structure_time(text: str, repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of the structure parser alone."""
    manager = get_plugin_manager()
    return _least(lambda: read_page(text, manager=manager), repeat)


def extractor_time(article: Article, repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of every registered extractor on ``article``."""
    manager = get_plugin_manager()
    return _least(lambda: manager.run(article), repeat)


def baseline_times(size: int, repeat: int) -> dict[str, float]:
    """Each stage's time on a normal page of ``size`` characters (see the module docstring)."""
    return {
        "structure": structure_time(varied_page(size), repeat),
        "extractors": extractor_time(read_prose(normal_page(size)), repeat),
    }


def stage_times(text: str, repeat: int) -> dict[str, float]:
    """Each stage's time on ``text``, the extractors on the article the pipeline builds."""
    article = read_page(text, manager=get_plugin_manager())
    return {
        "structure": structure_time(text, repeat),
        "extractors": extractor_time(article, repeat),
    }


def ratios(size: int, repeat: int = 3) -> dict[str, dict[str, float]]:
    """Per case, each stage's time divided by that stage's time on a normal page."""
    baseline = baseline_times(size, repeat)
    return {
        name: {
            stage: seconds / baseline[stage]
            for stage, seconds in stage_times(make(size), repeat).items()
        }
        for name, make in CASES.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.adversarial", description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    baseline = baseline_times(args.size, args.repeat)
    print(
        f"normal page, {args.size:,} characters: "
        + ", ".join(f"{stage} {seconds * 1000:.1f} ms" for stage, seconds in baseline.items())
    )
    head = "".join(f" {stage + ' ms':>15} {'ratio':>7}" for stage in STAGES)
    print(f"{'case':<40}{head}")
    for name, make in CASES.items():
        times = stage_times(make(args.size), args.repeat)
        cells = "".join(
            f" {times[stage] * 1000:>15.1f} {times[stage] / baseline[stage]:>7.2f}"
            for stage in STAGES
        )
        print(f"{name:<40}{cells}")
    print(f"\n{'many short lines':<40} {'ms':>9} {'2x size':>7}")
    for name, make in LINE_HEAVY.items():
        seconds = best_time(make(args.size), args.repeat)
        double = best_time(make(2 * args.size), args.repeat)
        print(f"{name:<40} {seconds * 1000:>9.1f} {double / seconds:>7.2f}")


if __name__ == "__main__":
    main()
