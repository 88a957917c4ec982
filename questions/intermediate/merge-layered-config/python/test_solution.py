import copy
import json
import re

import pytest

from solution import ConfigError, Layer, merge_layers, parse_layer


def defaults():
    return {
        "image": "web:1.0",
        "replicas": 2,
        "server": {"host": "0.0.0.0", "port": 8080, "tls": {"enabled": False, "ciphers": ["aes128", "aes256"]}},
        "regions": ["eu-west", "us-east"],
        "labels": {"team": "platform"},
    }


def conflicts(layers):
    with pytest.raises(ConfigError) as info:
        merge_layers(layers)
    return str(info.value)


def test_merges_nested_dicts_key_by_key_later_layers_winning():
    merged = merge_layers([
        Layer("defaults", defaults()),
        Layer("prod.json", {"replicas": 6, "server": {"port": 443, "tls": {"enabled": True}}}),
        Layer("command line", {"image": "web:1.1", "labels": {"release": "canary"}}),
    ])
    assert merged == {
        "image": "web:1.1",
        "replicas": 6,
        "server": {"host": "0.0.0.0", "port": 443, "tls": {"enabled": True, "ciphers": ["aes128", "aes256"]}},
        "regions": ["eu-west", "us-east"],
        "labels": {"team": "platform", "release": "canary"},
    }


def test_accepts_plain_source_data_tuples():
    assert merge_layers([("defaults", {"a": 1}), ("prod.json", {"a": 2.5})]) == {"a": 2.5}


def test_replaces_lists_whole_instead_of_concatenating_or_merging_by_index():
    merged = merge_layers([Layer("defaults", defaults()), Layer("prod.json", {"regions": ["eu-central"], "server": {"tls": {"ciphers": []}}})])
    assert merged["regions"] == ["eu-central"]
    assert merged["server"]["tls"] == {"enabled": False, "ciphers": []}


def test_never_modifies_the_input_layers():
    base = defaults()
    prod = {"replicas": 6, "server": {"port": 443, "tls": {"ciphers": ["x"]}}, "regions": ["eu-central"], "extra": {"a": [1]}}
    before = copy.deepcopy([base, prod])
    merge_layers([Layer("defaults", base), Layer("prod.json", prod)])
    assert [base, prod] == before


def test_the_result_shares_no_dict_or_list_with_the_inputs():
    base = defaults()
    prod = {"regions": ["eu-central"], "extra": {"list": [1, 2]}}
    merged = merge_layers([Layer("defaults", base), Layer("prod.json", prod)])
    merged["labels"]["team"] = "changed"
    merged["regions"].append("ap-south")
    merged["extra"]["list"].append(3)
    merged["server"]["tls"]["enabled"] = True
    merged["server"]["tls"]["ciphers"].append("x")
    assert base == defaults()
    assert prod == {"regions": ["eu-central"], "extra": {"list": [1, 2]}}


def test_shares_nothing_with_a_single_layer_lists_in_lists_and_dicts_in_lists_included():
    data = {"matrix": [[1, 2]], "list": [{"a": 1}], "deep": {"deeper": {"x": 1}}}
    merged = merge_layers([Layer("only.json", data)])
    assert merged == data
    assert merged is not data
    merged["matrix"][0].append(3)
    merged["list"][0]["a"] = 2
    merged["deep"]["deeper"]["x"] = 2
    assert data == {"matrix": [[1, 2]], "list": [{"a": 1}], "deep": {"deeper": {"x": 1}}}


def test_copies_a_value_that_replaces_null_or_a_list():
    later = {"proxy": {"url": "http://p"}, "regions": [{"name": "eu"}]}
    merged = merge_layers([Layer("defaults", {"proxy": None, "regions": ["us"]}), Layer("prod.json", later)])
    merged["proxy"]["url"] = "changed"
    merged["regions"][0]["name"] = "changed"
    assert later == {"proxy": {"url": "http://p"}, "regions": [{"name": "eu"}]}


def test_reports_a_type_conflict_with_its_path_and_both_sources():
    message = conflicts([Layer("defaults", defaults()), Layer("prod.json", {"replicas": "6"})])
    assert "type conflict at replicas: number in defaults, string in prod.json" in message


def test_a_boolean_over_a_number_is_a_conflict_though_bool_is_an_int():
    message = conflicts([Layer("defaults", {"replicas": 3, "debug": False}), Layer("prod.json", {"replicas": True, "debug": 0})])
    assert "type conflict at replicas: number in defaults, boolean in prod.json" in message
    assert "type conflict at debug: boolean in defaults, number in prod.json" in message


def test_an_int_and_a_float_are_both_numbers():
    assert merge_layers([Layer("defaults", {"cpu": 1, "mem": 0.5}), Layer("prod.json", {"cpu": 1.5, "mem": 2})]) == {"cpu": 1.5, "mem": 2}


def test_collects_every_conflict_naming_the_layer_that_set_the_old_value():
    message = conflicts([
        Layer("defaults", defaults()),
        Layer("prod.json", {"server": {"port": 443}}),
        Layer("command line", {"server": {"port": "443", "tls": "on"}, "regions": {"eu": True}}),
    ])
    assert "type conflict at server.port: number in prod.json, string in command line" in message
    assert "type conflict at server.tls: object in defaults, string in command line" in message
    assert "type conflict at regions: array in defaults, object in command line" in message


def test_null_replaces_anything_and_anything_replaces_null():
    merged = merge_layers([
        Layer("defaults", {"proxy": {"url": "http://proxy:3128"}, "timeout": None, "tags": ["a"]}),
        Layer("prod.json", {"proxy": None, "timeout": 30, "tags": None}),
        Layer("command line", {"tags": ["b"]}),
    ])
    assert merged == {"proxy": None, "timeout": 30, "tags": ["b"]}


def test_keeps_keys_only_a_later_layer_has_and_returns_an_empty_dict_for_no_layers():
    assert merge_layers([]) == {}
    assert merge_layers([Layer("a", {}), Layer("b", {"added": {"deep": [1]}})]) == {"added": {"deep": [1]}}


def test_names_the_layer_that_set_a_scalar_last():
    message = conflicts([
        Layer("defaults", {"timeout": None, "retries": 1}),
        Layer("base.json", {"timeout": 30, "retries": 2}),
        Layer("prod.json", {"timeout": 60}),
        Layer("command line", {"timeout": "60s", "retries": False}),
    ])
    assert "type conflict at timeout: number in prod.json, string in command line" in message
    assert "type conflict at retries: number in base.json, boolean in command line" in message


def test_names_the_layer_that_first_brought_a_dict_in():
    message = conflicts([
        Layer("defaults", {"server": {"port": 80}}),
        Layer("prod.json", {"server": {"host": "web"}}),
        Layer("command line", {"server": "web:80"}),
    ])
    assert "type conflict at server: object in defaults, string in command line" in message


def test_reports_conflicts_deep_in_the_tree_and_between_every_pair_of_kinds():
    message = conflicts([
        Layer("defaults", defaults()),
        Layer("prod.json", {"image": {"name": "web"}, "server": {"tls": {"enabled": "yes", "ciphers": "aes"}}, "labels": ["x"]}),
    ])
    for part in [
        "type conflict at image: string in defaults, object in prod.json",
        "type conflict at server.tls.enabled: boolean in defaults, string in prod.json",
        "type conflict at server.tls.ciphers: array in defaults, string in prod.json",
        "type conflict at labels: object in defaults, array in prod.json",
    ]:
        assert part in message


def test_a_failed_merge_leaves_nothing_behind_for_the_next_call():
    conflicts([Layer("defaults", {"a": 1}), Layer("prod.json", {"a": "x"})])
    assert merge_layers([Layer("defaults", {"b": 1}), Layer("prod.json", {"b": 2})]) == {"b": 2}
    message = conflicts([Layer("defaults", {"c": 1}), Layer("prod.json", {"c": "x"})])
    assert "at a:" not in message


def test_parses_a_json_object():
    assert parse_layer('{"replicas": 3, "server": {"port": 443}}', "prod.json") == {"replicas": 3, "server": {"port": 443}}


def decode_error(text):
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return error
    raise AssertionError("expected %r to be invalid JSON" % text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{\n  "replicas": 3\n  "image": "web:1.2"\n}', id="missing-comma"),
        pytest.param('{"a" 1}', id="no-colon"),
        pytest.param("", id="empty"),
        pytest.param('{"a": 1}\n]', id="stray-bracket"),
        pytest.param('{"a": {"b": 1}', id="truncated"),
        pytest.param('{"a": [1, 2,]}', id="trailing-comma"),
    ],
)
def test_invalid_json_names_the_file_and_keeps_the_parsers_message_and_cause(text):
    with pytest.raises(ConfigError) as info:
        parse_layer(text, "prod.json")
    expected = decode_error(text)
    message = str(info.value)
    assert message.startswith("prod.json: invalid JSON")
    assert str(expected) in message
    assert "line %d column %d" % (expected.lineno, expected.colno) in message
    assert isinstance(info.value.__cause__, json.JSONDecodeError)


def test_the_missing_comma_is_reported_at_line_3():
    with pytest.raises(ConfigError, match=r"^broken\.json: invalid JSON: .*line 3 column 3"):
        parse_layer('{\n  "replicas": 3\n  "image": "web:1.2"\n}', "broken.json")


@pytest.mark.parametrize("text, kind", [("[1, 2]", "array"), ("null", "null"), ('"text"', "string"), ("42", "number"), ("4.5", "number"), ("true", "boolean"), ("false", "boolean")])
def test_rejects_a_top_level_that_is_not_an_object(text, kind):
    with pytest.raises(ConfigError) as info:
        parse_layer(text, "prod.json")
    assert str(info.value) == "prod.json: expected an object at the top level, got %s" % kind


def test_config_error_is_a_value_error():
    with pytest.raises(ValueError, match=re.escape("x.json")):
        parse_layer("[", "x.json")
