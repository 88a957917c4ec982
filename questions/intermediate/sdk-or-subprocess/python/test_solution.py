import json
import subprocess
import types

import pytest

from solution import scale_deployment


class FakeRun:
    """Stands in for subprocess.run and behaves like it: the output is captured only when asked
    (capture_output=True or stdout/stderr=PIPE), it is text only with text=True (else bytes), and
    check=True raises CalledProcessError on a non-zero exit. `error` is raised instead, like a missing program."""

    def __init__(self, returncode=0, stdout="", stderr="", error=None):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.error = error
        self.calls = []
        self.options = []

    def __call__(self, args, *, capture_output=False, text=None, universal_newlines=None, encoding=None,
                 check=False, shell=False, stdout=None, stderr=None, **other):
        self.calls.append(args if isinstance(args, str) else list(args))
        self.options.append({"shell": shell, "check": check})
        if self.error is not None:
            raise self.error
        as_text = bool(text or universal_newlines or encoding)
        out = self.stdout if as_text else self.stdout.encode()
        err = self.stderr if as_text else self.stderr.encode()
        captured_out = capture_output or stdout == subprocess.PIPE
        captured_err = capture_output or stderr == subprocess.PIPE
        result = subprocess.CompletedProcess(args, self.returncode, out if captured_out else None, err if captured_err else None)
        if check:
            result.check_returncode()
        return result


class FakeAppsApi:
    """Like kubernetes.client.AppsV1Api: patch_namespaced_deployment_scale(name, namespace, body) returns a
    V1Scale-like object whose .spec.replicas is the count the server settled on (not necessarily the one asked)."""

    def __init__(self, answer=lambda requested: requested, error=None):
        self.answer = answer
        self.error = error
        self.calls = []

    def patch_namespaced_deployment_scale(self, name, namespace, body, **kwargs):
        self.calls.append((name, namespace, body))
        if self.error is not None:
            raise self.error
        return types.SimpleNamespace(spec=types.SimpleNamespace(replicas=self.answer(body["spec"]["replicas"])))


class ApiException(Exception):
    """Like kubernetes.client.exceptions.ApiException."""


def deployment_json(replicas):
    return json.dumps({"kind": "Deployment", "metadata": {"name": "web", "namespace": "prod"}, "spec": {"replicas": replicas}})


def patch_argv(name, namespace, replicas):
    return ["kubectl", "patch", "deployment/" + name, "--namespace=" + namespace, "--type=merge",
            '--patch={"spec":{"replicas":%d}}' % replicas, "--output=json"]


def test_uses_the_sdk_when_the_client_has_the_operation_and_runs_no_command():
    sdk, run = FakeAppsApi(), FakeRun(stdout=deployment_json(5))
    assert scale_deployment("web", "prod", 5, sdk=sdk, run=run) == {"via": "sdk", "replicas": 5}
    assert sdk.calls == [("web", "prod", {"spec": {"replicas": 5}})]
    assert run.calls == []


def test_returns_the_count_the_sdk_answered_not_the_count_requested():
    sdk = FakeAppsApi(answer=lambda requested: 10)
    assert scale_deployment("api", "shop", 12, sdk=sdk, run=FakeRun()) == {"via": "sdk", "replicas": 10}
    assert sdk.calls == [("api", "shop", {"spec": {"replicas": 12}})]


def test_runs_kubectl_patch_with_an_argument_list_when_there_is_no_sdk():
    run = FakeRun(stdout=deployment_json(3))
    assert scale_deployment("web", "prod", 3, run=run) == {"via": "cli", "replicas": 3}
    assert run.calls == [patch_argv("web", "prod", 3)]
    assert not run.options[0]["shell"]


def test_returns_the_count_kubectl_printed_not_the_count_requested():
    run = FakeRun(stdout=deployment_json(7) + "\n")
    assert scale_deployment("web", "prod", 9, run=run) == {"via": "cli", "replicas": 7}
    assert run.calls == [patch_argv("web", "prod", 9)]


@pytest.mark.parametrize(
    "old_client",
    [object(), types.SimpleNamespace(patch_namespaced_deployment_scale=None), types.SimpleNamespace(patch_namespaced_deployment=lambda *a: None)],
    ids=["no-attribute", "attribute-none", "other-method-only"],
)
def test_falls_back_to_kubectl_when_the_client_is_too_old_to_have_the_operation(old_client):
    run = FakeRun(stdout=deployment_json(2))
    assert scale_deployment("api", "staging", 2, sdk=old_client, run=run) == {"via": "cli", "replicas": 2}
    assert run.calls == [patch_argv("api", "staging", 2)]


def test_accepts_scaling_to_zero_through_either_path():
    sdk = FakeAppsApi()
    assert scale_deployment("web", "prod", 0, sdk=sdk, run=FakeRun()) == {"via": "sdk", "replicas": 0}
    assert sdk.calls == [("web", "prod", {"spec": {"replicas": 0}})]
    run = FakeRun(stdout=deployment_json(0))
    assert scale_deployment("web", "prod", 0, run=run) == {"via": "cli", "replicas": 0}
    assert run.calls == [patch_argv("web", "prod", 0)]


def test_reports_a_failed_kubectl_run_with_the_quoted_command_its_exit_code_and_trimmed_stderr():
    run = FakeRun(returncode=1, stderr='  \nError from server (NotFound): deployments.apps "web" not found\n')
    with pytest.raises(RuntimeError) as info:
        scale_deployment("web", "prod", 3, run=run)
    assert str(info.value) == (
        "kubectl patch deployment/web --namespace=prod --type=merge "
        "'--patch={\"spec\":{\"replicas\":3}}' --output=json "
        'exited with code 1: Error from server (NotFound): deployments.apps "web" not found'
    )


def test_fails_on_a_non_zero_exit_code_even_when_stdout_looks_like_a_good_answer():
    run = FakeRun(returncode=2, stdout=deployment_json(4), stderr="warning: partial failure")
    with pytest.raises(RuntimeError, match=r" exited with code 2: warning: partial failure$"):
        scale_deployment("web", "prod", 4, run=run)
    assert len(run.calls) == 1


@pytest.mark.parametrize(
    "stdout",
    ["deployment.apps/web patched", "", json.dumps({"kind": "Deployment", "spec": {}}), json.dumps({"kind": "Deployment"}),
     json.dumps({"kind": "Deployment", "spec": None}), deployment_json("3"), deployment_json(None), deployment_json(True),
     "null", "3", '["spec"]', json.dumps({"spec": "replicas"})],
    ids=["text", "empty", "no-replicas", "no-spec", "spec-null", "replicas-string", "replicas-null", "replicas-true",
         "json-null", "json-number", "json-list", "spec-string"],
)
def test_rejects_unexpected_kubectl_output(stdout):
    with pytest.raises(RuntimeError, match=r"^unexpected kubectl output"):
        scale_deployment("web", "prod", 3, run=FakeRun(stdout=stdout))


def test_says_kubectl_could_not_be_run_when_it_is_not_installed_keeping_the_cause(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RuntimeError) as info:
        scale_deployment("web", "prod", 3)
    assert isinstance(info.value.__cause__, FileNotFoundError)
    assert str(info.value) == "could not run kubectl: " + str(info.value.__cause__)


def test_wraps_any_os_error_from_the_runner_keeping_it_as_the_cause():
    denied = PermissionError(13, "Permission denied", "kubectl")
    run = FakeRun(error=denied)
    with pytest.raises(RuntimeError) as info:
        scale_deployment("web", "prod", 3, run=run)
    assert str(info.value) == "could not run kubectl: [Errno 13] Permission denied: 'kubectl'"
    assert info.value.__cause__ is denied
    assert len(run.calls) == 1


def test_surfaces_an_sdk_failure_with_context_and_cause_without_falling_back_to_kubectl():
    forbidden = ApiException('deployments.apps "web" is forbidden: User "ci" cannot patch')
    sdk, run = FakeAppsApi(error=forbidden), FakeRun(stdout=deployment_json(4))
    with pytest.raises(RuntimeError) as info:
        scale_deployment("web", "prod", 4, sdk=sdk, run=run)
    assert str(info.value) == 'scaling prod/web through the SDK failed: deployments.apps "web" is forbidden: User "ci" cannot patch'
    assert info.value.__cause__ is forbidden
    assert sdk.calls == [("web", "prod", {"spec": {"replicas": 4}})]
    assert run.calls == []


def test_lets_ctrl_c_during_the_sdk_call_through_unwrapped():
    interrupt = KeyboardInterrupt()
    sdk, run = FakeAppsApi(error=interrupt), FakeRun(stdout=deployment_json(4))
    with pytest.raises(KeyboardInterrupt) as info:
        scale_deployment("api", "shop", 4, sdk=sdk, run=run)
    assert info.value is interrupt
    assert run.calls == []


@pytest.mark.parametrize(
    "field, name, namespace, replicas",
    [
        ("name", "--all", "prod", 1), ("name", "web;reboot", "prod", 1), ("name", "Web", "prod", 1), ("name", "web_app", "prod", 1),
        ("name", "web.app", "prod", 1), ("name", "web\n", "prod", 1), ("name", "", "prod", 1), ("name", "a" * 64, "prod", 1),
        ("name", "-web", "prod", 1), ("name", "web-", "prod", 1), ("name", None, "prod", 1), ("name", "w\u00e9b", "prod", 1),
        ("namespace", "web", "prod ns", 1), ("namespace", "web", "", 1), ("namespace", "web", "Prod", 1), ("namespace", "web", "n" * 64, 1),
        ("namespace", "web", "-n", 1), ("namespace", "web", "prod-", 1), ("namespace", "web", "prod\n", 1),
        ("replicas", "web", "prod", -1), ("replicas", "web", "prod", 1.5), ("replicas", "web", "prod", 2.0), ("replicas", "web", "prod", float("nan")),
        ("replicas", "web", "prod", float("inf")), ("replicas", "web", "prod", "3"), ("replicas", "web", "prod", True),
    ],
)
def test_rejects_a_bad_request_with_value_error_naming_the_field_before_calling_anything(field, name, namespace, replicas):
    sdk, run = FakeAppsApi(), FakeRun(stdout=deployment_json(1))
    with pytest.raises(ValueError, match=r"\b%s\b" % field):
        scale_deployment(name, namespace, replicas, run=run)
    with pytest.raises(ValueError):
        scale_deployment(name, namespace, replicas, sdk=sdk, run=run)
    assert run.calls == []
    assert sdk.calls == []


def test_accepts_a_63_character_name_one_character_names_and_digits_at_both_ends():
    name = "1" + "a-" * 30 + "a9"
    assert len(name) == 63
    for n, ns in [(name, "n1"), ("a", "9"), ("0", "z" + "-" * 61 + "z")]:
        run = FakeRun(stdout=deployment_json(1))
        assert scale_deployment(n, ns, 1, run=run) == {"via": "cli", "replicas": 1}
        assert run.calls == [patch_argv(n, ns, 1)]
