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


def classify_error(error):
    """'throttled', 'not-found', 'access-denied' or 'other', from the exact code of a ClientError."""
    raise NotImplementedError("classify_error")


def call_aws(call, *, sleep=time.sleep, max_attempts: int = 3, base_delay_ms: float = 100):
    """Calls call() and returns its result; retries throttling, None for not found, stops on access denied."""
    raise NotImplementedError("call_aws")
