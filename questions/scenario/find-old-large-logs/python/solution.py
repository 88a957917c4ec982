import math
import os
import re
from collections import namedtuple

DAY_SECONDS = 24 * 60 * 60
# The whole name: *.log, *.log.<digits> or *.gz ([0-9], not \d; fullmatch, not $, which also matches before a final \n).
LOG_NAME = re.compile(r".*(?:\.log(?:\.[0-9]+)?|\.gz)", re.DOTALL)

# files: [(path, size)] largest first, equal sizes by path; total_bytes: their sum;
# skipped: [(path, str(error))] sorted by path.
Plan = namedtuple("Plan", "files total_bytes skipped")


def _check_limit(name, value):
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError("%s must be a finite number >= 0, got %r" % (name, value))


def plan_log_cleanup(root, *, now, older_than_days, min_bytes):
    """A dry-run plan of the old, large log files under root. Deletes nothing; never follows a symlink."""
    _check_limit("older_than_days", older_than_days)
    _check_limit("min_bytes", min_bytes)
    cutoff = now - older_than_days * DAY_SECONDS  # older: modified before this instant

    files = []
    skipped = []
    pending = [os.fspath(root)]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError as error:
            skipped.append((directory, str(error)))
            continue
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue  # never followed, never listed
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue  # sockets, fifos, devices
                info = entry.stat(follow_symlinks=False)
            except OSError as error:  # e.g. rotated away between the listing and the stat
                skipped.append((entry.path, str(error)))
                continue
            if LOG_NAME.fullmatch(entry.name) and info.st_mtime < cutoff and info.st_size > min_bytes:
                files.append((entry.path, info.st_size))

    files.sort(key=lambda found: (-found[1], found[0]))
    skipped.sort()
    return Plan(files, sum(size for _, size in files), skipped)
