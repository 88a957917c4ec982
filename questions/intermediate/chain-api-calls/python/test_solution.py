import itertools
import json
import logging

import pytest

from solution import collect_metrics


class FakeResponse:
    """The slice of a requests.Response the code needs."""

    def __init__(self, status_code, text):
        self.status_code = status_code
        self.text = text

    def json(self):
        return json.loads(self.text)  # raises json.JSONDecodeError, a ValueError, like requests


class FakeApi:
    """Each path has one reply, or a list used in turn (the last one repeats); unknown paths answer 404.

    A reply is (status, body) (a str body is sent as it is, anything else as JSON) or an exception to raise.
    `events` interleaves the calls ("call <path>") with the messages logged through `logger`.
    """

    _ids = itertools.count()

    def __init__(self, routes):
        self.routes = routes
        self.calls = []
        self.events = []
        self.used = {}
        self.records = []
        self.logger = logging.getLogger("test-chain-api-calls.%d" % next(self._ids))
        self.logger.setLevel(logging.DEBUG)
        self.logger.propagate = False
        api = self

        class Handler(logging.Handler):
            def emit(self, record):
                api.records.append(record)
                api.events.append(record.getMessage())

        self.logger.addHandler(Handler())

    def get(self, path):
        self.calls.append(path)
        self.events.append("call " + path)
        route = self.routes.get(path, (404, {"error": "no route"}))
        replies = route if isinstance(route, list) else [route]
        n = self.used.get(path, 0)
        self.used[path] = n + 1
        reply = replies[min(n, len(replies) - 1)]
        if isinstance(reply, BaseException):
            raise reply
        status, body = reply
        return FakeResponse(status, body if isinstance(body, str) else json.dumps(body))

    def count(self, path):
        return self.calls.count(path)

    def skip_lines(self):
        return [e for e in self.events if e.startswith("skip ")]

    def calls_and_skips(self):
        return [e for e in self.events if e.startswith("call ") or e.startswith("skip ")]


def ok(body):
    return (200, body)


def happy_routes():
    return {
        "/users": ok(["alice", "bob"]),
        "/users/alice": ok({"id": "alice", "hosts": ["web-1", "web-2"]}),
        "/users/bob": ok({"id": "bob", "hosts": ["db-1"]}),
        "/hosts/web-1/metrics": ok({"cpu": 0.25}),
        "/hosts/web-2/metrics": ok({"cpu": 0.5}),
        "/hosts/db-1/metrics": ok({"cpu": 0.75}),
    }


class ApiBug(Exception):
    pass


def test_walks_users_then_details_then_metrics_and_returns_one_row_per_host():
    api = FakeApi(happy_routes())
    assert collect_metrics(api, logger=api.logger) == {
        "rows": [
            {"user": "alice", "host": "web-1", "cpu": 0.25},
            {"user": "alice", "host": "web-2", "cpu": 0.5},
            {"user": "bob", "host": "db-1", "cpu": 0.75},
        ],
        "skipped": [],
    }
    assert api.calls == ["/users", "/users/alice", "/hosts/web-1/metrics", "/hosts/web-2/metrics", "/users/bob", "/hosts/db-1/metrics"]
    assert api.skip_lines() == []


def test_logs_each_skip_when_it_happens_with_lazy_arguments():
    api = FakeApi({
        "/users": ok(["alice", "bob"]),
        "/users/alice": (404, ""),
        "/users/bob": ok({"id": "bob", "hosts": ["db-1"]}),
        "/hosts/db-1/metrics": ok("not json"),
    })
    collect_metrics(api, logger=api.logger)
    assert api.calls_and_skips() == [
        "call /users",
        "call /users/alice",
        "skip /users/alice: not found",
        "call /users/bob",
        "call /hosts/db-1/metrics",
        "skip /hosts/db-1/metrics: invalid JSON",
    ]
    skips = [r for r in api.records if r.getMessage().startswith("skip ")]
    assert [(r.levelno, r.msg, r.args) for r in skips] == [
        (logging.WARNING, "skip %s: %s", ("/users/alice", "not found")),
        (logging.WARNING, "skip %s: %s", ("/hosts/db-1/metrics", "invalid JSON")),
    ]


def test_skips_a_user_whose_details_are_not_found_without_retry_or_metrics_calls():
    routes = happy_routes()
    routes["/users/alice"] = (404, {"error": "gone"})
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/users/alice") == 1
    assert "/hosts/web-1/metrics" not in api.calls
    assert "/hosts/web-2/metrics" not in api.calls
    assert outcome == {"rows": [{"user": "bob", "host": "db-1", "cpu": 0.75}], "skipped": [{"path": "/users/alice", "reason": "not found"}]}


def test_never_requests_metrics_for_a_failed_user_even_right_after_a_successful_one():
    api = FakeApi({
        "/users": ok(["alice", "bob", "carol"]),
        "/users/alice": ok({"id": "alice", "hosts": ["web-1"]}),
        "/users/bob": (500, "boom"),
        "/users/carol": ok({"id": "carol", "hosts": ["db-1"]}),
        "/hosts/web-1/metrics": ok({"cpu": 0.25}),
        "/hosts/db-1/metrics": ok({"cpu": 0.75}),
    })
    outcome = collect_metrics(api, logger=api.logger)
    assert api.calls == ["/users", "/users/alice", "/hosts/web-1/metrics", "/users/bob", "/users/bob", "/users/bob", "/users/carol", "/hosts/db-1/metrics"]
    assert outcome == {
        "rows": [{"user": "alice", "host": "web-1", "cpu": 0.25}, {"user": "carol", "host": "db-1", "cpu": 0.75}],
        "skipped": [{"path": "/users/bob", "reason": "HTTP 500 after 3 attempts"}],
    }


def test_retries_a_500_and_uses_the_answer_that_follows():
    routes = happy_routes()
    routes["/hosts/web-2/metrics"] = [(500, "oops"), ok({"cpu": 0.5})]
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/hosts/web-2/metrics") == 2
    assert {"user": "alice", "host": "web-2", "cpu": 0.5} in outcome["rows"]
    assert outcome["skipped"] == []
    assert api.skip_lines() == []


@pytest.mark.parametrize(
    "error",
    [ConnectionResetError("ECONNRESET"), TimeoutError("timed out"), OSError("Network is unreachable")],
    ids=["connection-reset", "timeout", "os-error"],
)
def test_retries_a_network_failure_like_a_server_error(error):
    routes = happy_routes()
    routes["/hosts/db-1/metrics"] = error
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger, max_attempts=3)
    assert api.count("/hosts/db-1/metrics") == 3
    reason = "%s after 3 attempts" % error
    assert api.skip_lines() == ["skip /hosts/db-1/metrics: " + reason]
    assert outcome["skipped"] == [{"path": "/hosts/db-1/metrics", "reason": reason}]
    assert len(outcome["rows"]) == 2


def test_lets_an_exception_that_is_not_a_network_failure_propagate_at_once():
    routes = happy_routes()
    bug = ApiBug("the client itself is broken")
    routes["/users/bob"] = bug
    api = FakeApi(routes)
    with pytest.raises(ApiBug) as info:
        collect_metrics(api, logger=api.logger)
    assert info.value is bug
    assert api.count("/users/bob") == 1


def test_logs_and_skips_a_body_that_is_not_json_without_retrying():
    routes = happy_routes()
    routes["/hosts/web-1/metrics"] = (200, "<html>502 Bad Gateway</html>")
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/hosts/web-1/metrics") == 1
    assert outcome["skipped"] == [{"path": "/hosts/web-1/metrics", "reason": "invalid JSON"}]
    assert api.skip_lines() == ["skip /hosts/web-1/metrics: invalid JSON"]
    assert [r["host"] for r in outcome["rows"]] == ["web-2", "db-1"]


@pytest.mark.parametrize(
    "path, reply",
    [
        ("/users/alice", ok({"id": "alice"})),
        ("/users/alice", ok({"id": "alice", "hosts": [1, 2]})),
        ("/users/alice", ok(None)),
        ("/users/alice", ok({"id": "alice", "hosts": "web-1"})),
        ("/users/alice", ok([{"id": "alice", "hosts": ["web-1"]}])),
        ("/users/alice", ok({"id": "alice", "hosts": ["web-1", None]})),
        ("/users/alice", ok({"id": "alice", "hosts": {"web-1": True}})),
        ("/hosts/web-1/metrics", ok({"cpu": "25%"})),
        ("/hosts/web-1/metrics", ok({"cpu": "0.4"})),
        ("/hosts/web-1/metrics", ok({"cpu": None})),
        ("/hosts/web-1/metrics", ok({"cpu": True})),
        ("/hosts/web-1/metrics", ok(0.25)),
        ("/hosts/web-1/metrics", ok(None)),
        ("/hosts/web-1/metrics", ok({"load": 0.25})),
        ("/hosts/web-1/metrics", ok(["cpu", 0.25])),
    ],
    ids=["no-hosts", "hosts-not-strings", "details-null", "hosts-one-string", "details-array", "hosts-with-null", "hosts-a-dict",
         "cpu-string", "cpu-numeric-string", "cpu-null", "cpu-true", "metrics-bare-number", "metrics-null", "metrics-without-cpu", "metrics-array"],
)
def test_skips_a_body_of_the_wrong_shape_as_unexpected_without_retrying(path, reply):
    routes = happy_routes()
    routes[path] = reply
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count(path) == 1
    assert outcome["skipped"] == [{"path": path, "reason": "unexpected body"}]
    assert not any(c.startswith("/hosts/") and c.count("/") != 3 for c in api.calls)
    assert "/hosts/w/metrics" not in api.calls


def test_logs_the_skips_in_order_each_after_its_last_attempt():
    api = FakeApi({
        "/users": ok(["alice", "bob"]),
        "/users/alice": [ConnectionResetError("ECONNRESET"), (502, "")],
        "/users/bob": (403, ""),
    })
    outcome = collect_metrics(api, logger=api.logger, max_attempts=2)
    assert api.calls_and_skips() == [
        "call /users",
        "call /users/alice",
        "call /users/alice",
        "skip /users/alice: HTTP 502 after 2 attempts",
        "call /users/bob",
        "skip /users/bob: HTTP 403",
    ]
    assert outcome == {
        "rows": [],
        "skipped": [{"path": "/users/alice", "reason": "HTTP 502 after 2 attempts"}, {"path": "/users/bob", "reason": "HTTP 403"}],
    }


def test_reports_the_last_failure_when_the_attempts_run_out():
    routes = happy_routes()
    routes["/hosts/web-1/metrics"] = [(500, ""), (503, ""), TimeoutError("ETIMEDOUT")]
    routes["/hosts/web-2/metrics"] = [ConnectionResetError("ECONNRESET"), BrokenPipeError("EPIPE"), (504, "")]
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert outcome["skipped"] == [
        {"path": "/hosts/web-1/metrics", "reason": "ETIMEDOUT after 3 attempts"},
        {"path": "/hosts/web-2/metrics", "reason": "HTTP 504 after 3 attempts"},
    ]
    assert api.count("/hosts/web-1/metrics") == 3
    assert api.count("/hosts/web-2/metrics") == 3


def test_stops_retrying_as_soon_as_an_answer_is_not_a_5xx():
    routes = happy_routes()
    routes["/users/alice"] = [(500, ""), (404, ""), ok({"id": "alice", "hosts": []})]
    routes["/hosts/db-1/metrics"] = [ConnectionResetError("ECONNRESET"), (200, "not json"), ok({"cpu": 1})]
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/users/alice") == 2
    assert api.count("/hosts/db-1/metrics") == 2
    assert outcome["skipped"] == [{"path": "/users/alice", "reason": "not found"}, {"path": "/hosts/db-1/metrics", "reason": "invalid JSON"}]


@pytest.mark.parametrize(
    "status, calls, reason",
    [(500, 3, "HTTP 500 after 3 attempts"), (599, 3, "HTTP 599 after 3 attempts"), (499, 1, "HTTP 499"), (429, 1, "HTTP 429"),
     (408, 1, "HTTP 408"), (400, 1, "HTTP 400"), (302, 1, "HTTP 302"), (600, 1, "HTTP 600"), (300, 1, "HTTP 300"), (199, 1, "HTTP 199")],
)
def test_retries_the_whole_5xx_range_and_nothing_else(status, calls, reason):
    routes = happy_routes()
    routes["/hosts/web-1/metrics"] = (status, {"cpu": 0.25})
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/hosts/web-1/metrics") == calls
    assert outcome["skipped"] == [{"path": "/hosts/web-1/metrics", "reason": reason}]
    assert api.skip_lines() == ["skip /hosts/web-1/metrics: " + reason]


def test_accepts_every_2xx_status_and_a_cpu_of_0_or_an_int():
    routes = happy_routes()
    routes["/users/alice"] = (203, {"id": "alice", "hosts": ["web-1"]})
    routes["/hosts/web-1/metrics"] = (299, {"cpu": 0})
    routes["/hosts/db-1/metrics"] = (201, {"cpu": -0.5})
    api = FakeApi(routes)
    assert collect_metrics(api, logger=api.logger) == {
        "rows": [{"user": "alice", "host": "web-1", "cpu": 0}, {"user": "bob", "host": "db-1", "cpu": -0.5}],
        "skipped": [],
    }


def test_skips_nothing_for_users_without_hosts_and_returns_an_empty_report_for_no_users():
    api = FakeApi({"/users": ok(["alice"]), "/users/alice": ok({"id": "alice", "hosts": []})})
    assert collect_metrics(api, logger=api.logger) == {"rows": [], "skipped": []}
    assert api.calls == ["/users", "/users/alice"]
    none = FakeApi({"/users": ok([])})
    assert collect_metrics(none, logger=none.logger) == {"rows": [], "skipped": []}
    assert none.calls == ["/users"]


def test_two_reports_do_not_share_rows_or_skips():
    first = FakeApi({"/users": ok(["alice"]), "/users/alice": ok({"id": "alice", "hosts": ["web-1"]}), "/hosts/web-1/metrics": (410, "")})
    assert collect_metrics(first, logger=first.logger) == {"rows": [], "skipped": [{"path": "/hosts/web-1/metrics", "reason": "HTTP 410"}]}
    second = FakeApi(happy_routes())
    assert collect_metrics(second, logger=second.logger) == {
        "rows": [
            {"user": "alice", "host": "web-1", "cpu": 0.25},
            {"user": "alice", "host": "web-2", "cpu": 0.5},
            {"user": "bob", "host": "db-1", "cpu": 0.75},
        ],
        "skipped": [],
    }


def test_logs_to_the_metrics_logger_by_default():
    api = FakeApi({"/users": ok(["alice"]), "/users/alice": (410, "")})
    default = logging.getLogger("metrics")
    seen = []

    class Handler(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Handler()
    old_level = default.level
    default.addHandler(handler)
    default.setLevel(logging.DEBUG)
    try:
        collect_metrics(api)
    finally:
        default.removeHandler(handler)
        default.setLevel(old_level)
    assert [line for line in seen if line.startswith("skip ")] == ["skip /users/alice: HTTP 410"]


def test_does_not_retry_other_client_errors_such_as_401():
    routes = happy_routes()
    routes["/users/bob"] = (401, {"error": "token expired"})
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger)
    assert api.count("/users/bob") == 1
    assert "/hosts/db-1/metrics" not in api.calls
    assert outcome["skipped"] == [{"path": "/users/bob", "reason": "HTTP 401"}]


@pytest.mark.parametrize(
    "reply, message",
    [
        ((404, {}), "cannot list users: not found"),
        (ok({"users": ["alice"]}), "cannot list users: unexpected body"),
        ((500, ""), "cannot list users: HTTP 500 after 3 attempts"),
        (ok(["alice", 7]), "cannot list users: unexpected body"),
        ((200, '"alice"'), "cannot list users: unexpected body"),
        ((200, "users: alice"), "cannot list users: invalid JSON"),
        ((429, ""), "cannot list users: HTTP 429"),
        (ConnectionRefusedError("ECONNREFUSED"), "cannot list users: ECONNREFUSED after 3 attempts"),
    ],
    ids=["not-found", "object", "server-error", "not-all-strings", "one-string", "not-json", "too-many-requests", "refused"],
)
def test_raises_when_the_user_list_fails_and_calls_nothing_else(reply, message):
    routes = happy_routes()
    routes["/users"] = reply
    api = FakeApi(routes)
    with pytest.raises(RuntimeError) as info:
        collect_metrics(api, logger=api.logger)
    assert str(info.value) == message
    assert set(api.calls) == {"/users"}


def test_encodes_ids_and_host_names_into_the_path():
    api = FakeApi({
        "/users": ok(["ops team", "a/b?c#d"]),
        "/users/ops%20team": ok({"id": "ops team", "hosts": ["eu/web-1", "web?x=1&y#2"]}),
        "/hosts/eu%2Fweb-1/metrics": ok({"cpu": 0.3}),
        "/hosts/web%3Fx%3D1%26y%232/metrics": ok({"cpu": 0.4}),
        "/users/a%2Fb%3Fc%23d": ok({"id": "a/b?c#d", "hosts": []}),
    })
    assert collect_metrics(api, logger=api.logger) == {
        "rows": [{"user": "ops team", "host": "eu/web-1", "cpu": 0.3}, {"user": "ops team", "host": "web?x=1&y#2", "cpu": 0.4}],
        "skipped": [],
    }


@pytest.mark.parametrize("max_attempts", [1, 2, 5])
def test_honours_max_attempts(max_attempts):
    routes = happy_routes()
    routes["/hosts/web-1/metrics"] = [(502, "")] * max_attempts + [ok({"cpu": 0.25})]
    routes["/hosts/web-2/metrics"] = OSError("EHOSTUNREACH")
    api = FakeApi(routes)
    outcome = collect_metrics(api, logger=api.logger, max_attempts=max_attempts)
    assert api.count("/hosts/web-1/metrics") == max_attempts
    assert api.count("/hosts/web-2/metrics") == max_attempts
    assert outcome["skipped"] == [
        {"path": "/hosts/web-1/metrics", "reason": "HTTP 502 after %d attempts" % max_attempts},
        {"path": "/hosts/web-2/metrics", "reason": "EHOSTUNREACH after %d attempts" % max_attempts},
    ]
