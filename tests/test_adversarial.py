"""Hostile inputs cost no more than ordinary text of the same size (see benchmarks/adversarial.py).

The bound is a ratio to a normal page of the same size, not an absolute time, so it holds on a
slow or busy machine.  The full-size (10 MB) figures come from the benchmark; here 200,000
characters keep the suite quick while still exposing anything quadratic.
"""

from __future__ import annotations

import pytest
from benchmarks.adversarial import CASES, LINE_HEAVY, best_time, normal_page

import newsparse

SIZE = 200_000
LIMIT = 3.0


@pytest.fixture(scope="module")
def baseline() -> float:
    return best_time(normal_page(SIZE), repeat=3)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_parsed_within_3x_a_normal_page(name: str, baseline: float) -> None:
    text = CASES[name](SIZE)
    article = newsparse.parse(text)
    assert sum(len(block.span) for block in article.blocks) == len(text)
    ratio = best_time(text, repeat=3) / baseline
    assert ratio < LIMIT, f"{name}: {ratio:.2f}x a normal page of the same size"


@pytest.mark.parametrize("name", sorted(LINE_HEAVY))
def test_many_short_lines_scale_linearly(name: str) -> None:
    small = best_time(LINE_HEAVY[name](SIZE // 2), repeat=3)
    large = best_time(LINE_HEAVY[name](SIZE), repeat=3)
    # Linear work doubles; quadratic work would take four times as long.
    assert large / small < 3.0, f"{name}: doubling the input took {large / small:.2f}x the time"
