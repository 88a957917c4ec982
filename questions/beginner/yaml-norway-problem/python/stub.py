import re  # noqa: F401


def must_quote(value):
    """True when value, written unquoted, might load as a bool, None or a number under YAML 1.1 or 1.2."""
    raise NotImplementedError("must_quote")
