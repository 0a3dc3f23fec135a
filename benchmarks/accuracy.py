"""Score newsparse on a labelled corpus.

    python -m benchmarks.accuracy AREA CORPUS_DIR [--out PRED.jsonl] [--scorer SCORER] [--json]

AREA is one of structure, pipeline, quotes, numbers, places.  Predictions are written in the
scorer's JSONL format (to --out, or a temporary file) and handed to the scorer, which by default
is ``score_<area>.py`` in the ``eval`` folder beside the corpus tree
(``shared/corpus/<area>/dev`` -> ``shared/eval``).  With --json only the scorer's JSON metrics
are printed on stdout.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

AREAS = ("structure", "structure_html", "pipeline", "quotes", "numbers", "places")
#: Areas scored by another area's scorer (HTML input is scored like text input).
SCORER_OF = {"structure_html": "structure"}


def default_scorer(area: str, corpus_dir: Path) -> Path:
    name = SCORER_OF.get(area, area)
    return corpus_dir.resolve().parents[2] / "eval" / f"score_{name}.py"


def write_predictions(area: str, corpus_dir: Path, out: Path) -> tuple[int, float]:
    """Write one prediction line per case; return the case count and the seconds taken."""
    module = importlib.import_module(f"benchmarks.areas.{area}")
    started = time.perf_counter()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in module.predict(corpus_dir):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count, time.perf_counter() - started


def score(area: str, corpus_dir: Path, *, scorer: Path | None = None) -> dict[str, Any]:
    """Predict and score; return the scorer's JSON metrics (plus ``_cases`` and ``_seconds``)."""
    scorer = scorer or default_scorer(area, corpus_dir)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        cases, seconds = write_predictions(area, corpus_dir, pred)
        result = run_scorer(scorer, corpus_dir, pred, json_out=True)
    metrics: dict[str, Any] = json.loads(result[result.index("{") :])
    metrics["_cases"] = cases
    metrics["_seconds"] = round(seconds, 3)
    return metrics


def run_scorer(scorer: Path, corpus_dir: Path, pred: Path, *, json_out: bool) -> str:
    command = [sys.executable, str(scorer), str(corpus_dir), str(pred)]
    if json_out:
        command.append("--json")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout if json_out else done.stdout + done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__)
    parser.add_argument("area", choices=AREAS)
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--out", type=Path, help="keep the predictions in this file")
    parser.add_argument(
        "--scorer", type=Path, help="the scorer script (default: beside the corpus)"
    )
    parser.add_argument("--json", action="store_true", help="print only the metrics as JSON")
    args = parser.parse_args(argv)
    if not args.corpus_dir.is_dir():
        parser.error(f"{args.corpus_dir} is not a directory")
    scorer = args.scorer or default_scorer(args.area, args.corpus_dir)
    if not scorer.is_file():
        parser.error(f"no scorer at {scorer}; pass --scorer")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "pred.jsonl"
        cases, seconds = write_predictions(args.area, args.corpus_dir, out)
        print(run_scorer(scorer, args.corpus_dir, out, json_out=args.json), end="")
    if not args.json:
        print(f"\n{cases} cases predicted in {seconds:.2f}s ({cases / max(seconds, 1e-9):.1f}/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
