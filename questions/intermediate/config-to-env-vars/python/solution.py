import json
import re

# A key, then any number of .key or [index] segments; an index is 0 or has no leading zero.
PATH = re.compile(r"[^.\[\]]+(?:\.[^.\[\]]+|\[(?:0|[1-9][0-9]*)\])*")
SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[([0-9]+)\]")


def to_env_vars(flat, prefix):
    """{"db.port": 5432} + "billing" -> {"BILLING_DB_PORT": "5432"}; ValueError when two paths give one name."""
    env = {}
    path_of = {}
    for path, value in flat.items():
        name = re.sub(r"[^A-Z0-9]+", "_", (prefix + "_" + path).upper()).strip("_")
        if name in path_of:
            raise ValueError("%s and %s both map to %s" % (json.dumps(path_of[name]), json.dumps(path), name))
        path_of[name] = path
        env[name] = value if isinstance(value, str) else json.dumps(value)
    return env


def _leaf_copy(value):
    if isinstance(value, list):
        return []
    if isinstance(value, dict):
        return {}
    return value


def _check_no_gaps(value, path):
    if isinstance(value, list):
        for index, item in enumerate(value):
            if item is _MISSING:
                raise ValueError("%s[%d] is missing" % (path, index))
            _check_no_gaps(item, "%s[%d]" % (path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_no_gaps(item, path + "." + key)


_MISSING = object()


def unflatten(flat):
    """{"db.hosts[0]": "a", "db.port": 5432} -> {"db": {"hosts": ["a"], "port": 5432}}; ValueError for bad input."""
    root = {}
    for path, value in flat.items():
        if not PATH.fullmatch(path):
            raise ValueError("malformed path %s" % json.dumps(path))
        matches = list(SEGMENT.finditer(path))
        segments: list = [m.group(1) if m.group(2) is None else int(m.group(2)) for m in matches]

        # Every proper prefix of this path is a container, so none may be a key of its own.
        prefix = ""
        for match in matches[:-1]:
            prefix += match.group(0)
            if prefix in flat:
                raise ValueError("%s is a value, so %s cannot be below it" % (json.dumps(prefix), json.dumps(path)))

        node = root
        for segment, following in zip(segments, segments[1:]):
            want = list if isinstance(following, int) else dict
            if isinstance(node, list):
                node.extend([_MISSING] * (segment + 1 - len(node)))
                existing = node[segment]
            else:
                existing = node.get(segment, _MISSING)
            if existing is _MISSING:
                existing = want()
                node[segment] = existing
            elif not isinstance(existing, want):
                raise ValueError("%s: a node used both as a list and as a dict" % path)
            node = existing
        last = segments[-1]
        if isinstance(node, list):
            node.extend([_MISSING] * (last + 1 - len(node)))
        node[last] = _leaf_copy(value)
    for key, value in root.items():
        _check_no_gaps(value, key)
    return root
