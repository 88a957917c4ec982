import math
import re

KEY = re.compile(r"[^.\[\]]+")


def flatten(config):
    """Nested JSON config -> {"db.hosts[0]": "a", ...}. Raises TypeError/ValueError for what cannot be flattened."""
    if not isinstance(config, dict):
        raise TypeError("the config must be a dict, not %s" % type(config).__name__)
    flat = {}

    def walk(value, path):
        if value is None or isinstance(value, (str, bool)):
            flat[path] = value
        elif isinstance(value, (int, float)):
            if not math.isfinite(value):
                raise TypeError("%s: %r is not a JSON number" % (path, value))
            flat[path] = value
        elif isinstance(value, list):
            if not value:
                flat[path] = []
            for index, item in enumerate(value):
                walk(item, "%s[%d]" % (path, index))
        elif isinstance(value, dict):
            if not value and path:
                flat[path] = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    raise TypeError("%s: the key %r is not a string" % (path, key))
                if not KEY.fullmatch(key):
                    raise ValueError('key "%s" cannot be written in a flat path' % key)
                walk(item, key if not path else path + "." + key)
        else:
            raise TypeError("%s: %s is not a JSON value" % (path, type(value).__name__))

    walk(config, "")
    return flat
