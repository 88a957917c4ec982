import math  # noqa: F401
import re  # noqa: F401


def flatten(config):
    """Nested JSON config -> {"db.hosts[0]": "a", ...}. Raises TypeError/ValueError for what cannot be flattened."""
    raise NotImplementedError("flatten")
