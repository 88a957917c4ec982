import json
import re
import shlex
import subprocess
from typing import Any

# A Kubernetes object name (RFC 1123 label): 1-63 chars, a-z 0-9 and "-", alphanumeric at both ends.
K8S_NAME = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")


def _is_k8s_name(value):
    return isinstance(value, str) and K8S_NAME.fullmatch(value) is not None  # fullmatch: "$" lets "web\n" through


def scale_deployment(name, namespace, replicas, sdk=None, run=subprocess.run):
    """Scales deployment `name` in `namespace` through the SDK when it can, else through kubectl."""
    if not _is_k8s_name(name):
        raise ValueError("invalid deployment name: %r" % (name,))
    if not _is_k8s_name(namespace):
        raise ValueError("invalid namespace: %r" % (namespace,))
    if isinstance(replicas, bool) or not isinstance(replicas, int) or replicas < 0:
        raise ValueError("replicas must be an integer >= 0, got %r" % (replicas,))

    # 1. The SDK, when this client version has the operation (an attribute that is None does not count).
    patch = getattr(sdk, "patch_namespaced_deployment_scale", None)
    if callable(patch):
        try:
            answer: Any = patch(name, namespace, {"spec": {"replicas": replicas}})
        except Exception as error:
            # No fallback: kubectl would hit the same problem, or scale a second time.
            raise RuntimeError("scaling %s/%s through the SDK failed: %s" % (namespace, name, error)) from error
        return {"via": "sdk", "replicas": answer.spec.replicas}

    # 2. kubectl: an argument list (no shell), machine-readable output, our own check of the exit code.
    argv = [
        "kubectl",
        "patch",
        "deployment/" + name,
        "--namespace=" + namespace,
        "--type=merge",
        '--patch={"spec":{"replicas":%d}}' % replicas,
        "--output=json",
    ]
    try:
        result = run(argv, capture_output=True, text=True)
    except OSError as error:  # FileNotFoundError when kubectl is not installed
        raise RuntimeError("could not run kubectl: %s" % error) from error
    if result.returncode != 0:
        raise RuntimeError("%s exited with code %d: %s" % (shlex.join(argv), result.returncode, result.stderr.strip()))
    try:
        data = json.loads(result.stdout)
    except ValueError:
        raise RuntimeError("unexpected kubectl output: not JSON") from None
    spec = data.get("spec") if isinstance(data, dict) else None  # "spec": null is there, and None
    count = spec.get("replicas") if isinstance(spec, dict) else None
    if isinstance(count, bool) or not isinstance(count, int):
        raise RuntimeError("unexpected kubectl output: no spec.replicas number")
    return {"via": "cli", "replicas": count}
