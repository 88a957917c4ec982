import math
import os
import re
from collections import namedtuple

# files: [(path, size)] largest first, equal sizes by path; total_bytes: their sum;
# skipped: [(path, str(error))] sorted by path.
Plan = namedtuple("Plan", "files total_bytes skipped")


def plan_log_cleanup(root, *, now, older_than_days, min_bytes):
    """A dry-run plan of the old, large log files under root. Deletes nothing; never follows a symlink."""
    raise NotImplementedError("plan_log_cleanup")
