import functools  # noqa: F401
import math  # noqa: F401
import sys
import time


def _warn(message):
    print(message, file=sys.stderr)


def retry(fn, retries=3, wait_ms: float = 2000, sleep=time.sleep, log=_warn):
    """Calls fn() up to `retries` times; returns its first result, or None when every call raised."""
    raise NotImplementedError("retry")


def retrying(retries=3, wait_ms: float = 2000, sleep=time.sleep, log=_warn):
    """Decorator: the decorated function is called through retry() with these settings."""
    raise NotImplementedError("retrying")
