import builtins
from pathlib import Path

import pytest

from solution import tail_lines


def log(tmp_path, text, name="app.log"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


class LazyFile:
    """Wraps a real file: iterating it works, read() and readlines() fail the test."""

    def __init__(self, f, opened):
        self._f = f
        self._opened = opened

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._f)

    def readline(self, *args):
        return self._f.readline(*args)

    def read(self, *args):
        raise AssertionError("read() loads the whole log; iterate the file instead")

    def readlines(self, *args):
        raise AssertionError("readlines() loads the whole log; iterate the file instead")

    def close(self):
        self._opened["closed"] = True
        self._f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


@pytest.fixture
def lazy_open(monkeypatch):
    real_open = builtins.open
    opened = {"calls": 0, "closed": False}

    def fake_open(*args, **kwargs):
        opened["calls"] += 1
        return LazyFile(real_open(*args, **kwargs), opened)

    monkeypatch.setattr(builtins, "open", fake_open)
    return opened


def test_returns_the_last_n_lines_in_file_order_without_line_breaks(tmp_path):
    path = log(tmp_path, "boot\nstart web\nstart worker\nready\n")
    assert tail_lines(path, 2) == ["start worker", "ready"]
    assert tail_lines(path, 1) == ["ready"]
    assert tail_lines(path, 3) == ["start web", "start worker", "ready"]


def test_accepts_a_path_object(tmp_path):
    assert tail_lines(Path(log(tmp_path, "a\nb\nc\n")), 2) == ["b", "c"]


@pytest.mark.parametrize("text", ["a\nb\nc", "a\nb\nc\n"], ids=["no-final-break", "final-break"])
def test_a_final_line_break_does_not_start_an_empty_line(tmp_path, text):
    assert tail_lines(log(tmp_path, text), 2) == ["b", "c"]
    assert tail_lines(log(tmp_path, text), 5) == ["a", "b", "c"]


@pytest.mark.parametrize("n", [3, 4, 100])
def test_returns_every_line_when_there_are_n_or_fewer(tmp_path, n):
    assert tail_lines(log(tmp_path, "a\nb\nc\n"), n) == ["a", "b", "c"]


@pytest.mark.parametrize("text", ["a\nb\nc\n", "a", "\n", ""], ids=["three", "one", "newline", "empty"])
def test_n_zero_returns_no_lines(tmp_path, text):
    assert tail_lines(log(tmp_path, text), 0) == []


def test_empty_file_has_no_lines_and_a_lone_line_break_is_one_empty_line(tmp_path):
    assert tail_lines(log(tmp_path, ""), 5) == []
    assert tail_lines(log(tmp_path, "\n"), 5) == [""]
    assert tail_lines(log(tmp_path, "\r\n"), 5) == [""]
    assert tail_lines(log(tmp_path, "\n\n"), 5) == ["", ""]


def test_keeps_empty_and_whitespace_lines_as_they_are(tmp_path):
    assert tail_lines(log(tmp_path, "a\n\nb\n"), 2) == ["", "b"]
    assert tail_lines(log(tmp_path, "a\nb\n\n\n"), 3) == ["b", "", ""]
    assert tail_lines(log(tmp_path, "  indented  \n\t\nend \n"), 3) == ["  indented  ", "\t", "end "]


def test_crlf_is_one_line_break_and_its_cr_is_dropped(tmp_path):
    assert tail_lines(log(tmp_path, "a\r\nb\r\nc\r\n"), 2) == ["b", "c"]
    assert tail_lines(log(tmp_path, "a\r\n\r\nb\r\n"), 3) == ["a", "", "b"]
    assert tail_lines(log(tmp_path, "GET /\r\nPOST /login\nPUT /x\r\nDELETE /y"), 4) == ["GET /", "POST /login", "PUT /x", "DELETE /y"]


def test_a_cr_not_followed_by_a_line_feed_is_part_of_its_line(tmp_path):
    assert tail_lines(log(tmp_path, "50%\r100%\ndone\n"), 2) == ["50%\r100%", "done"]
    assert tail_lines(log(tmp_path, "a\nb\r"), 2) == ["a", "b\r"]
    assert tail_lines(log(tmp_path, "x\r\r\n"), 1) == ["x\r"]
    assert tail_lines(log(tmp_path, "\rlead\n"), 1) == ["\rlead"]


def test_takes_the_end_of_a_long_log_read_lazily_and_closes_it(tmp_path, lazy_open):
    lines = ["line %d" % i for i in range(1, 5001)]
    path = log(tmp_path, "\n".join(lines) + "\n")
    assert tail_lines(path, 3) == ["line 4998", "line 4999", "line 5000"]
    assert lazy_open["calls"] == 1
    assert lazy_open["closed"] is True


def test_reads_the_whole_log_lazily_when_n_covers_it(tmp_path, lazy_open):
    lines = ["line %d" % i for i in range(1, 101)]
    assert tail_lines(log(tmp_path, "\r\n".join(lines)), 100) == lines
    assert lazy_open["closed"] is True


@pytest.mark.parametrize("n", [-1, -5, 1.5, 0.5, 2.0, float("nan"), float("inf"), "2", None])
def test_n_must_be_an_int_of_at_least_zero(tmp_path, n):
    with pytest.raises(ValueError):
        tail_lines(log(tmp_path, "a\nb\n"), n)
