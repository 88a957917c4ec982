import argparse
import json
import re

DEFAULT_MAX_REPLICAS = 10


class UsageError(ValueError):
    """A problem with the command line."""


class ConfigError(ValueError):
    """A problem with the config or with the chosen environment in it."""


class RaisingParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors raise UsageError instead of printing and exiting."""

    def error(self, message):
        raise UsageError(message)


def non_empty(text):
    """argparse type for --env."""
    if text == "":
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def replica_count(text):
    """argparse type for --replicas: ASCII digits, at least 1."""
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1, got %r" % text)
    return int(text)


def build_parser():
    """deploy.py deploy --env ENV [--replicas N] [--override], nothing else."""
    parser = RaisingParser(add_help=False)
    commands = parser.add_subparsers(dest="command", required=True)
    deploy = commands.add_parser("deploy", add_help=False, allow_abbrev=False)
    deploy.add_argument("--env", required=True, type=non_empty)
    deploy.add_argument("--replicas", type=replica_count, default=None)
    deploy.add_argument("--override", action="store_true")
    return parser


def parse_args(argv):
    """Reads argv into Namespace(command="deploy", env=..., replicas=int or None, override=bool)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.replicas is not None and not args.override:
        parser.error("--replicas changes the configured value; pass --override to confirm")
    return args


def load_config(config):
    """The config as a dict with an "environments" dict, from a dict or from JSON text."""
    if isinstance(config, str):
        try:
            config = json.loads(config)
        except json.JSONDecodeError as error:
            raise ConfigError("config is not valid JSON: %s" % error) from error
    if not isinstance(config, dict) or not isinstance(config.get("environments"), dict):
        raise ConfigError('config has no "environments" object')
    return config


def is_whole_at_least_one(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def plan_deploy(argv, config):
    """Parses argv, then returns {"env", "image", "region", "replicas", "replicas_from"} from the config."""
    args = parse_args(argv)
    cfg = load_config(config)
    environments = cfg["environments"]
    if args.env not in environments:
        raise ConfigError(
            'unknown environment "%s" (known: %s)' % (args.env, ", ".join(environments))
        )
    merged = {**cfg.get("defaults", {}), **environments[args.env]}
    where = 'environment "%s"' % args.env

    image = merged.get("image")
    if not isinstance(image, str) or image == "":
        raise ConfigError('%s needs "image" as a non-empty string' % where)
    region = merged.get("region")
    if not isinstance(region, str) or region == "":
        raise ConfigError('%s needs "region" as a non-empty string' % where)
    replicas = merged.get("replicas")
    if not is_whole_at_least_one(replicas):
        raise ConfigError('%s needs "replicas" as a whole number of at least 1' % where)
    limit = merged.get("maxReplicas", DEFAULT_MAX_REPLICAS)
    if replicas > limit:
        raise ConfigError("%s sets replicas %d above its limit of %d" % (where, replicas, limit))

    replicas_from = "config"
    if args.replicas is not None:
        if merged.get("allowOverride") is not True:
            raise ConfigError("%s does not allow overrides" % where)
        if args.replicas > limit:
            raise ConfigError("--replicas %d is above the limit of %d for %s" % (args.replicas, limit, where))
        replicas = args.replicas
        replicas_from = "cli"
    return {"env": args.env, "image": image, "region": region, "replicas": replicas, "replicas_from": replicas_from}
