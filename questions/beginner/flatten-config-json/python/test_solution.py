import copy
import datetime
import decimal
import json
import re

import pytest

from solution import flatten


def config():
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
        "ratio": 0.5,
    }


FLAT = {
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
    "ratio": 0.5,
}


def test_turns_nested_dicts_into_dotted_keys_and_lists_into_index_segments():
    assert flatten(config()) == FLAT


def test_works_on_what_json_loads_gives():
    assert flatten(json.loads(json.dumps(config()))) == FLAT


def test_keeps_falsy_leaves_and_empty_containers_with_their_types():
    flat = flatten({"a": {"off": False, "zero": 0, "blank": "", "none": None, "list": [], "map": {}, "fzero": 0.0}})
    assert flat == {"a.off": False, "a.zero": 0, "a.blank": "", "a.none": None, "a.list": [], "a.map": {}, "a.fzero": 0.0}
    assert flat["a.off"] is False
    assert type(flat["a.zero"]) is int
    assert type(flat["a.list"]) is list
    assert type(flat["a.map"]) is dict


def test_booleans_stay_booleans_next_to_numbers():
    flat = flatten({"flags": [True, 1, False, 0, 1.0]})
    assert [type(flat["flags[%d]" % i]) for i in range(5)] == [bool, int, bool, int, float]


def test_does_not_modify_the_config_and_shares_no_container_with_it():
    original = config()
    before = copy.deepcopy(original)
    flat = flatten(original)
    assert original == before
    flat["labels"]["x"] = 1
    flat["volumes"].append(1)
    assert original["labels"] == {}
    assert original["volumes"] == []


def test_each_call_starts_from_an_empty_result():
    assert flatten({"a": 1}) == {"a": 1}
    assert flatten({"b": 2}) == {"b": 2}
    assert flatten({}) == {}


def test_keys_that_only_look_special_are_ordinary_keys():
    flat = flatten({"__class__": {"name": "x"}, "0": [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], "log-level": "info", "a b": True, "items": 1})
    assert flat == {
        "__class__.name": "x",
        "0[0]": 10, "0[1]": 11, "0[2]": 12, "0[3]": 13, "0[4]": 14, "0[5]": 15, "0[6]": 16, "0[7]": 17,
        "0[8]": 18, "0[9]": 19, "0[10]": 20,
        "log-level": "info",
        "a b": True,
        "items": 1,
    }


class Secret:
    def __init__(self, value):
        self.value = value


@pytest.mark.parametrize(
    "value, path",
    [
        pytest.param({"limits": {"cpu": float("nan")}}, "limits.cpu", id="nan"),
        pytest.param({"timeout": float("inf")}, "timeout", id="inf"),
        pytest.param({"limits": [1, float("-inf")]}, "limits[1]", id="minus-inf"),
        pytest.param({"zones": {"a", "b"}}, "zones", id="set"),
        pytest.param({"ports": (80, 443)}, "ports", id="tuple"),
        pytest.param({"db": {"deployed": datetime.date(2024, 1, 1)}}, "db.deployed", id="date"),
        pytest.param({"key": b"raw"}, "key", id="bytes"),
        pytest.param({"cpu": decimal.Decimal("0.5")}, "cpu", id="decimal"),
        pytest.param({"hooks": [len]}, "hooks[0]", id="function"),
        pytest.param({"auth": {"token": Secret("s3cr3t")}}, "auth.token", id="object"),
        pytest.param({"hosts": ["a", [None, object()]]}, "hosts[1][1]", id="deep-in-lists"),
    ],
)
def test_rejects_what_json_cannot_hold_with_a_type_error_naming_its_path(value, path):
    with pytest.raises(TypeError, match=re.escape(path)):
        flatten(value)


@pytest.mark.parametrize("key", [1, None, ("a", "b"), True])
def test_rejects_a_key_that_is_not_a_string_naming_where_it_is(key):
    with pytest.raises(TypeError, match=r"db\.options"):
        flatten({"db": {"options": {key: 1}}})


def test_the_same_dict_or_list_may_appear_twice():
    shared = {"retries": 2}
    ports = [80]
    assert flatten({"a": shared, "b": [shared, shared], "c": {"d": shared}, "p": ports, "q": ports}) == {
        "a.retries": 2,
        "b[0].retries": 2,
        "b[1].retries": 2,
        "c.d.retries": 2,
        "p[0]": 80,
        "q[0]": 80,
    }


@pytest.mark.parametrize("key", ["log.level", "ports[0]", "a]", "a[b", "[", "]", ".", "", "a.", ".a", "x[0]y"])
def test_rejects_a_key_that_cannot_be_written_as_a_path_quoting_it(key):
    with pytest.raises(ValueError, match=re.escape('"%s"' % key)):
        flatten({"outer": {"list": [{key: 1}]}})
    with pytest.raises(ValueError, match=re.escape('"%s"' % key)):
        flatten({key: {"x": 1}})


@pytest.mark.parametrize("root", [["a"], [], "text", None, 42, True, ("a",), datetime.date(2024, 1, 1)], ids=repr)
def test_rejects_a_root_that_is_not_a_dict(root):
    with pytest.raises(TypeError):
        flatten(root)
