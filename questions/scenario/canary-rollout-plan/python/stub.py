import math  # noqa: F401
from typing import NamedTuple

DEFAULT_STEPS = (5, 25, 100)


class RolloutResult(NamedTuple):
    status: str  # "completed" or "rolled-back"
    final_percent: int
    events: list


def run_canary(version, router, metrics, clock, sleep, max_error_rate, bake_seconds, steps=DEFAULT_STEPS):
    """Shifts traffic to `version` step by step, baking and checking its error rate; rolls back on trouble.

    router.set_canary_percent(version, percent) moves traffic, metrics.error_rate(version) reads the error rate,
    clock() is the time now, sleep(seconds) waits. Returns a RolloutResult whose events are dicts.
    """
    raise NotImplementedError("run_canary")
