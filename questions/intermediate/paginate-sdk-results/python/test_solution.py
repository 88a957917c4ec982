import itertools

import pytest

from solution import iter_items, iter_paginated, list_all


class FakeListCall:
    """A raw SDK list call. `pages` maps a token to its page; "<start>" is the first page (no NextToken).

    Like boto3 it refuses NextToken=None or a non-string token, answers unknown tokens with an error, and it
    refuses a 51st call, so a runaway loop fails instead of hanging.
    """

    def __init__(self, pages):
        self.pages = pages
        self.calls = []

    def __call__(self, **kwargs):
        self.calls.append(kwargs.get("NextToken", "<start>") if set(kwargs) <= {"NextToken"} else kwargs)
        if len(self.calls) > 50:
            raise RuntimeError("fake SDK: more than 50 calls, the loop never ends")
        if set(kwargs) - {"NextToken"}:
            raise TypeError("Unknown parameter in input: %r" % sorted(kwargs))
        if "NextToken" in kwargs and not isinstance(kwargs["NextToken"], str):
            raise TypeError("Invalid type for parameter NextToken, value: %r, valid types: <class 'str'>" % (kwargs["NextToken"],))
        key = kwargs.get("NextToken", "<start>")
        if key not in self.pages:
            raise LookupError("fake SDK: unknown token %r" % (key,))
        return self.pages[key]


def three_pages():
    return FakeListCall({
        "<start>": {"Items": ["vm-1", "vm-2"], "NextToken": "p2"},
        "p2": {"Items": ["vm-3", "vm-4"], "NextToken": "p3"},
        "p3": {"Items": ["vm-5"]},
    })


def assert_repeated(info, token):
    assert "repeated" in str(info.value)
    assert '"%s"' % token in str(info.value)


# ---- list_all


def test_collects_the_items_of_every_page_in_order_passing_each_token_back():
    sdk = three_pages()
    assert list_all(sdk) == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert sdk.calls == ["<start>", "p2", "p3"]


@pytest.mark.parametrize("end", [{}, {"NextToken": None}, {"NextToken": ""}], ids=["missing", "none", "empty-string"])
def test_stops_when_the_token_is_missing_none_or_empty(end):
    sdk = FakeListCall({"<start>": dict({"Items": [1, 2]}, **end)})
    assert list_all(sdk) == [1, 2]
    assert sdk.calls == ["<start>"]


def test_keeps_going_through_empty_pages_that_still_carry_a_token():
    sdk = FakeListCall({
        "<start>": {"Items": [], "NextToken": "a"},
        "a": {"NextToken": "b"},
        "b": {"Items": [7], "NextToken": "c"},
        "c": {"Items": [], "NextToken": None},
    })
    assert list_all(sdk) == [7]
    assert sdk.calls == ["<start>", "a", "b", "c"]


def test_fails_on_a_token_that_comes_back_after_other_pages():
    sdk = FakeListCall({
        "<start>": {"Items": [1], "NextToken": "A"},
        "A": {"Items": [2], "NextToken": "B"},
        "B": {"Items": [3], "NextToken": "A"},
    })
    with pytest.raises(RuntimeError) as info:
        list_all(sdk)
    assert_repeated(info, "A")
    assert sdk.calls == ["<start>", "A", "B"]


def test_fails_on_a_page_that_hands_back_its_own_token():
    sdk = FakeListCall({"<start>": {"Items": [1], "NextToken": "same"}, "same": {"Items": [2], "NextToken": "same"}})
    with pytest.raises(RuntimeError) as info:
        list_all(sdk)
    assert_repeated(info, "same")
    assert sdk.calls == ["<start>", "same"]


def test_two_listings_do_not_share_the_tokens_they_used():
    sdk = three_pages()
    assert list_all(sdk) == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert list_all(sdk) == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert list(iter_items(sdk)) == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert sdk.calls == ["<start>", "p2", "p3"] * 3


def test_stops_at_max_items_cutting_the_last_page_short_and_requesting_no_further_page():
    sdk = three_pages()
    assert list_all(sdk, max_items=3) == ["vm-1", "vm-2", "vm-3"]
    assert sdk.calls == ["<start>", "p2"]


def test_does_not_request_the_next_page_when_max_items_ends_on_a_page_boundary():
    sdk = three_pages()
    assert list_all(sdk, max_items=2) == ["vm-1", "vm-2"]
    assert sdk.calls == ["<start>"]


def test_makes_no_call_for_max_items_0_and_returns_everything_when_it_is_larger():
    none = three_pages()
    assert list_all(none, max_items=0) == []
    assert none.calls == []
    many = three_pages()
    assert list_all(many, max_items=100) == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert many.calls == ["<start>", "p2", "p3"]


def test_accepts_max_items_1_and_none_as_no_limit():
    one = three_pages()
    assert list_all(one, max_items=1) == ["vm-1"]
    assert one.calls == ["<start>"]
    unlimited = three_pages()
    assert len(list_all(unlimited, max_items=None)) == 5


@pytest.mark.parametrize("max_items", [-1, -0.5, 0.5, 2.5, 3.0, float("nan"), float("inf"), "3", True])
def test_rejects_a_bad_max_items_with_value_error_before_any_call(max_items):
    sdk = three_pages()
    with pytest.raises(ValueError, match="max_items"):
        list_all(sdk, max_items=max_items)
    assert sdk.calls == []


def test_keeps_items_that_are_falsy():
    sdk = FakeListCall({"<start>": {"Items": [0, ""], "NextToken": "t"}, "t": {"Items": [None, False, [], "last"]}})
    assert list_all(sdk) == [0, "", None, False, [], "last"]


def test_treats_any_other_string_even_0_or_a_space_as_a_real_token():
    sdk = FakeListCall({
        "<start>": {"Items": [1], "NextToken": "0"},
        "0": {"Items": [2], "NextToken": " "},
        " ": {"Items": [3], "NextToken": None},
    })
    assert list_all(sdk) == [1, 2, 3]
    assert sdk.calls == ["<start>", "0", " "]


def test_passes_sdk_errors_through_unchanged():
    throttled = ConnectionError("ThrottlingException: Rate exceeded")
    calls = []

    def list_page(**kwargs):
        calls.append(kwargs)
        if kwargs:
            raise throttled
        return {"Items": [1], "NextToken": "p2"}

    with pytest.raises(ConnectionError) as info:
        list_all(list_page)
    assert info.value is throttled
    assert calls == [{}, {"NextToken": "p2"}]


# ---- iter_items


def test_yields_every_item_in_order():
    sdk = three_pages()
    assert [vm for vm in iter_items(sdk)] == ["vm-1", "vm-2", "vm-3", "vm-4", "vm-5"]
    assert sdk.calls == ["<start>", "p2", "p3"]


def test_asks_for_the_next_page_only_when_the_consumer_needs_its_first_item():
    sdk = three_pages()
    items = iter_items(sdk)
    assert sdk.calls == []
    assert next(items) == "vm-1"
    assert next(items) == "vm-2"
    assert sdk.calls == ["<start>"]
    assert next(items) == "vm-3"
    assert sdk.calls == ["<start>", "p2"]
    items.close()
    assert next(items, "done") == "done"
    assert sdk.calls == ["<start>", "p2"]


def test_requests_no_more_pages_after_the_consumer_breaks_out():
    sdk = three_pages()
    seen = []
    for vm in iter_items(sdk):
        seen.append(vm)
        if len(seen) == 3:
            break
    assert seen == ["vm-1", "vm-2", "vm-3"]
    assert sdk.calls == ["<start>", "p2"]
    assert list(itertools.islice(iter_items(three_pages()), 2)) == ["vm-1", "vm-2"]


@pytest.mark.parametrize("max_items", [-1, 1.5, float("nan"), False])
def test_rejects_a_bad_max_items_when_called_not_at_the_first_next(max_items):
    sdk = three_pages()
    with pytest.raises(ValueError, match="max_items"):
        iter_items(sdk, max_items=max_items)
    assert sdk.calls == []


def test_makes_no_call_for_max_items_0_and_stops_at_max_items_1():
    none = three_pages()
    assert list(iter_items(none, max_items=0)) == []
    assert none.calls == []
    one = three_pages()
    assert list(iter_items(one, max_items=1)) == ["vm-1"]
    assert one.calls == ["<start>"]


def test_yields_the_items_it_has_before_an_error_on_a_later_page():
    denied = PermissionError("AccessDenied")

    def list_page(**kwargs):
        if not kwargs:
            return {"Items": ["a", "b"], "NextToken": "next"}
        raise denied

    seen = []
    with pytest.raises(PermissionError) as info:
        for item in iter_items(list_page):
            seen.append(item)
    assert seen == ["a", "b"]
    assert info.value is denied


def test_applies_max_items_and_the_repeated_token_guard_too():
    limited = three_pages()
    assert list(iter_items(limited, max_items=3)) == ["vm-1", "vm-2", "vm-3"]
    assert limited.calls == ["<start>", "p2"]
    circular = FakeListCall({"<start>": {"Items": [1], "NextToken": "x"}, "x": {"Items": [], "NextToken": "x"}})
    seen = []
    with pytest.raises(RuntimeError) as info:
        for item in iter_items(circular):
            seen.append(item)
    assert_repeated(info, "x")
    assert seen == [1]
    assert circular.calls == ["<start>", "x"]


# ---- iter_paginated


class FakePaginator:
    def __init__(self, client, pages):
        self.client = client
        self.pages = pages

    def paginate(self, **params):
        self.client.paginate_calls.append(params)
        for page in self.pages:
            self.client.pages_fetched += 1
            yield page


class FakeClient:
    """A boto3-like client: get_paginator(name).paginate(**params) yields the pages one by one."""

    def __init__(self, operations):
        self.operations = operations
        self.paginators = []
        self.paginate_calls = []
        self.pages_fetched = 0

    def get_paginator(self, operation_name):
        self.paginators.append(operation_name)
        if operation_name not in self.operations:
            raise LookupError("Operation cannot be paginated: %s" % operation_name)
        return FakePaginator(self, self.operations[operation_name])


def s3_client():
    return FakeClient({
        "list_objects_v2": [
            {"Contents": [{"Key": "a.log"}, {"Key": "b.log"}], "IsTruncated": True},
            {"Contents": [{"Key": "c.log"}], "IsTruncated": True},
            {"Contents": [{"Key": "d.log"}], "IsTruncated": False},
        ],
    })


def test_iter_paginated_yields_the_items_of_every_page_from_the_named_paginator():
    client = s3_client()
    keys = [obj["Key"] for obj in iter_paginated(client, "list_objects_v2", "Contents", Bucket="logs", Prefix="2026/")]
    assert keys == ["a.log", "b.log", "c.log", "d.log"]
    assert client.paginators == ["list_objects_v2"]
    assert client.paginate_calls == [{"Bucket": "logs", "Prefix": "2026/"}]


def test_iter_paginated_skips_pages_without_the_items_key():
    client = FakeClient({
        "describe_instances": [
            {"Reservations": [{"Id": "r-1"}], "NextToken": "t"},
            {"NextToken": "u"},
            {"Reservations": [], "NextToken": "v"},
            {"Reservations": [{"Id": "r-2"}]},
        ],
        "list_objects_v2": [{"KeyCount": 0, "IsTruncated": False}],
    })
    assert list(iter_paginated(client, "describe_instances", "Reservations")) == [{"Id": "r-1"}, {"Id": "r-2"}]
    assert list(iter_paginated(client, "list_objects_v2", "Contents", Bucket="empty")) == []


def test_iter_paginated_is_lazy_page_by_page():
    client = s3_client()
    items = iter_paginated(client, "list_objects_v2", "Contents", Bucket="logs")
    first_three = list(itertools.islice(items, 3))
    assert [obj["Key"] for obj in first_three] == ["a.log", "b.log", "c.log"]
    assert client.pages_fetched == 2
    items.close()
    assert client.pages_fetched == 2


def test_iter_paginated_passes_errors_through():
    with pytest.raises(LookupError, match="cannot be paginated"):
        list(iter_paginated(s3_client(), "get_object", "Body", Bucket="logs", Key="a"))
