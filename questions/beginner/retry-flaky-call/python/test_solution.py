import pytest

from solution import retry, retrying


class Flaky:
    """A fake network call that raises `failures` times, then returns `value`."""

    def __init__(self, failures, value="ok", events=None, error=None):
        self.failures = failures
        self.value = value
        self.events = events if events is not None else []
        self.error = error or TimeoutError("timeout")
        self.calls = 0

    def __call__(self):
        self.calls += 1
        self.events.append("call %d" % self.calls)
        if self.calls <= self.failures:
            raise self.error
        return self.value


class Recorder:
    def __init__(self, events=None):
        self.events = events if events is not None else []
        self.sleeps = []
        self.logs = []

    def sleep(self, seconds):
        self.events.append("sleep %s" % seconds)
        self.sleeps.append(seconds)

    def log(self, message):
        self.logs.append(message)


def test_returns_the_first_success_without_sleeping_or_logging():
    call, rec = Flaky(0, "up"), Recorder()
    assert retry(call, retries=3, wait_ms=2000, sleep=rec.sleep, log=rec.log) == "up"
    assert call.calls == 1
    assert rec.sleeps == []
    assert rec.logs == []


def test_keeps_trying_until_a_later_attempt_succeeds():
    call, rec = Flaky(2, "up"), Recorder()
    assert retry(call, retries=5, wait_ms=100, sleep=rec.sleep, log=rec.log) == "up"
    assert call.calls == 3
    assert rec.logs == [
        "Attempt 1/5 failed: timeout; retrying in 100 ms",
        "Attempt 2/5 failed: timeout; retrying in 100 ms",
    ]


def test_makes_exactly_retries_attempts_sleeps_only_between_them_then_returns_none():
    events = []
    call, rec = Flaky(10, events=events), Recorder(events)
    assert retry(call, retries=3, wait_ms=1500, sleep=rec.sleep, log=rec.log) is None
    assert events == ["call 1", "sleep 1.5", "call 2", "sleep 1.5", "call 3"]
    assert rec.logs == [
        "Attempt 1/3 failed: timeout; retrying in 1500 ms",
        "Attempt 2/3 failed: timeout; retrying in 1500 ms",
        "Attempt 3/3 failed: timeout; giving up",
    ]


def test_defaults_to_3_attempts_2000_ms_apart():
    call, rec = Flaky(10), Recorder()
    assert retry(call, sleep=rec.sleep, log=rec.log) is None
    assert call.calls == 3
    assert rec.sleeps == [2.0, 2.0]


def test_sleeps_in_seconds_with_true_division():
    call, rec = Flaky(2), Recorder()
    retry(call, retries=3, wait_ms=500, sleep=rec.sleep, log=rec.log)
    assert rec.sleeps == [0.5, 0.5]
    assert rec.logs[0] == "Attempt 1/3 failed: timeout; retrying in 500 ms"


def test_with_retries_1_makes_a_single_attempt_and_never_sleeps():
    call, rec = Flaky(1), Recorder()
    assert retry(call, retries=1, wait_ms=10, sleep=rec.sleep, log=rec.log) is None
    assert call.calls == 1
    assert rec.sleeps == []
    assert rec.logs == ["Attempt 1/1 failed: timeout; giving up"]


def test_logs_str_of_each_exception():
    thrown = [ConnectionResetError("ECONNRESET"), ValueError(503), KeyError("id"), RuntimeError(), OSError("reset")]
    rec = Recorder()
    calls = []

    def fn():
        calls.append(1)
        raise thrown[len(calls) - 1]

    assert retry(fn, retries=len(thrown), wait_ms=1, sleep=rec.sleep, log=rec.log) is None
    assert rec.logs == [
        "Attempt 1/5 failed: ECONNRESET; retrying in 1 ms",
        "Attempt 2/5 failed: 503; retrying in 1 ms",
        "Attempt 3/5 failed: 'id'; retrying in 1 ms",
        "Attempt 4/5 failed: ; retrying in 1 ms",
        "Attempt 5/5 failed: reset; giving up",
    ]


def test_with_wait_ms_0_still_sleeps_0_between_attempts():
    call, rec = Flaky(2), Recorder()
    assert retry(call, retries=3, wait_ms=0, sleep=rec.sleep, log=rec.log) == "ok"
    assert rec.sleeps == [0, 0]
    assert rec.logs[0] == "Attempt 1/3 failed: timeout; retrying in 0 ms"


def test_passes_a_fractional_wait_on():
    call, rec = Flaky(1), Recorder()
    retry(call, retries=2, wait_ms=2.5, sleep=rec.sleep, log=rec.log)
    assert rec.sleeps == [0.0025]
    assert rec.logs[0] == "Attempt 1/2 failed: timeout; retrying in 2.5 ms"


def test_logs_to_stderr_by_default(capsys):
    retry(Flaky(1), retries=2, wait_ms=0, sleep=lambda s: None)
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "Attempt 1/2 failed: timeout; retrying in 0 ms\n"


@pytest.mark.parametrize("value", [None, 0, "", False, [], {}], ids=["none", "zero", "empty-str", "false", "empty-list", "empty-dict"])
def test_returns_a_falsy_success_at_once(value):
    call, rec = Flaky(0, value), Recorder()
    assert retry(call, retries=3, wait_ms=1, sleep=rec.sleep, log=rec.log) is value
    assert call.calls == 1


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(1)], ids=["keyboard-interrupt", "system-exit"])
def test_ctrl_c_and_sys_exit_are_not_retried(error):
    call, rec = Flaky(1, error=error), Recorder()
    with pytest.raises(BaseException) as info:
        retry(call, retries=3, wait_ms=1, sleep=rec.sleep, log=rec.log)
    assert info.value is error
    assert call.calls == 1
    assert rec.logs == []


@pytest.mark.parametrize("retries", [0, -1, 0.5, 2.5, float("nan"), float("inf"), "3", None, True])
def test_rejects_a_bad_retries_with_value_error_before_calling(retries):
    call = Flaky(0)
    with pytest.raises(ValueError, match="retries"):
        retry(call, retries=retries, wait_ms=1, sleep=Recorder().sleep)
    assert call.calls == 0


@pytest.mark.parametrize("wait_ms", [-5, -0.001, float("nan"), float("inf"), float("-inf"), "10", None])
def test_rejects_a_bad_wait_with_value_error_before_calling(wait_ms):
    call = Flaky(0)
    with pytest.raises(ValueError, match="wait_ms"):
        retry(call, retries=3, wait_ms=wait_ms, sleep=Recorder().sleep)
    assert call.calls == 0


def test_accepts_the_smallest_valid_options():
    call, rec = Flaky(0), Recorder()
    assert retry(call, retries=1, wait_ms=0, sleep=rec.sleep, log=rec.log) == "ok"


# ---- the decorator


def test_the_decorator_retries_the_function_with_its_arguments_and_keeps_its_name():
    rec = Recorder()
    seen = []

    @retrying(retries=3, wait_ms=10, sleep=rec.sleep, log=rec.log)
    def fetch(url, timeout=5):
        """Fetches url."""
        seen.append((url, timeout))
        if len(seen) < 2:
            raise TimeoutError("slow")
        return "200 from " + url

    assert fetch("https://a.internal", timeout=2) == "200 from https://a.internal"
    assert seen == [("https://a.internal", 2), ("https://a.internal", 2)]
    assert rec.logs == ["Attempt 1/3 failed: slow; retrying in 10 ms"]
    assert fetch.__name__ == "fetch"
    assert fetch.__doc__ == "Fetches url."
    assert getattr(fetch, "__wrapped__", None) is not None


def test_each_decorated_call_starts_from_attempt_1():
    rec = Recorder()
    calls = []

    @retrying(retries=2, wait_ms=0, sleep=rec.sleep, log=rec.log)
    def down():
        calls.append(1)
        raise ConnectionError("down")

    assert down() is None
    assert down() is None
    assert len(calls) == 4
    assert rec.logs == ["Attempt 1/2 failed: down; retrying in 0 ms", "Attempt 2/2 failed: down; giving up"] * 2


def test_the_decorator_checks_its_settings_when_applied():
    with pytest.raises(ValueError, match="retries"):
        retrying(retries=0)
    with pytest.raises(ValueError, match="wait_ms"):
        retrying(wait_ms=-1)


def test_the_decorator_defaults_to_3_attempts_2000_ms_apart():
    rec = Recorder()
    calls = []

    @retrying(sleep=rec.sleep, log=rec.log)
    def down():
        calls.append(1)
        raise ConnectionError("down")

    assert down() is None
    assert len(calls) == 3
    assert rec.sleeps == [2.0, 2.0]
    assert rec.logs[-1] == "Attempt 3/3 failed: down; giving up"
