"""Hostile inputs cost no more than ordinary text of the same size (see benchmarks/adversarial.py).

Each stage is timed on its own and held to its own bound: the structure parser against the
structure parser on a normal page, the extractors against the extractors on a normal page read
as prose.  A full-parse ratio would let a super-linear stage hide behind a cheap one, and would
drift whenever one stage got faster on ordinary pages alone.  The bound is a ratio to a normal
page of the same size, not an absolute time, so it holds on a slow or busy machine.  The
full-size (10 MB) figures come from the benchmark; here 200,000 characters keep the suite quick
while still exposing anything quadratic.
"""

from __future__ import annotations

import string

import pytest
from benchmarks.adversarial import (
    CASES,
    LINE_HEAVY,
    baseline_times,
    best_time,
    normal_page,
    stage_times,
    varied_page,
)

import newsparse

SIZE = 200_000
LIMIT = 3.0


@pytest.fixture(scope="module")
def baseline() -> dict[str, float]:
    return baseline_times(SIZE, repeat=3)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_costs_each_stage_within_3x_a_normal_page(
    name: str, baseline: dict[str, float]
) -> None:
    text = CASES[name](SIZE)
    article = newsparse.parse(text)
    assert sum(len(block.span) for block in article.blocks) == len(text)
    times = stage_times(text, repeat=3)
    assert set(times) == set(baseline)
    for stage, seconds in times.items():
        ratio = seconds / baseline[stage]
        assert ratio < LIMIT, (
            f"{name}: the {stage} took {ratio:.2f}x a normal page of the same size"
        )


@pytest.mark.parametrize("name", sorted(LINE_HEAVY))
def test_many_short_lines_scale_linearly(name: str) -> None:
    small = best_time(LINE_HEAVY[name](SIZE // 4), repeat=3)
    large = best_time(LINE_HEAVY[name](SIZE), repeat=3)
    # Linear work grows 4x and quadratic work 16x; the bound between them leaves room for a
    # busy machine, whose cache misses weigh more on the larger input.
    ratio = large / small
    assert ratio < 7.0, f"{name}: four times the input took {ratio:.2f}x the time"


def test_the_varied_page_has_the_normal_page_shape_without_its_repeats() -> None:
    normal, varied = normal_page(SIZE), varied_page(SIZE)
    assert len(varied) == len(normal)
    shape = str.maketrans(string.ascii_lowercase, "a" * 26)
    assert varied.translate(shape) == normal.translate(shape)
    lines = [line for line in varied.splitlines() if len(line) > 40]
    assert len(set(lines)) > 0.9 * len(lines)
