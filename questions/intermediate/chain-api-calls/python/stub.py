import logging
from urllib.parse import quote


def collect_metrics(http, logger=None, max_attempts=3):
    """GET /users, then /users/<id>, then /hosts/<host>/metrics; returns {"rows": [...], "skipped": [...]}.

    http.get(path) returns a response with .status_code and .json(), or raises OSError on a network failure.
    logger: a logging.Logger, default logging.getLogger("metrics"). max_attempts: calls per path at most.
    """
    raise NotImplementedError("collect_metrics")
