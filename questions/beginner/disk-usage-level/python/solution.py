import math


def disk_usage_level(used_bytes: float, total_bytes: float, warning: float = 80, critical: float = 90) -> str:
    """'ok', 'warning' or 'critical' for a volume with used_bytes of total_bytes in use; warning and critical
    are percentages. Raises ValueError for bad input."""
    if not math.isfinite(total_bytes) or total_bytes <= 0:
        raise ValueError("total_bytes must be a finite number > 0, got %r" % (total_bytes,))
    if not math.isfinite(used_bytes) or not 0 <= used_bytes <= total_bytes:
        raise ValueError("used_bytes must be a finite number from 0 to %r, got %r" % (total_bytes, used_bytes))
    # A chained comparison; NaN fails every comparison and an infinity fails one, so non-finite values are refused.
    if not 0 < warning < critical <= 100:
        raise ValueError("thresholds must satisfy 0 < warning < critical <= 100, got %r and %r" % (warning, critical))
    percent = used_bytes / total_bytes * 100
    if percent >= critical:
        return "critical"
    if percent >= warning:
        return "warning"
    return "ok"
