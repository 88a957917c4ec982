import copy
import json
import re

import pytest

from solution import to_env_vars, unflatten


def nested():
    return {
        "service": "billing",
        "replicas": 3,
        "debug": False,
        "owner": None,
        "db": {"host": "db.internal", "port": 5432, "options": {"ssl": True, "timeout_ms": 0}},
        "servers": [
            {"name": "web-1", "ports": [80, 443]},
            {"name": "web-2", "ports": [8080]},
        ],
        "matrix": [[1, 2], [3]],
        "labels": {},
        "volumes": [],
        "motd": "",
    }


def flat_config():
    return {
        "service": "billing",
        "replicas": 3,
        "debug": False,
        "owner": None,
        "db.host": "db.internal",
        "db.port": 5432,
        "db.options.ssl": True,
        "db.options.timeout_ms": 0,
        "servers[0].name": "web-1",
        "servers[0].ports[0]": 80,
        "servers[0].ports[1]": 443,
        "servers[1].name": "web-2",
        "servers[1].ports[0]": 8080,
        "matrix[0][0]": 1,
        "matrix[0][1]": 2,
        "matrix[1][0]": 3,
        "labels": {},
        "volumes": [],
        "motd": "",
    }


def raises_naming(text):
    return pytest.raises(ValueError, match=re.escape(text))


# to_env_vars

def test_builds_prefix_path_names_and_string_values():
    env = to_env_vars({"db.host": "db.internal", "db.port": 5432, "servers[1].name": "web-2", "debug": False, "owner": None, "volumes": [], "labels": {}}, "billing")
    assert env == {
        "BILLING_DB_HOST": "db.internal",
        "BILLING_DB_PORT": "5432",
        "BILLING_SERVERS_1_NAME": "web-2",
        "BILLING_DEBUG": "false",
        "BILLING_OWNER": "null",
        "BILLING_VOLUMES": "[]",
        "BILLING_LABELS": "{}",
    }


def test_turns_each_run_of_other_characters_into_one_underscore_and_trims_both_ends():
    assert to_env_vars({"log-level": "info", "matrix[0][1]": 2}, "") == {"LOG_LEVEL": "info", "MATRIX_0_1": "2"}
    assert to_env_vars({"_private..x__": 1, "a b[0]": 2, "x-.-y": 3}, "") == {"PRIVATE_X": "1", "A_B_0": "2", "X_Y": "3"}
    assert to_env_vars({"db.host": "h", "x[3]": "y"}, "my-app_") == {"MY_APP_DB_HOST": "h", "MY_APP_X_3": "y"}
    assert to_env_vars({"port": 1}, "--Billing--") == {"BILLING_PORT": "1"}
    assert to_env_vars({"hosts[0]": "a", "tags[10]": "b"}, "app") == {"APP_HOSTS_0": "a", "APP_TAGS_10": "b"}
    assert to_env_vars({"Db.Port": 1, "camelCase.key9": 2}, "Svc") == {"SVC_DB_PORT": "1", "SVC_CAMELCASE_KEY9": "2"}


def test_adds_nothing_for_an_empty_prefix():
    assert to_env_vars({"db.port": 5432, "hosts[0]": "a"}, "") == {"DB_PORT": "5432", "HOSTS_0": "a"}


def test_keeps_strings_as_they_are_and_json_encodes_everything_else():
    flat = {"quote": 'say "hi"', "blank": "", "num": "42", "t": "true", "spaced": " x ", "on": True, "off": False,
            "neg": -1.5, "zero": 0, "big": 1e21, "none": None, "one": 1}
    assert to_env_vars(flat, "x") == {
        "X_QUOTE": 'say "hi"',
        "X_BLANK": "",
        "X_NUM": "42",
        "X_T": "true",
        "X_SPACED": " x ",
        "X_ON": "true",
        "X_OFF": "false",
        "X_NEG": "-1.5",
        "X_ZERO": "0",
        "X_BIG": "1e+21",
        "X_NONE": "null",
        "X_ONE": "1",
    }
    assert to_env_vars({}, "app") == {}


def test_every_value_is_a_str():
    env = to_env_vars(flat_config(), "app")
    assert sorted({type(v).__name__ for v in env.values()}) == ["str"]


def test_rejects_two_paths_that_give_the_same_name_naming_both_in_double_quotes():
    with raises_naming('"log-level"'):
        to_env_vars({"log-level": "info", "log.level": "debug"}, "app")
    with raises_naming('"log.level"'):
        to_env_vars({"log-level": "info", "log.level": "debug"}, "app")


@pytest.mark.parametrize(
    "flat, prefix",
    [
        pytest.param({"db.port": 1, "other": "x", "DB.port": 2}, "app", id="case"),
        pytest.param({"hosts[0]": "a", "hosts_0": "b"}, "", id="trim"),
        pytest.param({"a.b": 1, "a_b": 2}, "x", id="underscore"),
        pytest.param({"x..y": 1, "x-y": 2}, "", id="run"),
    ],
)
def test_finds_clashes_that_appear_only_after_rewriting(flat, prefix):
    first, second = [path for path in flat if path != "other"]
    with raises_naming('"%s"' % first):
        to_env_vars(flat, prefix)
    with raises_naming('"%s"' % second):
        to_env_vars(flat, prefix)


def test_to_env_vars_does_not_modify_its_input():
    flat = flat_config()
    to_env_vars(flat, "app")
    assert flat == flat_config()


# unflatten

def test_rebuilds_nested_dicts_and_real_lists():
    result = unflatten(flat_config())
    assert result == nested()
    assert type(result["servers"]) is list
    assert type(result["matrix"][0]) is list


def test_builds_the_example_from_the_prompt():
    assert unflatten({"db.hosts[0]": "a", "db.port": 5432}) == {"db": {"hosts": ["a"], "port": 5432}}


def test_takes_the_entries_in_any_order_and_puts_list_items_at_their_index():
    flat = {
        "hosts[2]": "c", "hosts[0]": "a", "hosts[1]": "b",
        "grid[1][1]": 4, "grid[0][0]": 1, "grid[1][0]": 3, "grid[0][1]": 2,
        "list[10]": 10, "list[9]": 9, "list[8]": 8, "list[7]": 7, "list[6]": 6, "list[5]": 5,
        "list[4]": 4, "list[3]": 3, "list[2]": 2, "list[1]": 1, "list[0]": 0,
        "servers[1].name": "web-2", "servers[0].name": "web-1", "servers[1].port": 81,
    }
    assert unflatten(flat) == {
        "hosts": ["a", "b", "c"],
        "grid": [[1, 2], [3, 4]],
        "list": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "servers": [{"name": "web-1"}, {"name": "web-2", "port": 81}],
    }


def test_reversed_input_gives_the_same_result():
    reversed_flat = dict(reversed(list(flat_config().items())))
    assert unflatten(reversed_flat) == nested()


def test_keeps_falsy_values_and_keys_with_digits_dashes_and_spaces():
    result = unflatten({"a.off": False, "a.zero": 0, "a.blank": "", "a.none": None, "0[0]": "x", "log-level": "info", "a b.c": True})
    assert result == {"a": {"off": False, "zero": 0, "blank": "", "none": None}, "0": ["x"], "log-level": "info", "a b": {"c": True}}


def test_a_path_that_merely_starts_with_another_is_not_below_it():
    flat = {"db.port": 1, "db.portal": 2, "db2": 3, "a[1]": "b", "a[10]": "k", "a[0]": "a", "a[2]": "c", "a[3]": "d",
            "a[4]": "e", "a[5]": "f", "a[6]": "g", "a[7]": "h", "a[8]": "i", "a[9]": "j"}
    assert unflatten(flat) == {"db": {"port": 1, "portal": 2}, "db2": 3, "a": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]}


def test_copies_empty_containers_instead_of_sharing_them():
    flat = {"labels": {}, "volumes": [], "deep.x[0]": []}
    result = unflatten(flat)
    assert result == {"labels": {}, "volumes": [], "deep": {"x": [[]]}}
    result["labels"]["a"] = 1
    result["volumes"].append(1)
    result["deep"]["x"][0].append(1)
    assert flat == {"labels": {}, "volumes": [], "deep.x[0]": []}


def test_unflatten_does_not_modify_its_input():
    flat = flat_config()
    before = copy.deepcopy(flat)
    unflatten(flat)
    assert flat == before


@pytest.mark.parametrize(
    "flat, longer",
    [
        ({"db": "postgres://x", "db.port": 5432}, "db.port"),
        ({"db.port": 5432, "db": {}}, "db.port"),
        ({"a.b.c.d": 1, "a.b": None}, "a.b.c.d"),
        ({"hosts[0]": "a", "hosts[0].name": "b"}, "hosts[0].name"),
        ({"hosts[0]": "a", "hosts": []}, "hosts[0]"),
        ({"hosts": [], "hosts[0]": "a"}, "hosts[0]"),
        ({"x.y": False, "x": 0}, "x.y"),
        ({"m[0][1]": 1, "m[0]": ""}, "m[0][1]"),
    ],
)
def test_rejects_a_path_that_is_a_value_and_has_children_naming_the_longer_path(flat, longer):
    with raises_naming(longer):
        unflatten(flat)


@pytest.mark.parametrize(
    "flat",
    [
        {"hosts[0]": "a", "hosts.primary": "b"},
        {"hosts.primary": "b", "hosts[0]": "a"},
        {"m[0][0]": 1, "m[0].x": 2},
        {"m[0].x": 2, "m[0][0]": 1},
        {"a.b[0]": 1, "a.b.0": 2},
        {"0.x": 1, "0[0]": 2},
    ],
)
def test_rejects_a_node_used_both_as_a_list_and_as_a_dict(flat):
    with pytest.raises(ValueError):
        unflatten(flat)


@pytest.mark.parametrize(
    "flat, missing",
    [
        ({"hosts[0]": "a", "hosts[2]": "c"}, "hosts[1]"),
        ({"hosts[1]": "b"}, "hosts[0]"),
        ({"x[0]": 0, "x[1]": 1, "x[3]": 3, "x[4]": 4}, "x[2]"),
        ({"x[5]": 5, "x[0]": 0, "x[1]": 1, "x[2]": 2}, "x[3]"),
        ({"m[0][0]": 1, "m[0][2]": 3}, "m[0][1]"),
        ({"svc.hosts[1]": "b"}, "svc.hosts[0]"),
        ({"a[0].b.c[2]": 1, "a[0].b.c[0]": 1}, "a[0].b.c[1]"),
        ({"m[1][0]": 1}, "m[0]"),
    ],
)
def test_rejects_a_list_with_a_gap_naming_the_first_missing_item(flat, missing):
    with raises_naming(missing):
        unflatten(flat)


@pytest.mark.parametrize("path", ["", "a..b", ".a", "a.", "a[01]", "a[00]", "a[x]", "a[-1]", "a[1.5]", "a[ 1]", "a[]", "a]", "a[",
                                  "a[0]b", "[0]", "[0].a", "a[0", "a.[0]", "a[0]]", "a[[0]]", "a.b.", "a[0]."])
def test_rejects_a_malformed_path_quoting_it_in_double_quotes(path):
    with raises_naming(json.dumps(path)):
        unflatten({path: 1})
    with pytest.raises(ValueError):
        unflatten({"ok": 1, path: 1})


def test_accepts_index_0_10_and_100_and_keys_of_any_other_characters():
    flat = {"n[%d]" % i: i for i in range(101)}
    flat["k-1.x y"] = 1
    result = unflatten(flat)
    assert result["n"] == list(range(101))
    assert result["k-1"] == {"x y": 1}
