import pytest

from solution import must_quote


def quoted(values):
    return [v for v in values if must_quote(v)]


def unquoted(values):
    return [v for v in values if not must_quote(v)]


def test_returns_a_real_bool():
    assert must_quote("yes") is True
    assert must_quote("norway") is False


def test_quotes_the_empty_string_and_the_null_words():
    assert must_quote("") is True
    assert unquoted(["~", "null", "Null", "NULL"]) == []


def test_leaves_strings_that_only_resemble_null_alone():
    assert quoted(["nULL", "NUll", "nulls", "nul", "~~", "~x", "x~", "None", "none", "nil", "null_"]) == []


@pytest.mark.parametrize("word", ["y", "n", "yes", "no", "true", "false", "on", "off"])
def test_quotes_the_boolean_word_in_lower_capitalised_and_upper_case(word):
    assert [must_quote(word), must_quote(word.capitalize()), must_quote(word.upper())] == [True, True, True]


def test_quotes_norway_the_classic_case():
    assert [must_quote("NO"), must_quote("No"), must_quote("Norway")] == [True, True, False]


def test_leaves_boolean_words_in_mixed_case_alone():
    assert quoted(["yEs", "yES", "YEs", "nO", "tRUE", "TRue", "fALSE", "FaLSE", "oN", "oFF", "OFf", "ofF"]) == []


def test_leaves_words_that_only_start_or_end_like_a_boolean_alone():
    words = ["norway", "NO2", "yes1", "yess", "Yess", "yep", "nope", "onn", "offline", "truee", "falsey", "o", "t",
             "f", "Yy", "ny", "ye", "tru", "fals", "of", "_no", "no_", "on.off", "xyes", "anno", "Non", "ON1"]
    assert quoted(words) == []


def test_quotes_decimal_integers_with_signs_leading_zeros_and_underscores():
    values = ["0", "42", "-7", "+7", "-0", "+0", "007", "+007", "08", "09", "1_000", "-1_000", "1_", "1__0",
              "123456789012345678901234567890"]
    assert unquoted(values) == []


def test_quotes_floats_with_a_dot_on_either_side_of_it():
    assert unquoted(["1.5", "3.", "1.", "-1.5", "+1.5", ".5", "-.5", "+.5", ".5_0", "10_000.000_1", "1_.5", "0.0", "00.5", "1.10"]) == []


def test_quotes_numbers_with_an_exponent_with_or_without_a_dot_or_a_sign():
    assert unquoted(["1e3", "1E3", "1e+3", "1e-3", "6.02E+23", "1.5e3", "-2.5E-10", ".5e3", ".5E+3", "1.e3", "1_0e3", "+1e0", "1e003"]) == []


def test_leaves_things_that_are_not_decimal_numbers_alone():
    values = [".", "_1", "_", "1._5e", "e3", "E5", "1e", "12e", "1e+", "1e_3", ".e3", "1e3.5", "1e3e3", "1.2.3", "0.0.0",
              "1.5.", "1..2", "+", "-", "+-1", "--1", "-+1", "1-2", "1+2", "1e++3", "123abc", "abc123", "v1", "1a", "1x",
              ".5.", "._5", "1000k", "1_000_000k"]
    assert quoted(values) == []


def test_quotes_hex_octal_and_binary_integers_with_a_lower_case_prefix():
    values = ["0xFF", "0xff", "0x1F", "0x_1", "-0x1f", "+0xA", "0x0", "0o17", "0o0", "-0o17", "+0o7", "0o_7", "0b1010",
              "0b0", "+0b1", "-0b1_0", "0b_"]
    assert unquoted(values) == []


def test_leaves_a_bad_or_upper_case_prefix_or_a_prefix_without_digits_alone():
    values = ["0X1F", "0XFF", "0O17", "0B1", "0x", "0o", "0b", "-0x", "0xG", "0x1g", "0o8", "0o9", "0o17a", "0b2",
              "0b12", "x1F", "0xFFz", "00x1", "0x1.5", "0b1e3", "0x.1"]
    assert quoted(values) == []


def test_quotes_base_60_numbers():
    values = ["22:22", "1:30", "190:20:30", "1:30.5", "1:5", "1:05", "1:00", "1:59", "-1:30", "+1:30", "0:30", "1_0:30",
              "1:30.", "1:30._5", "12:30:00", "1:2:3:4:5"]
    assert unquoted(values) == []


def test_leaves_colon_separated_values_that_are_not_base_60_alone():
    values = ["1:60", "1:99", "1:234", "1:6_0", "1:5_", ":30", "1::30", "1:3a", "1:30.5.5", "a:30", "1:30:60", "1:-30",
              "_1:30", "1:30e3", "1.5:30", "1:30:0x1", "1:.5", "1:", "22:22:"]
    assert quoted(values) == []


def test_quotes_infinity_and_nan_in_their_three_spellings_with_an_optional_sign():
    assert unquoted([".inf", ".Inf", ".INF", "-.inf", "+.Inf", "-.INF", ".nan", ".NaN", ".NAN", "-.nan", "+.NaN"]) == []


def test_leaves_other_spellings_of_infinity_and_nan_alone():
    values = [".INf", ".iNF", ".iNf", ".nAn", ".Nan", ".NAn", "inf", "nan", "NaN", "Infinity", "-Infinity", ".infinity",
              "..inf", ".inff", "-inf", ".na", "inf.", ".in", ".inf.", "+-.inf", "._inf", "+inf", "infinity"]
    assert quoted(values) == []


def test_gives_the_same_answer_however_often_it_is_asked():
    for _ in range(3):
        assert [must_quote("yes"), must_quote("yes"), must_quote("1e3"), must_quote("1e3"), must_quote("norway")] == [True, True, True, True, False]
