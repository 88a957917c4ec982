import argparse
import copy
import json

import pytest

from solution import ConfigError, UsageError, parse_args, plan_deploy

CONFIG = {
    "defaults": {"region": "westeurope", "maxReplicas": 10, "allowOverride": False},
    "environments": {
        "dev": {"image": "registry.local/web:1.5.0-rc1", "replicas": 1, "allowOverride": True},
        "prod": {"image": "registry.local/web:1.4.2", "replicas": 3, "region": "northeurope", "maxReplicas": 20,
                 "allowOverride": True},
        "audit": {"image": "registry.local/web:1.4.2", "replicas": 2},
    },
}


def config():
    """A fresh copy of CONFIG for each use."""
    return copy.deepcopy(CONFIG)


def valid(settings, defaults=None):
    """A config with one environment "qa" that is valid until `settings` change it (None removes a key)."""
    qa = {"image": "web:1", "region": "eu", "replicas": 2}
    qa.update(settings)
    qa = {key: value for key, value in qa.items() if value is not None}
    result = {"environments": {"qa": qa}}
    if defaults is not None:
        result["defaults"] = defaults
    return result


def args(env, replicas=None, override=False):
    return argparse.Namespace(command="deploy", env=env, replicas=replicas, override=override)


def expect_config_error(argv, cfg, *parts):
    with pytest.raises(ConfigError) as info:
        plan_deploy(argv, cfg)
    for part in parts:
        assert part in str(info.value)


# ------------------------------------------------------------------ parse_args


def test_parses_the_subcommand_options_and_the_override_switch():
    assert parse_args(["deploy", "--env", "prod", "--replicas", "5", "--override"]) == args("prod", 5, True)


def test_accepts_the_equals_form_and_leaves_replicas_none_when_not_given():
    assert parse_args(["deploy", "--env=dev"]) == args("dev")
    assert parse_args(["deploy", "--override", "--replicas=12", "--env=prod"]) == args("prod", 12, True)
    assert parse_args(["deploy", "--env", "prod", "--override"]) == args("prod", None, True)
    assert parse_args(["deploy", "--env", "prod", "--replicas", "1", "--override"]).replicas == 1
    assert parse_args(["deploy", "--env", "prod", "--replicas", "007", "--override"]).replicas == 7


def test_parse_args_prints_nothing(capsys):
    parse_args(["deploy", "--env", "prod"])
    with pytest.raises(UsageError):
        parse_args(["deploy", "--env", "prod", "--force"])
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["rollback", "--env", "prod"],
        ["deploy"],
        ["deploy", "--env"],
        ["deploy", "--env", "--override"],
        ["deploy", "--env", "prod", "--force"],
        ["deploy", "--env", "prod", "now"],
        ["deploy", "--env", "prod", "--override=yes"],
        ["Deploy", "--env", "prod"],
        ["--env", "prod", "deploy"],
        ["deploy", "deploy", "--env", "prod"],
        ["deploy", "--env", "prod", "--override", "--replicas"],
        ["deploy", "--env", "prod", "--replicas", "--override"],
        ["deploy", "--env", "prod", "--force=1"],
        ["deploy", "-e", "prod"],
        ["deploy", "--override"],
        ["deploy", "--env", "-x"],
        ["deploy", "--env", "prod", "--over"],
        ["deploy", "--en", "prod"],
        ["deploy", "--env", "prod", "--rep", "3", "--override"],
        ["deploy", "--env", "prod", "-h"],
        ["deploy", "--env", "prod", "--help"],
        ["-h"],
    ],
    ids=["nothing", "unknown-subcommand", "no-env", "env-without-value", "env-then-flag", "unknown-option",
         "positional", "override-with-value", "capitalised-subcommand", "subcommand-last", "second-subcommand",
         "replicas-without-value", "replicas-then-flag", "unknown-option-equals", "short-form", "only-override",
         "env-value-with-dash", "abbreviated-override", "abbreviated-env", "abbreviated-replicas", "sub-h",
         "sub-help", "top-h"],
)
def test_raises_usage_error(argv):
    with pytest.raises(UsageError):
        parse_args(argv)


@pytest.mark.parametrize(
    "argv, named",
    [
        ([], "command"),
        (["rollback", "--env", "prod"], "rollback"),
        (["deploy", "--env", "prod", "now"], "now"),
        (["deploy", "--env", "prod", "--force"], "--force"),
        (["deploy", "--env", "prod", "--force=1"], "--force"),
        (["deploy", "--env", "prod", "--force", "3", "--override"], "--force"),
        (["deploy", "--env", "prod", "--override=yes"], "--override"),
        (["deploy", "--env"], "--env"),
        (["deploy", "--env="], "--env"),
        (["deploy", "--env", ""], "--env"),
        (["deploy", "--env", "prod", "--override", "--replicas"], "--replicas"),
        (["deploy", "--env", "prod", "--override", "--replicas="], "--replicas"),
        (["deploy", "--override"], "--env"),
        (["deploy", "--env", "prod", "--replicas", "5x", "--override"], "--replicas"),
        (["deploy", "--env", "prod", "--replicas", "5"], "--override"),
        (["deploy", "--env", "prod", "--replicas=5"], "--override"),
    ],
    ids=["nothing", "unknown-subcommand", "positional", "unknown-option", "unknown-option-equals",
         "unknown-option-with-value", "override-with-value", "env-without-value", "env-equals-empty",
         "env-empty-argument", "replicas-without-value", "replicas-equals-empty", "no-env", "bad-replicas",
         "replicas-without-override", "replicas-equals-without-override"],
)
def test_the_usage_error_names_what_is_wrong(argv, named):
    with pytest.raises(UsageError) as info:
        parse_args(argv)
    assert named in str(info.value)


@pytest.mark.parametrize(
    "value", ["5x", "2.5", "0", "-1", "", " 5", "5 ", "+5", "1e1", "0x5", "five", "00", "1_0", "\u0665"],
)
def test_rejects_replicas(value):
    with pytest.raises(UsageError, match="--replicas"):
        parse_args(["deploy", "--env", "prod", "--replicas=" + value, "--override"])


def test_takes_a_value_starting_with_a_dash_only_in_the_equals_form():
    assert parse_args(["deploy", "--env=-x"]).env == "-x"
    with pytest.raises(UsageError):
        parse_args(["deploy", "--env", "-x"])


def test_usage_errors_are_value_errors_not_system_exit():
    with pytest.raises(ValueError):
        parse_args(["deploy"])
    assert not issubclass(UsageError, ConfigError) and not issubclass(ConfigError, UsageError)


# ------------------------------------------------------------------ plan_deploy


def test_fills_missing_keys_from_the_defaults():
    assert plan_deploy(["deploy", "--env", "dev"], config()) == {
        "env": "dev", "image": "registry.local/web:1.5.0-rc1", "region": "westeurope", "replicas": 1,
        "replicas_from": "config",
    }


def test_the_environments_own_keys_win_over_the_defaults():
    plan = plan_deploy(["deploy", "--env", "prod"], config())
    assert plan["region"] == "northeurope"
    assert plan["replicas"] == 3


def test_reads_the_same_settings_from_json_text():
    text = json.dumps(CONFIG)
    assert plan_deploy(["deploy", "--env=prod"], text) == plan_deploy(["deploy", "--env=prod"], config())
    assert plan_deploy(["deploy", "--env=dev"], text)["region"] == "westeurope"


def test_does_not_change_the_callers_config_and_each_run_starts_from_it():
    cfg = config()
    assert plan_deploy(["deploy", "--env", "prod"], cfg)["region"] == "northeurope"
    assert plan_deploy(["deploy", "--env", "dev", "--replicas", "2", "--override"], cfg)["replicas"] == 2
    assert plan_deploy(["deploy", "--env", "audit"], cfg) == {
        "env": "audit", "image": "registry.local/web:1.4.2", "region": "westeurope", "replicas": 2,
        "replicas_from": "config",
    }
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "audit", "--replicas", "2", "--override"], cfg)
    assert cfg == CONFIG


def test_reports_invalid_json_as_a_config_error_that_says_so():
    expect_config_error(["deploy", "--env", "prod"], '{ "environments": ', "JSON")


@pytest.mark.parametrize(
    "text",
    ['{}', '{"environments": null}', '{"environments": 3}', '{"environments": ["prod"]}', '[]'],
    ids=["missing", "null", "number", "list", "top-level-list"],
)
def test_a_config_without_an_environments_object_is_a_config_error_naming_it(text):
    expect_config_error(["deploy", "--env", "prod"], text, "environments")
    expect_config_error(["deploy", "--env", "prod"], json.loads(text), "environments")


def test_parses_the_arguments_before_it_reads_the_config():
    with pytest.raises(UsageError):
        plan_deploy(["deploy"], "{ not json")


def test_works_without_defaults():
    assert plan_deploy(["deploy", "--env", "qa"], valid({})) == {
        "env": "qa", "image": "web:1", "region": "eu", "replicas": 2, "replicas_from": "config",
    }


@pytest.mark.parametrize("name", ["staging", "toString", "__class__", "get", "items", "defaults", "Prod"])
def test_names_an_unknown_environment_and_every_known_one(name):
    expect_config_error(["deploy", "--env", name], config(), name, "dev", "prod", "audit")
    expect_config_error(["deploy", "--env", name], json.dumps(CONFIG), name, "dev", "prod", "audit")


def test_accepts_an_environment_named_like_a_dict_method():
    text = '{"environments": {"items": {"image": "web:2", "region": "eu", "replicas": 1}}}'
    assert plan_deploy(["deploy", "--env", "items"], text) == {
        "env": "items", "image": "web:2", "region": "eu", "replicas": 1, "replicas_from": "config",
    }


@pytest.mark.parametrize(
    "settings, key",
    [
        ({"image": None}, "image"),
        ({"image": ""}, "image"),
        ({"image": 42}, "image"),
        ({"region": None}, "region"),
        ({"region": ""}, "region"),
        ({"region": ["eu"]}, "region"),
        ({"replicas": None}, "replicas"),
        ({"replicas": 0}, "replicas"),
        ({"replicas": -2}, "replicas"),
        ({"replicas": 1.5}, "replicas"),
        ({"replicas": 2.0}, "replicas"),
        ({"replicas": "3"}, "replicas"),
        ({"replicas": True}, "replicas"),
        ({"replicas": float("nan")}, "replicas"),
    ],
    ids=["no-image", "empty-image", "image-number", "no-region", "empty-region", "region-list", "no-replicas",
         "zero-replicas", "negative-replicas", "fractional-replicas", "float-replicas", "string-replicas",
         "bool-replicas", "nan-replicas"],
)
def test_a_bad_setting_is_a_config_error_naming_the_environment_and_the_key(settings, key):
    expect_config_error(["deploy", "--env", "qa"], valid(settings), "qa", key)


def test_accepts_one_replica_and_replicas_equal_to_the_limit():
    assert plan_deploy(["deploy", "--env", "qa"], valid({"replicas": 1}))["replicas"] == 1
    assert plan_deploy(["deploy", "--env", "qa"], valid({"replicas": 10}))["replicas"] == 10
    assert plan_deploy(["deploy", "--env", "qa"], valid({"replicas": 4, "maxReplicas": 4}))["replicas"] == 4


def test_configured_replicas_above_the_limit_are_a_config_error_naming_the_environment():
    expect_config_error(["deploy", "--env", "qa"], valid({"replicas": 11}), "qa")
    expect_config_error(["deploy", "--env", "qa"], valid({"replicas": 5, "maxReplicas": 4}), "qa")
    expect_config_error(["deploy", "--env", "qa"], valid({"replicas": 1, "maxReplicas": 0}), "qa")


def test_names_the_environment_when_an_override_is_refused_or_too_large():
    expect_config_error(["deploy", "--env", "qa", "--replicas", "3", "--override"], valid({}), "qa")
    expect_config_error(["deploy", "--env", "qa", "--replicas", "11", "--override"], valid({"allowOverride": True}), "qa")


def test_takes_the_limit_and_the_override_permission_from_the_defaults():
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "qa"], valid({"replicas": 6}, {"maxReplicas": 5}))
    plan = plan_deploy(["deploy", "--env", "qa", "--replicas", "3", "--override"], valid({}, {"allowOverride": True}))
    assert (plan["replicas"], plan["replicas_from"]) == (3, "cli")
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "qa", "--replicas", "3", "--override"],
                    valid({"allowOverride": False}, {"allowOverride": True}))
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "qa", "--replicas", "6", "--override"],
                    valid({"allowOverride": True}, {"maxReplicas": 5}))


def test_configured_replicas_above_the_limit_fail_even_with_a_valid_override():
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "qa", "--replicas", "5", "--override"], valid({"replicas": 12, "allowOverride": True}))


def test_applies_a_cli_override_when_the_environment_allows_it():
    assert plan_deploy(["deploy", "--env", "prod", "--replicas", "5", "--override"], config()) == {
        "env": "prod", "image": "registry.local/web:1.4.2", "region": "northeurope", "replicas": 5,
        "replicas_from": "cli",
    }


def test_refuses_an_override_the_environment_does_not_allow():
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "audit", "--replicas", "4", "--override"], config())
    plan = plan_deploy(["deploy", "--env", "audit", "--override"], config())
    assert (plan["replicas"], plan["replicas_from"]) == (2, "config")


@pytest.mark.parametrize("allow", ["yes", 1, 1.0, "true", [True]], ids=["yes", "one", "one-float", "true-string", "list"])
def test_allows_an_override_only_when_allow_override_is_true_itself(allow):
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "qa", "--replicas", "3", "--override"], valid({"allowOverride": allow}))


def test_keeps_an_override_within_max_replicas_the_limit_itself_allowed():
    assert plan_deploy(["deploy", "--env", "prod", "--replicas", "20", "--override"], config())["replicas"] == 20
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "prod", "--replicas", "21", "--override"], config())
    with pytest.raises(ConfigError):
        plan_deploy(["deploy", "--env", "dev", "--replicas", "11", "--override"], config())
    assert plan_deploy(["deploy", "--env", "dev", "--replicas", "10", "--override"], config())["replicas"] == 10
