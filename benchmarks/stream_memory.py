"""Memory of a large JSONL stream through the command line: flat, whatever the stream's size.

    python -m benchmarks.stream_memory [--mb 100] [--jobs 2] [--keep PATH]

Writes a JSONL file of about ``--mb`` megabytes of pages (built from the seed pages, each
record with its own id) to a temporary folder, runs ``newsparse parse -j N --input-format
jsonl`` on it with the output going to /dev/null, and samples the resident memory of the whole
process tree (the command and its workers) every 20 ms.  Prints the peak of the tree's total,
the peak of the largest single process, the time and the throughput.  Needs psutil (in the
``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def seed_pages() -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    shared = ROOT.parent / "shared" / "seeds"
    pages += [p.read_text(encoding="utf-8") for p in sorted(shared.glob("*.txt"))]
    return pages


def write_stream(path: Path, megabytes: float) -> tuple[int, int]:
    """Write the JSONL stream; return (records, bytes)."""
    pages = seed_pages()
    target = int(megabytes * 1_000_000)
    written = records = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            page = pages[records % len(pages)]
            line = json.dumps({"id": f"rec-{records:08}", "text": f"Story {records}\n\n{page}"})
            handle.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            records += 1
    return records, written


def measure(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    import psutil

    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, env=env)
        root = psutil.Process(proc.pid)
        peak_total = peak_single = 0
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                sizes = []
                for member in tree:
                    try:
                        sizes.append(member.memory_info().rss)
                    except psutil.Error:
                        continue
            except psutil.Error:
                break
            peak_total = max(peak_total, sum(sizes))
            peak_single = max(peak_single, max(sizes, default=0))
            time.sleep(0.02)
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    return {
        "exit": proc.returncode,
        "seconds": time.perf_counter() - started,
        "peak_tree_rss_mb": peak_total / 1e6,
        "peak_process_rss_mb": peak_single / 1e6,
        "stderr": stderr[-500:],
    }


def report(result: dict[str, Any], info: dict[str, Any]) -> str:
    from benchmarks.common import markdown_table, setting_line

    rows = [
        ["input", f"{result['input_mb']:.1f} MB JSONL, {result['records']:,} pages"],
        ["command", f"`newsparse parse -j {result['jobs']} --input-format jsonl --quiet FILE`"],
        ["exit code", str(result["exit"])],
        ["wall time", f"{result['seconds']:.1f} s"],
        ["throughput", f"{result['mb_per_s']:.2f} MB/s, {result['pages_per_s']:,.0f} pages/s"],
        ["peak RSS, whole process tree", f"{result['peak_tree_rss_mb']:.0f} MB"],
        ["peak RSS, largest single process", f"{result['peak_process_rss_mb']:.0f} MB"],
    ]
    return "\n".join(
        [
            "# A large JSONL stream through the command line",
            "",
            setting_line(info),
            "",
            markdown_table(["what", "figure"], rows),
            "",
            "Memory stays flat: the command holds a bounded window of pages in flight, whatever "
            "the length of the stream. Reproduce with "
            f"`python -m benchmarks.stream_memory --mb {result['input_mb']:.0f} "
            f"--jobs {result['jobs']}`.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="stream size in MB (default 100)")
    parser.add_argument("--jobs", type=int, default=2, help="-j for the command (default 2)")
    parser.add_argument("--keep", type=Path, help="write the stream here and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--save", type=Path, help="also write the figures as Markdown to this file")
    args = parser.parse_args(argv)
    from benchmarks.common import setting

    info = setting()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "stream.jsonl"
        records, size = write_stream(path, args.mb)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
        command = [sys.executable, "-m", "newsparse", "parse", "-j", str(args.jobs)]
        command += ["--input-format", "jsonl", "--quiet", str(path)]
        result = measure(command, env)
    result.update(records=records, input_mb=size / 1e6, jobs=args.jobs)
    result["mb_per_s"] = result["input_mb"] / result["seconds"]
    result["pages_per_s"] = records / result["seconds"]
    if args.save:
        args.save.write_text(report(result, info), encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['input_mb']:.1f} MB, {records:,} records, -j {args.jobs}: "
            f"exit {result['exit']}, {result['seconds']:.1f} s "
            f"({result['mb_per_s']:.2f} MB/s, {result['pages_per_s']:.0f} pages/s); "
            f"peak RSS of the process tree {result['peak_tree_rss_mb']:.0f} MB, "
            f"largest process {result['peak_process_rss_mb']:.0f} MB"
        )
        if result["exit"]:
            print(result["stderr"], file=sys.stderr)
    return 0 if result["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
