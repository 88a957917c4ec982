import json

import pytest

from solution import count_errors, to_json_report

REAL = "2024-05-01T10:00:00Z ERROR [api] Timeout: real"


def js(**fields):
    return json.dumps(fields)


def test_counts_plain_text_error_lines_per_service_and_error_type():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z ERROR [api] Timeout: upstream took 30s",
            "2024-05-01T10:00:01Z ERROR [api] Timeout: again",
            "2024-05-01T10:00:02Z ERROR [api] KeyError: 'user'",
            "2024-05-01T10:00:03Z ERROR [payments] DatabaseError: connection refused",
        ]
    )
    assert counts == {"api": {"Timeout": 2, "KeyError": 1}, "payments": {"DatabaseError": 1}}


def test_counts_json_error_lines_per_service_and_error_type():
    counts = count_errors(
        [
            js(ts="2024-05-01T10:00:00Z", level="error", service="api", error_type="Timeout", message="slow"),
            js(level="error", service="api", error_type="Timeout"),
            js(level="error", service="db", error_type="Deadlock"),
        ]
    )
    assert counts == {"api": {"Timeout": 2}, "db": {"Deadlock": 1}}


def test_merges_both_formats_services_and_types_in_first_seen_order():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z ERROR [worker] Timeout: a",
            js(level="error", service="api", error_type="ValueError"),
            "2024-05-01T10:00:02Z ERROR [api] KeyError: b",
            js(level="error", service="worker", error_type="Timeout"),
            js(level="error", service="api", error_type="ValueError"),
        ]
    )
    assert counts == {"worker": {"Timeout": 2}, "api": {"ValueError": 2, "KeyError": 1}}
    assert list(counts) == ["worker", "api"]
    assert list(counts["api"]) == ["ValueError", "KeyError"]


def test_ignores_lines_whose_level_is_not_error_in_both_formats():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z INFO [api] Started: listening",
            "2024-05-01T10:00:00Z WARNING [api] Slow: 2s",
            "2024-05-01T10:00:00Z ERRORS [api] Timeout: no",
            js(level="warning", service="api", error_type="Timeout"),
            js(level="errors", service="api", error_type="Timeout"),
            REAL,
        ]
    )
    assert counts == {"api": {"Timeout": 1}}


def test_matches_the_error_level_in_any_letter_case():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z error [api] Timeout: a",
            "2024-05-01T10:00:00Z Error [api] Timeout: b",
            js(level="ERROR", service="api", error_type="Timeout"),
            js(level="eRrOr", service="api", error_type="Timeout"),
        ]
    )
    assert counts == {"api": {"Timeout": 4}}


def test_is_not_fooled_by_brackets_and_colons_inside_the_message():
    counts = count_errors(
        [
            '2024-05-01T10:00:00Z ERROR [api] KeyError: missing key [user] in payload: {"id": 1}',
            "2024-05-01T10:00:01Z ERROR [billing] DatabaseError: query failed on db-1:5432 [retry 2/3]",
        ]
    )
    assert counts == {"api": {"KeyError": 1}, "billing": {"DatabaseError": 1}}


def test_counts_a_json_line_once_even_when_its_message_holds_a_text_line():
    counts = count_errors(
        [
            js(
                level="error",
                service="gateway",
                error_type="UpstreamError",
                message="upstream said: 2024-05-01T09:59:59Z ERROR [gateway] UpstreamError: pool empty",
            ),
            js(level="info", service="gateway", error_type="None", message="x ERROR [gateway] Timeout: quoted"),
        ]
    )
    assert counts == {"gateway": {"UpstreamError": 1}}


SKIPPED = [
    ("empty", ""),
    ("spaces", "   "),
    ("broken-json", '{"level":"error","service":"api","error_type":"Timeout"'),
    ("json-null", "null"),
    ("json-number", "42"),
    ("json-nan", "NaN"),
    ("json-array", '["error","api","Timeout"]'),
    ("json-string-holding-a-text-line", '"2024-05-01T10:00:00Z ERROR [api] Timeout: quoted"'),
    ("json-without-error-type", '{"level":"error","service":"api"}'),
    ("json-empty-service", '{"level":"error","service":"","error_type":"Timeout"}'),
    ("json-numeric-service", '{"level":"error","service":7,"error_type":"Timeout"}'),
    ("json-list-level", '{"level":["error"],"service":"api","error_type":"Timeout"}'),
    ("json-null-level", '{"level":null,"service":"api","error_type":"Timeout"}'),
    ("json-numeric-level", '{"level":500,"service":"api","error_type":"Timeout"}'),
    ("json-numeric-error-type", '{"level":"error","service":"api","error_type":504}'),
    ("json-empty-error-type", '{"level":"error","service":"api","error_type":""}'),
    ("json-list-service", '{"level":"error","service":["api"],"error_type":"Timeout"}'),
    ("json-without-level", '{"service":"api","error_type":"Timeout"}'),
    ("json-padded-level", '{"level":" error ","service":"api","error_type":"Timeout"}'),
    ("json-true", "true"),
    ("text-without-error-type", "2024-05-01T10:00:00Z ERROR [api] something broke"),
    ("text-without-timestamp", "ERROR [api] Timeout: slow"),
    ("text-space-in-service", "2024-05-01T10:00:00Z ERROR [my api] Timeout: slow"),
    ("text-space-before-colon", "2024-05-01T10:00:00Z ERROR [api] Timeout : slow"),
    ("text-words-before-timestamp", "got: 2024-05-01T10:00:00Z ERROR [api] Timeout: slow"),
    ("text-extra-token-before-level", "node-7 2024-05-01T10:00:00Z ERROR [api] Timeout: slow"),
    ("text-tab-between-tokens", "2024-05-01T10:00:00Z\tERROR [api] Timeout: slow"),
    ("text-level-glued-to-colon", "2024-05-01T10:00:00Z ERROR: [api] Timeout: slow"),
    ("text-empty-service", "2024-05-01T10:00:00Z ERROR [] Timeout: slow"),
    ("text-slash-in-service", "2024-05-01T10:00:00Z ERROR [api/v2] Timeout: slow"),
    ("text-colon-in-service", "2024-05-01T10:00:00Z ERROR [api:8080] Timeout: slow"),
    ("text-non-ascii-service", "2024-05-01T10:00:00Z ERROR [caf\u00e9] Timeout: slow"),
    ("text-type-starting-with-a-digit", "2024-05-01T10:00:00Z ERROR [api] 5xxError: slow"),
    ("text-dash-in-type", "2024-05-01T10:00:00Z ERROR [api] Bad-Gateway: slow"),
    ("text-no-space-between-service-and-type", "2024-05-01T10:00:00Z ERROR [api]Timeout: slow"),
    ("text-second-line-inside", "2024-05-01T10:00:00Z ERROR [api] Timeout: slow\nand more"),
]


@pytest.mark.parametrize("line", [line for _, line in SKIPPED], ids=[name for name, _ in SKIPPED])
def test_skips_a_bad_line_without_raising(line):
    assert count_errors([line]) == {}
    assert count_errors([line, REAL]) == {"api": {"Timeout": 1}}


def test_accepts_dotted_error_types_service_names_with_dot_underscore_dash_and_crlf():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z ERROR [kube-proxy.v2] requests.exceptions.ReadTimeout: read timed out\r",
            "  2024-05-01T10:00:01Z   ERROR   [log_shipper]   _InternalError: queue full  ",
        ]
    )
    assert counts == {"kube-proxy.v2": {"requests.exceptions.ReadTimeout": 1}, "log_shipper": {"_InternalError": 1}}


def test_takes_any_single_token_as_the_timestamp_and_trims_json_lines_too():
    counts = count_errors(
        [
            "1714557600 ERROR [api] Timeout: epoch seconds",
            "[10:00:00] ERROR [api] Timeout: bracketed clock",
            '  {"level":"error","service":"db","error_type":"Deadlock"}\r',
            "\t2024-05-01T10:00:00Z ERROR [api] Timeout: leading tab\t",
            "2024-05-01T10:00:00Z ERROR [api] Timeout:",
        ]
    )
    assert counts == {"api": {"Timeout": 4}, "db": {"Deadlock": 1}}


def test_returns_plain_dicts_so_an_unknown_service_is_a_key_error():
    counts = count_errors([REAL])
    assert type(counts) is dict
    assert type(counts["api"]) is dict
    with pytest.raises(KeyError):
        counts["billing"]
    with pytest.raises(KeyError):
        counts["api"]["KeyError"]
    assert counts == {"api": {"Timeout": 1}}
    assert json.loads(json.dumps(counts)) == {"api": {"Timeout": 1}}


def test_keeps_every_service_apart():
    counts = count_errors([REAL, "2024-05-01T10:00:00Z ERROR [db] Deadlock: x"])
    assert counts == {"api": {"Timeout": 1}, "db": {"Deadlock": 1}}


def test_returns_an_empty_dict_for_no_lines_and_reads_any_iterable():
    assert count_errors([]) == {}

    def stream():
        yield "2024-05-01T10:00:00Z ERROR [api] Timeout: one"
        yield "2024-05-01T10:00:01Z ERROR [api] Timeout: two"

    assert count_errors(stream()) == {"api": {"Timeout": 2}}
    assert count_errors(iter(("\n", REAL + "\n"))) == {"api": {"Timeout": 1}}


def test_two_calls_share_nothing():
    first = count_errors([REAL])
    second = count_errors([REAL, REAL])
    assert first == {"api": {"Timeout": 1}}
    assert second == {"api": {"Timeout": 2}}


def test_prints_indented_json_with_services_and_error_types_sorted_by_name():
    report = to_json_report({"worker": {"Timeout": 1}, "api": {"ValueError": 2, "KeyError": 1}})
    assert report == "\n".join(
        [
            "{",
            '  "api": {',
            '    "KeyError": 1,',
            '    "ValueError": 2',
            "  },",
            '  "worker": {',
            '    "Timeout": 1',
            "  }",
            "}",
        ]
    )


def test_round_trips_the_counts_of_a_real_log():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z ERROR [b] Y: 1",
            "2024-05-01T10:00:00Z ERROR [a] Z: 1",
            "2024-05-01T10:00:00Z ERROR [a] X: 1",
        ]
    )
    assert json.loads(to_json_report(counts)) == {"a": {"X": 1, "Z": 1}, "b": {"Y": 1}}
    assert list(json.loads(to_json_report(counts))) == ["a", "b"]
    assert to_json_report({}) == "{}"


def test_sorts_by_plain_string_order():
    counts = count_errors(
        [
            "2024-05-01T10:00:00Z ERROR [billing] b: 1",
            "2024-05-01T10:00:00Z ERROR [api] a: 1",
            "2024-05-01T10:00:00Z ERROR [Billing] Zeta: 1",
            "2024-05-01T10:00:00Z ERROR [_internal] x: 1",
            "2024-05-01T10:00:00Z ERROR [Api] alpha: 1",
            "2024-05-01T10:00:00Z ERROR [Api] Zeta: 1",
            "2024-05-01T10:00:00Z ERROR [Api] _private: 1",
            "2024-05-01T10:00:00Z ERROR [Api] Alpha: 1",
            "2024-05-01T10:00:00Z ERROR [z_1] t: 1",
            "2024-05-01T10:00:00Z ERROR [z.1] t: 1",
            "2024-05-01T10:00:00Z ERROR [z-1] t: 1",
        ]
    )
    report = json.loads(to_json_report(counts))
    assert list(report) == ["Api", "Billing", "_internal", "api", "billing", "z-1", "z.1", "z_1"]
    assert list(report["Api"]) == ["Alpha", "Zeta", "_private", "alpha"]


def test_prints_a_report_with_several_error_types_per_service_exactly():
    report = to_json_report({"db": {"b": 2, "B": 1, "a": 3}, "Db": {"x": 1}})
    assert report == '{\n  "Db": {\n    "x": 1\n  },\n  "db": {\n    "B": 1,\n    "a": 3,\n    "b": 2\n  }\n}'


def test_the_report_does_not_change_the_counts():
    counts = {"b": {"y": 1, "x": 2}, "a": {"z": 3}}
    to_json_report(counts)
    assert list(counts) == ["b", "a"]
    assert list(counts["b"]) == ["y", "x"]
