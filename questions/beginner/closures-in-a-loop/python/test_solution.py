import pytest

from solution import make_restart_jobs


class Restarter:
    """A fake restart: records each call and answers with a token the job must pass back."""

    def __init__(self):
        self.calls = []

    def __call__(self, service, step):
        self.calls.append((service, step))
        return "token-%d" % len(self.calls)


def names(jobs):
    return [name for name, _ in jobs]


def test_makes_one_job_per_service_named_after_it_in_order():
    jobs = make_restart_jobs(["web", "worker", "cron"], Restarter())
    assert names(jobs) == ["web", "worker", "cron"]


def test_each_job_restarts_its_own_service_with_position_and_count_and_returns_the_result():
    restart = Restarter()
    jobs = make_restart_jobs(["web", "worker", "cron"], restart)
    assert [run() for _, run in jobs] == ["token-1", "token-2", "token-3"]
    assert restart.calls == [("web", "1/3"), ("worker", "2/3"), ("cron", "3/3")]


def test_does_not_call_restart_while_making_the_jobs():
    restart = Restarter()
    make_restart_jobs(["web", "worker"], restart)
    assert restart.calls == []


def test_restarts_the_right_service_whatever_order_the_jobs_run_in():
    restart = Restarter()
    jobs = make_restart_jobs(["a", "b", "c", "d"], restart)
    for index in [3, 0, 2, 1]:
        jobs[index][1]()
    assert restart.calls == [("d", "4/4"), ("a", "1/4"), ("c", "3/4"), ("b", "2/4")]


def test_calls_restart_on_every_run_also_when_a_job_runs_again():
    restart = Restarter()
    (_, web), (_, worker) = make_restart_jobs(["web", "worker"], restart)
    assert web() == "token-1"
    assert web() == "token-2"
    assert worker() == "token-3"
    assert web() == "token-4"
    assert restart.calls == [("web", "1/2"), ("web", "1/2"), ("worker", "2/2"), ("web", "1/2")]


def test_keeps_the_services_and_steps_when_the_caller_empties_the_list_afterwards():
    restart = Restarter()
    services = ["api", "billing", "search"]
    jobs = make_restart_jobs(services, restart)
    services.clear()
    assert names(jobs) == ["api", "billing", "search"]
    for _, run in jobs:
        run()
    assert restart.calls == [("api", "1/3"), ("billing", "2/3"), ("search", "3/3")]


def test_keeps_the_services_and_steps_when_the_caller_changes_or_grows_the_list_afterwards():
    restart = Restarter()
    services = ["api", "billing"]
    jobs = make_restart_jobs(services, restart)
    services[0] = "changed"
    services.extend(["added", "more"])
    services.reverse()
    assert len(jobs) == 2
    jobs[0][1]()
    jobs[1][1]()
    assert restart.calls == [("api", "1/2"), ("billing", "2/2")]


def test_leaves_the_services_list_as_it_was():
    services = ["api", "billing", "search"]
    jobs = make_restart_jobs(services, Restarter())
    assert services == ["api", "billing", "search"]
    for _, run in jobs:
        run()
    assert services == ["api", "billing", "search"]


def test_gives_each_of_two_identical_names_its_own_job_and_step():
    restart = Restarter()
    jobs = make_restart_jobs(["web", "web"], restart)
    jobs[1][1]()
    jobs[0][1]()
    assert restart.calls == [("web", "2/2"), ("web", "1/2")]


@pytest.mark.parametrize("services", [["solo"], []], ids=["one", "none"])
def test_handles_one_service_and_no_services(services):
    restart = Restarter()
    jobs = make_restart_jobs(services, restart)
    assert names(jobs) == services
    assert [run() for _, run in jobs] == ["token-%d" % (i + 1) for i in range(len(services))]
    assert restart.calls == [(s, "1/1") for s in services]


def test_numbers_a_long_list_with_two_digit_positions():
    restart = Restarter()
    jobs = make_restart_jobs(["svc-%d" % i for i in range(1, 13)], restart)
    jobs[11][1]()
    jobs[9][1]()
    assert restart.calls == [("svc-12", "12/12"), ("svc-10", "10/12")]


def test_each_job_uses_the_restart_function_it_was_made_with():
    first = Restarter()
    second = Restarter()
    a = make_restart_jobs(["x"], first)
    b = make_restart_jobs(["y", "z"], second)
    a[0][1]()
    b[1][1]()
    assert first.calls == [("x", "1/1")]
    assert second.calls == [("z", "2/2")]
