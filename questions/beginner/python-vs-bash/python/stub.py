import re  # noqa: F401
from collections import Counter  # noqa: F401
from typing import NamedTuple


class StatusSummary(NamedTuple):
    top: list  # (status, count) pairs
    malformed: int


def top_status_codes(lines, n):
    """The n most frequent status codes, highest count first, ties by the lower code; plus the malformed count."""
    raise NotImplementedError("top_status_codes")
