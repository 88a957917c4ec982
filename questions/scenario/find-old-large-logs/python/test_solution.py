import os
import shutil
import sys
from pathlib import Path

import pytest

from solution import Plan, plan_log_cleanup

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks and file names")

NOW = 1717210800.0  # 2024-06-01 03:00 UTC
DAY = 86400
MB = 1024 * 1024


def put(root, relative, size, age_days, age_seconds=0):
    """A real file of `size` bytes, last modified `age_days` days (plus `age_seconds`) before NOW."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(str(path), "wb") as f:
        f.truncate(size)
    mtime = NOW - age_days * DAY - age_seconds
    os.utime(str(path), (mtime, mtime))
    return str(path)


def plan(root, older_than_days: float = 7, min_bytes: float = MB):
    return plan_log_cleanup(str(root), now=NOW, older_than_days=older_than_days, min_bytes=min_bytes)


class Listing:
    """Stands in for os.scandir's iterator: the real entries, listed up front."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def scandir(monkeypatch):
    """os.scandir that can refuse some folders and delete a file right after listing its folder."""
    real_scandir = os.scandir
    control = {"refuse": {}, "vanish": [], "calls": []}

    def fake_scandir(path="."):
        key = os.fspath(path)
        control["calls"].append(key)
        error = control["refuse"].get(key)
        if error is not None:
            raise error
        with real_scandir(path) as listing:
            entries = list(listing)
        for victim in control["vanish"]:
            if os.path.dirname(victim) == key.rstrip("/") and os.path.exists(victim):
                os.remove(victim)
        return Listing(entries)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    return control


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "var" / "log"
    put(root, "syslog.log", 5 * MB, 30)
    put(root, "app/app.log.1", 40 * MB, 10)
    put(root, "app/app.log", 80 * MB, 1)  # too new
    put(root, "app/old/app.log.2.gz", 12 * MB, 45)
    put(root, "nginx/access.log", MB, 20)  # not bigger than 1 MiB
    put(root, "nginx/deep/er/still/error.log.12", 3 * MB, 9)
    put(root, "notes.txt", 90 * MB, 90)  # not a log name
    return root


def test_plans_the_old_large_logs_of_the_whole_tree_largest_first_with_the_total(tree):
    result = plan(tree)
    assert result.files == [
        (str(tree / "app/app.log.1"), 40 * MB),
        (str(tree / "app/old/app.log.2.gz"), 12 * MB),
        (str(tree / "syslog.log"), 5 * MB),
        (str(tree / "nginx/deep/er/still/error.log.12"), 3 * MB),
    ]
    assert result.total_bytes == 60 * MB
    assert result.skipped == []
    assert isinstance(result, Plan)


def test_takes_a_path_root_and_returns_str_paths(tree):
    result = plan_log_cleanup(tree, now=NOW, older_than_days=7, min_bytes=MB)
    assert result.files[0] == (str(tree / "app/app.log.1"), 40 * MB)
    assert all(type(path) is str for path, _ in result.files)


def test_is_a_dry_run_that_never_deletes_anything(tree, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a dry run must not delete anything")

    for name in ("unlink", "remove", "rmdir"):
        monkeypatch.setattr(os, name, refuse)
    monkeypatch.setattr(shutil, "rmtree", refuse)
    before = sorted(str(p) for p in tree.rglob("*"))
    assert len(plan(tree).files) == 4
    assert sorted(str(p) for p in tree.rglob("*")) == before


MATCHING = ["app.log", "app.log.1", "app.log.12", "access.gz", "app.log.2.gz", ".log", "a.b.log"]
NOT_MATCHING = [
    "app.log.bak", "app.logs", "app.gz.part", "app.LOG", "app.GZ", "app.log.", "app.log.1a", "app.log.-1",
    "applog", "app.log\n", "app.gz\n", "app.log.\u0661", "app.log.1.tmp", "catalog", "app.log1",
]


@pytest.mark.parametrize("name", MATCHING)
def test_matches_names_ending_in_log_log_digits_or_gz(tmp_path, name):
    path = put(tmp_path, name, 2 * MB, 30)
    assert plan(tmp_path).files == [(path, 2 * MB)]


def ident(text):
    """A test id in plain ASCII (pytest and the bundled runner escape other characters differently)."""
    return "".join(c if "!" <= c <= "~" and c != "\\" else "<%X>" % ord(c) for c in text)


@pytest.mark.parametrize("name", NOT_MATCHING, ids=[ident(n) for n in NOT_MATCHING])
def test_the_whole_end_of_the_name_must_match(tmp_path, name):
    put(tmp_path, name, 2 * MB, 30)
    assert plan(tmp_path).files == []


def test_needs_strictly_more_than_n_days_and_more_than_min_bytes(tmp_path):
    put(tmp_path, "exactly-7-days.log", 2 * MB, 7)
    older = put(tmp_path, "7-days-and-a-second.log", 2 * MB, 7, age_seconds=1)
    put(tmp_path, "exactly-1mib.log", MB, 30)
    bigger = put(tmp_path, "1mib-and-a-byte.log", MB + 1, 30)
    assert plan(tmp_path).files == [(older, 2 * MB), (bigger, MB + 1)]


def test_never_follows_or_lists_symbolic_links_even_in_a_loop(tmp_path):
    root = tmp_path / "logs"
    real = put(root, "app/app.log", 2 * MB, 30)
    elsewhere = tmp_path / "elsewhere"
    put(elsewhere, "huge.log", 50 * MB, 30)
    os.symlink(str(root), str(root / "app" / "loop"))
    os.symlink(str(elsewhere), str(root / "to-elsewhere"))
    os.symlink(str(elsewhere / "huge.log"), str(root / "huge.log"))
    os.symlink(real, str(root / "same.log"))
    os.symlink(str(tmp_path / "nowhere.log"), str(root / "dangling.log"))
    result = plan(root)
    assert result.files == [(real, 2 * MB)]
    assert result.total_bytes == 2 * MB
    assert result.skipped == []


def test_records_an_unreadable_folder_with_str_of_the_error_and_scans_the_rest(tree, scandir):
    locked = str(tree / "app")
    error = PermissionError(13, "Permission denied", locked)
    scandir["refuse"][locked] = error
    result = plan(tree)
    assert result.files == [
        (str(tree / "syslog.log"), 5 * MB),
        (str(tree / "nginx/deep/er/still/error.log.12"), 3 * MB),
    ]
    assert result.total_bytes == 8 * MB
    assert result.skipped == [(locked, str(error))]


def test_an_unreadable_root_gives_an_empty_plan_not_an_exception(tree, scandir):
    error = PermissionError(13, "Permission denied", str(tree))
    scandir["refuse"][str(tree)] = error
    assert plan(tree) == Plan([], 0, [(str(tree), str(error))])


def test_a_missing_root_is_recorded_too(tmp_path):
    missing = str(tmp_path / "gone")
    result = plan(missing)
    assert result.files == []
    assert result.total_bytes == 0
    assert [path for path, _ in result.skipped] == [missing]
    assert result.skipped[0][1] == str(FileNotFoundError(2, "No such file or directory", missing))


def test_records_a_file_rotated_away_after_the_listing_and_keeps_going(tree, scandir):
    gone = str(tree / "app" / "app.log.1")
    scandir["vanish"].append(gone)
    result = plan(tree)
    assert [path for path, _ in result.files] == [
        str(tree / "app/old/app.log.2.gz"),
        str(tree / "syslog.log"),
        str(tree / "nginx/deep/er/still/error.log.12"),
    ]
    assert [path for path, _ in result.skipped] == [gone]
    assert result.skipped[0][1].startswith("[Errno 2] ")


def test_joins_paths_with_exactly_one_slash_when_the_root_ends_in_one(tmp_path):
    put(tmp_path, "a/b/app.log", 2 * MB, 30)
    result = plan_log_cleanup(str(tmp_path) + "/", now=NOW, older_than_days=7, min_bytes=MB)
    assert result.files == [(str(tmp_path) + "/a/b/app.log", 2 * MB)]


def test_accepts_zero_for_both_limits(tmp_path):
    put(tmp_path, "empty.log", 0, 30)
    one = put(tmp_path, "one-byte.log", 1, 0, age_seconds=1)
    put(tmp_path, "right-now.log", 5, 0)
    assert plan(tmp_path, older_than_days=0, min_bytes=0).files == [(one, 1)]


def test_takes_fractional_days_and_byte_limits_as_they_are(tmp_path):
    half_day_and_a_second = put(tmp_path, "a.log", 100, 0, age_seconds=DAY // 2 + 1)
    put(tmp_path, "b.log", 100, 0, age_seconds=DAY // 2)
    put(tmp_path, "c.log", 99, 3)
    result = plan(tmp_path, older_than_days=0.5, min_bytes=99.5)
    assert result.files == [(half_day_and_a_second, 100)]


def test_breaks_size_ties_by_path_in_plain_code_point_order(tmp_path):
    names = ["b.log", "B.log", "a.log", "_.log", "A.log", "a/z.log"]
    for name in names:
        put(tmp_path, name, 2 * MB, 30)
    put(tmp_path, "big.log", 3 * MB, 30)
    result = plan(tmp_path)
    assert [os.path.relpath(path, str(tmp_path)) for path, _ in result.files] == [
        "big.log", "A.log", "B.log", "_.log", "a.log", "a/z.log", "b.log",
    ]


def test_sorts_skipped_by_path_mixing_folders_and_vanished_files(tmp_path, scandir):
    put(tmp_path, "m/app.log", 2 * MB, 30)
    put(tmp_path, "B/x.log", 2 * MB, 30)
    put(tmp_path, "a.log", 2 * MB, 30)
    gone = str(tmp_path / "a.log")
    scandir["vanish"].append(gone)
    for name in ("m", "B"):
        scandir["refuse"][str(tmp_path / name)] = PermissionError(13, "Permission denied", str(tmp_path / name))
    result = plan(tmp_path)
    assert result.files == []
    assert [path for path, _ in result.skipped] == [str(tmp_path / "B"), gone, str(tmp_path / "m")]


@pytest.mark.parametrize("days, min_bytes, named", [
    (-1, 0, "older_than_days"),
    (0, -0.5, "min_bytes"),
    (float("nan"), 0, "older_than_days"),
    (1, float("nan"), "min_bytes"),
    (float("inf"), 0, "older_than_days"),
    (1, float("inf"), "min_bytes"),
    (float("-inf"), 0, "older_than_days"),
], ids=["negative-days", "negative-bytes", "nan-days", "nan-bytes", "inf-days", "inf-bytes", "minus-inf-days"])
def test_refuses_a_limit_that_is_negative_or_not_finite_naming_it_before_reading_anything(tree, scandir, days, min_bytes, named):
    with pytest.raises(ValueError, match=named):
        plan_log_cleanup(str(tree), now=NOW, older_than_days=days, min_bytes=min_bytes)
    assert scandir["calls"] == []
