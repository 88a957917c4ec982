import json
from decimal import Decimal

import pytest

from solution import parse_quantity, to_bytes, to_millicores

WHOLE = [
    ("64", 64),
    ("0", 0),
    ("1k", 1000),
    ("1Ki", 1024),
    ("100M", 100000000),
    ("512Mi", 536870912),
    ("2Gi", 2147483648),
    ("3G", 3000000000),
    ("1Ti", 1024 ** 4),
    ("1T", 1000 ** 4),
    ("2Pi", 2 * 1024 ** 5),
    ("3P", 3 * 1000 ** 5),
    ("1E", 1000 ** 6),
    ("1Ei", 1024 ** 6),
]


def exactly(got, expected):
    """Equal in value and of the expected type (Decimal or int, never float)."""
    return type(got) is type(expected) and got == expected


@pytest.mark.parametrize("text, expected", WHOLE, ids=[t for t, _ in WHOLE])
def test_parse_quantity_reads_whole_values_as_exact_decimals(text, expected):
    assert exactly(parse_quantity(text), Decimal(expected))


@pytest.mark.parametrize("text, expected", WHOLE, ids=[t for t, _ in WHOLE])
def test_to_bytes_reads_whole_values_as_ints(text, expected):
    assert exactly(to_bytes(text), expected)


def test_parse_quantity_reads_fractions_and_milli_exactly():
    assert parse_quantity("1.5G") == Decimal("1500000000")
    assert parse_quantity("0.5Gi") == Decimal("536870912")
    assert parse_quantity("250m") == Decimal("0.25")
    assert parse_quantity("1500m") == Decimal("1.5")
    assert parse_quantity("8.3M") == Decimal("8300000")
    assert parse_quantity("0.1") == Decimal("0.1")
    assert parse_quantity("1.5m") == Decimal("0.0015")


def test_ignores_whitespace_around_the_quantity():
    assert parse_quantity("  2Gi\n") == Decimal(2147483648)
    assert to_bytes("\t1.0Ki ") == 1024


def test_accepts_leading_zeros_and_a_zero_fraction():
    assert parse_quantity("007") == Decimal(7)
    assert parse_quantity("0.25") == Decimal("0.25")
    assert to_millicores("00.50") == 500


INVALID = [
    "", "   ", "Gi", "m", "k", "1GB", "1K", "1KI", "1kI", "1gi", "1mi", "1e", "e", "-1Gi", "+1Gi", "-0", "1 Gi",
    "1\tGi", "1 000", "1.", "2.Gi", ".5", ".5Gi", "1.2.3M", "1,5G", "1e3", "1E3", "0x10", "NaN", "Infinity",
    "1Gi1", "Gi1", "1_000", "1_000Mi", "\u0661\u0662Mi", "\uff11\uff12", "1\u0660", "2 GiB", " 5x ",
]


def ident(text):
    """A test id in plain ASCII (pytest and the bundled runner escape other characters differently)."""
    return "".join(c if "!" <= c <= "~" and c != "\\" else "<%X>" % ord(c) for c in text) or "<empty>"


@pytest.mark.parametrize("parse", [parse_quantity, to_bytes, to_millicores], ids=["parse_quantity", "to_bytes", "to_millicores"])
@pytest.mark.parametrize("text", INVALID, ids=[ident(t) for t in INVALID])
def test_rejects_malformed_input_with_a_value_error_quoting_it(parse, text):
    with pytest.raises(ValueError) as info:
        parse(text)
    message = str(info.value)
    assert '"%s"' % text in message or json.dumps(text) in message


def test_to_bytes_is_exact_where_float_arithmetic_is_not():
    assert to_bytes("8.3M") == 8300000
    assert to_bytes("16.1k") == 16100
    assert to_bytes("17.1G") == 17100000000
    assert to_bytes("1.5Gi") == 1610612736


def test_to_bytes_rounds_fractional_bytes_up_never_down():
    assert to_bytes("250m") == 1
    assert to_bytes("0.5") == 1
    assert to_bytes("2.5") == 3
    assert to_bytes("1.0001k") == 1001
    assert to_bytes("1.000000001") == 2
    assert to_bytes("1001m") == 2
    assert to_bytes("1000m") == 1
    assert to_bytes("0") == 0
    assert to_bytes("0.000Gi") == 0


def test_to_bytes_stays_exact_for_large_results():
    assert to_bytes("1Pi") == 1125899906842624
    assert to_bytes("9P") == 9000000000000000
    assert to_bytes("7.5Ti") == 8246337208320
    assert to_bytes("9.007199254740993P") == 9007199254740993
    assert to_bytes("1.000000000000000001Ei") == 1152921504606846978


def test_to_millicores_converts_cpu_quantities():
    assert exactly(to_millicores("250m"), 250)
    assert to_millicores("1k") == 1000000
    assert to_millicores("1Ki") == 1024000
    assert to_millicores("0.5Mi") == 524288000
    assert to_millicores("2") == 2000
    assert to_millicores("0.5") == 500
    assert to_millicores("1.25") == 1250
    assert to_millicores("1.5G") == 1500000000000


def test_to_millicores_is_exact_where_float_arithmetic_is_not():
    assert to_millicores("2.007") == 2007
    assert to_millicores("2.047") == 2047
    assert to_millicores("0.3") == 300


def test_to_millicores_rounds_a_fraction_of_a_millicore_up():
    assert to_millicores("0.0001") == 1
    assert to_millicores("1.0001") == 1001
    assert to_millicores("0.5m") == 1
    assert to_millicores("2.5m") == 3
    assert to_millicores("1.0000001") == 1001
    assert to_millicores("0m") == 0
    assert to_millicores("0.000") == 0


def test_to_millicores_stays_exact_for_large_results():
    assert to_millicores("9.007G") == 9007000000000
    assert to_millicores("1Ti") == 1099511627776000
    assert to_millicores("1.1E") == 1100000000000000000000
