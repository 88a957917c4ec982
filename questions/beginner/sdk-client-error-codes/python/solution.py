import math
import time


class ClientError(Exception):
    """Shaped like botocore.exceptions.ClientError: the service's error code is in response["Error"]["Code"]."""

    def __init__(self, error_response, operation_name):
        error = error_response.get("Error", {})
        super().__init__(
            "An error occurred (%s) when calling the %s operation: %s"
            % (error.get("Code", "Unknown"), operation_name, error.get("Message", "Unknown"))
        )
        self.response = error_response
        self.operation_name = operation_name


class PermissionDeniedError(Exception):
    pass


THROTTLED = frozenset({"ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown"})
NOT_FOUND = frozenset({"NoSuchKey", "NoSuchBucket", "ResourceNotFoundException", "404"})
DENIED = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"})


def classify_error(error):
    """'throttled', 'not-found', 'access-denied' or 'other', from the exact code of a ClientError."""
    if not isinstance(error, ClientError):  # isinstance: boto3's modeled errors are subclasses
        return "other"
    code = error.response.get("Error", {}).get("Code")
    if code in THROTTLED:
        return "throttled"
    if code in NOT_FOUND:
        return "not-found"
    if code in DENIED:
        return "access-denied"
    return "other"


def call_aws(call, *, sleep=time.sleep, max_attempts: int = 3, base_delay_ms: float = 100):
    """Calls call() and returns its result; retries throttling, None for not found, stops on access denied."""
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        raise ValueError("max_attempts must be an integer >= 1, got %r" % (max_attempts,))
    if isinstance(base_delay_ms, bool) or not isinstance(base_delay_ms, (int, float)) or not math.isfinite(base_delay_ms) or base_delay_ms < 0:
        raise ValueError("base_delay_ms must be a finite number >= 0, got %r" % (base_delay_ms,))
    attempt = 0
    while True:
        attempt += 1
        try:
            return call()
        except ClientError as error:
            kind = classify_error(error)
            if kind == "not-found":
                return None
            if kind == "access-denied":
                code = error.response["Error"]["Code"]
                raise PermissionDeniedError(
                    "%s was denied (%s): check the IAM permissions of the credentials in use" % (error.operation_name, code)
                ) from error
            if kind != "throttled" or attempt == max_attempts:
                raise  # the same exception, unchanged
            sleep(base_delay_ms * 2 ** (attempt - 1) / 1000)  # time.sleep takes seconds
