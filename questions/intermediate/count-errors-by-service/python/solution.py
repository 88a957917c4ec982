import json
import re
from collections import Counter, defaultdict

# <timestamp> <LEVEL> [<service>] <ErrorType>: <message>, matched with re.fullmatch (anchored at both ends).
# re.ASCII keeps \w to [A-Za-z0-9_], as the prompt says.
TEXT_LINE = re.compile(r"\S+ +(?P<level>\w+) +\[(?P<service>[\w.-]+)\] +(?P<type>[A-Za-z_][\w.]*):(?P<message>.*)", re.ASCII)


def _non_empty_str(value):
    return isinstance(value, str) and value != ""


def _is_error_level(level):
    return isinstance(level, str) and level.lower() == "error"


def count_errors(lines):
    """service -> error type -> count, as plain dicts in first-seen order."""
    counts = defaultdict(Counter)  # a factory, called for each new service: not defaultdict(Counter())
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:  # json.JSONDecodeError is a ValueError
            match = TEXT_LINE.fullmatch(line)
            if match and _is_error_level(match.group("level")):
                counts[match.group("service")][match.group("type")] += 1
            continue
        # Valid JSON is judged as JSON only.
        if (
            isinstance(record, dict)
            and _is_error_level(record.get("level"))
            and _non_empty_str(record.get("service"))
            and _non_empty_str(record.get("error_type"))
        ):
            counts[record["service"]][record["error_type"]] += 1
    # Plain dicts: a lookup of an unknown service raises KeyError instead of inventing an empty entry.
    return {service: dict(types) for service, types in counts.items()}


def to_json_report(counts):
    """Two-space indented JSON, services and error types sorted by name."""
    return json.dumps(counts, indent=2, sort_keys=True)
