import copy

import pytest

from solution import apply_tag_updates, endpoint_key, new_instance


def make_inventory():
    return [
        {"host": "web-1", "port": 80, "tags": ["frontend", "blue"]},
        {"host": "web-1", "port": 8080, "tags": ["admin"]},
        {"host": "cache-1", "port": 6379, "tags": ["redis"]},
    ]


# ---- endpoint_key


def test_equal_pairs_give_equal_hashable_keys_so_a_dict_finds_the_entry_again():
    key = endpoint_key("web-1", 80)
    assert isinstance(key, tuple)
    seen = {key: "found"}
    assert seen[endpoint_key("web-1", 80)] == "found"
    assert hash(endpoint_key("web-1", 80)) == hash(key)
    assert {endpoint_key("web-1", 80), endpoint_key("web-1", 80)} == {key}


def test_keys_differ_when_either_part_differs_without_ambiguous_concatenation():
    keys = {endpoint_key("db1", 1), endpoint_key("db", 11), endpoint_key("db1", 11), endpoint_key("db:1", 1), endpoint_key("db", 1)}
    assert len(keys) == 5


def test_hosts_compare_exactly():
    assert endpoint_key("DB", 5432) != endpoint_key("db", 5432)
    assert endpoint_key("db ", 5432) != endpoint_key("db", 5432)


# ---- new_instance


def test_new_instance_without_tags_gets_a_list_of_its_own():
    a = new_instance("a", 1)
    b = new_instance("b", 2)
    a["tags"].append("x")
    assert a == {"host": "a", "port": 1, "tags": ["x"]}
    assert b == {"host": "b", "port": 2, "tags": []}
    assert new_instance("c", 3)["tags"] == []


def test_new_instance_copies_the_callers_tags():
    tags = ["redis"]
    inst = new_instance("cache-1", 6379, tags)
    tags.append("changed later")
    assert inst == {"host": "cache-1", "port": 6379, "tags": ["redis"]}
    assert new_instance("x", 1, ("a", "b"))["tags"] == ["a", "b"]


# ---- apply_tag_updates


def test_removes_then_adds_on_the_instance_matched_by_host_and_port_together():
    result = apply_tag_updates(make_inventory(), [{"host": "web-1", "port": 80, "remove": ["blue"], "add": ["green", "canary"]}])
    assert result == [
        {"host": "web-1", "port": 80, "tags": ["frontend", "green", "canary"]},
        {"host": "web-1", "port": 8080, "tags": ["admin"]},
        {"host": "cache-1", "port": 6379, "tags": ["redis"]},
    ]


def test_applies_updates_in_order_and_never_duplicates_a_tag():
    result = apply_tag_updates(
        make_inventory(),
        [
            {"host": "cache-1", "port": 6379, "add": ["primary", "redis"]},
            {"host": "cache-1", "port": 6379, "remove": ["primary"], "add": ["replica", "replica"]},
        ],
    )
    assert result[2]["tags"] == ["redis", "replica"]


def test_drops_every_occurrence_of_a_removed_tag():
    inventory = [{"host": "db", "port": 5432, "tags": ["a", "b", "a", "c", "a"]}]
    assert apply_tag_updates(inventory, [{"host": "db", "port": 5432, "remove": ["a", "c"]}])[0]["tags"] == ["b"]


def test_a_later_update_applies_to_the_result_of_an_earlier_one():
    result = apply_tag_updates(
        make_inventory(),
        [
            {"host": "web-1", "port": 80, "add": ["green"]},
            {"host": "web-1", "port": 80, "remove": ["frontend"]},
            {"host": "web-1", "port": 80, "add": ["canary"]},
        ],
    )
    assert result[0]["tags"] == ["blue", "green", "canary"]


def test_removes_before_adding_so_a_tag_in_both_lists_moves_to_the_end():
    result = apply_tag_updates(
        make_inventory(),
        [
            {"host": "web-1", "port": 80, "remove": ["frontend", "gone"], "add": ["frontend"]},
            {"host": "cache-1", "port": 6379, "remove": ["new"], "add": ["new"]},
        ],
    )
    assert result[0]["tags"] == ["blue", "frontend"]
    assert result[2]["tags"] == ["redis", "new"]


def test_leaves_the_input_exactly_as_it_was_a_shallow_copy_is_not_enough():
    inventory = make_inventory()
    updates = [
        {"host": "web-1", "port": 80, "remove": ["blue"], "add": ["green"]},
        {"host": "cache-1", "port": 6379, "add": ["primary"]},
    ]
    before, updates_before = copy.deepcopy(inventory), copy.deepcopy(updates)
    tag_lists = [inst["tags"] for inst in inventory]
    result = apply_tag_updates(inventory, updates)
    assert inventory == before
    assert updates == updates_before
    assert [inst["tags"] for inst in inventory] == [["frontend", "blue"], ["admin"], ["redis"]]
    assert all(inst["tags"] is tags for inst, tags in zip(inventory, tag_lists))
    assert result[0]["tags"] is not tag_lists[0]
    assert result[2]["tags"] is not tag_lists[2]


def test_returns_new_dicts_for_changed_instances_and_shares_the_untouched_ones():
    inventory = make_inventory()
    result = apply_tag_updates(inventory, [{"host": "web-1", "port": 8080, "add": ["ops"]}])
    assert result is not inventory
    assert result[0] is inventory[0]
    assert result[2] is inventory[2]
    assert result[1] is not inventory[1]
    assert result[1] == {"host": "web-1", "port": 8080, "tags": ["admin", "ops"]}


def test_an_update_that_changes_no_tag_still_gives_a_new_dict_and_list():
    inventory = make_inventory()
    result = apply_tag_updates(inventory, [{"host": "cache-1", "port": 6379, "add": ["redis"], "remove": ["absent"]}])
    assert result[2] == inventory[2]
    assert result[2] is not inventory[2]
    assert result[2]["tags"] is not inventory[2]["tags"]
    result[2]["tags"].append("later")
    assert inventory[2]["tags"] == ["redis"]


def test_keeps_the_other_fields_of_an_instance():
    inventory = [{"host": "db", "port": 5432, "tags": [], "zone": "eu-1"}]
    assert apply_tag_updates(inventory, [{"host": "db", "port": 5432, "add": ["x"]}]) == [
        {"host": "db", "port": 5432, "tags": ["x"], "zone": "eu-1"}
    ]


def test_hosts_differing_only_in_case_are_different_instances():
    inventory = [{"host": "DB", "port": 5432, "tags": []}, {"host": "db", "port": 5432, "tags": []}]
    result = apply_tag_updates(inventory, [{"host": "db", "port": 5432, "add": ["lower"]}])
    assert result == [{"host": "DB", "port": 5432, "tags": []}, {"host": "db", "port": 5432, "tags": ["lower"]}]
    with pytest.raises(ValueError, match="Db:5432"):
        apply_tag_updates(inventory, [{"host": "Db", "port": 5432, "add": ["x"]}])


def test_returns_an_equal_but_new_list_without_updates():
    inventory = make_inventory()
    result = apply_tag_updates(inventory, [])
    assert result == inventory
    assert result is not inventory
    assert all(r is i for r, i in zip(result, inventory))


def test_rejects_an_update_for_an_unknown_instance_naming_host_port():
    inventory = make_inventory()
    before = copy.deepcopy(inventory)
    with pytest.raises(ValueError, match="cache-1:6380"):
        apply_tag_updates(inventory, [{"host": "web-1", "port": 80, "add": ["x"]}, {"host": "cache-1", "port": 6380, "add": ["x"]}])
    assert inventory == before
    with pytest.raises(ValueError, match="cache-2:6379"):
        apply_tag_updates(inventory, [{"host": "cache-2", "port": 6379}])


def test_rejects_an_inventory_listing_the_same_host_and_port_twice():
    inventory = make_inventory() + [{"host": "web-1", "port": 8080, "tags": []}]
    with pytest.raises(ValueError, match="web-1:8080"):
        apply_tag_updates(inventory, [])


def test_hosts_whose_name_and_port_would_concatenate_alike_are_different():
    inventory = [{"host": "db1", "port": 1, "tags": []}, {"host": "db", "port": 11, "tags": []}]
    result = apply_tag_updates(inventory, [{"host": "db", "port": 11, "add": ["x"]}])
    assert result == [{"host": "db1", "port": 1, "tags": []}, {"host": "db", "port": 11, "tags": ["x"]}]
