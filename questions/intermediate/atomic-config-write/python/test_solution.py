import os
import re

import pytest

from solution import update_config

TEMP_NAME = re.compile(r"\.config\.json\..+\.tmp")


class Spy:
    """Records os.fsync / os.replace / os.unlink calls (with what the temp file held) and can make them fail."""

    def __init__(self, monkeypatch, directory):
        self.directory = directory
        self.events = []
        self.fail = {}
        self.during_fsync = None
        real_fsync, real_replace, real_unlink = os.fsync, os.replace, os.unlink

        def fsync(fd):
            self.events.append(("fsync", os.fstat(fd).st_ino, self.temp_files()))
            hook, self.during_fsync = self.during_fsync, None
            if hook is not None:
                hook()
            self._maybe_fail("fsync")
            return real_fsync(fd)

        def replace(src, dst):
            self.events.append(("replace", os.fspath(src), os.fspath(dst), os.stat(src).st_ino))
            self._maybe_fail("replace")
            return real_replace(src, dst)

        def unlink(path, *args, **kwargs):
            self.events.append(("unlink", os.fspath(path)))
            self._maybe_fail("unlink")
            return real_unlink(path, *args, **kwargs)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "unlink", unlink)
        monkeypatch.setattr(os, "remove", unlink)

    def _maybe_fail(self, name):
        error = self.fail.get(name)
        if error is not None:
            raise error

    def temp_files(self):
        found = {}
        for name in os.listdir(self.directory):
            if TEMP_NAME.fullmatch(name):
                with open(os.path.join(self.directory, name), encoding="utf-8", newline="") as f:
                    found[name] = f.read()
        return found

    def names(self, kind):
        return [e for e in self.events if e[0] == kind]


@pytest.fixture
def etc(tmp_path):
    directory = tmp_path / "etc" / "app"
    directory.mkdir(parents=True)
    return directory


@pytest.fixture
def spy(monkeypatch, etc):
    return Spy(monkeypatch, str(etc))


def read(path):
    with open(str(path), encoding="utf-8", newline="") as f:
        return f.read()


def write(path, text):
    with open(str(path), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def test_passes_the_current_text_to_edit_replaces_the_file_and_returns_the_new_text(etc, spy):
    target = etc / "config.json"
    write(target, '{"replicas": 2}\r\n')
    seen = []

    def edit(current):
        seen.append(current)
        return '{"replicas": 3}\n'

    assert update_config(str(target), edit) == '{"replicas": 3}\n'
    assert seen == ['{"replicas": 2}\r\n']
    assert read(target) == '{"replicas": 3}\n'
    assert sorted(os.listdir(str(etc))) == ["config.json"]


def test_creates_a_missing_file_calling_edit_with_none(etc, spy):
    seen = []
    assert update_config(etc / "config.json", lambda current: seen.append(current) or "new") == "new"
    assert seen == [None]
    assert read(etc / "config.json") == "new"
    assert sorted(os.listdir(str(etc))) == ["config.json"]


def test_an_empty_file_is_passed_as_the_empty_string_not_none(etc, spy):
    write(etc / "config.json", "")
    seen = []
    update_config(str(etc / "config.json"), lambda current: seen.append(current) or "x")
    assert seen == [""]


def test_writes_a_temp_file_beside_the_target_fsyncs_it_full_then_replaces_the_target(etc, spy):
    target = str(etc / "config.json")
    write(target, "old")
    update_config(target, lambda current: "new text")
    kinds = [e[0] for e in spy.events]
    assert kinds == ["fsync", "replace"]
    _, synced_inode, temps_at_fsync = spy.events[0]
    _, src, dst, renamed_inode = spy.events[1]
    assert dst == target
    assert os.path.dirname(os.path.abspath(src)) == str(etc)
    assert TEMP_NAME.fullmatch(os.path.basename(src))
    assert synced_inode == renamed_inode
    assert temps_at_fsync == {os.path.basename(src): "new text"}
    assert read(target) == "new text"


def test_never_writes_into_the_target_itself(etc, spy):
    target = etc / "config.json"
    write(target, "old complete text")
    os.link(str(target), str(etc / "reader-still-has-this"))
    update_config(str(target), lambda current: "new complete text")
    assert read(etc / "reader-still-has-this") == "old complete text"
    assert read(target) == "new complete text"


def test_puts_the_temp_file_in_the_current_folder_for_a_bare_file_name(etc, spy, monkeypatch):
    monkeypatch.chdir(str(etc))
    write(etc / "config.json", "old")
    update_config("config.json", lambda current: current + " new")
    (_, src, dst, _), = spy.names("replace")
    assert os.path.dirname(os.path.abspath(src)) == str(etc)
    assert read(etc / "config.json") == "old new"


def test_when_edit_raises_nothing_is_written_and_its_error_propagates(etc, spy):
    write(etc / "config.json", "old")
    error = ValueError("bad edit")

    def edit(current):
        raise error

    with pytest.raises(ValueError) as info:
        update_config(str(etc / "config.json"), edit)
    assert info.value is error
    assert read(etc / "config.json") == "old"
    assert sorted(os.listdir(str(etc))) == ["config.json"]
    assert spy.events == []


def test_a_read_error_other_than_file_not_found_propagates_before_edit(etc, spy):
    (etc / "config.json").mkdir()
    seen = []
    with pytest.raises(IsADirectoryError):
        update_config(str(etc / "config.json"), lambda current: seen.append(current) or "x")
    assert seen == []
    assert sorted(os.listdir(str(etc))) == ["config.json"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failing_step_removes_the_temp_file_and_raises_the_original_error(etc, spy, step):
    write(etc / "config.json", "old")
    error = OSError(28, "No space left on device")
    spy.fail[step] = error
    with pytest.raises(OSError) as info:
        update_config(str(etc / "config.json"), lambda current: "new")
    assert info.value is error
    assert read(etc / "config.json") == "old"
    assert sorted(os.listdir(str(etc))) == ["config.json"]


def test_a_failing_write_removes_the_temp_file(etc, spy):
    write(etc / "config.json", "old")
    with pytest.raises(UnicodeEncodeError):
        update_config(str(etc / "config.json"), lambda current: "half \udcff written")
    assert read(etc / "config.json") == "old"
    assert sorted(os.listdir(str(etc))) == ["config.json"]


def test_ctrl_c_during_the_update_still_removes_the_temp_file(etc, spy):
    write(etc / "config.json", "old")
    spy.fail["fsync"] = KeyboardInterrupt()
    with pytest.raises(KeyboardInterrupt):
        update_config(str(etc / "config.json"), lambda current: "new")
    assert read(etc / "config.json") == "old"
    assert sorted(os.listdir(str(etc))) == ["config.json"]


def test_a_failing_cleanup_does_not_replace_the_original_error(etc, spy):
    write(etc / "config.json", "old")
    error = OSError(5, "Input/output error")
    spy.fail["replace"] = error
    spy.fail["unlink"] = PermissionError(13, "Permission denied")
    with pytest.raises(OSError) as info:
        update_config(str(etc / "config.json"), lambda current: "new")
    assert info.value is error
    assert len(spy.names("unlink")) == 1
    assert read(etc / "config.json") == "old"


def test_leaves_other_temp_files_alone(etc, spy):
    write(etc / "config.json", "old")
    write(etc / ".config.json.tmp", "another update's")
    write(etc / ".config.json.abc123.tmp", "another update's too")
    update_config(str(etc / "config.json"), lambda current: "new")
    assert read(etc / ".config.json.tmp") == "another update's"
    assert read(etc / ".config.json.abc123.tmp") == "another update's too"
    assert read(etc / "config.json") == "new"


def test_two_interleaved_updates_both_succeed_each_through_its_own_temp_file(etc, spy):
    target = str(etc / "config.json")
    write(target, "v1")
    results = []
    spy.during_fsync = lambda: results.append(update_config(target, lambda current: current + " second"))
    assert update_config(target, lambda current: current + " first") == "v1 first"
    assert results == ["v1 second"]
    replaced = [e[1] for e in spy.names("replace")]
    assert len(set(replaced)) == 2
    assert read(target) == "v1 first"
    assert sorted(os.listdir(str(etc))) == ["config.json"]
