import pytest

from solution import StatusSummary, top_status_codes


def line(status, request="GET /health HTTP/1.1"):
    return '10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "%s" %s 512' % (request, status)


def test_returns_the_most_frequent_codes_first_limited_to_n():
    lines = [line(200)] * 5 + [line(404)] * 3 + [line(500)] * 2 + [line(301)]
    assert top_status_codes(lines, 3) == StatusSummary([(200, 5), (404, 3), (500, 2)], 0)


def test_breaks_ties_by_the_lower_code_whatever_order_the_lines_came_in():
    lines = [line(503), line(404), line(200), line(503), line(404), line(200), line(302)]
    assert top_status_codes(lines, 4) == StatusSummary([(200, 2), (404, 2), (503, 2), (302, 1)], 0)


def test_compares_counts_as_numbers_so_10_beats_9():
    lines = [line(500)] * 9 + [line(200)] * 10
    assert top_status_codes(lines, 2).top == [(200, 10), (500, 9)]


def test_finds_the_status_after_the_quoted_request_even_when_it_is_a_dash_or_has_spaces():
    lines = [line(408, "-"), line(400, "GET /search?q=disk full HTTP/1.1"), line(400, "GET /a b c HTTP/1.0")]
    assert top_status_codes(lines, 5) == StatusSummary([(400, 2), (408, 1)], 0)


def test_reads_the_status_after_the_first_quoted_section_of_a_combined_line():
    def combined(status):
        return '10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET /health HTTP/1.1" %s 512 "https://ci.example/x" "curl/8.5 (x86_64)"' % status

    assert top_status_codes([combined(200), combined(503), combined(503)], 5) == StatusSummary([(503, 2), (200, 1)], 0)


def test_reads_a_line_that_starts_with_the_quoted_request():
    assert top_status_codes(['"GET /health HTTP/1.1" 204 0', '"-" 204 0'], 5) == StatusSummary([(204, 2)], 0)


def test_a_quote_that_never_closes_is_malformed():
    assert top_status_codes(['200 "GET /health HTTP/1.1 512', "404 - - no quotes at all"], 5) == StatusSummary([], 2)


def test_accepts_a_status_that_ends_the_line_or_is_followed_by_a_tab():
    lines = ['10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET / HTTP/1.1" 201', line("201\t"), "  %s  " % line(201), line("\t201")]
    assert top_status_codes(lines, 5) == StatusSummary([(201, 4)], 0)


def test_accepts_exactly_100_to_599():
    lines = [line(100), line(599), line(599), line("099"), line(600), line("000"), line(199), line(500)]
    assert top_status_codes(lines, 5) == StatusSummary([(599, 2), (100, 1), (199, 1), (500, 1)], 3)


@pytest.mark.parametrize(
    "token",
    ["200abc", "0200", "20x", "2e2", "+200", "-200", "200.0", " 2 0 0", "\u0662\u0660\u0660", "\uff12\uff10\uff10", '"'],
)
def test_a_token_that_is_not_exactly_three_ascii_digits_is_malformed(token):
    assert top_status_codes([line(token)], 5) == StatusSummary([], 1)


def test_no_token_after_the_request_is_malformed():
    assert top_status_codes(['10.0.0.7 - - [x] "GET / HTTP/1.1"', '10.0.0.7 "GET / HTTP/1.1"   '], 5) == StatusSummary([], 2)


def test_counts_malformed_lines_and_keeps_them_out_of_the_ranking():
    lines = [line(200), "garbage", line("abc"), line(200), '"unterminated 200', line(404)]
    assert top_status_codes(lines, 5) == StatusSummary([(200, 2), (404, 1)], 3)


def test_skips_blank_lines_without_calling_them_malformed():
    assert top_status_codes(["", "   ", "\t", "\n", line(200)], 5) == StatusSummary([(200, 1)], 0)


def test_returns_fewer_than_n_entries_when_there_are_fewer_codes():
    assert top_status_codes([line(200), line(404)], 10).top == [(200, 1), (404, 1)]
    assert top_status_codes([], 3) == StatusSummary([], 0)


def test_n_0_gives_an_empty_ranking_but_still_counts_malformed_lines():
    assert top_status_codes([line(200), "junk"], 0) == StatusSummary([], 1)


def test_keeps_exactly_n_entries_cutting_after_the_tie_break():
    lines = [line(503), line(502), line(501), line(500), line(200), line(200)]
    assert top_status_codes(lines, 3).top == [(200, 2), (500, 1), (501, 1)]


def test_reads_any_iterable_such_as_an_open_file(tmp_path):
    path = tmp_path / "access.log"
    path.write_text("\n".join([line(404), line(200), line(404), "", "junk"]) + "\n")
    with open(path) as handle:
        assert top_status_codes(handle, 1) == StatusSummary([(404, 2)], 1)


@pytest.mark.parametrize("n", [-1, -0.5, 1.5, float("nan"), float("inf"), "3", None, True])
def test_rejects_a_bad_n_with_value_error(n):
    with pytest.raises(ValueError, match="n must be"):
        top_status_codes([line(200)], n)


def test_reads_an_empty_request_and_a_status_glued_to_the_closing_quote():
    lines = ['10.0.0.7 - - [x] "" 400 0', '10.0.0.7 - - [x] "GET / HTTP/1.1"204 0']
    assert top_status_codes(lines, 5) == StatusSummary([(204, 1), (400, 1)], 0)
