import pytest

from solution import preflight

GOOD_CONFIG = '{"cluster": "prod-eu", "namespace": "web", "chart": "./chart"}'
ENV = {"KUBECONFIG": "/home/ci/.kube/config", "DEPLOY_TOKEN": "s3cret"}
KEYS = ["cluster", "namespace", "chart"]


class Which:
    def __init__(self, found=("kubectl", "helm")):
        self.found = found
        self.calls = []

    def __call__(self, command):
        self.calls.append(command)
        return "/usr/local/bin/" + command if command in self.found else None


def config(tmp_path, text=GOOD_CONFIG, name="deploy.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def check(path, env=ENV, which=None, env_vars=("KUBECONFIG", "DEPLOY_TOKEN"), commands=("kubectl", "helm"), keys=KEYS):
    return preflight(list(env_vars), list(commands), path, list(keys), env=dict(env), which=which or Which())


def test_no_problems_when_everything_is_in_place(tmp_path):
    which = Which()
    assert check(config(tmp_path), which=which) == []
    assert which.calls == ["kubectl", "helm"]


def test_reports_every_problem_at_once_in_the_stated_order(tmp_path):
    path = config(tmp_path, '{"namespace": "web"}')
    got = preflight(
        ["ZONE", "KUBECONFIG", "DEPLOY_TOKEN", "AWS_REGION"],
        ["terraform", "kubectl", "helm"],
        path,
        KEYS,
        env={"KUBECONFIG": "/k"},
        which=Which(found=("kubectl",)),
    )
    assert got == [
        "environment variable ZONE is not set",
        "environment variable DEPLOY_TOKEN is not set",
        "environment variable AWS_REGION is not set",
        "command terraform not found on PATH",
        "command helm not found on PATH",
        "config %s is missing cluster" % path,
        "config %s is missing chart" % path,
    ]


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"], ids=["missing", "empty", "spaces", "tab-and-newline"])
def test_a_missing_or_blank_variable_is_not_set(tmp_path, value):
    env = {"KUBECONFIG": "/k"}
    if value is not None:
        env["DEPLOY_TOKEN"] = value
    assert check(config(tmp_path), env=env) == ["environment variable DEPLOY_TOKEN is not set"]


def test_spaces_around_a_value_and_0_and_false_count_as_set(tmp_path):
    env = {"KUBECONFIG": " /k ", "DEPLOY_TOKEN": "0", "DEBUG": "false"}
    assert check(config(tmp_path), env=env, env_vars=["KUBECONFIG", "DEPLOY_TOKEN", "DEBUG"]) == []


def test_variable_names_are_compared_exactly(tmp_path):
    assert check(config(tmp_path), env={"kubeconfig": "/k", "DEPLOY_TOKEN": "t"}) == ["environment variable KUBECONFIG is not set"]


def test_reads_os_environ_when_no_env_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFLIGHT_SET", "yes")
    monkeypatch.setenv("PREFLIGHT_BLANK", "  ")
    monkeypatch.delenv("PREFLIGHT_UNSET", raising=False)
    got = preflight(["PREFLIGHT_SET", "PREFLIGHT_BLANK", "PREFLIGHT_UNSET"], [], config(tmp_path), [], which=Which())
    assert got == ["environment variable PREFLIGHT_BLANK is not set", "environment variable PREFLIGHT_UNSET is not set"]


def test_asks_which_once_per_command_in_order_and_reports_the_missing_ones(tmp_path):
    which = Which(found=("helm",))
    assert check(config(tmp_path), which=which, commands=["kubectl", "helm", "jq"]) == [
        "command kubectl not found on PATH",
        "command jq not found on PATH",
    ]
    assert which.calls == ["kubectl", "helm", "jq"]


def test_missing_variables_do_not_stop_the_other_checks(tmp_path):
    which = Which(found=())
    path = config(tmp_path, "{}")
    assert check(path, env={}, which=which) == [
        "environment variable KUBECONFIG is not set",
        "environment variable DEPLOY_TOKEN is not set",
        "command kubectl not found on PATH",
        "command helm not found on PATH",
        "config %s is missing cluster" % path,
        "config %s is missing namespace" % path,
        "config %s is missing chart" % path,
    ]
    assert which.calls == ["kubectl", "helm"]


def read_error(path):
    try:
        open(path, encoding="utf-8").close()
    except OSError as error:
        return str(error)
    raise AssertionError("expected %s to be unreadable" % path)


def test_a_missing_config_is_reported_with_the_error_and_no_keys_are_checked(tmp_path):
    path = str(tmp_path / "deploy.json")
    got = check(path, env={}, which=Which(found=()))
    assert got[-1] == "cannot read config %s: %s" % (path, read_error(path))
    assert "No such file" in got[-1] and "deploy.json" in got[-1].split(": ", 1)[1]
    assert len(got) == 5


def test_a_folder_as_the_config_cannot_be_read(tmp_path):
    path = str(tmp_path)
    assert check(path) == ["cannot read config %s: %s" % (path, read_error(path))]


def test_the_configured_path_is_in_every_config_message(tmp_path):
    path = config(tmp_path, '{"cluster": "c"}', name="prod.json")
    assert check(path) == ["config %s is missing namespace" % path, "config %s is missing chart" % path]


@pytest.mark.parametrize(
    "text",
    ['{"cluster": ', "", '["cluster", "namespace", "chart"]', "null", "42", '"cluster"', "true", "NaN"],
    ids=["invalid", "empty-file", "array", "null", "number", "string", "true", "nan"],
)
def test_a_config_that_is_not_a_json_object_is_reported_once(tmp_path, text):
    path = config(tmp_path, text)
    assert check(path) == ["config %s is not a JSON object" % path]


def test_a_null_value_is_missing_but_other_falsy_values_are_present(tmp_path):
    path = config(tmp_path, '{"cluster": null, "namespace": "", "chart": 0, "debug": false, "tags": []}')
    assert check(path, keys=["cluster", "namespace", "chart", "debug", "tags"]) == ["config %s is missing cluster" % path]


def test_only_the_objects_own_keys_count(tmp_path):
    path = config(tmp_path, '{"cluster": "c"}')
    assert check(path, keys=["keys", "cluster", "__class__"]) == [
        "config %s is missing keys" % path,
        "config %s is missing __class__" % path,
    ]


def test_empty_requirements_still_read_the_config(tmp_path):
    which = Which()
    assert preflight([], [], config(tmp_path, "{}"), [], env={}, which=which) == []
    assert which.calls == []
    assert preflight([], [], str(tmp_path / "nope.json"), [], env={}, which=which)[0].startswith("cannot read config ")


def test_returns_a_new_list_each_time(tmp_path):
    path = config(tmp_path)
    first = check(path, env={})
    first.append("extra")
    assert check(path, env={}) == ["environment variable KUBECONFIG is not set", "environment variable DEPLOY_TOKEN is not set"]
