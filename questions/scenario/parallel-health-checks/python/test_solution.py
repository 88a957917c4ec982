import threading

import pytest

from solution import CheckResult, HealthChecker

WAIT = 2.0  # seconds a fake or the test waits for the other side; only reached when something is wrong
OVER_START_WAIT = 0.5  # how long the test gives a pool with too many workers to start one more call
URLS = ["https://svc-%d.internal/health" % i for i in range(10)]
GATED = ["https://gated-%d.internal/health" % i for i in range(15)]  # each gated test has its own URLs


class FakeClock:
    def __init__(self, t=0.0):
        self.t = t

    def __call__(self):
        return self.t


class FakeService:
    """fetch_status(url, timeout=...): records each call, answers from `statuses`, raises for `failing`.

    With gated=True each call waits until the test releases its URL, so the test decides the finishing order.
    """

    def __init__(self, statuses=None, failing=None, gated=False):
        self.statuses = statuses or {}
        self.failing = failing or {}
        self.gated = gated
        self.cond = threading.Condition()
        self.calls = []
        self.kwargs = []
        self.released = set()
        self.in_flight = 0
        self.max_in_flight = 0
        self.finished = 0
        self.finished_at_start = []
        self.abandoned = False

    def __call__(self, url, **kwargs):
        with self.cond:
            self.calls.append(url)
            self.kwargs.append(kwargs)
            self.finished_at_start.append(self.finished)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.cond.notify_all()
            released = self.cond.wait_for(lambda: not self.gated or url in self.released or self.abandoned, timeout=WAIT)
            released = released and (not self.gated or url in self.released)
            self.in_flight -= 1
            self.finished += 1
            self.cond.notify_all()
        if not released:
            raise AssertionError("never released: " + url)
        if url in self.failing:
            raise self.failing[url]
        return self.statuses.get(url, 200)

    def wait_started(self, n):
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.calls) >= n, timeout=WAIT), "only %d started" % len(self.calls)

    def wait_finished(self, n):
        with self.cond:
            assert self.cond.wait_for(lambda: self.finished >= n, timeout=WAIT), "only %d finished" % self.finished

    def started_more_than(self, n, timeout):
        """True as soon as more than n calls have started; False when none more starts within timeout."""
        with self.cond:
            return self.cond.wait_for(lambda: len(self.calls) > n, timeout=timeout)

    def abandon(self):
        """At the end of a test: every call still waiting, or still to come, fails at once."""
        with self.cond:
            self.abandoned = True
            self.cond.notify_all()

    def release(self, url):
        with self.cond:
            self.released.add(url)
            self.cond.notify_all()


def in_background(checker, urls):
    box = {}

    def run():
        box["results"] = checker.check_all(urls)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, box


def gated_run(test):
    """Runs test(svc) with a gated FakeService, then fails whatever it left waiting, so no thread lingers."""
    svc = FakeService(gated=True)
    try:
        test(svc)
    finally:
        svc.abandon()


def make(svc, concurrency=1, ttl=60, timeout=5.0, clock=None):
    return HealthChecker(svc, concurrency=concurrency, ttl=ttl, timeout=timeout, clock=clock or FakeClock())


def test_returns_an_empty_list_for_no_urls_without_requests():
    svc = FakeService()
    assert make(svc).check_all([]) == []
    assert svc.calls == []


def by_url(results):
    """Results keyed by URL: the order is checked by the gated tests, where the test decides who finishes first."""
    assert len(results) == len({r.url for r in results})
    return {r.url: r for r in results}


def test_checks_every_url_and_passes_the_per_call_timeout():
    svc = FakeService()
    results = make(svc, concurrency=1, timeout=2.5).check_all(URLS[:4])
    assert by_url(results) == {url: CheckResult(url, True, 200, None, False) for url in URLS[:4]}
    assert sorted(svc.calls) == sorted(URLS[:4])
    assert svc.kwargs == [{"timeout": 2.5}] * 4


def test_never_more_than_concurrency_in_flight_uses_that_many_and_starts_the_next_as_one_settles():
    gated_run(check_never_more_than_3_in_flight)


def check_never_more_than_3_in_flight(svc):
    urls = GATED[:8]
    thread, box = in_background(make(svc, concurrency=3), urls)
    svc.wait_started(3)
    # Nothing is released yet: a bounded pool never starts a 4th call, an unbounded one does within a moment.
    assert not svc.started_more_than(3, timeout=OVER_START_WAIT), "a 4th call started while 3 were in flight"
    for k in range(1, len(urls) + 1):
        # Release the most recently started unfinished call: later URLs finish first.
        with svc.cond:
            pending = [u for u in svc.calls if u not in svc.released]
        svc.release(pending[-1])
        svc.wait_started(min(3 + k, len(urls)))
    thread.join(WAIT)
    assert not thread.is_alive()
    assert svc.max_in_flight == 3
    assert svc.calls == urls  # started in input order
    assert svc.finished_at_start == [0, 0, 0, 1, 2, 3, 4, 5]  # each new start waited for exactly one to settle
    assert [r.url for r in box["results"]] == urls


def test_returns_results_in_input_order_when_later_urls_answer_first():
    gated_run(check_results_in_input_order)


def check_results_in_input_order(svc):
    urls = GATED[8:12]
    svc.statuses = {urls[0]: 503}
    thread, box = in_background(make(svc, concurrency=2), urls)
    svc.wait_started(2)
    assert not svc.started_more_than(2, timeout=OVER_START_WAIT), "a 3rd call started while 2 were in flight"
    # Finishing order 1, 2, 3, 0: the next URL starts only once the previous call's result is stored.
    svc.release(urls[1])
    svc.wait_started(3)
    svc.release(urls[2])
    svc.wait_started(4)
    svc.release(urls[3])
    svc.wait_finished(3)
    svc.release(urls[0])
    thread.join(WAIT)
    assert box["results"] == [
        CheckResult(urls[0], False, 503, None, False),
        CheckResult(urls[1], True, 200, None, False),
        CheckResult(urls[2], True, 200, None, False),
        CheckResult(urls[3], True, 200, None, False),
    ]


def test_concurrency_1_checks_one_at_a_time_in_input_order():
    gated_run(check_one_at_a_time)


def check_one_at_a_time(svc):
    urls = GATED[12:15]
    thread, box = in_background(make(svc, concurrency=1), urls)
    svc.wait_started(1)
    assert not svc.started_more_than(1, timeout=OVER_START_WAIT), "a 2nd call started while 1 was in flight"
    for k, url in enumerate(urls, start=1):
        svc.release(url)
        svc.wait_finished(k)
    thread.join(WAIT)
    assert svc.calls == urls
    assert svc.finished_at_start == [0, 1, 2]
    assert [r.url for r in box["results"]] == urls


def test_records_failures_per_endpoint_instead_of_raising():
    urls = URLS[:4]
    svc = FakeService(
        statuses={urls[1]: 503},
        failing={urls[2]: ConnectionRefusedError("connect ECONNREFUSED"), urls[3]: TimeoutError("timed out after 5s")},
    )
    results = make(svc, concurrency=1).check_all(urls)
    assert by_url(results) == by_url([
        CheckResult(urls[0], True, 200, None, False),
        CheckResult(urls[1], False, 503, None, False),
        CheckResult(urls[2], False, None, "connect ECONNREFUSED", False),
        CheckResult(urls[3], False, None, "timed out after 5s", False),
    ])


def test_a_keyboard_interrupt_is_not_turned_into_a_result():
    svc = FakeService(failing={URLS[0]: KeyboardInterrupt()})
    with pytest.raises(KeyboardInterrupt):
        make(svc, concurrency=1).check_all(URLS[:1])


@pytest.mark.parametrize(
    "status, ok",
    [(200, True), (201, True), (204, True), (299, True), (199, False), (300, False), (301, False), (404, False), (500, False)],
)
def test_every_2xx_status_is_healthy_and_nothing_else(status, ok):
    svc = FakeService(statuses={URLS[0]: status})
    assert make(svc).check_all(URLS[:1]) == [CheckResult(URLS[0], ok, status, None, False)]


def test_serves_a_repeated_check_from_the_cache_within_the_ttl():
    clock = FakeClock(100.0)
    svc = FakeService(statuses={URLS[1]: 500})
    checker = make(svc, ttl=30, clock=clock)
    checker.check_all(URLS[:2])
    clock.t = 129.999
    again = checker.check_all(URLS[:2])
    assert by_url(again) == by_url([CheckResult(URLS[0], True, 200, None, True), CheckResult(URLS[1], False, 500, None, True)])
    assert sorted(svc.calls) == sorted(URLS[:2])


def test_refetches_once_the_ttl_has_elapsed_exactly_at_stored_at_plus_ttl():
    clock = FakeClock(100.0)
    svc = FakeService()
    checker = make(svc, ttl=30, clock=clock)
    checker.check_all(URLS[:1])
    clock.t = 130.0
    assert checker.check_all(URLS[:1]) == [CheckResult(URLS[0], True, 200, None, False)]
    assert svc.calls == [URLS[0], URLS[0]]


def test_restarts_the_ttl_from_the_new_fetch():
    clock = FakeClock(0.0)
    svc = FakeService()
    checker = make(svc, ttl=10, clock=clock)
    checker.check_all(URLS[:1])
    clock.t = 10.0
    checker.check_all(URLS[:1])
    clock.t = 19.5
    assert checker.check_all(URLS[:1])[0].cached is True
    assert len(svc.calls) == 2


def test_does_not_cache_network_errors():
    clock = FakeClock(0.0)
    svc = FakeService(failing={URLS[0]: ConnectionResetError("reset")})
    checker = make(svc, ttl=60, clock=clock)
    checker.check_all(URLS[:1])
    del svc.failing[URLS[0]]
    clock.t = 1.0
    assert checker.check_all(URLS[:1]) == [CheckResult(URLS[0], True, 200, None, False)]
    assert svc.calls == [URLS[0], URLS[0]]


def test_mixes_cached_and_fresh_results():
    clock = FakeClock(0.0)
    svc = FakeService()
    checker = make(svc, ttl=60, clock=clock)
    checker.check_all([URLS[1]])
    results = checker.check_all(URLS[:3])
    assert {r.url: r.cached for r in results} == {URLS[0]: False, URLS[1]: True, URLS[2]: False}
    assert sorted(svc.calls) == sorted([URLS[1], URLS[0], URLS[2]])


def test_stamps_the_cache_entry_when_the_answer_is_stored():
    clock = FakeClock(0.0)
    calls = []

    def slow_fetch(url, timeout):
        calls.append(url)
        clock.t += 0.3  # the request takes 300 ms
        return 200

    checker = HealthChecker(slow_fetch, concurrency=1, ttl=1.0, timeout=5, clock=clock)
    checker.check_all(URLS[:1])  # stored at 0.3, fresh before 1.3
    clock.t = 1.299
    assert checker.check_all(URLS[:1])[0].cached is True
    assert len(calls) == 1
    clock.t = 1.3
    assert checker.check_all(URLS[:1])[0].cached is False
    assert len(calls) == 2


def test_caches_nothing_when_ttl_is_0():
    svc = FakeService()
    checker = make(svc, ttl=0, clock=FakeClock(5.0))
    checker.check_all(URLS[:1])
    assert checker.check_all(URLS[:1])[0].cached is False
    assert svc.calls == [URLS[0], URLS[0]]


def test_checkers_do_not_share_a_cache():
    svc = FakeService()
    make(svc).check_all(URLS[:1])
    assert make(svc).check_all(URLS[:1])[0].cached is False
    assert svc.calls == [URLS[0], URLS[0]]


@pytest.mark.parametrize("concurrency", [0, -1, 2.5, 0.5, float("nan"), float("inf"), "4", None, True])
def test_rejects_a_bad_concurrency_with_value_error(concurrency):
    with pytest.raises(ValueError, match="concurrency"):
        HealthChecker(FakeService(), concurrency=concurrency, ttl=1, timeout=1, clock=FakeClock())
