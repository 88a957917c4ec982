import math

import pytest

from solution import RolloutResult, run_canary

START = 1000


class World:
    """A fake platform: every call goes to `calls`; sleep moves the fake clock, and so do the router (7 s a call)
    and the metrics read (3 s), so an event recorded before its call returned has the wrong `at`."""

    def __init__(self, rates=(), fail_shift_at=None, shift_error=None):
        self.rates = list(rates)
        self.fail_shift_at = fail_shift_at
        self.shift_error = shift_error if shift_error is not None else ConnectionError("ingress API returned 503")
        self.calls = []
        self.now = START
        self.checks = 0
        self.current = 0

    # router
    def set_canary_percent(self, version, percent):
        self.calls.append("set %s %s" % (version, percent))
        self.now += 7
        if percent == self.fail_shift_at:
            raise self.shift_error
        self.current = percent

    # metrics
    def error_rate(self, version):
        self.calls.append("check %s" % version)
        self.now += 3
        value = self.rates[self.checks] if self.checks < len(self.rates) else 0.001
        self.checks += 1
        if isinstance(value, Exception):
            raise value
        return value

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.calls.append("sleep %s" % seconds)
        self.now += seconds


def run(world, version="v2", max_error_rate=0.05, bake_seconds=60, **kwargs):
    return run_canary(
        version, router=world, metrics=world, clock=world.clock, sleep=world.sleep,
        max_error_rate=max_error_rate, bake_seconds=bake_seconds, **kwargs
    )


def types(result):
    return [event["type"] for event in result.events]


def last_reason(result):
    last = result.events[-1]
    assert last["type"] == "rollback"
    assert isinstance(last["reason"], str)
    return last["reason"]


def test_walks_5_25_100_baking_and_checking_after_every_step():
    w = World()
    result = run(w)
    assert (result.status, result.final_percent) == ("completed", 100)
    assert isinstance(result, RolloutResult)
    assert w.calls == [
        "set v2 5", "sleep 60", "check v2",
        "set v2 25", "sleep 60", "check v2",
        "set v2 100", "sleep 60", "check v2",
    ]
    assert w.current == 100


def test_records_a_structured_event_log_each_at_read_after_its_call_returned():
    w = World(rates=[0.01, 0.02, 0.03])
    result = run(w, version="v3", steps=[10, 100], bake_seconds=500)
    assert w.calls == ["set v3 10", "sleep 500", "check v3", "set v3 100", "sleep 500", "check v3"]
    assert result == RolloutResult("completed", 100, [
        {"type": "step", "percent": 10, "at": 1007},
        {"type": "check", "percent": 10, "error_rate": 0.01, "at": 1510},
        {"type": "step", "percent": 100, "at": 1517},
        {"type": "check", "percent": 100, "error_rate": 0.02, "at": 2020},
        {"type": "completed", "at": 2020},
    ])


def test_uses_the_given_steps_a_single_100_included_and_sleeps_0_when_bake_seconds_is_0():
    w = World()
    assert run(w, steps=(100,), bake_seconds=0).status == "completed"
    assert w.calls == ["set v2 100", "sleep 0", "check v2"]


def test_rolls_traffic_back_to_0_and_stops_when_the_error_rate_breaches_the_limit():
    w = World(rates=[0.01, 0.09])
    result = run(w)
    assert (result.status, result.final_percent, w.current) == ("rolled-back", 0, 0)
    assert w.calls == ["set v2 5", "sleep 60", "check v2", "set v2 25", "sleep 60", "check v2", "set v2 0"]
    assert types(result) == ["step", "check", "step", "check", "rollback"]
    assert result.events[3] == {"type": "check", "percent": 25, "error_rate": 0.09, "at": START + 2 * (7 + 60 + 3)}
    rollback = result.events[4]
    assert (rollback["percent"], rollback["at"]) == (25, START + 2 * (7 + 60 + 3) + 7)  # after traffic moved back


def test_names_the_measured_rate_and_the_limit_as_plain_numbers_in_a_breach_reason():
    result = run(World(rates=[0.37]), max_error_rate=0.125, bake_seconds=10)
    reason = last_reason(result)
    assert "0.37" in reason
    assert "0.125" in reason


def test_rolls_back_at_the_first_step_too_and_never_goes_further():
    w = World(rates=[0.5])
    result = run(w)
    assert (result.status, result.final_percent) == ("rolled-back", 0)
    assert w.calls == ["set v2 5", "sleep 60", "check v2", "set v2 0"]
    assert result.events[-1]["percent"] == 5


@pytest.mark.parametrize(
    "limit, rates, status",
    [
        (0.05, [0.05, 0.05, 0.05], "completed"),
        (0.05, [0.05, 0.0500001], "rolled-back"),
        (0, [0, 0, 0], "completed"),
        (0, [0, 0.000001], "rolled-back"),
        (1, [1, 1, 1], "completed"),
    ],
    ids=["at-the-limit", "just-above", "zero-limit", "zero-limit-breached", "limit-of-1"],
)
def test_a_rate_exactly_at_the_limit_is_healthy_and_just_above_is_a_breach(limit, rates, status):
    assert run(World(rates=rates), max_error_rate=limit, bake_seconds=1).status == status


def test_rolls_back_when_metrics_cannot_be_read_instead_of_assuming_all_is_well():
    w = World(rates=[0.01, ConnectionRefusedError("prometheus: connection refused")])
    result = run(w)
    assert (result.status, result.final_percent, w.current) == ("rolled-back", 0, 0)
    assert w.calls[-2:] == ["check v2", "set v2 0"]
    assert types(result) == ["step", "check", "step", "rollback"]
    assert result.events[3]["percent"] == 25
    assert "prometheus: connection refused" in last_reason(result)


@pytest.mark.parametrize(
    "reading",
    [math.nan, math.inf, -math.inf, None, "0.01"],
    ids=["nan", "inf", "minus-inf", "none", "a-numeric-string"],
)
def test_a_reading_that_is_not_a_finite_number_is_a_breach(reading):
    w = World(rates=[reading])
    result = run(w)
    assert result.status == "rolled-back"
    assert w.calls == ["set v2 5", "sleep 60", "check v2", "set v2 0"]
    assert types(result) == ["step", "check", "rollback"]


def test_rolls_back_when_a_traffic_shift_fails_with_no_step_event_for_it():
    w = World(fail_shift_at=25)
    result = run(w)
    assert (result.status, result.final_percent) == ("rolled-back", 0)
    assert w.calls == ["set v2 5", "sleep 60", "check v2", "set v2 25", "set v2 0"]
    assert types(result) == ["step", "check", "rollback"]
    assert (result.events[2]["percent"], result.events[2]["at"]) == (25, START + 70 + 14)
    assert "ingress API returned 503" in last_reason(result)


def test_rolls_back_when_the_first_shift_fails():
    w = World(fail_shift_at=5, shift_error=PermissionError("quota exceeded"))
    result = run(w)
    assert result.status == "rolled-back"
    assert w.calls == ["set v2 5", "set v2 0"]
    assert types(result) == ["rollback"]
    assert result.events[0]["percent"] == 5
    assert "quota exceeded" in last_reason(result)


@pytest.mark.parametrize(
    "bad, setting",
    [
        (dict(steps=[]), "steps"),
        (dict(steps=[5, 25]), "steps"),
        (dict(steps=[25, 5, 100]), "steps"),
        (dict(steps=[25, 25, 100]), "steps"),
        (dict(steps=[50, 100, 100]), "steps"),
        (dict(steps=[50, 150]), "steps"),
        (dict(steps=[101, 100]), "steps"),
        (dict(steps=[0, 100]), "steps"),
        (dict(steps=[-5, 100]), "steps"),
        (dict(steps=[2.5, 100]), "steps"),
        (dict(steps=[0.5, 100]), "steps"),
        (dict(steps=[math.nan, 100]), "steps"),
        (dict(steps=[5, math.inf]), "steps"),
        (dict(steps=[True, 100]), "steps"),
        (dict(max_error_rate=5), "max_error_rate"),
        (dict(max_error_rate=1.01), "max_error_rate"),
        (dict(max_error_rate=-0.01), "max_error_rate"),
        (dict(max_error_rate=math.nan), "max_error_rate"),
        (dict(bake_seconds=-1), "bake_seconds"),
        (dict(bake_seconds=math.nan), "bake_seconds"),
    ],
    ids=[
        "no-steps", "stops-short-of-100", "backwards", "repeated-step", "repeated-100", "above-100",
        "101-before-100", "step-of-0", "negative-step", "fractional-step", "fractional-below-1", "nan-step",
        "inf-step", "bool-step", "limit-above-1", "limit-just-above-1", "negative-limit", "nan-limit",
        "negative-bake", "nan-bake",
    ],
)
def test_rejects_a_bad_plan_with_value_error_naming_the_setting_before_touching_traffic(bad, setting):
    w = World()
    with pytest.raises(ValueError, match=setting):
        run(w, **bad)
    assert w.calls == []


@pytest.mark.parametrize(
    "good",
    [dict(steps=[1, 100], max_error_rate=0, bake_seconds=0), dict(steps=[1, 2, 99, 100], max_error_rate=1, bake_seconds=0)],
    ids=["1-and-100", "1-2-99-100"],
)
def test_accepts_the_edges_of_a_valid_plan(good):
    w = World(rates=[0, 0, 0, 0])
    assert run(w, **good).status == "completed"
    assert [c for c in w.calls if c.startswith("set")] == ["set v2 %d" % p for p in good["steps"]]
