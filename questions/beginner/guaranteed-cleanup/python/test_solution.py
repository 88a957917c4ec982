import pytest

from solution import all_opened, held, opened


class Resource:
    def __init__(self, log, name="r", close_error=None):
        self.log = log
        self.name = name
        self.close_error = close_error

    def close(self):
        self.log.append("close " + self.name)
        if self.close_error is not None:
            raise self.close_error


def opener(log, name="r", close_error=None, open_error=None):
    def open_resource():
        log.append("open " + name)
        if open_error is not None:
            raise open_error
        return Resource(log, name, close_error)

    return open_resource


class Lock:
    def __init__(self, log, acquire_error=None):
        self.log = log
        self.acquire_error = acquire_error

    def acquire(self):
        self.log.append("acquire")
        if self.acquire_error is not None:
            raise self.acquire_error

    def release(self):
        self.log.append("release")


def test_opened_yields_the_resource_and_closes_it_once():
    log = []
    with opened(opener(log)) as resource:
        log.append("body")
        assert isinstance(resource, Resource)
    assert log == ["open r", "body", "close r"]


def test_a_failed_open_propagates_and_nothing_runs_or_closes():
    log = []
    error = OSError("no such host")
    with pytest.raises(OSError) as info:
        with opened(opener(log, open_error=error)):
            log.append("body")
    assert info.value is error
    assert log == ["open r"]


@pytest.mark.parametrize("error", [ValueError("bad"), KeyboardInterrupt(), SystemExit(3)], ids=["ValueError", "KeyboardInterrupt", "SystemExit"])
def test_the_body_error_propagates_itself_after_one_close(error):
    log = []
    with pytest.raises(type(error)) as info:
        with opened(opener(log)):
            log.append("body")
            raise error
    assert info.value is error
    assert log == ["open r", "body", "close r"]


def test_when_body_and_close_fail_the_body_error_wins_and_the_close_error_is_reported():
    log = []
    body_error = ValueError("body")
    close_error = OSError("flush failed")
    reported = []
    with pytest.raises(ValueError, match="^body$") as info:
        with opened(opener(log, close_error=close_error), on_close_error=reported.append):
            raise body_error
    assert info.value is body_error
    assert reported == [close_error]
    assert reported[0] is close_error
    assert log == ["open r", "close r"]


def test_without_a_callback_the_body_error_still_wins():
    log = []
    with pytest.raises(ValueError, match="body"):
        with opened(opener(log, close_error=OSError("flush failed"))):
            raise ValueError("body")
    assert log == ["open r", "close r"]


def test_when_only_close_fails_the_close_error_propagates_after_one_close():
    log = []
    close_error = OSError("flush failed")
    reported = []
    with pytest.raises(OSError, match="flush failed") as info:
        with opened(opener(log, close_error=close_error), on_close_error=reported.append):
            log.append("body")
    assert info.value is close_error
    assert reported == []
    assert log == ["open r", "body", "close r"]


def test_held_acquires_before_and_releases_after_the_body():
    log = []
    lock = Lock(log)
    with held(lock) as got:
        log.append("body")
        assert got is lock
    assert log == ["acquire", "body", "release"]


def test_held_releases_and_lets_the_body_error_through():
    log = []
    error = RuntimeError("deploy failed")
    with pytest.raises(RuntimeError) as info:
        with held(Lock(log)):
            raise error
    assert info.value is error
    assert log == ["acquire", "release"]


def test_held_never_releases_a_lock_it_did_not_get():
    log = []
    with pytest.raises(TimeoutError, match="busy"):
        with held(Lock(log, acquire_error=TimeoutError("busy"))):
            log.append("body")
    assert log == ["acquire"]


def test_all_opened_opens_in_order_and_closes_newest_first():
    log = []
    with all_opened([opener(log, "a"), opener(log, "b"), opener(log, "c")]) as resources:
        assert [r.name for r in resources] == ["a", "b", "c"]
        log.append("body")
    assert log == ["open a", "open b", "open c", "body", "close c", "close b", "close a"]


def test_all_opened_closes_what_it_opened_when_a_later_open_fails():
    log = []
    with pytest.raises(ConnectionError, match="db down"):
        with all_opened([opener(log, "a"), opener(log, "b"), opener(log, "c", open_error=ConnectionError("db down")), opener(log, "d")]):
            log.append("body")
    assert log == ["open a", "open b", "open c", "close b", "close a"]


def test_all_opened_closes_everything_when_the_body_fails_even_if_a_close_fails():
    log = []
    reported = []
    close_error = OSError("b stuck")
    with pytest.raises(KeyError):
        with all_opened([opener(log, "a"), opener(log, "b", close_error=close_error), opener(log, "c")], on_close_error=reported.append):
            raise KeyError("x")
    assert log == ["open a", "open b", "open c", "close c", "close b", "close a"]
    assert reported == [close_error]


def test_all_opened_with_no_openers_yields_an_empty_list():
    with all_opened([]) as resources:
        assert resources == []
