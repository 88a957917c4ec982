import json
import re
import shlex
import subprocess


def scale_deployment(name, namespace, replicas, sdk=None, run=subprocess.run):
    """Scales deployment `name` in `namespace` through the SDK when it can, else through kubectl.

    sdk: None, or a kubernetes-style AppsV1Api whose patch_namespaced_deployment_scale(name, namespace, body)
    returns an object with .spec.replicas (older clients lack the method).
    run: subprocess.run, or a fake with the same signature.
    Returns {"via": "sdk" or "cli", "replicas": the count the SDK or kubectl answered}.
    """
    raise NotImplementedError("scale_deployment")
