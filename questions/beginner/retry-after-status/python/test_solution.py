import dataclasses
import types

import pytest

from solution import RetryPolicy, retry_delay

POLICY = RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=60_000)


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_retries_the_retryable_statuses_with_exponential_backoff(status):
    got = [retry_delay(status, {}, retry, POLICY) for retry in [1, 2, 3, 4, 5]]
    assert got == [500, 1000, 2000, 4000, 8000]
    assert all(type(delay) is int for delay in got)


@pytest.mark.parametrize("status", [200, 201, 204, 301, 304, 400, 401, 403, 404, 408, 409, 413, 422, 428, 430, 500, 501, 505, 511, 599, 0])
def test_does_not_retry_other_statuses(status):
    assert retry_delay(status, {}, 1, POLICY) is None
    assert retry_delay(status, {"Retry-After": "1"}, 1, POLICY) is None


def test_stops_after_max_retries_and_the_last_allowed_one_still_waits():
    small = RetryPolicy(max_retries=3, base_delay_ms=100, max_delay_ms=10_000)
    assert retry_delay(503, {}, 3, small) == 400
    assert retry_delay(503, {}, 4, small) is None
    assert retry_delay(429, {"Retry-After": "2"}, 3, small) == 2000
    assert retry_delay(429, {"Retry-After": "2"}, 4, small) is None
    assert retry_delay(502, {}, 10, small) is None


def test_never_retries_when_max_retries_is_0():
    none = RetryPolicy(max_retries=0, base_delay_ms=100, max_delay_ms=10_000)
    assert retry_delay(503, {}, 1, none) is None
    assert retry_delay(429, {"Retry-After": "1"}, 1, none) is None


def test_caps_the_backoff_at_max_delay_ms():
    capped = RetryPolicy(max_retries=5000, base_delay_ms=1000, max_delay_ms=5000)
    assert [retry_delay(504, {}, retry, capped) for retry in [1, 2, 3, 4, 5, 6]] == [1000, 2000, 4000, 5000, 5000, 5000]
    assert retry_delay(504, {}, 2000, capped) == 5000
    exact = RetryPolicy(max_retries=10, base_delay_ms=250, max_delay_ms=1000)
    assert [retry_delay(502, {}, retry, exact) for retry in [1, 2, 3, 4]] == [250, 500, 1000, 1000]


def test_a_base_of_0_backs_off_as_0_and_a_cap_of_0_waits_0():
    assert retry_delay(503, {}, 3, RetryPolicy(max_retries=5, base_delay_ms=0, max_delay_ms=1000)) == 0
    assert retry_delay(503, {}, 3, RetryPolicy(max_retries=5, base_delay_ms=100, max_delay_ms=0)) == 0


def test_obeys_retry_after_seconds_on_429_and_503_whatever_the_retry_number():
    assert retry_delay(429, {"Retry-After": "7"}, 1, POLICY) == 7000
    assert retry_delay(503, {"Retry-After": "7"}, 1, POLICY) == 7000
    assert retry_delay(429, {"Retry-After": "3"}, 4, POLICY) == 3000
    long_cap = RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=200_000)
    got = retry_delay(503, {"Retry-After": "120"}, 2, long_cap)
    assert got == 120_000
    assert type(got) is int


def test_retry_after_0_waits_0_ms_and_leading_zeros_are_digits():
    assert retry_delay(429, {"Retry-After": "0"}, 3, POLICY) == 0
    assert retry_delay(503, {"Retry-After": "007"}, 1, POLICY) == 7000


@pytest.mark.parametrize("name", ["Retry-After", "retry-after", "RETRY-AFTER", "rEtRy-AfTeR"])
def test_finds_the_header_whatever_the_case_of_its_name(name):
    assert retry_delay(429, {"Content-Type": "text/plain", name: "9"}, 1, POLICY) == 9000


def test_ignores_other_headers_even_ones_whose_value_looks_like_a_wait():
    headers = {"X-Retry-After": "9", "Retry-After-Ms": "9", "RetryAfter": "9"}
    assert retry_delay(429, headers, 1, POLICY) == 500


def test_ignores_retry_after_on_502_and_504():
    assert retry_delay(502, {"Retry-After": "9"}, 1, POLICY) == 500
    assert retry_delay(504, {"retry-after": "30"}, 2, POLICY) == 1000
    assert retry_delay(504, {"Retry-After": "999"}, 1, POLICY) == 500


@pytest.mark.parametrize(
    "value",
    ["Wed, 21 Oct 2026 07:28:00 GMT", "1.5", "-1", "+5", " 5", "5 ", "5\n", "", "5s", "soon", "0x10", "1e3", "1_0", "\u0663", "\u00b2", "Infinity", "NaN"],
    ids=["http-date", "fraction", "negative", "plus", "leading-space", "trailing-space", "trailing-newline", "empty", "unit", "word", "hex", "exponent", "underscore", "arabic-indic-digit", "superscript-two", "infinity", "nan"],
)
def test_ignores_a_retry_after_value_that_is_not_just_ascii_digits(value):
    assert retry_delay(429, {"Retry-After": value}, 2, POLICY) == 1000
    assert retry_delay(503, {"retry-after": value}, 1, POLICY) == 500


def test_gives_up_when_retry_after_is_longer_than_the_cap_and_waits_when_it_is_exactly_the_cap():
    cap = RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=30_000)
    assert retry_delay(429, {"Retry-After": "30"}, 1, cap) == 30_000
    assert retry_delay(429, {"Retry-After": "31"}, 1, cap) is None
    assert retry_delay(503, {"Retry-After": "3600"}, 1, cap) is None
    assert retry_delay(503, {"Retry-After": "99999999999999999999"}, 1, cap) is None
    tight = RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=1500)
    assert retry_delay(429, {"Retry-After": "1"}, 1, tight) == 1000
    assert retry_delay(429, {"Retry-After": "2"}, 1, tight) is None
    assert retry_delay(429, {"Retry-After": "0"}, 1, RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=0)) == 0
    assert retry_delay(429, {"Retry-After": "1"}, 1, RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=999)) is None


def test_does_not_change_the_headers_or_the_policy():
    headers = {"Retry-After": "4"}
    read_only = types.MappingProxyType(headers)
    assert retry_delay(429, read_only, 1, POLICY) == 4000
    assert headers == {"Retry-After": "4"}
    assert POLICY == RetryPolicy(max_retries=5, base_delay_ms=500, max_delay_ms=60_000)


def test_the_policy_from_the_stub_is_read_only():
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(POLICY, "max_retries", 100)
