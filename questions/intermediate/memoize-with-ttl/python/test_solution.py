import pytest

from solution import ttl_cache


class FakeClock:
    def __init__(self, t=1000.0):
        self.t = t
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.t


class Lookup:
    """A fake DNS lookup that answers with a numbered address, so every real call is visible."""

    def __init__(self, clock=None, takes=0):
        self.calls = []
        self.clock = clock
        self.takes = takes

    def __call__(self, host):
        self.calls.append(host)
        if self.clock is not None:
            self.clock.t += self.takes  # a slow lookup: time passes while it runs
        return "%s=10.0.0.%d" % (host, len(self.calls))


def test_returns_the_cached_value_within_the_ttl_without_calling_again():
    clock, lookup = FakeClock(), Lookup()
    resolve = ttl_cache(30, clock=clock)(lookup)
    assert resolve("db.internal") == "db.internal=10.0.0.1"
    clock.t += 29.999
    assert resolve("db.internal") == "db.internal=10.0.0.1"
    assert resolve("cache.internal") == "cache.internal=10.0.0.2"
    assert lookup.calls == ["db.internal", "cache.internal"]


def test_calls_again_once_ttl_seconds_have_passed_then_caches_the_new_value():
    clock, lookup = FakeClock(1000), Lookup()
    resolve = ttl_cache(5, clock=clock)(lookup)
    resolve("api")
    clock.t = 1004.999
    assert resolve("api") == "api=10.0.0.1"
    clock.t = 1005
    assert resolve("api") == "api=10.0.0.2"
    clock.t += 4.999
    assert resolve("api") == "api=10.0.0.2"
    assert len(lookup.calls) == 2


def test_counts_the_ttl_from_when_the_call_returned_not_from_when_it_started():
    clock = FakeClock(0)
    lookup = Lookup(clock, takes=5)
    resolve = ttl_cache(10, clock=clock)(lookup)
    assert resolve("metadata") == "metadata=10.0.0.1"
    assert clock.t == 5
    clock.t = 14.999
    assert resolve("metadata") == "metadata=10.0.0.1"
    assert len(lookup.calls) == 1
    clock.t = 15
    assert resolve("metadata") == "metadata=10.0.0.2"


def test_uses_only_the_injected_clock():
    clock, lookup = FakeClock(10**12), Lookup()
    resolve = ttl_cache(60, clock=clock)(lookup)
    resolve("db")
    assert clock.reads >= 1
    clock.t += 60
    assert resolve("db") == "db=10.0.0.2"
    clock.t = 0
    assert resolve("db") == "db=10.0.0.2"


@pytest.mark.parametrize("value", [None, 0, "", False, [], {}], ids=["none", "zero", "empty-str", "false", "empty-list", "empty-dict"])
def test_caches_a_falsy_result_too(value):
    calls = []

    @ttl_cache(60, clock=FakeClock())
    def lookup(host):
        calls.append(host)
        return value

    assert lookup("db") is value
    assert lookup("db") is value
    assert calls == ["db"]


def test_does_not_cache_an_exception_and_lets_it_through():
    clock = FakeClock()
    calls = []
    failure = OSError("SERVFAIL")

    @ttl_cache(60, clock=clock)
    def resolve(host):
        calls.append(host)
        if len(calls) == 1:
            raise failure
        return "10.1.1.1"

    with pytest.raises(OSError) as info:
        resolve("db")
    assert info.value is failure
    assert resolve("db") == "10.1.1.1"
    assert resolve("db") == "10.1.1.1"
    assert calls == ["db", "db"]


def test_calls_again_after_an_expired_value_when_the_refresh_fails_instead_of_serving_the_old_value():
    clock = FakeClock()
    answers = ["10.0.0.1", TimeoutError("timeout"), "10.0.0.3"]
    calls = []

    @ttl_cache(1, clock=clock)
    def resolve(host):
        answer = answers[len(calls)]
        calls.append(host)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert resolve("db") == "10.0.0.1"
    clock.t += 1
    with pytest.raises(TimeoutError):
        resolve("db")
    assert resolve("db") == "10.0.0.3"
    assert len(calls) == 3


def test_keys_calls_by_all_their_arguments_by_default():
    calls = []

    @ttl_cache(60, clock=FakeClock())
    def query(host, record_type="A", *, timeout=5):
        calls.append((host, record_type, timeout))
        return len(calls)

    assert query("db", "A") == 1
    assert query("db", "AAAA") == 2
    assert query("db", "A") == 1
    assert query("db", "A", timeout=1) == 3
    assert query("db", "A", timeout=2) == 4
    assert query("db", "A", timeout=1) == 3
    assert calls == [("db", "A", 5), ("db", "AAAA", 5), ("db", "A", 1), ("db", "A", 2)]


def test_the_order_of_keyword_arguments_does_not_matter():
    calls = []

    @ttl_cache(60, clock=FakeClock())
    def describe(region, *, instance_id, state):
        calls.append((region, instance_id, state))
        return len(calls)

    assert describe("eu-west-1", instance_id="i-1", state="running") == 1
    assert describe("eu-west-1", state="running", instance_id="i-1") == 1
    assert describe("eu-west-1", instance_id="i-2", state="running") == 2
    assert len(calls) == 2


def test_arguments_that_look_alike_are_different_keys():
    calls = []

    @ttl_cache(60, clock=FakeClock())
    def joined(*parts):
        calls.append(parts)
        return len(calls)

    assert joined("a,b") == 1
    assert joined("a", "b") == 2
    assert joined("ab", "c") == 3
    assert joined("a", "bc") == 4
    assert joined(1) == 5
    assert joined("1") == 6
    assert joined(-1) == 7
    assert joined(-2) == 8
    assert joined("a", "b") == 2
    assert joined(-1) == 7
    assert len(calls) == 8


def test_equal_tuples_built_separately_share_a_key_and_unhashable_arguments_raise_type_error():
    calls = []

    @ttl_cache(60, clock=FakeClock())
    def describe(filters):
        calls.append(filters)
        return len(calls)

    assert describe(("eu-west-1", "i-1")) == 1
    assert describe(tuple(["eu-west-1", "i-1"])) == 1
    with pytest.raises(TypeError):
        describe(["eu-west-1", "i-1"])


def test_uses_a_custom_key_function_which_receives_every_argument():
    clock, lookup = FakeClock(), Lookup()
    seen = []

    def by_lower_host(*args, **kwargs):
        seen.append((args, kwargs))
        return args[0].lower()

    resolve = ttl_cache(60, clock=clock, key=by_lower_host)(lookup)
    assert resolve("DB.internal") == "DB.internal=10.0.0.1"
    assert resolve("db.INTERNAL") == "DB.internal=10.0.0.1"
    assert lookup.calls == ["DB.internal"]
    assert seen == [(("DB.internal",), {}), (("db.INTERNAL",), {})]

    calls = []

    @ttl_cache(60, clock=clock, key=lambda filters: repr(sorted(filters.items())))
    def describe(filters):
        calls.append(filters)
        return len(calls)

    assert describe({"region": "eu-west-1", "id": "i-1"}) == 1
    assert describe({"id": "i-1", "region": "eu-west-1"}) == 1
    assert len(calls) == 1


def test_gives_every_decorated_function_its_own_cache_even_from_one_decorator():
    clock = FakeClock()
    counts = {"dns": 0, "geo": 0}
    cached = ttl_cache(60, clock=clock)

    @cached
    def dns(host):
        counts["dns"] += 1
        return "ip of %s (%d)" % (host, counts["dns"])

    @cached
    def geo(host):
        counts["geo"] += 1
        return "region of %s (%d)" % (host, counts["geo"])

    @ttl_cache(60, clock=clock)
    def owner(host):
        return "owner of " + host

    assert dns("api") == "ip of api (1)"
    assert geo("api") == "region of api (1)"
    assert owner("api") == "owner of api"
    assert dns("api") == "ip of api (1)"
    assert counts == {"dns": 1, "geo": 1}


def test_keeps_the_name_and_docstring_of_the_function():
    @ttl_cache(60)
    def resolve(host):
        """Resolves host."""
        return host

    assert resolve.__name__ == "resolve"
    assert resolve.__doc__ == "Resolves host."
    assert getattr(resolve, "__wrapped__") is not None


def test_cache_clear_forgets_the_cached_values_of_that_function_only():
    clock = FakeClock()
    lookup, other = Lookup(), Lookup()
    resolve = ttl_cache(60, clock=clock)(lookup)
    resolve_other = ttl_cache(60, clock=clock)(other)
    resolve("db")
    resolve_other("db")
    getattr(resolve, "cache_clear")()
    assert resolve("db") == "db=10.0.0.2"
    assert resolve_other("db") == "db=10.0.0.1"
    assert len(lookup.calls) == 2
    assert len(other.calls) == 1


@pytest.mark.parametrize("ttl", [-1, -0.5, float("nan"), float("-inf"), "100", None, True])
def test_refuses_a_bad_ttl_with_value_error(ttl):
    with pytest.raises(ValueError, match="ttl"):
        ttl_cache(ttl, clock=FakeClock())


def test_accepts_an_infinite_ttl_a_result_never_expires():
    clock, lookup = FakeClock(), Lookup()
    resolve = ttl_cache(float("inf"), clock=clock)(lookup)
    assert resolve("db") == "db=10.0.0.1"
    clock.t += 1e15
    assert resolve("db") == "db=10.0.0.1"
    assert lookup.calls == ["db"]


def test_accepts_a_ttl_of_0_nothing_stays_fresh():
    clock, lookup = FakeClock(), Lookup()
    resolve = ttl_cache(0, clock=clock)(lookup)
    assert resolve("db") == "db=10.0.0.1"
    assert resolve("db") == "db=10.0.0.2"


def test_accepts_a_fractional_ttl_and_compares_against_it_exactly():
    clock, lookup = FakeClock(0), Lookup()
    resolve = ttl_cache(0.5, clock=clock)(lookup)
    resolve("db")
    clock.t = 0.25
    assert resolve("db") == "db=10.0.0.1"
    clock.t = 0.5
    assert resolve("db") == "db=10.0.0.2"
