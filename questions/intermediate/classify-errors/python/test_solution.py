import asyncio
import errno

import pytest

from solution import RunReport, classify, run_all


def task(name, failures, calls):
    """A (name, fn) task that raises the given exceptions in turn, then succeeds; records each call."""
    pending = list(failures)

    def fn():
        calls.append(name)
        if pending:
            raise pending.pop(0)

    return (name, fn)


def quiet(line):
    pass


# ---- classify: by class, with the real built-in hierarchy


@pytest.mark.parametrize(
    "error",
    [
        TimeoutError("read timed out after 30s"),
        ConnectionError("connection refused"),
        ConnectionResetError("connection reset by peer"),
        ConnectionRefusedError("refused"),
        ConnectionAbortedError("aborted"),
        BrokenPipeError("broken pipe"),
    ],
    ids=["timeout", "connection", "reset", "refused", "aborted", "broken-pipe"],
)
def test_retries_timeouts_and_every_connection_error(error):
    assert classify(error) == "retry"


def test_skips_a_missing_file():
    assert classify(FileNotFoundError("/data/report-17.csv")) == "skip"


def test_an_oserror_built_from_an_errno_is_its_subclass():
    # OSError(errno, ...) builds the matching subclass: the class, not the spelling, decides.
    assert classify(OSError(errno.ENOENT, "No such file or directory", "/data/x.csv")) == "skip"
    assert classify(OSError(errno.ETIMEDOUT, "Connection timed out")) == "retry"
    assert classify(OSError(errno.ECONNRESET, "Connection reset by peer")) == "retry"
    assert classify(OSError(errno.EACCES, "Permission denied", "/etc/shadow")) == "raise"


def test_other_os_errors_are_raised_the_base_does_not_get_the_subclass_treatment():
    assert classify(PermissionError("/etc/shadow")) == "raise"
    assert classify(OSError("disk I/O error")) == "raise"
    assert classify(IsADirectoryError("/data")) == "raise"


def test_subclasses_get_their_parents_treatment_whatever_their_name():
    class ReadTimeout(TimeoutError):
        pass

    class PermissionDenied(ConnectionError):
        pass

    class ConfigMissing(FileNotFoundError):
        pass

    class FileNotFound(PermissionError):
        pass

    assert classify(ReadTimeout("read timed out")) == "retry"
    assert classify(PermissionDenied("denied by the proxy")) == "retry"
    assert classify(ConfigMissing("/etc/app.yaml")) == "skip"
    assert classify(FileNotFound("/")) == "raise"


class TimeoutErrorLookAlike(Exception):
    pass


TimeoutErrorLookAlike.__name__ = "TimeoutError"


@pytest.mark.parametrize(
    "error",
    [
        TimeoutErrorLookAlike("same name, other class"),
        RuntimeError("TimeoutError: read timed out"),
        Exception("FileNotFoundError: /data/x.csv"),
        ValueError("connection reset"),
    ],
    ids=["same-name", "message-says-timeout", "message-says-not-found", "message-says-reset"],
)
def test_look_alikes_that_are_not_of_the_class_are_raised(error):
    assert classify(error) == "raise"


@pytest.mark.parametrize(
    "error",
    [
        TypeError("'NoneType' object is not subscriptable"),
        KeyError("id"),
        KeyboardInterrupt(),
        SystemExit(1),
        asyncio.CancelledError(),
        "ETIMEDOUT",
        None,
    ],
    ids=["type-error", "key-error", "keyboard-interrupt", "system-exit", "cancelled", "a-string", "none"],
)
def test_anything_unexpected_is_raised(error):
    assert classify(error) == "raise"


# ---- run_all


def test_runs_every_task_once_in_order():
    calls, logs = [], []
    report = run_all([task("a", [], calls), task("b", [], calls), task("c", [], calls)], log=logs.append)
    assert calls == ["a", "b", "c"]
    assert report == RunReport(["a", "b", "c"], [], {"a": 1, "b": 1, "c": 1})
    assert logs == []


def test_retries_a_timed_out_task_until_it_succeeds_then_carries_on():
    calls, logs = [], []
    report = run_all(
        [task("sync", [TimeoutError("slow"), ConnectionResetError("reset")], calls), task("next", [], calls)],
        max_attempts=3,
        log=logs.append,
    )
    assert calls == ["sync", "sync", "sync", "next"]
    assert report == RunReport(["sync", "next"], [], {"sync": 3, "next": 1})
    assert logs == ["retrying sync after attempt 1/3: slow", "retrying sync after attempt 2/3: reset"]


def test_gives_up_after_max_attempts_with_the_very_same_exception():
    calls, logs = [], []
    last = TimeoutError("third timeout")
    with pytest.raises(TimeoutError) as info:
        run_all(
            [task("upload", [TimeoutError("first"), TimeoutError("second"), last], calls), task("after", [], calls)],
            max_attempts=3,
            log=logs.append,
        )
    assert info.value is last
    assert calls == ["upload", "upload", "upload"]
    assert logs == ["retrying upload after attempt 1/3: first", "retrying upload after attempt 2/3: second"]


def test_skips_a_task_whose_file_is_missing_and_runs_the_rest():
    calls, logs = [], []
    report = run_all(
        [task("a", [], calls), task("b", [FileNotFoundError("/data/b.csv")], calls), task("c", [], calls)],
        log=logs.append,
    )
    assert calls == ["a", "b", "c"]
    assert report == RunReport(["a", "c"], ["b"], {"a": 1, "b": 1, "c": 1})
    assert logs == ["skipping b: /data/b.csv"]


def test_stops_at_the_first_unexpected_error_without_retrying():
    calls, logs = [], []
    bug = TypeError("'NoneType' object is not subscriptable")
    with pytest.raises(TypeError) as info:
        run_all([task("a", [bug], calls), task("b", [], calls)], max_attempts=5, log=logs.append)
    assert info.value is bug
    assert info.value.__cause__ is None
    assert calls == ["a"]
    assert logs == []


@pytest.mark.parametrize(
    "error",
    [PermissionError("/etc/shadow"), OSError("disk I/O error"), KeyboardInterrupt(), SystemExit(2), asyncio.CancelledError()],
    ids=["permission", "bare-oserror", "keyboard-interrupt", "system-exit", "cancelled"],
)
def test_lets_other_errors_and_cancellation_through_at_once(error):
    calls, logs = [], []
    with pytest.raises(BaseException) as info:
        run_all([task("a", [error], calls), task("b", [], calls)], max_attempts=5, log=logs.append)
    assert info.value is error
    assert calls == ["a"]
    assert logs == []


def test_logs_each_retry_between_the_failed_call_and_the_next_one():
    events = []
    failures = [TimeoutError("slow"), ConnectionError("refused")]

    def pull():
        events.append("call %d" % (len([e for e in events if e.startswith("call")]) + 1))
        if failures:
            raise failures.pop(0)

    report = run_all([("pull", pull)], max_attempts=4, log=events.append)
    assert events == [
        "call 1",
        "retrying pull after attempt 1/4: slow",
        "call 2",
        "retrying pull after attempt 2/4: refused",
        "call 3",
    ]
    assert report == RunReport(["pull"], [], {"pull": 3})


def test_logs_the_message_itself_even_when_it_is_empty():
    calls, logs = [], []
    run_all([task("a", [TimeoutError()], calls), task("b", [FileNotFoundError()], calls)], log=logs.append)
    assert logs == ["retrying a after attempt 1/3: ", "skipping b: "]


def test_applies_the_policy_to_each_failure_of_a_retried_task_in_turn():
    calls, logs = [], []
    report = run_all(
        [task("a", [TimeoutError("slow"), FileNotFoundError("gone")], calls), task("b", [], calls)],
        max_attempts=5,
        log=logs.append,
    )
    assert report == RunReport(["b"], ["a"], {"a": 2, "b": 1})
    assert logs == ["retrying a after attempt 1/5: slow", "skipping a: gone"]

    denied = PermissionError("denied")
    with pytest.raises(PermissionError) as info:
        run_all([task("c", [TimeoutError("slow"), denied], calls)], max_attempts=5, log=logs.append)
    assert info.value is denied


def test_logs_to_stderr_by_default(capsys):
    run_all([task("a", [TimeoutError("slow")], []), task("b", [FileNotFoundError("/x")], [])])
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "retrying a after attempt 1/3: slow\nskipping b: /x\n"


def test_with_max_attempts_2_retries_once():
    calls, logs = [], []
    last = ConnectionError("again")
    with pytest.raises(ConnectionError) as info:
        run_all([task("a", [TimeoutError("once"), last], calls)], max_attempts=2, log=logs.append)
    assert info.value is last
    assert calls == ["a", "a"]
    assert logs == ["retrying a after attempt 1/2: once"]


def test_with_max_attempts_1_never_retries():
    calls, logs = [], []
    timeout = TimeoutError("slow")
    with pytest.raises(TimeoutError) as info:
        run_all([task("a", [timeout], calls)], max_attempts=1, log=logs.append)
    assert info.value is timeout
    assert calls == ["a"]
    assert logs == []


def test_defaults_to_three_attempts():
    calls = []
    failures = [TimeoutError("1"), TimeoutError("2"), TimeoutError("3"), TimeoutError("4")]
    with pytest.raises(TimeoutError) as info:
        run_all([task("a", failures, calls)], log=quiet)
    assert info.value is failures[2]
    assert len(calls) == 3


@pytest.mark.parametrize("max_attempts", [0, -1, 1.5, 0.5, float("nan"), float("inf"), "3", None, True])
def test_rejects_a_bad_max_attempts_with_value_error_before_running_anything(max_attempts):
    calls = []
    with pytest.raises(ValueError, match="max_attempts"):
        run_all([task("a", [], calls)], max_attempts=max_attempts, log=quiet)
    assert calls == []
    with pytest.raises(ValueError):
        run_all([], max_attempts=max_attempts, log=quiet)


def test_accepts_max_attempts_1_and_other_whole_numbers_even_with_no_tasks():
    assert run_all([], max_attempts=1, log=quiet) == RunReport([], [], {})
    assert run_all([task("a", [], [])], max_attempts=10, log=quiet) == RunReport(["a"], [], {"a": 1})


def test_each_run_gets_a_fresh_report():
    first = run_all([task("a", [], [])], log=quiet)
    second = run_all([task("b", [], [])], log=quiet)
    assert first == RunReport(["a"], [], {"a": 1})
    assert second == RunReport(["b"], [], {"b": 1})
