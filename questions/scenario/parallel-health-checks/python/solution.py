import time
from concurrent.futures import ThreadPoolExecutor
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
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError("concurrency must be a whole number >= 1, got %r" % (concurrency,))
        self._fetch_status = fetch_status
        self._concurrency = concurrency
        self._ttl = ttl
        self._timeout = timeout
        self._clock = clock
        self._cache = {}  # url -> (stored_at, result)

    def _check_one(self, url):
        hit = self._cache.get(url)
        if hit is not None and self._clock() < hit[0] + self._ttl:
            return hit[1]._replace(cached=True)
        try:
            status = self._fetch_status(url, timeout=self._timeout)
        except Exception as error:  # a failed endpoint is data; KeyboardInterrupt and SystemExit still propagate
            return CheckResult(url, False, None, str(error), False)
        result = CheckResult(url, 200 <= status <= 299, status, None, False)
        self._cache[url] = (self._clock(), result)  # stamped when the answer is stored
        return result

    def check_all(self, urls):
        """One CheckResult per URL, in the order of urls."""
        with ThreadPoolExecutor(max_workers=self._concurrency) as pool:
            # map submits in input order and yields the results in input order, whatever finishes first.
            return list(pool.map(self._check_one, urls))
