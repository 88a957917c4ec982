import logging
from typing import Any, Tuple
from urllib.parse import quote


def _is_str_list(value):
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_details(value):
    return isinstance(value, dict) and _is_str_list(value.get("hosts"))


def _is_metrics(value):
    cpu = value.get("cpu") if isinstance(value, dict) else None
    return isinstance(cpu, (int, float)) and not isinstance(cpu, bool)  # True is an int in Python


def collect_metrics(http, logger=None, max_attempts=3):
    """GET /users, then /users/<id>, then /hosts/<host>/metrics; returns {"rows": [...], "skipped": [...]}."""
    log = logger if logger is not None else logging.getLogger("metrics")
    rows = []  # new lists on every call, never default arguments
    skipped = []

    def fetch_json(path, is_valid) -> Tuple[bool, Any]:
        """One request with the retry and parsing rules: (True, value), or (False, the reason there is none)."""
        attempt = 0
        while True:
            attempt += 1
            try:
                response = http.get(path)
            except OSError as error:  # ConnectionError, TimeoutError, requests' errors; not a bug such as TypeError
                if attempt < max_attempts:
                    continue
                return False, "%s after %d attempts" % (error, attempt)
            status = response.status_code
            if 500 <= status <= 599:
                if attempt < max_attempts:
                    continue
                return False, "HTTP %d after %d attempts" % (status, attempt)
            if status == 404:
                return False, "not found"
            if not 200 <= status <= 299:
                return False, "HTTP %d" % status
            try:
                value = response.json()
            except ValueError:  # json.JSONDecodeError is a ValueError
                return False, "invalid JSON"
            return (True, value) if is_valid(value) else (False, "unexpected body")

    def skip(path, reason):
        log.warning("skip %s: %s", path, reason)  # lazy %-style arguments, not an f-string
        skipped.append({"path": path, "reason": reason})

    ok, users = fetch_json("/users", _is_str_list)
    if not ok:
        raise RuntimeError("cannot list users: %s" % users)

    for user in users:
        details_path = "/users/" + quote(user, safe="")  # safe="": quote() leaves "/" alone by default
        ok, details = fetch_json(details_path, _is_details)
        if not ok:
            skip(details_path, details)
            continue  # no details, so no hosts to ask about
        for host in details["hosts"]:
            metrics_path = "/hosts/%s/metrics" % quote(host, safe="")
            ok, metrics = fetch_json(metrics_path, _is_metrics)
            if not ok:
                skip(metrics_path, metrics)
                continue
            rows.append({"user": user, "host": host, "cpu": metrics["cpu"]})
    return {"rows": rows, "skipped": skipped}
