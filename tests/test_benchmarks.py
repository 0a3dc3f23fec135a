"""The speed benchmarks' own logic (inputs, reports), without timing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import peers, speed, stream_memory
from benchmarks.common import markdown_table, setting


@pytest.mark.parametrize("size", [1_000, 10_000, 100_000])
def test_page_of_size_is_about_that_size_and_ends_a_line(size: int) -> None:
    pages = ["Headline\n\nA first paragraph of the page.\nA second one.\n"]
    text = speed.page_of_size(pages, size)
    assert size // 2 < len(text) <= size
    assert text.endswith("\n")


def test_stream_has_one_record_per_line_with_its_own_id(tmp_path: Path) -> None:
    path = tmp_path / "stream.jsonl"
    records, size = stream_memory.write_stream(path, 0.05)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == records
    assert size >= 50_000
    ids = [json.loads(line)["id"] for line in lines]
    assert len(set(ids)) == records


def test_markdown_table() -> None:
    assert markdown_table(["a", "b"], [[1, 2]]) == "| a | b |\n|---|---|\n| 1 | 2 |"


def test_peers_report_says_which_targets_are_met() -> None:
    rows = [
        {
            "task": "numbers",
            "newsparse_pages_per_s": 200.0,
            "newsparse_mb_per_s": 0.6,
            "peer": "quantulum3",
            "peer_pages_per_s": 10.0,
            "peer_mb_per_s": 0.03,
            "target": 10.0,
            "ratio": 20.0,
        },
        {
            "task": "places",
            "newsparse_pages_per_s": 500.0,
            "newsparse_mb_per_s": 1.5,
            "peer": "geotext",
            "peer_pages_per_s": 9000.0,
            "peer_mb_per_s": 27.0,
            "target": 1.0,
            "ratio": 500 / 9000,
        },
    ]
    data = {
        "setting": setting(),
        "texts": 10,
        "mb": 0.03,
        "rounds": 1,
        "results": rows,
        "plot": False,
        "setup_seconds": {},
        "errors": {"peer:quotes": 2},
    }
    text = peers.report(data)
    assert "| numbers | 200.0 | quantulum3 | 10.0 | 20.0x | 10x: met |" in text
    assert "1x: not met" in text
    assert "peer:quotes raised on 2 of the 10 texts" in text


def test_speed_report_judges_linearity() -> None:
    scaling = [
        {"chars": 1_000_000, "mb": 1.0, "seconds": 1.0, "peak_alloc_mb": 10.0},
        {"chars": 10_000_000, "mb": 10.0, "seconds": 13.0, "peak_alloc_mb": 100.0},
    ]
    data = {
        "setting": setting(),
        "extractors": {},
        "throughput": [],
        "import": {
            "import_best_ms": 40.0,
            "import_median_ms": 41.0,
            "import_and_first_parse_best_ms": 90.0,
        },
        "memory": {"process_peak_rss_mb": 50.0, "one_page_peak_alloc_mb": 0.1},
        "scaling": scaling,
        "scaling_plot": False,
    }
    assert "13.0x the time of 1 MB (NOT linear" in speed.report(data)


def test_speed_structure_reports_each_page_and_the_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import speed_structure

    pages = []
    for name in ("one.txt", "two.txt"):
        pages.append(tmp_path / name)
        pages[-1].write_text("Headline of the page\n\nA first paragraph of the page.\n")
    assert speed_structure.main([*map(str, pages), "--loops", "2", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["one.txt", "two.txt", "mean"]
    assert all(line.endswith("pages/s") for line in lines)
