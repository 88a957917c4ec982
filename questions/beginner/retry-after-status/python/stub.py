from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int  # how many retries are allowed after the first request
    base_delay_ms: int  # backoff: base_delay_ms * 2 ** (retry - 1)
    max_delay_ms: int  # never wait longer than this


def retry_delay(status, headers, retry, policy):
    """Milliseconds to wait before retry number `retry` (an int), or None when the request should not be retried.

    status: the response's status code; headers: a plain dict of the response headers;
    retry: the number the next retry would have (1 for the first); policy: a RetryPolicy.
    """
    raise NotImplementedError("retry_delay")
