import json
import re
from collections import Counter, defaultdict  # noqa: F401


def count_errors(lines):
    """service -> error type -> count, as plain dicts in first-seen order."""
    raise NotImplementedError("count_errors")


def to_json_report(counts):
    """Two-space indented JSON, services and error types sorted by name."""
    raise NotImplementedError("to_json_report")
