import copy  # noqa: F401
import json  # noqa: F401
from typing import NamedTuple


class ConfigError(ValueError):
    """A layer cannot be read, or the layers cannot be merged."""


class Layer(NamedTuple):
    source: str  # where the data came from: "defaults", "prod.json", "command line"
    data: dict


def kind_of(value):
    """The JSON kind of a value: "null", "boolean", "number", "string", "array" or "object"."""
    raise NotImplementedError("kind_of")


def parse_layer(text, source):
    """Parses one JSON document named source; it must be an object (a dict)."""
    raise NotImplementedError("parse_layer")


def merge_layers(layers):
    """Merges the layers in order (later ones win) into a new dict; ConfigError lists every type conflict."""
    raise NotImplementedError("merge_layers")
