import math

import pytest

from solution import disk_usage_level

NAN = math.nan
INF = math.inf


@pytest.mark.parametrize("used, total", [(0, 100), (50, 100), (79, 100), (7999, 10000), (795, 1000), (1, 3)])
def test_is_ok_below_the_warning_threshold_80_by_default(used, total):
    assert disk_usage_level(used, total) == "ok"


@pytest.mark.parametrize("used, total", [(80, 100), (4, 5), (8001, 10000), (85, 100), (89, 100), (8999, 10000), (895, 1000), (5, 6)])
def test_is_a_warning_from_exactly_80_up_to_just_below_90(used, total):
    assert disk_usage_level(used, total) == "warning"


@pytest.mark.parametrize("used, total", [(90, 100), (9, 10), (9001, 10000), (95, 100), (100, 100), (1, 1)])
def test_is_critical_from_exactly_90_up_to_a_full_disk(used, total):
    assert disk_usage_level(used, total) == "critical"


def test_works_on_real_volume_sizes_and_fractional_byte_counts():
    total = 512 * 1024 ** 3
    assert disk_usage_level(total // 2, total) == "ok"
    assert disk_usage_level(total * 0.8, total) == "warning"
    assert disk_usage_level(total, total) == "critical"
    assert disk_usage_level(12.5, 25) == "ok"
    assert disk_usage_level(20.5, 25) == "warning"
    assert disk_usage_level(22.5, 25) == "critical"
    assert disk_usage_level(0.5, 1) == "ok"


def test_uses_the_thresholds_it_is_given_on_both_sides_of_each():
    assert disk_usage_level(49, 100, warning=50, critical=75) == "ok"
    assert disk_usage_level(50, 100, warning=50, critical=75) == "warning"
    assert disk_usage_level(74, 100, warning=50, critical=75) == "warning"
    assert disk_usage_level(75, 100, warning=50, critical=75) == "critical"
    assert disk_usage_level(85, 100, 50, 75) == "critical"
    assert disk_usage_level(85, 100, critical=95) == "warning"
    assert disk_usage_level(70, 100, warning=60) == "warning"


def test_accepts_the_widest_and_fractional_thresholds():
    widest = {"warning": 0.5, "critical": 100}
    assert disk_usage_level(0, 100, **widest) == "ok"
    assert disk_usage_level(0.25, 100, **widest) == "ok"
    assert disk_usage_level(0.5, 100, **widest) == "warning"
    assert disk_usage_level(99.5, 100, **widest) == "warning"
    assert disk_usage_level(100, 100, **widest) == "critical"
    halves = {"warning": 12.5, "critical": 37.5}
    assert disk_usage_level(12, 100, **halves) == "ok"
    assert disk_usage_level(12.5, 100, **halves) == "warning"
    assert disk_usage_level(37, 100, **halves) == "warning"
    assert disk_usage_level(37.5, 100, **halves) == "critical"
    assert disk_usage_level(1, 100, warning=1, critical=2) == "warning"


@pytest.mark.parametrize("total", [0, 0.0, -0.0, -1, -100, NAN, INF, -INF])
def test_raises_valueerror_for_a_total_that_is_not_a_finite_number_above_0(total):
    with pytest.raises(ValueError, match="total_bytes"):
        disk_usage_level(0, total)


def test_accepts_a_total_below_one_byte():
    assert disk_usage_level(0, 0.5) == "ok"
    assert disk_usage_level(0.5, 0.5) == "critical"


@pytest.mark.parametrize("used", [-1, -0.5, 100.5, 101, 1000, NAN, INF, -INF])
def test_raises_valueerror_for_a_used_amount_outside_0_to_the_total(used):
    with pytest.raises(ValueError, match="used_bytes"):
        disk_usage_level(used, 100)


def test_accepts_the_ends_of_the_used_range():
    assert disk_usage_level(-0.0, 100) == "ok"
    assert disk_usage_level(0, 100) == "ok"
    assert disk_usage_level(100, 100) == "critical"


@pytest.mark.parametrize(
    "warning, critical",
    [(0, 90), (-10, 90), (90, 90), (95, 90), (80, 100.5), (80, 150), (NAN, 90), (80, NAN), (-INF, 90), (80, INF), (NAN, NAN)],
)
def test_raises_valueerror_for_thresholds_outside_0_lt_warning_lt_critical_le_100(warning, critical):
    with pytest.raises(ValueError, match="thresholds"):
        disk_usage_level(50, 100, warning=warning, critical=critical)
    with pytest.raises(ValueError, match="thresholds"):
        disk_usage_level(0, 100, warning=warning, critical=critical)


def test_accepts_thresholds_just_inside_the_limits():
    assert disk_usage_level(50, 100, warning=89.5, critical=90) == "ok"
    assert disk_usage_level(95, 100, warning=80, critical=100) == "warning"
