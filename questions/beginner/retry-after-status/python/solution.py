import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int  # how many retries are allowed after the first request
    base_delay_ms: int  # backoff: base_delay_ms * 2 ** (retry - 1)
    max_delay_ms: int  # never wait longer than this


RETRYABLE = frozenset({429, 502, 503, 504})
HONOURS_RETRY_AFTER = frozenset({429, 503})


def _header(headers, name):
    """A plain dict is case-sensitive: compare the lower-cased names."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def retry_delay(status, headers, retry, policy):
    """Milliseconds to wait before retry number `retry`, or None when the request should not be retried."""
    if status not in RETRYABLE or retry > policy.max_retries:
        return None
    if status in HONOURS_RETRY_AFTER:
        value = _header(headers, "Retry-After")
        # fullmatch with [0-9]: int() would accept " 5", "+5", "1_0" and "٣"; \d and $ are looser too
        if value is not None and re.fullmatch(r"[0-9]+", value):
            wait_ms = int(value) * 1000
            return None if wait_ms > policy.max_delay_ms else wait_ms
    return min(policy.base_delay_ms * 2 ** (retry - 1), policy.max_delay_ms)
