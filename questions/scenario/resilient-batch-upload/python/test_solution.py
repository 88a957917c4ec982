import json
import os

import pytest

from solution import MANIFEST_NAME, upload_directory

TEMP_NAME = MANIFEST_NAME + ".tmp"
FILES = {"e.csv": "e-data", "b.csv": "b-data", "d.csv": "d-data", "a.csv": "a-data", "c.csv": "c-data"}
UNREADABLE = object()  # a directory where a file is expected: open() raises IsADirectoryError (even for root)


def make_dir(tmp_path, files, manifest=None):
    for name, content in files.items():
        path = tmp_path / name
        if content is UNREADABLE:
            path.mkdir()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if manifest is not None:
        text = manifest if isinstance(manifest, str) else json.dumps(manifest)
        (tmp_path / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return str(tmp_path)


def read_error(path):
    """What reading `path` as UTF-8 text raises, as str(): the reason the manifest must record."""
    try:
        with open(str(path), encoding="utf-8") as handle:
            handle.read()
    except (OSError, UnicodeDecodeError) as err:
        return str(err)
    raise AssertionError("%s is readable" % path)


def on_disk(tmp_path):
    return json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))


class Uploader:
    """upload_batch(items): keeps every list it is given (the very object) and fails on call number fail_on."""

    def __init__(self, fail_on=None, failure=None):
        self.fail_on = fail_on
        self.failure = failure if failure is not None else ConnectionError("503 Service Unavailable")
        self.calls = 0
        self.kept = []
        self.batches = []

    def __call__(self, items):
        self.calls += 1
        if self.calls == self.fail_on:
            raise self.failure
        self.kept.append(items)
        self.batches.append([name for name, _ in items])


def test_uploads_every_file_in_name_order_in_batches_the_last_may_be_smaller(tmp_path):
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, FILES), up, batch_size=2)
    assert up.batches == [["a.csv", "b.csv"], ["c.csv", "d.csv"], ["e.csv"]]
    assert [item for batch in up.kept for item in batch] == [(n + ".csv", n + "-data") for n in "abcde"]
    assert manifest == {"uploaded": ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"], "skipped": []}
    assert on_disk(tmp_path) == manifest


def test_name_order_is_plain_code_point_order(tmp_path):
    up = Uploader()
    upload_directory(make_dir(tmp_path, {"a.csv": "1", "B.csv": "2", "9.csv": "3", "10.csv": "4", "_x.csv": "5"}), up, batch_size=10)
    assert up.batches == [["10.csv", "9.csv", "B.csv", "_x.csv", "a.csv"]]


def test_an_exact_multiple_of_batch_size_gives_no_empty_batch(tmp_path):
    up = Uploader()
    upload_directory(make_dir(tmp_path, {"a.csv": "1", "b.csv": "2"}), up, batch_size=1)
    assert up.batches == [["a.csv"], ["b.csv"]]


def test_skips_an_unreadable_file_with_the_reason_and_it_takes_no_slot_in_a_batch(tmp_path):
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, dict(FILES, **{"b.csv": UNREADABLE})), up, batch_size=2)
    assert up.batches == [["a.csv", "c.csv"], ["d.csv", "e.csv"]]
    assert manifest == {
        "uploaded": ["a.csv", "c.csv", "d.csv", "e.csv"],
        "skipped": [{"name": "b.csv", "reason": read_error(tmp_path / "b.csv")}],
    }
    assert on_disk(tmp_path) == manifest


def test_a_file_that_is_not_utf8_is_skipped_too(tmp_path):
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, dict(FILES, **{"c.csv": b"\xff\xfe broken"})), up, batch_size=2)
    assert up.batches == [["a.csv", "b.csv"], ["d.csv", "e.csv"]]
    assert manifest["skipped"] == [{"name": "c.csv", "reason": read_error(tmp_path / "c.csv")}]


def test_saves_through_the_temp_file_and_os_replace_after_every_batch_and_at_the_end(tmp_path, monkeypatch):
    saves = []
    real_replace = os.replace

    def spy_replace(src, dst):
        with open(str(src), encoding="utf-8") as handle:
            saves.append((os.fspath(src), os.fspath(dst), json.load(handle)["uploaded"]))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy_replace)
    directory = make_dir(tmp_path, FILES)
    upload_directory(directory, Uploader(), batch_size=2)
    temp, manifest = os.path.join(directory, TEMP_NAME), os.path.join(directory, MANIFEST_NAME)
    assert saves == [
        (temp, manifest, ["a.csv", "b.csv"]),
        (temp, manifest, ["a.csv", "b.csv", "c.csv", "d.csv"]),
        (temp, manifest, ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]),
        (temp, manifest, ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]),
    ]
    assert not (tmp_path / TEMP_NAME).exists()


def test_resumes_without_reading_or_uploading_finished_files(tmp_path):
    # a.csv is finished, and unreadable now: reading it would put it into skipped.
    files = dict(FILES, **{"a.csv": UNREADABLE})
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, files, {"uploaded": ["a.csv", "b.csv"], "skipped": []}), up, batch_size=2)
    assert up.batches == [["c.csv", "d.csv"], ["e.csv"]]
    assert manifest == {"uploaded": ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"], "skipped": []}


def test_drops_the_old_skipped_list_and_retries_those_files(tmp_path):
    old = {"uploaded": ["a.csv"], "skipped": [{"name": "b.csv", "reason": "was locked"}]}
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, {"a.csv": "1", "b.csv": "2"}, old), up, batch_size=5)
    assert up.batches == [["b.csv"]]
    assert manifest == {"uploaded": ["a.csv", "b.csv"], "skipped": []}


def test_never_uploads_its_own_manifest_or_temp_file(tmp_path):
    files = {"a.csv": "1", TEMP_NAME: '{"uploaded": []}'}
    up = Uploader()
    manifest = upload_directory(make_dir(tmp_path, files, {"uploaded": [], "skipped": []}), up, batch_size=5)
    assert up.batches == [["a.csv"]]
    assert manifest == {"uploaded": ["a.csv"], "skipped": []}


def test_an_invalid_manifest_raises_value_error_naming_it_and_uploads_nothing(tmp_path):
    up = Uploader()
    directory = make_dir(tmp_path, FILES, '{"uploaded": ["a.csv",')
    with pytest.raises(ValueError, match=r"\.upload-manifest\.json"):
        upload_directory(directory, up, batch_size=2)
    assert up.calls == 0
    assert (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8") == '{"uploaded": ["a.csv",'


def test_a_failed_batch_saves_the_progress_so_far_and_raises_the_very_same_exception(tmp_path):
    # Batch 1 is a, b; then d is skipped while batch 2 (c, e) is filled, and batch 2 fails.
    failure = ConnectionError("503 Service Unavailable")
    up = Uploader(fail_on=2, failure=failure)
    with pytest.raises(ConnectionError) as info:
        upload_directory(make_dir(tmp_path, dict(FILES, **{"d.csv": UNREADABLE})), up, batch_size=2)
    assert info.value is failure
    assert on_disk(tmp_path) == {
        "uploaded": ["a.csv", "b.csv"],
        "skipped": [{"name": "d.csv", "reason": read_error(tmp_path / "d.csv")}],
    }


def test_a_rerun_after_a_failure_continues_where_it_stopped(tmp_path):
    directory = make_dir(tmp_path, FILES)
    with pytest.raises(ConnectionError):
        upload_directory(directory, Uploader(fail_on=2), batch_size=2)
    up = Uploader()
    manifest = upload_directory(directory, up, batch_size=2)
    assert up.batches == [["c.csv", "d.csv"], ["e.csv"]]
    assert manifest["uploaded"] == ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]


def test_ctrl_c_during_an_upload_still_saves_the_progress(tmp_path):
    up = Uploader(fail_on=2, failure=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        upload_directory(make_dir(tmp_path, dict(FILES, **{"d.csv": UNREADABLE})), up, batch_size=2)
    assert on_disk(tmp_path) == {
        "uploaded": ["a.csv", "b.csv"],
        "skipped": [{"name": "d.csv", "reason": read_error(tmp_path / "d.csv")}],
    }


def test_every_batch_is_a_new_list_the_uploader_may_keep(tmp_path):
    up = Uploader()
    upload_directory(make_dir(tmp_path, FILES), up, batch_size=2)
    assert [[name for name, _ in items] for items in up.kept] == [["a.csv", "b.csv"], ["c.csv", "d.csv"], ["e.csv"]]


def test_an_empty_directory_saves_an_empty_manifest(tmp_path):
    up = Uploader()
    assert upload_directory(str(tmp_path), up, batch_size=3) == {"uploaded": [], "skipped": []}
    assert up.calls == 0
    assert on_disk(tmp_path) == {"uploaded": [], "skipped": []}


@pytest.mark.parametrize("batch_size", [0, -1, 2.5, float("nan"), "2", None, True])
def test_rejects_a_bad_batch_size_with_value_error_before_touching_the_directory(tmp_path, batch_size):
    with pytest.raises(ValueError, match="batch_size"):
        upload_directory(str(tmp_path / "missing"), Uploader(), batch_size=batch_size)
