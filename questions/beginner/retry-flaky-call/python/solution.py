import functools
import math
import sys
import time


def _warn(message):
    print(message, file=sys.stderr)


def _check(retries, wait_ms):
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 1:
        raise ValueError("retries must be an integer >= 1, got %r" % (retries,))
    if isinstance(wait_ms, bool) or not isinstance(wait_ms, (int, float)) or not math.isfinite(wait_ms) or wait_ms < 0:
        raise ValueError("wait_ms must be a finite number >= 0, got %r" % (wait_ms,))


def retry(fn, retries=3, wait_ms: float = 2000, sleep=time.sleep, log=_warn):
    """Calls fn() up to `retries` times; returns its first result, or None when every call raised."""
    _check(retries, wait_ms)
    for attempt in range(1, retries + 1):
        try:
            return fn()
        except Exception as error:  # not BaseException: Ctrl-C and sys.exit() stop the retrying
            if attempt == retries:
                log("Attempt %d/%d failed: %s; giving up" % (attempt, retries, error))
                break
            log("Attempt %d/%d failed: %s; retrying in %s ms" % (attempt, retries, error, wait_ms))
            sleep(wait_ms / 1000)  # time.sleep takes seconds: true division, 500 ms is 0.5 s
    return None


def retrying(retries=3, wait_ms: float = 2000, sleep=time.sleep, log=_warn):
    """Decorator: the decorated function is called through retry() with these settings."""
    _check(retries, wait_ms)

    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return retry(lambda: fn(*args, **kwargs), retries=retries, wait_ms=wait_ms, sleep=sleep, log=log)

        return wrapper

    return decorate
