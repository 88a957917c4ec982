import copy

# Shared by every service: config_for must never change it.
DEFAULTS = {
    "name": "service",
    "replicas": 2,
    "labels": {"team": "platform", "tier": "backend"},
    "ports": [8080],
    "health_check": {"path": "/healthz", "timeout_seconds": 5},
}


def config_for(name, overrides=None, base=DEFAULTS):
    """A new config for `name` built from `base` and `overrides` ({"replicas", "labels", "extra_ports"}, each
    optional); shares no dict or list with base, DEFAULTS or overrides, and changes none of them."""
    if overrides is None:
        overrides = {}
    config = copy.deepcopy(base)
    config["name"] = name
    if overrides.get("replicas") is not None:
        config["replicas"] = overrides["replicas"]
    config["labels"].update(overrides.get("labels") or {})
    config["ports"].extend(overrides.get("extra_ports") or [])
    return config
