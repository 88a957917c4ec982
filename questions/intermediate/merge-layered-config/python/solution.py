import copy
import json
from typing import NamedTuple


class ConfigError(ValueError):
    """A layer cannot be read, or the layers cannot be merged."""


class Layer(NamedTuple):
    source: str  # where the data came from: "defaults", "prod.json", "command line"
    data: dict


def kind_of(value):
    """The JSON kind of a value: "null", "boolean", "number", "string", "array" or "object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: True is an int too
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def parse_layer(text, source):
    """Parses one JSON document named source; it must be an object (a dict)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError("%s: invalid JSON: %s" % (source, error)) from error
    if not isinstance(value, dict):
        raise ConfigError("%s: expected an object at the top level, got %s" % (source, kind_of(value)))
    return value


def merge_layers(layers):
    """Merges the layers in order (later ones win) into a new dict; ConfigError lists every type conflict."""
    result = {}
    origin = {}  # dotted path -> the source that set its current value
    problems = []

    def record(path, value, source):
        origin[path] = source
        if isinstance(value, dict):
            for key, inner in value.items():
                record(path + "." + key, inner, source)

    def merge_into(target, incoming, prefix, source):
        for key, new in incoming.items():
            path = prefix + "." + key if prefix else key
            if key not in target:
                target[key] = copy.deepcopy(new)
                record(path, new, source)
                continue
            current = target[key]
            if isinstance(current, dict) and isinstance(new, dict):
                merge_into(current, new, path, source)
            elif current is None or new is None or kind_of(current) == kind_of(new):
                target[key] = copy.deepcopy(new)  # scalars and whole lists are replaced
                record(path, new, source)
            else:
                problems.append("type conflict at %s: %s in %s, %s in %s" % (path, kind_of(current), origin[path], kind_of(new), source))

    for source, data in layers:
        merge_into(result, data, "", source)
    if problems:
        raise ConfigError("cannot merge the config layers: " + "; ".join(problems))
    return result
