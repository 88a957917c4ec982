import subprocess

import pytest

from solution import Step, run_steps


def step(name, events, fail=None, **options):
    def run():
        events.append("start " + name)
        if fail is not None:
            raise fail
        events.append("end " + name)

    return Step(name, run, **options)


class FakeRun:
    """Stands in for subprocess.run: a command in failing exits with that code."""

    def __init__(self, failing=None):
        self.calls = []
        self.failing = failing or {}

    def __call__(self, argv, check=False):
        self.calls.append(list(argv))
        code = self.failing.get(argv[0], 0)
        if check and code != 0:
            raise subprocess.CalledProcessError(code, argv)
        return subprocess.CompletedProcess(argv, code)


def report(ran=(), skipped=(), failed=None, not_run=()):
    return {"ran": list(ran), "skipped": list(skipped), "failed": failed, "not_run": list(not_run), "ok": failed is None}


def test_runs_every_applicable_step_in_order_and_reports_success():
    events = []
    got = run_steps([step("build", events), step("push", events), step("restart", events)], "prod")
    assert got == report(ran=["build", "push", "restart"])
    assert events == ["start build", "end build", "start push", "end push", "start restart", "end restart"]


def test_skips_disabled_steps_and_steps_for_other_environments_and_keeps_going():
    events = []
    steps = [
        step("build", events),
        step("migrate", events, enabled=False),
        step("seed-demo-data", events, only_in=["dev", "staging"]),
        step("push", events, only_in=("prod",)),
        step("restart", events, enabled=True),
    ]
    assert run_steps(steps, "prod") == report(ran=["build", "push", "restart"], skipped=["migrate", "seed-demo-data"])
    assert "start migrate" not in events and "start seed-demo-data" not in events


def test_an_empty_only_in_list_means_no_environment():
    events = []
    got = run_steps([step("parked", events, only_in=[]), step("build", events)], "prod")
    assert got == report(ran=["build"], skipped=["parked"])


def test_stops_at_the_first_failure_and_lists_every_later_step_as_not_run():
    events = []
    steps = [
        step("build", events),
        step("lint", events, enabled=False),
        step("migrate", events, fail=RuntimeError("lock timeout on table orders")),
        step("push", events),
        step("notify", events, enabled=False),
        step("restart", events, only_in=["staging"]),
    ]
    got = run_steps(steps, "prod")
    assert got == report(
        ran=["build"],
        skipped=["lint"],
        failed={"step": "migrate", "error": "lock timeout on table orders"},
        not_run=["push", "notify", "restart"],
    )
    assert events == ["start build", "end build", "start migrate"]


def test_a_command_step_fails_through_check_true():
    run = FakeRun(failing={"alembic": 3})
    steps = [
        Step("build", lambda: run(["docker", "build", "."], check=True)),
        Step("migrate", lambda: run(["alembic", "upgrade", "head"], check=True)),
        Step("restart", lambda: run(["kubectl", "rollout", "restart", "deploy/web"], check=True)),
    ]
    got = run_steps(steps, "prod")
    expected_error = str(subprocess.CalledProcessError(3, ["alembic", "upgrade", "head"]))
    assert got == report(ran=["build"], failed={"step": "migrate", "error": expected_error}, not_run=["restart"])
    assert "exit status 3" in got["failed"]["error"]
    assert run.calls == [["docker", "build", "."], ["alembic", "upgrade", "head"]]


@pytest.mark.parametrize(
    "error, text",
    [
        (ValueError("replicas out of range"), "replicas out of range"),
        (RuntimeError(""), ""),
        (OSError(2, "No such file or directory"), "[Errno 2] No such file or directory"),
        (KeyError("image"), "'image'"),
        (subprocess.TimeoutExpired(["helm", "upgrade"], 600), "Command '['helm', 'upgrade']' timed out after 600 seconds"),
    ],
    ids=["value-error", "empty-message", "os-error", "key-error", "timeout"],
)
def test_the_error_text_is_str_of_the_exception(error, text):
    got = run_steps([Step("push", _raiser(error)), Step("restart", lambda: None)], "prod")
    assert got == report(failed={"step": "push", "error": text}, not_run=["restart"])


def _raiser(error):
    def run():
        raise error

    return run


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(1)], ids=["keyboard-interrupt", "system-exit"])
def test_ctrl_c_and_sys_exit_are_not_step_failures(error):
    events = []
    with pytest.raises(type(error)) as info:
        run_steps([step("build", events), step("push", events, fail=error), step("restart", events)], "prod")
    assert info.value is error
    assert events == ["start build", "end build", "start push"]


def test_matches_only_in_entries_against_the_environment_exactly():
    events = []
    got = run_steps([step("prod-only", events, only_in=["production", "Prod"]), step("prod-too", events, only_in=["staging", "prod"])], "prod")
    assert got == report(ran=["prod-too"], skipped=["prod-only"])


def test_runs_each_step_exactly_once():
    calls = []
    assert run_steps([Step("migrate", lambda: calls.append(1))], "dev") == report(ran=["migrate"])
    assert calls == [1]


def test_an_empty_not_run_when_the_last_step_fails():
    events = []
    got = run_steps([step("build", events), step("smoke-test", events, fail=RuntimeError("HTTP 503 from /health"))], "prod")
    assert got == report(ran=["build"], failed={"step": "smoke-test", "error": "HTTP 503 from /health"})


def test_no_steps_give_an_empty_successful_report():
    assert run_steps([], "prod") == report()


def test_duplicate_names_raise_before_running_anything():
    events = []
    with pytest.raises(ValueError, match="build"):
        run_steps([step("build", events), step("push", events), step("build", events)], "prod")
    assert events == []


def test_duplicates_are_refused_even_when_skipped_and_names_are_case_sensitive():
    events = []
    with pytest.raises(ValueError, match="notify"):
        run_steps([step("build", events), step("notify", events, enabled=False), step("notify", events, only_in=[])], "prod")
    assert events == []
    assert run_steps([step("Build", events), step("build", events)], "prod") == report(ran=["Build", "build"])


def test_each_call_returns_a_new_report():
    events = []
    first = run_steps([step("build", events)], "prod")
    first["ran"].append("extra")
    assert run_steps([step("build", events)], "prod") == report(ran=["build"])
