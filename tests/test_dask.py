"""The Dask recipe of docs/how-to/dask.md, run on a two-process local cluster.

Skipped when the ``dask`` extra (dask[bag] and distributed) is not installed.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import newsparse  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def parse_record(record: dict[str, Any]) -> dict[str, Any]:
    """The recipe's map function: keep every field but the text, add the parsed article."""
    article = newsparse.parse(record["text"])
    return {**{k: v for k, v in record.items() if k != "text"}, "article": article.to_dict()}


def _pages(count: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [f"Story {i}: a headline\n\n{seeds[i % len(seeds)]}\nMore {i}.\n" for i in range(count)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def test_the_cluster_has_two_worker_processes(client: Any) -> None:
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2
    assert os.getpid() not in pids.values()


def test_a_bag_of_files_matches_a_serial_run(client: Any, tmp_path: Path) -> None:
    paths = []
    for i, page in enumerate(_pages(12)):
        path = tmp_path / f"{i:03}.txt"
        path.write_text(page, encoding="utf-8")
        paths.append(str(path))
    bag = dask_bag.from_sequence(paths, npartitions=4).map(newsparse.parse_file)
    articles = bag.compute()
    assert articles == [newsparse.parse_file(path) for path in paths]
    assert [a.source for a in articles] == [Path(p).read_text(encoding="utf-8") for p in paths]


def test_a_bag_over_a_jsonl_dataset_matches_a_serial_run(client: Any, tmp_path: Path) -> None:
    records = [{"id": f"doc-{i}", "text": page} for i, page in enumerate(_pages(20))]
    for part in range(2):
        with (tmp_path / f"part-{part}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records[part * 10 : (part + 1) * 10]:
                handle.write(json.dumps(record) + "\n")
    bag = dask_bag.read_text(str(tmp_path / "part-*.jsonl")).map(json.loads).map(parse_record)
    out = tmp_path / "out"
    bag.map(json.dumps).to_textfiles(str(out / "*.jsonl"))
    written = [
        json.loads(line)
        for path in sorted(out.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert written == [parse_record(record) for record in records]
    rebuilt = [newsparse.Article.from_dict(row["article"]) for row in written]
    assert rebuilt == [newsparse.parse(record["text"]) for record in records]
