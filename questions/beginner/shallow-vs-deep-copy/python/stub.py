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
    raise NotImplementedError("config_for")
