"""The value axes of the report's charts: round steps, and no value above the last label."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports.charts import _range


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1_000_000.0, 1_155_000.0], (0, 1_200_000, 200_000)),  # labels reach over the top
        ([55_623.11, 1_337_095.37], (0, 1_400_000, 200_000)),
        ([-32_793.05, 200_000.0], (-50_000, 200_000, 50_000)),
        ([-251_000.0, -250_000.0], (-300_000, 0, 50_000)),
        ([0.0], (0, 1, 0.2)),
    ],
)
def test_the_axis_ends_on_round_steps_beyond_the_values(values, expected):
    low, high, step = _range(values)
    assert (low, high) == pytest.approx(expected[:2]) and step == pytest.approx(expected[2])


@given(st.lists(st.floats(-1e12, 1e12), min_size=1, max_size=20))
def test_every_value_and_zero_lie_within_at_most_eight_round_steps(values):
    low, high, step = _range(values)
    assert low <= min([0.0, *values]) and max([0.0, *values]) <= high
    assert 1 <= round((high - low) / step) <= 8
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in (1, 2, 2.5, 5)
