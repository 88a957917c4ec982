import math


def disk_usage_level(used_bytes: float, total_bytes: float, warning: float = 80, critical: float = 90) -> str:
    """'ok', 'warning' or 'critical' for a volume with used_bytes of total_bytes in use; warning and critical
    are percentages. Raises ValueError for bad input."""
    raise NotImplementedError("disk_usage_level")
