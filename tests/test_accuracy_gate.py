"""The accuracy gate: quality on the labelled dev corpora may not fall below pinned floors.

Each ``benchmarks/floors/<name>.json`` pins ``{"area", "corpus", "floors": {metric: floor}}``
where ``corpus`` is relative to ``../shared/corpus`` and a metric is a dotted path into the
scorer's JSON output.  Floors are raised as newsparse improves and only lowered with a reason
given in the commit that does it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from benchmarks.accuracy import score

from tests.conftest import ROOT, shared_path

FLOOR_FILES = sorted((ROOT / "benchmarks" / "floors").glob("*.json"))
CASES = [
    pytest.param(path, metric, floor, id=f"{path.stem}:{metric}")
    for path in FLOOR_FILES
    for metric, floor in json.loads(path.read_text(encoding="utf-8"))["floors"].items()
]


@cache
def _metrics(area: str, corpus: str) -> dict[str, Any]:
    return score(area, shared_path("corpus", *corpus.split("/")))


def _lookup(metrics: dict[str, Any], dotted: str) -> float:
    value: Any = metrics
    for key in dotted.split("."):
        value = value[key]
    return float(value)


@pytest.mark.corpus
@pytest.mark.parametrize(("floor_file", "metric", "floor"), CASES)
def test_metric_is_not_below_its_floor(floor_file: Path, metric: str, floor: float) -> None:
    spec = json.loads(floor_file.read_text(encoding="utf-8"))
    metrics = _metrics(spec["area"], spec["corpus"])
    assert _lookup(metrics, metric) >= floor, (
        f"{spec['area']} {metric} fell below its floor {floor}"
    )
