import functools
import math
import time


def ttl_cache(ttl, *, clock=time.monotonic, key=None):
    """Decorator: caches each result for `ttl` seconds of `clock()`, counted from when the call returned.

    @ttl_cache(30, clock=time.monotonic) def resolve(host): ...   resolve.cache_clear() forgets everything.
    key: optional function of the call's arguments giving the cache key; default: all the arguments.
    """
    raise NotImplementedError("ttl_cache")
