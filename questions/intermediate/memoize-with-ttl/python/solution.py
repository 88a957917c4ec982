import functools
import math
import time


def ttl_cache(ttl, *, clock=time.monotonic, key=None):
    """Decorator: caches each result for `ttl` seconds of `clock()`, counted from when the call returned."""
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or math.isnan(ttl) or ttl < 0:
        raise ValueError("ttl must be a number >= 0, got %r" % (ttl,))

    def decorate(fn):
        cache = {}  # one per decorated function: key -> (value, fresh_until)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            k = key(*args, **kwargs) if key is not None else (args, tuple(sorted(kwargs.items())))
            hit = cache.get(k)  # a tuple, so a cached None, 0 or "" is still a hit
            if hit is not None and clock() < hit[1]:
                return hit[0]
            value = fn(*args, **kwargs)  # an exception propagates and nothing is cached
            cache[k] = (value, clock() + ttl)  # fresh from when fn returned, not when it started
            return value

        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
