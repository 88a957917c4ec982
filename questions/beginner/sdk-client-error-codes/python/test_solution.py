import pytest

from solution import ClientError, PermissionDeniedError, call_aws, classify_error

THROTTLED = ["ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown"]
NOT_FOUND = ["NoSuchKey", "NoSuchBucket", "ResourceNotFoundException", "404"]
DENIED = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]


def client_error(code, operation="GetObject"):
    return ClientError({"Error": {"Code": code, "Message": code + " happened"}, "ResponseMetadata": {"HTTPStatusCode": 400}}, operation)


class NoSuchKey(ClientError):
    """Like boto3's client.exceptions.NoSuchKey: a modeled error is a subclass of ClientError."""


class FakeCall:
    """A fake SDK call that raises each of `failures` in turn, then returns `value`."""

    def __init__(self, failures, value, events=None):
        self.failures = list(failures)
        self.value = value
        self.events = events if events is not None else []
        self.calls = 0

    def __call__(self):
        self.calls += 1
        self.events.append("call %d" % self.calls)
        if self.calls <= len(self.failures):
            raise self.failures[self.calls - 1]
        return self.value


class Sleeper:
    def __init__(self, events=None):
        self.events = events if events is not None else []
        self.waits = []

    def __call__(self, seconds):
        self.events.append("sleep %s" % seconds)
        self.waits.append(seconds)


# ---- classify_error


@pytest.mark.parametrize("code", THROTTLED)
def test_classifies_throttling_codes(code):
    assert classify_error(client_error(code)) == "throttled"


@pytest.mark.parametrize("code", NOT_FOUND)
def test_classifies_not_found_codes(code):
    assert classify_error(client_error(code, "HeadObject")) == "not-found"


@pytest.mark.parametrize("code", DENIED)
def test_classifies_access_denied_codes(code):
    assert classify_error(client_error(code, "DescribeInstances")) == "access-denied"


@pytest.mark.parametrize(
    "code",
    ["InternalError", "ValidationException", "throttling", "THROTTLING", "accessdenied", "NoSuchKey ", "NotFound",
     "Throttling.Exception", "Throttl", "Exception", "NoSuchUpload", "InvalidAccessKeyId", "403", "500", "40", "4", "04", ""],
)
def test_classifies_any_other_code_as_other(code):
    assert classify_error(client_error(code)) == "other"


def test_classifies_a_modeled_subclass_by_its_code():
    error = NoSuchKey({"Error": {"Code": "NoSuchKey", "Message": "gone"}}, "GetObject")
    assert classify_error(error) == "not-found"
    slow = NoSuchKey({"Error": {"Code": "SlowDown", "Message": ""}}, "GetObject")
    assert classify_error(slow) == "throttled"


@pytest.mark.parametrize(
    "response",
    [{}, {"Error": {}}, {"Error": {"Message": "no code"}}, {"ResponseMetadata": {"HTTPStatusCode": 404}}],
    ids=["empty", "error-without-code", "message-only", "metadata-only"],
)
def test_a_client_error_without_a_code_is_other(response):
    assert classify_error(ClientError(response, "GetObject")) == "other"


class LooksLikeClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}
        self.operation_name = "GetObject"


@pytest.mark.parametrize(
    "value",
    [Exception("SlowDown"), KeyError("NoSuchKey"), TypeError("ThrottlingException"), LooksLikeClientError("Throttling"), "AccessDenied", None],
    ids=["exception-named-after-a-code", "key-error", "type-error", "duck-typed", "string", "none"],
)
def test_classifies_anything_but_a_client_error_as_other(value):
    assert classify_error(value) == "other"


def test_reads_the_code_from_the_response_not_from_the_message():
    error = client_error("NoSuchKey")
    error.args = ("An error occurred (ThrottlingException) when calling the GetObject operation: slow down",)
    assert str(error).startswith("An error occurred (ThrottlingException)")
    assert classify_error(error) == "not-found"


def test_the_stub_client_error_has_botocores_shape():
    error = ClientError({"Error": {"Code": "NoSuchKey", "Message": "The specified key does not exist."}}, "GetObject")
    assert str(error) == "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist."
    assert error.response["Error"]["Code"] == "NoSuchKey"
    assert error.operation_name == "GetObject"
    bare = ClientError({}, "HeadObject")
    assert str(bare) == "An error occurred (Unknown) when calling the HeadObject operation: Unknown"


# ---- call_aws


def test_returns_the_result_of_a_call_that_succeeds_without_sleeping():
    fake, sleep = FakeCall([], {"Body": "data"}), Sleeper()
    assert call_aws(fake, sleep=sleep) == {"Body": "data"}
    assert fake.calls == 1
    assert sleep.waits == []


@pytest.mark.parametrize("value", [0, "", False, None, []], ids=["zero", "empty-str", "false", "none", "empty-list"])
def test_returns_a_falsy_result_as_it_is(value):
    fake = FakeCall([], value)
    assert call_aws(fake, sleep=Sleeper()) is value
    assert fake.calls == 1


def test_retries_a_throttled_call_with_doubling_pauses_in_seconds():
    fake, sleep = FakeCall([client_error("SlowDown"), client_error("ThrottlingException")], "ok"), Sleeper()
    assert call_aws(fake, sleep=sleep) == "ok"
    assert fake.calls == 3
    assert sleep.waits == [0.1, 0.2]


@pytest.mark.parametrize("code", THROTTLED)
def test_retries_every_throttling_code(code):
    fake, sleep = FakeCall([client_error(code)], "ok"), Sleeper()
    assert call_aws(fake, sleep=sleep) == "ok"
    assert fake.calls == 2
    assert sleep.waits == [0.1]


def test_gives_up_after_max_attempts_and_raises_the_same_last_client_error():
    errors = [client_error("Throttling", "PutObject") for _ in range(5)]
    fake, sleep = FakeCall(errors, "never"), Sleeper()
    with pytest.raises(ClientError) as info:
        call_aws(fake, sleep=sleep, max_attempts=4, base_delay_ms=50)
    assert info.value is errors[3]
    assert fake.calls == 4
    assert sleep.waits == [0.05, 0.1, 0.2]


def test_makes_3_calls_in_all_by_default_sleeping_100_then_200_ms():
    errors = [client_error("RequestLimitExceeded") for _ in range(4)]
    fake, sleep = FakeCall(errors, "never"), Sleeper()
    with pytest.raises(ClientError) as info:
        call_aws(fake, sleep=sleep)
    assert info.value is errors[2]
    assert fake.calls == 3
    assert sleep.waits == [0.1, 0.2]


def test_with_max_attempts_1_makes_one_call_and_never_sleeps():
    error = client_error("TooManyRequestsException")
    fake, sleep = FakeCall([error], "never"), Sleeper()
    with pytest.raises(ClientError) as info:
        call_aws(fake, sleep=sleep, max_attempts=1)
    assert info.value is error
    assert fake.calls == 1
    assert sleep.waits == []


def test_sleeps_between_the_calls_only():
    events = []
    fake = FakeCall([client_error("SlowDown"), client_error("SlowDown")], "ok", events)
    call_aws(fake, sleep=Sleeper(events), base_delay_ms=10)
    assert events == ["call 1", "sleep 0.01", "call 2", "sleep 0.02", "call 3"]


def test_passes_base_delay_0_through_as_pauses_of_0():
    fake, sleep = FakeCall([client_error("Throttling"), client_error("Throttling")], "ok"), Sleeper()
    assert call_aws(fake, sleep=sleep, base_delay_ms=0) == "ok"
    assert sleep.waits == [0, 0]


def test_accepts_a_fractional_base_delay():
    fake, sleep = FakeCall([client_error("Throttling"), client_error("Throttling")], "ok"), Sleeper()
    call_aws(fake, sleep=sleep, base_delay_ms=2.5)
    assert sleep.waits == [0.0025, 0.005]


@pytest.mark.parametrize("code", NOT_FOUND)
def test_returns_none_at_once_for_not_found(code):
    fake, sleep = FakeCall([client_error(code, "HeadObject")], "never"), Sleeper()
    assert call_aws(fake, sleep=sleep) is None
    assert fake.calls == 1
    assert sleep.waits == []


def test_returns_none_for_a_modeled_not_found_subclass():
    fake = FakeCall([NoSuchKey({"Error": {"Code": "NoSuchKey", "Message": ""}}, "GetObject")], "never")
    assert call_aws(fake, sleep=Sleeper()) is None


def test_returns_none_when_a_retried_call_then_reports_not_found():
    fake, sleep = FakeCall([client_error("SlowDown"), client_error("NoSuchKey")], "never"), Sleeper()
    assert call_aws(fake, sleep=sleep) is None
    assert fake.calls == 2
    assert sleep.waits == [0.1]


@pytest.mark.parametrize("code", DENIED)
def test_raises_permission_denied_at_once_naming_the_operation_and_the_code_from_the_client_error(code):
    original = client_error(code, "DescribeInstances")
    fake, sleep = FakeCall([original], "never"), Sleeper()
    with pytest.raises(PermissionDeniedError) as info:
        call_aws(fake, sleep=sleep)
    assert "DescribeInstances" in str(info.value)
    assert code in str(info.value)
    assert info.value.__cause__ is original
    assert fake.calls == 1
    assert sleep.waits == []


def test_names_the_operation_of_the_failing_call():
    fake = FakeCall([client_error("AccessDenied", "ListObjectsV2")], "x")
    with pytest.raises(PermissionDeniedError) as info:
        call_aws(fake, sleep=Sleeper())
    assert "ListObjectsV2" in str(info.value)
    assert "GetObject" not in str(info.value)


@pytest.mark.parametrize(
    "error",
    [client_error("InternalError"), client_error("throttling"), ClientError({}, "GetObject"), ConnectionResetError("reset"),
     TypeError("'NoneType' object is not callable"), LooksLikeClientError("Throttling"), KeyboardInterrupt()],
    ids=["other-code", "lower-case-code", "no-code", "connection-reset", "type-error", "duck-typed", "keyboard-interrupt"],
)
def test_raises_anything_else_at_once_unchanged(error):
    fake, sleep = FakeCall([error], "never"), Sleeper()
    with pytest.raises(BaseException) as info:
        call_aws(fake, sleep=sleep)
    assert info.value is error
    assert type(info.value) is type(error)
    assert fake.calls == 1
    assert sleep.waits == []


@pytest.mark.parametrize("max_attempts", [0, -1, 1.5, 3.0, float("nan"), float("inf"), "3", None, True])
def test_rejects_a_bad_max_attempts_with_value_error_before_calling(max_attempts):
    fake = FakeCall([], "x")
    with pytest.raises(ValueError, match="max_attempts"):
        call_aws(fake, sleep=Sleeper(), max_attempts=max_attempts)
    assert fake.calls == 0


@pytest.mark.parametrize("base_delay_ms", [-1, -0.5, float("nan"), float("inf"), "100", None, True])
def test_rejects_a_bad_base_delay_with_value_error_before_calling(base_delay_ms):
    fake = FakeCall([], "x")
    with pytest.raises(ValueError, match="base_delay_ms"):
        call_aws(fake, sleep=Sleeper(), base_delay_ms=base_delay_ms)
    assert fake.calls == 0
