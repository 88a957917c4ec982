import copy

import pytest

from solution import healthy_endpoints, order_servers


def server(name, env, port, healthy=True):
    return {"name": name, "env": env, "port": port, "healthy": healthy}


def fleet():
    return [
        server("web-a", "prod", 8080),
        server("web-b", "prod", 443),
        server("api", "prod", 8080),
        server("db", "prod", 5432, healthy=False),
        server("admin", "prod", 80),
        server("metrics", "staging", 9100),
        server("cache", "prod", 9),
    ]


def names(servers):
    return [s["name"] for s in servers]


# ---- healthy_endpoints


def test_lists_the_healthy_servers_of_one_environment_lowest_port_first():
    assert healthy_endpoints(fleet(), "prod") == ["cache:9", "admin:80", "web-b:443", "web-a:8080", "api:8080"]
    assert healthy_endpoints(fleet(), "staging") == ["metrics:9100"]
    assert healthy_endpoints(fleet(), "dev") == []


def test_sorts_ports_numerically_not_as_text():
    servers = [server("a", "prod", 8080), server("b", "prod", 443), server("c", "prod", 80), server("d", "prod", 10000)]
    assert healthy_endpoints(servers, "prod") == ["c:80", "b:443", "a:8080", "d:10000"]


def test_keeps_equal_ports_in_their_input_order():
    servers = [server("n%d" % i, "prod", 8000 + i % 3) for i in range(30)]
    got = healthy_endpoints(servers, "prod")
    expected = ["n%d:%d" % (i, 8000 + r) for r in range(3) for i in range(30) if i % 3 == r]
    assert got == expected


def test_matches_the_environment_name_exactly():
    servers = [server("eu", "prod-eu", 1), server("upper", "Prod", 2), server("main", "prod", 3)]
    assert healthy_endpoints(servers, "prod") == ["main:3"]
    assert healthy_endpoints(servers, "pro") == []
    assert healthy_endpoints([], "prod") == []


def test_leaves_the_callers_list_and_dicts_as_they_were():
    servers = fleet()
    before = copy.deepcopy(servers)
    healthy_endpoints(servers, "prod")
    assert servers == before


def test_reads_any_iterable_of_servers():
    assert healthy_endpoints(iter(fleet()), "prod")[:2] == ["cache:9", "admin:80"]
    assert healthy_endpoints(tuple(fleet()), "staging") == ["metrics:9100"]


def test_a_port_given_as_text_cannot_be_compared_with_numbers():
    servers = [server("a", "prod", 443), server("b", "prod", "80")]
    with pytest.raises(TypeError):
        healthy_endpoints(servers, "prod")


# ---- order_servers


def test_orders_by_environment_then_highest_port_first():
    got = order_servers(fleet())
    assert names(got) == ["web-a", "api", "db", "web-b", "admin", "cache", "metrics"]


def test_returns_a_new_list_and_leaves_the_input_untouched():
    servers = fleet()
    got = order_servers(servers)
    assert got is not servers
    assert names(servers) == names(fleet())
    assert isinstance(got, list)


def test_returns_the_same_dicts_not_copies():
    servers = fleet()
    got = order_servers(servers)
    assert all(any(g is s for s in servers) for g in got)


def test_ties_keep_their_input_order_even_though_ports_run_high_to_low():
    servers = [
        server("b1", "b", 80),
        server("a1", "a", 443),
        server("b2", "b", 80),
        server("a2", "a", 8080),
        server("a3", "a", 443),
        server("b3", "b", 9000),
        server("a4", "a", 443),
    ]
    assert names(order_servers(servers)) == ["a2", "a1", "a3", "a4", "b3", "b1", "b2"]


def test_stays_stable_on_a_long_list():
    servers = [server("s%02d" % i, "env-%d" % (i % 2), 100 * (i % 4)) for i in range(40)]
    got = order_servers(servers)
    expected = sorted(servers, key=lambda s: (s["env"], -s["port"], int(s["name"][1:])))
    assert names(got) == names(expected)


def test_environments_sort_by_plain_string_order():
    servers = [server("1", "prod", 1), server("2", "Prod", 1), server("3", "_dev", 1), server("4", "dev", 1)]
    assert names(order_servers(servers)) == ["2", "3", "4", "1"]


def test_empty_and_single_item_lists():
    assert order_servers([]) == []
    one = [server("a", "prod", 1)]
    got = order_servers(one)
    assert got == one
    assert got is not one
