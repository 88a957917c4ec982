import json
import os
import shutil


def preflight(env_vars, commands, config_path, config_keys, env=None, which=shutil.which):
    """Runs every check and returns the list of problems (empty when all is well)."""
    raise NotImplementedError("preflight")
