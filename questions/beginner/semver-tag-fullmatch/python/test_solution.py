import re

import pytest

from solution import parse_release_tag


def ids(tags):
    """ASCII test ids, the same under pytest and the bundled runner: other characters as Uxxxx."""
    return [re.sub(r"[^A-Za-z0-9.+,-]", lambda m: "U%04X" % ord(m.group()), tag) or "empty" for tag in tags]


RELEASES = [
    ("v1.4.2", (1, 4, 2)),
    ("v0.0.0", (0, 0, 0)),
    ("v10.0.0", (10, 0, 0)),
    ("v0.10.20", (0, 10, 20)),
    ("v2.0.10", (2, 0, 10)),
    ("v123.456.7890", (123, 456, 7890)),
    ("v9.9.9", (9, 9, 9)),
    ("v1.0.100", (1, 0, 100)),
]


@pytest.mark.parametrize("tag, version", RELEASES, ids=ids([tag for tag, _ in RELEASES]))
def test_reads_a_release_tag(tag, version):
    assert parse_release_tag(tag) == version


def test_returns_the_numbers_as_ints_not_strings():
    version = parse_release_tag("v3.14.15")
    assert version is not None
    assert version == (3, 14, 15)
    assert [type(part) for part in version] == [int, int, int]


SOMETHING_AROUND = [
    "release-v1.4.2",
    "xv1.4.2",
    " v1.4.2",
    "\nv1.4.2",
    "v1.4.2-rc1",
    "v1.4.2+build.5",
    "v1.4.2.1",
    "v1.4.2 ",
    "v1.4.2\n",
    "v1.4.2\r\n",
    "v1.4.2\nv9.9.9",
    "v0.0.1\nrelease",
    "v1.4.2x",
    "v1.4.20a",
]


@pytest.mark.parametrize("tag", SOMETHING_AROUND, ids=ids(SOMETHING_AROUND))
def test_refuses_a_tag_with_something_before_or_after_it(tag):
    assert parse_release_tag(tag) is None


LEADING_ZEROS = ["v1.02.3", "v01.2.3", "v1.2.03", "v00.1.1", "v1.00.1", "v1.1.00", "v007.0.0"]


@pytest.mark.parametrize("tag", LEADING_ZEROS, ids=ids(LEADING_ZEROS))
def test_refuses_a_number_with_a_leading_zero(tag):
    assert parse_release_tag(tag) is None


NOT_THE_SHAPE = [
    "V1.4.2",
    "1.4.2",
    "vv1.4.2",
    "v1.4",
    "v1",
    "v",
    "",
    "v1..4",
    "v1.4.",
    "v.1.4",
    "v..",
    "v1,4,2",
    "v1x4x2",
    "v1-4-2",
    "v1.4x2",
    "v1 .4.2",
    "v-1.4.2",
    "v+1.4.2",
    "v1.4.-2",
    "v1.4.2.",
    "v1.\u0664.2",
    "v\u0661.2.3",
    "v1.4.\uff12",
    "v1\u0664.2.3",
    "v1.2\u0660.3",
    "v1.2.3\u0663",
    "v10.0.1\u0660",
    "v1.4.2\u200b",
    "v1.4.2e1",
    "v0x1.0.0",
    "v1_0.0.0",
]


@pytest.mark.parametrize("tag", NOT_THE_SHAPE, ids=ids(NOT_THE_SHAPE))
def test_refuses_what_is_not_v_and_three_numbers_separated_by_dots(tag):
    assert parse_release_tag(tag) is None


def test_never_raises_even_for_odd_input():
    for tag in ["(", ")", "[", "\\", "*", "v1.4.2)", "v(1).4.2", "v" * 1000]:
        assert parse_release_tag(tag) is None


def test_keeps_no_state_between_calls():
    for _ in range(3):
        assert parse_release_tag("v1.4.2") == (1, 4, 2)
        assert parse_release_tag("v1.4.2-rc1") is None
        assert parse_release_tag("v2.0.0") == (2, 0, 0)
