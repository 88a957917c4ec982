import json


class ConfigError(Exception):
    """The loader's own error. Keep the original as its cause: raise ConfigError(message) from error."""


def load_config(path, read_file):
    """Reads path with read_file(path), parses it with json.loads and returns the dict; raises ConfigError for a
    missing file, text that is not JSON, or JSON that is not an object; lets any other read error through."""
    try:
        text = read_file(path)
    except FileNotFoundError as error:
        raise ConfigError("%s: file not found" % path) from error
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError("%s: not valid JSON" % path) from error
    if not isinstance(value, dict):
        raise ConfigError("%s: expected a JSON object" % path)
    return value
