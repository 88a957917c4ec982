import argparse
import json
import re

DEFAULT_MAX_REPLICAS = 10


class UsageError(ValueError):
    """A problem with the command line."""


class ConfigError(ValueError):
    """A problem with the config or with the chosen environment in it."""


def parse_args(argv):
    """Reads argv into Namespace(command="deploy", env=..., replicas=int or None, override=bool) with argparse.

    Every problem is a UsageError (never a SystemExit, never output)."""
    raise NotImplementedError("parse_args")


def plan_deploy(argv, config):
    """Parses argv, loads config (a dict or JSON text), overlays the environment on "defaults", validates, and
    returns {"env", "image", "region", "replicas", "replicas_from"} ("cli" or "config")."""
    raise NotImplementedError("plan_deploy")
