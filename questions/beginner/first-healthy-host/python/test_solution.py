import pytest

from solution import first_healthy_host


class Checker:
    """A fake health check: records every name it is asked about. A verdict is True, False or an exception to
    raise; a host without a verdict is unhealthy."""

    def __init__(self, verdicts):
        self.verdicts = verdicts
        self.calls = []

    def __call__(self, name):
        self.calls.append(name)
        verdict = self.verdicts.get(name, False)
        if isinstance(verdict, BaseException):
            raise verdict
        return verdict


def hosts(*names):
    return [{"name": name} for name in names]


def test_takes_the_first_host_when_it_is_healthy_and_checks_nothing_after_it():
    check = Checker({"db-1": True, "db-2": True})
    assert first_healthy_host(hosts("db-1", "db-2", "db-3"), check) == ("db-1", ["db-1"])
    assert check.calls == ["db-1"]


def test_moves_past_unhealthy_hosts_and_stops_at_the_first_healthy_one():
    check = Checker({"db-1": False, "db-2": False, "db-3": True, "db-4": True})
    assert first_healthy_host(hosts("db-1", "db-2", "db-3", "db-4"), check) == ("db-3", ["db-1", "db-2", "db-3"])
    assert check.calls == ["db-1", "db-2", "db-3"]


def test_skips_hosts_in_maintenance_without_checking_them_even_a_healthy_one():
    check = Checker({"db-1": True, "db-2": False, "db-3": True})
    listed = [{"name": "db-1", "maintenance": True}, {"name": "db-2"}, {"name": "db-3", "maintenance": False}]
    assert first_healthy_host(listed, check) == ("db-3", ["db-2", "db-3"])
    assert check.calls == ["db-2", "db-3"]


def test_skips_a_maintenance_host_between_unhealthy_ones_and_keeps_going():
    check = Checker({"a": False, "b": True, "c": False, "d": True})
    listed = [{"name": "a"}, {"name": "b", "maintenance": True}, {"name": "c"}, {"name": "d"}]
    assert first_healthy_host(listed, check) == ("d", ["a", "c", "d"])
    assert check.calls == ["a", "c", "d"]


def test_finds_a_healthy_host_in_last_place():
    check = Checker({"eu-3": True})
    assert first_healthy_host(hosts("eu-1", "eu-2", "eu-3"), check) == ("eu-3", ["eu-1", "eu-2", "eu-3"])


def test_returns_none_after_checking_every_host_once_when_none_is_healthy():
    check = Checker({"a": False, "b": False})
    listed = [{"name": "a"}, {"name": "m", "maintenance": True}, {"name": "b"}]
    assert first_healthy_host(listed, check) == (None, ["a", "b"])
    assert check.calls == ["a", "b"]


def test_returns_none_when_only_maintenance_hosts_follow_the_last_unhealthy_one():
    check = Checker({"a": False, "z": True})
    assert first_healthy_host([{"name": "a"}, {"name": "z", "maintenance": True}], check) == (None, ["a"])


def test_returns_none_without_any_check_for_an_empty_list_or_all_in_maintenance():
    check = Checker({"a": True, "b": True})
    assert first_healthy_host([], check) == (None, [])
    every = [{"name": "a", "maintenance": True}, {"name": "b", "maintenance": True}]
    assert first_healthy_host(every, check) == (None, [])
    assert check.calls == []


def test_counts_a_check_that_raises_as_unhealthy_and_goes_on():
    check = Checker({"a": ConnectionRefusedError("connection refused"), "b": ValueError("bad reply"), "c": True})
    assert first_healthy_host(hosts("a", "b", "c", "d"), check) == ("c", ["a", "b", "c"])
    assert check.calls == ["a", "b", "c"]


def test_counts_any_exception_class_as_unhealthy():
    verdicts = {"a": TimeoutError("timed out"), "b": KeyError("status"), "c": RuntimeError("boom"), "d": OSError(113, "no route"), "e": True}
    check = Checker(verdicts)
    assert first_healthy_host(hosts("a", "b", "c", "d", "e", "f"), check) == ("e", ["a", "b", "c", "d", "e"])


def test_returns_none_when_every_check_raises():
    check = Checker({"a": TimeoutError("timeout"), "b": ConnectionError("refused")})
    assert first_healthy_host(hosts("a", "b"), check) == (None, ["a", "b"])
    assert check.calls == ["a", "b"]


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt(), SystemExit(1)], ids=["KeyboardInterrupt", "SystemExit"])
def test_lets_keyboardinterrupt_and_systemexit_through_and_checks_no_further(interrupt):
    check = Checker({"a": False, "b": interrupt, "c": True})
    with pytest.raises(type(interrupt)):
        first_healthy_host(hosts("a", "b", "c"), check)
    assert check.calls == ["a", "b"]


def test_lists_in_checked_exactly_the_names_passed_to_is_healthy_in_order():
    check = Checker({"web-9": True})
    listed = [
        {"name": "web-3"},
        {"name": "web-1", "maintenance": True},
        {"name": "web-7", "maintenance": False},
        {"name": "web-2"},
        {"name": "web-9"},
        {"name": "web-4"},
    ]
    host, checked = first_healthy_host(listed, check)
    assert host == "web-9"
    assert checked == ["web-3", "web-7", "web-2", "web-9"]
    assert checked == check.calls
