import re
from collections import Counter
from typing import NamedTuple

STATUS = re.compile(r"[1-5][0-9][0-9]", re.ASCII)


class StatusSummary(NamedTuple):
    top: list  # (status, count) pairs
    malformed: int


def parse_status(line):
    """The status code after the first quoted section, or None when the line has none."""
    open_quote = line.find('"')
    if open_quote < 0:
        return None
    close_quote = line.find('"', open_quote + 1)
    if close_quote < 0:
        return None
    rest = line[close_quote + 1:].split()  # split() with no argument: any run of whitespace, none empty
    if not rest or not STATUS.fullmatch(rest[0]):
        return None
    return int(rest[0])


def top_status_codes(lines, n):
    """The n most frequent status codes, highest count first, ties by the lower code; plus the malformed count."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("n must be a non-negative integer, got %r" % (n,))
    counts = Counter()
    malformed = 0
    for line in lines:
        if not line.strip():
            continue
        status = parse_status(line)
        if status is None:
            malformed += 1
        else:
            counts[status] += 1
    # most_common() orders ties by first appearance: sort by (-count, status) instead.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return StatusSummary(ranked[:n], malformed)
