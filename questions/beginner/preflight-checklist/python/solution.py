import json
import os
import shutil


def preflight(env_vars, commands, config_path, config_keys, env=None, which=shutil.which):
    """Runs every check and returns the list of problems (empty when all is well)."""
    if env is None:
        env = os.environ
    problems = []
    for name in env_vars:
        if env.get(name, "").strip() == "":
            problems.append("environment variable %s is not set" % name)
    for command in commands:
        if which(command) is None:
            problems.append("command %s not found on PATH" % command)
    try:
        with open(config_path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        problems.append("cannot read config %s: %s" % (config_path, error))
        return problems
    try:
        config = json.loads(text)
    except ValueError:
        config = None
    if not isinstance(config, dict):
        problems.append("config %s is not a JSON object" % config_path)
        return problems
    for key in config_keys:
        if config.get(key) is None:
            problems.append("config %s is missing %s" % (config_path, key))
    return problems
