import copy

import pytest

import solution
from solution import DEFAULTS, config_for

DEFAULTS_AS_GIVEN = {
    "name": "service",
    "replicas": 2,
    "labels": {"team": "platform", "tier": "backend"},
    "ports": [8080],
    "health_check": {"path": "/healthz", "timeout_seconds": 5},
}


def make_base():
    """A fresh base that is not DEFAULTS."""
    return {
        "name": "base",
        "replicas": 4,
        "labels": {"team": "data", "env": "staging"},
        "ports": [5432, 9187],
        "health_check": {"path": "/ready", "timeout_seconds": 2},
    }


def given_as(name):
    return dict(copy.deepcopy(DEFAULTS_AS_GIVEN), name=name)


@pytest.fixture(autouse=True)
def put_defaults_back():
    yield
    # Put DEFAULTS back (the same dict object) whatever a wrong solution did to it, so one failure does not spread.
    solution.DEFAULTS.clear()
    solution.DEFAULTS.update(copy.deepcopy(DEFAULTS_AS_GIVEN))


def nested(config):
    return [config["labels"], config["ports"], config["health_check"]]


def test_keeps_defaults_as_the_stub_gives_it():
    assert DEFAULTS == DEFAULTS_AS_GIVEN


def test_builds_a_config_from_defaults_when_there_are_no_overrides():
    assert config_for("api") == {
        "name": "api",
        "replicas": 2,
        "labels": {"team": "platform", "tier": "backend"},
        "ports": [8080],
        "health_check": {"path": "/healthz", "timeout_seconds": 5},
    }
    assert config_for("api", {}) == config_for("api")


def test_applies_replicas_merges_labels_with_the_override_winning_and_appends_extra_ports():
    result = config_for("web", {"replicas": 5, "labels": {"tier": "frontend", "owner": "web-team"}, "extra_ports": [9090, 8080]})
    assert result == {
        "name": "web",
        "replicas": 5,
        "labels": {"team": "platform", "tier": "frontend", "owner": "web-team"},
        "ports": [8080, 9090, 8080],
        "health_check": {"path": "/healthz", "timeout_seconds": 5},
    }


def test_keeps_replicas_0_and_treats_none_fields_as_no_override():
    assert config_for("batch", {"replicas": 0})["replicas"] == 0
    assert config_for("batch", {"replicas": None, "labels": None, "extra_ports": None}) == config_for("batch")


def test_the_label_of_one_service_does_not_reach_defaults_or_the_next():
    first = config_for("payments", {"labels": {"pci": "true"}, "extra_ports": [8443]})
    assert first["labels"] == {"team": "platform", "tier": "backend", "pci": "true"}
    assert DEFAULTS == DEFAULTS_AS_GIVEN
    following = config_for("search")
    assert following["labels"] == {"team": "platform", "tier": "backend"}
    assert following["ports"] == [8080]


def test_shares_no_dict_or_list_with_defaults_at_any_depth():
    result = config_for("api")
    assert result is not DEFAULTS
    assert result["labels"] is not DEFAULTS["labels"]
    assert result["ports"] is not DEFAULTS["ports"]
    assert result["health_check"] is not DEFAULTS["health_check"]


def test_changing_a_result_later_never_changes_defaults_or_the_next_result():
    result = config_for("api")
    result["labels"]["team"] = "someone-else"
    result["labels"]["debug"] = "on"
    result["ports"].append(5005)
    result["health_check"]["path"] = "/debug"
    result["health_check"]["timeout_seconds"] = 60
    result["replicas"] = 9
    assert DEFAULTS == DEFAULTS_AS_GIVEN
    assert config_for("api") == given_as("api")


def test_changing_defaults_later_never_changes_an_earlier_result():
    result = config_for("api", {"labels": {"owner": "a"}})
    DEFAULTS["labels"]["team"] = "changed"
    DEFAULTS["ports"].append(1)
    DEFAULTS["health_check"]["path"] = "/changed"
    assert result == {
        "name": "api",
        "replicas": 2,
        "labels": {"team": "platform", "tier": "backend", "owner": "a"},
        "ports": [8080],
        "health_check": {"path": "/healthz", "timeout_seconds": 5},
    }


def test_builds_from_the_base_it_is_given_and_leaves_base_and_overrides_as_they_were():
    base = make_base()
    overrides = {"replicas": 1, "labels": {"env": "prod", "on_call": "dba"}, "extra_ports": [9999]}
    overrides_before = copy.deepcopy(overrides)
    result = config_for("postgres", overrides, base)
    assert result == {
        "name": "postgres",
        "replicas": 1,
        "labels": {"team": "data", "env": "prod", "on_call": "dba"},
        "ports": [5432, 9187, 9999],
        "health_check": {"path": "/ready", "timeout_seconds": 2},
    }
    assert base == make_base()
    assert overrides == overrides_before
    assert DEFAULTS == DEFAULTS_AS_GIVEN
    assert config_for("x", {}, base)["replicas"] == 4
    assert config_for("x", base=base)["labels"] == {"team": "data", "env": "staging"}


def test_adds_no_key_to_the_overrides_dict_nor_to_its_labels():
    overrides = {"replicas": 3}
    config_for("api", overrides)
    assert list(overrides) == ["replicas"]
    labels = {"owner": "ops"}
    with_labels = {"labels": labels}
    config_for("api", with_labels)
    assert list(with_labels) == ["labels"]
    assert labels == {"owner": "ops"}


def test_shares_nothing_with_base_or_overrides_even_when_the_overrides_add_nothing_new():
    base = make_base()
    labels = {"team": "data"}
    extra_ports = []
    result = config_for("postgres", {"labels": labels, "extra_ports": extra_ports}, base)
    for shared in nested(base) + [labels, extra_ports]:
        for mine in nested(result):
            assert mine is not shared
    result["labels"]["team"] = "x"
    result["ports"].append(1)
    result["health_check"]["timeout_seconds"] = 30
    assert base == make_base()
    assert labels == {"team": "data"}
    assert extra_ports == []


def test_copies_labels_and_ports_from_an_empty_base_so_the_result_does_not_share_the_overrides():
    base = make_base()
    base["labels"] = {}
    base["ports"] = []
    labels = {"app": "cron"}
    extra_ports = [8081]
    result = config_for("cron", {"labels": labels, "extra_ports": extra_ports}, base)
    assert result["labels"] == {"app": "cron"}
    assert result["ports"] == [8081]
    result["labels"]["app"] = "changed"
    result["ports"].append(2)
    assert labels == {"app": "cron"}
    assert extra_ports == [8081]
    labels["app"] = "later"
    extra_ports.append(3)
    assert result["labels"] == {"app": "changed"}
    assert result["ports"] == [8081, 2]


def test_gives_two_services_two_independent_configs():
    a = config_for("a")
    b = config_for("b")
    a["labels"]["only"] = "a"
    a["ports"].append(1)
    a["health_check"]["path"] = "/a"
    assert b == given_as("b")
    c = config_for("c", {"labels": {"x": "1"}})
    d = config_for("d", {"labels": {"y": "2"}})
    assert c["labels"] == {"team": "platform", "tier": "backend", "x": "1"}
    assert d["labels"] == {"team": "platform", "tier": "backend", "y": "2"}
