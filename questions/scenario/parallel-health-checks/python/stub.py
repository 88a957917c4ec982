import time
from concurrent.futures import ThreadPoolExecutor  # noqa: F401
from typing import NamedTuple, Optional


class CheckResult(NamedTuple):
    url: str
    ok: bool
    status: Optional[int]
    error: Optional[str]
    cached: bool


class HealthChecker:
    """Checks URLs with at most `concurrency` requests in flight, caching results for `ttl` seconds."""

    def __init__(self, fetch_status, concurrency, ttl, timeout, clock=time.monotonic):
        raise NotImplementedError("HealthChecker")

    def check_all(self, urls):
        """One CheckResult per URL, in the order of urls."""
        raise NotImplementedError("check_all")
