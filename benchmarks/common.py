"""What the speed benchmarks share: the inputs, a timer that resists a busy machine, the setting.

Inputs are the project's own seed pages and, when ``../shared/corpus`` is present, the texts of
the labelled corpora (read in place, never copied into the project).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "docs" / "performance"


def seed_paths() -> list[Path]:
    """The seed pages' files: the project's own and the sample page in ../shared/seeds."""
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


def seed_pages() -> list[str]:
    """The seed pages' texts (see :func:`seed_paths`)."""
    return [path.read_text(encoding="utf-8") for path in seed_paths()]


def _jsonl_texts(paths: Iterable[Path], field: str, limit: int) -> list[str]:
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if len(texts) >= limit:
                    return texts
                text = json.loads(line).get(field)
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    return texts


def corpus_texts(corpus_dir: Path, limit: int | None = None) -> list[str]:
    """The ``text`` of every record of the JSONL files in ``corpus_dir`` (at most ``limit``)."""
    return _jsonl_texts(sorted(corpus_dir.glob("*.jsonl")), "text", limit or sys.maxsize)


def corpus_sets(limit: int = 400) -> dict[str, list[str]]:
    """Texts of each shared corpus that is present (at most ``limit`` per corpus)."""
    root = SHARED / "corpus"
    found: dict[str, list[str]] = {}
    for area in ("pipeline", "structure"):
        paths = sorted((root / area / "dev").glob("*.txt"))[:limit]
        if paths:
            found[f"{area} corpus"] = [p.read_text(encoding="utf-8") for p in paths]
    for area in ("quotes", "places", "numbers"):
        texts = _jsonl_texts(sorted((root / area / "dev").glob("*.jsonl")), "text", limit)
        if texts:
            found[f"{area} corpus"] = texts
    return found


def utf8_size(texts: Iterable[str]) -> int:
    return sum(len(text.encode("utf-8")) for text in texts)


def best_time(run: Callable[[], object], *, repeat: int = 5, budget: float = 20.0) -> float:
    """The least CPU time of ``repeat`` runs, in seconds (fewer runs once ``budget`` is spent).

    CPU time of this process, not wall time: on a machine shared with other work, wall time
    counts whatever else ran meanwhile, CPU time only ours (other work still slows it a little,
    through shared caches, so the least of several runs is kept).
    """
    best = float("inf")
    spent = 0.0
    for _ in range(repeat):
        started = time.process_time()
        run()
        took = time.process_time() - started
        best = min(best, took)
        spent += took
        if spent > budget:
            break
    return best


def setting() -> dict[str, Any]:
    """Where and when the figures were measured."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        rev = ""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "load_average_1m": round(load[0], 2),
        "commit": rev,
    }


def setting_line(info: dict[str, Any]) -> str:
    return (
        f"Measured {info['date']} on Python {info['python']}, {info['platform']}, "
        f"{info['cpus']} CPUs (1-minute load average {info['load_average_1m']} when it "
        f"started), newsparse commit `{info['commit'] or 'unknown'}`."
    )


def markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter with this checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()
