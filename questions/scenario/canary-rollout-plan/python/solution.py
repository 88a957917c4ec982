import math
from typing import NamedTuple

DEFAULT_STEPS = (5, 25, 100)  # a tuple: a default argument is built once and shared by every call


class RolloutResult(NamedTuple):
    status: str  # "completed" or "rolled-back"
    final_percent: int
    events: list


def _is_whole_percent(p):
    return isinstance(p, int) and not isinstance(p, bool) and 1 <= p <= 100


def _validate(steps, max_error_rate, bake_seconds):
    if len(steps) == 0:
        raise ValueError("steps must not be empty")
    for previous, p in zip([None] + list(steps), steps):
        if not _is_whole_percent(p):
            raise ValueError("steps: %r is not a whole percentage from 1 to 100" % (p,))
        if previous is not None and p <= previous:
            raise ValueError("steps must increase: %r then %r" % (previous, p))
    if steps[-1] != 100:
        raise ValueError("steps must end at 100")
    if not 0 <= max_error_rate <= 1:  # False for NaN too, unlike "x < 0 or x > 1"
        raise ValueError("max_error_rate must be between 0 and 1, got %r" % (max_error_rate,))
    if not bake_seconds >= 0:
        raise ValueError("bake_seconds must be at least 0, got %r" % (bake_seconds,))


def _is_finite_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def run_canary(version, router, metrics, clock, sleep, max_error_rate, bake_seconds, steps=DEFAULT_STEPS):
    """Shifts traffic to `version` step by step, baking and checking its error rate; rolls back on trouble."""
    _validate(steps, max_error_rate, bake_seconds)
    events = []

    def rollback(percent, reason):
        router.set_canary_percent(version, 0)
        events.append({"type": "rollback", "percent": percent, "reason": reason, "at": clock()})
        return RolloutResult("rolled-back", 0, events)

    for percent in steps:
        try:
            router.set_canary_percent(version, percent)
        except Exception as err:
            return rollback(percent, "traffic shift to %d%% failed: %s" % (percent, err))
        events.append({"type": "step", "percent": percent, "at": clock()})

        sleep(bake_seconds)

        try:
            rate = metrics.error_rate(version)
        except Exception as err:
            return rollback(percent, "metrics unavailable: %s" % (err,))
        events.append({"type": "check", "percent": percent, "error_rate": rate, "at": clock()})

        if not _is_finite_number(rate) or rate > max_error_rate:
            return rollback(percent, "error rate %r above limit %r at %d%%" % (rate, max_error_rate, percent))

    events.append({"type": "completed", "at": clock()})
    return RolloutResult("completed", 100, events)
