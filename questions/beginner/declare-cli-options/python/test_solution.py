import argparse

import pytest

from solution import USAGE, main

PREFIX = "rotate-logs: error: "


class Rotate:
    def __init__(self, error=None):
        self.calls = []
        self.error = error

    def __call__(self, args):
        self.calls.append(args)
        if self.error is not None:
            raise self.error


def options(args):
    return vars(args)


def test_keeps_the_usage_line_of_the_stub():
    assert USAGE == "usage: rotate-logs [-h] [-n] [-v] [-k N] DIR"


def test_calls_rotate_once_with_the_defaults_and_returns_0_printing_nothing(capsys):
    rotate = Rotate()
    assert main(["/var/log/app"], rotate) == 0
    assert len(rotate.calls) == 1
    assert isinstance(rotate.calls[0], argparse.Namespace)
    assert options(rotate.calls[0]) == {"dir": "/var/log/app", "keep": 7, "dry_run": False, "verbose": False}
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--keep", "3", "--dry-run", "--verbose", "logs"], {"dir": "logs", "keep": 3, "dry_run": True, "verbose": True}),
        (["logs", "-k", "12", "-n"], {"dir": "logs", "keep": 12, "dry_run": True, "verbose": False}),
        (["-nv", "logs"], {"dir": "logs", "keep": 7, "dry_run": True, "verbose": True}),
        (["-v", "logs"], {"dir": "logs", "keep": 7, "dry_run": False, "verbose": True}),
        (["--keep=30", "logs"], {"dir": "logs", "keep": 30, "dry_run": False, "verbose": False}),
        (["-k3", "logs"], {"dir": "logs", "keep": 3, "dry_run": False, "verbose": False}),
        (["--keep", "1", "logs"], {"dir": "logs", "keep": 1, "dry_run": False, "verbose": False}),
        (["--keep", "010", "logs"], {"dir": "logs", "keep": 10, "dry_run": False, "verbose": False}),
        (["-n", "--", "-odd dir"], {"dir": "-odd dir", "keep": 7, "dry_run": True, "verbose": False}),
    ],
    ids=["long", "short-after-dir", "grouped", "verbose", "keep-equals", "keep-attached", "keep-1", "leading-zero", "double-dash"],
)
def test_reads_the_options(argv, expected, capsys):
    rotate = Rotate()
    assert main(argv, rotate) == 0
    assert [options(args) for args in rotate.calls] == [expected]
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["-h"], ["-h", "logs"], ["-n", "--help"], ["--help", "--keep", "0"], ["--help", "a", "b"], ["-vh"]],
    ids=["help", "h", "h-with-dir", "after-a-switch", "before-a-bad-keep", "before-two-dirs", "grouped"],
)
def test_help_prints_the_usage_to_stdout_and_exits_0_without_rotating(argv, capsys):
    rotate = Rotate()
    with pytest.raises(SystemExit) as info:
        main(argv, rotate)
    assert info.value.code == 0
    out, err = capsys.readouterr()
    assert out.startswith(USAGE + "\n")
    assert "-k N, --keep N" in out
    assert err == ""
    assert rotate.calls == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--force", "logs"],
        ["-x", "logs"],
        ["--kee", "3", "logs"],
        ["--dry", "logs"],
        ["logs", "--keep"],
        ["logs", "-k"],
        ["--dry-run=yes", "logs"],
        ["--verbose=1", "logs"],
        [],
        ["-n", "-k", "3"],
        ["a", "b"],
    ],
    ids=["unknown-option", "unknown-short", "abbreviated-keep", "abbreviated-dry-run", "keep-without-value",
         "k-without-value", "value-for-dry-run", "value-for-verbose", "no-dir", "only-options", "two-dirs"],
)
def test_a_usage_error_prints_usage_and_error_to_stderr_and_exits_2(argv, capsys):
    rotate = Rotate()
    with pytest.raises(SystemExit) as info:
        main(argv, rotate)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[0] == USAGE
    assert len(lines) == 2
    assert lines[1].startswith(PREFIX) and len(lines[1]) > len(PREFIX)
    assert out == ""
    assert rotate.calls == []


@pytest.mark.parametrize(
    "keep",
    ["0", "00", "2.5", "5x", "-1", "", "1e1", "0x5", " 5", "5 ", "+5", "1_0", "5\n", "\u0663", "\uff15"],
    ids=["zero", "double-zero", "fraction", "suffix", "negative", "empty", "exponent", "hex", "leading-space",
         "trailing-space", "plus", "underscore", "trailing-newline", "arabic-indic-digit", "fullwidth-digit"],
)
def test_a_bad_keep_is_a_usage_error_naming_the_option(keep, capsys):
    rotate = Rotate()
    with pytest.raises(SystemExit) as info:
        main(["--keep=" + keep, "logs"], rotate)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[0] == USAGE
    assert lines[1].startswith(PREFIX + "argument -k/--keep: ")
    assert out == ""
    assert rotate.calls == []


def test_keep_minus_one_as_a_separate_word_is_a_usage_error(capsys):
    rotate = Rotate()
    with pytest.raises(SystemExit) as info:
        main(["--keep", "-1", "logs"], rotate)
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith(USAGE + "\n" + PREFIX)
    assert rotate.calls == []


def test_each_run_gets_its_own_options():
    rotate = Rotate()
    main(["a"], rotate)
    main(["-k", "2", "b"], rotate)
    assert [options(args) for args in rotate.calls] == [
        {"dir": "a", "keep": 7, "dry_run": False, "verbose": False},
        {"dir": "b", "keep": 2, "dry_run": False, "verbose": False},
    ]
    assert rotate.calls[0] is not rotate.calls[1]


def test_an_error_raised_by_rotate_propagates_unchanged():
    failure = OSError("disk is read-only")
    with pytest.raises(OSError) as info:
        main(["logs"], Rotate(failure))
    assert info.value is failure
    interrupt = KeyboardInterrupt()
    with pytest.raises(KeyboardInterrupt) as info:
        main(["logs"], Rotate(interrupt))
    assert info.value is interrupt
