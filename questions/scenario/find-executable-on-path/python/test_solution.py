import os
import shutil
import stat
import subprocess
import sys

import pytest

from solution import ToolNotFoundError, run_tool, which

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX PATH rules")


def make(path, executable=True, text="#!/bin/sh\necho \"$0 $*\"\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    mode = stat.S_IRUSR | stat.S_IWUSR | (stat.S_IXUSR if executable else 0)
    path.chmod(mode)
    return str(path)


@pytest.fixture
def tools(tmp_path):
    """Three PATH folders: a has a non-executable kubectl, b a folder named kubectl, c the real one; d has helm too."""
    make(tmp_path / "a" / "kubectl", executable=False)
    (tmp_path / "b" / "kubectl").mkdir(parents=True)
    (tmp_path / "b" / "kubectl").chmod(0o755)
    real = make(tmp_path / "c" / "kubectl")
    make(tmp_path / "d" / "kubectl")
    make(tmp_path / "d" / "helm")
    return tmp_path, real


def joined(*dirs):
    return os.pathsep.join(str(d) for d in dirs)


def test_skips_non_executables_and_folders_and_returns_the_first_match(tools):
    root, real = tools
    path = joined(root / "a", root / "b", root / "c", root / "d")
    assert which("kubectl", path) == real
    assert which("kubectl", path) == shutil.which("kubectl", path=path)


@pytest.mark.parametrize("cmd", ["helm", "kubectl", "terraform"])
def test_agrees_with_shutil_which_on_plain_paths(tools, cmd):
    root, _ = tools
    path = joined(root / "a", root / "c", root / "d")
    assert which(cmd, path) == shutil.which(cmd, path=path)


def test_an_entry_may_end_with_a_slash(tools):
    root, _ = tools
    assert which("helm", str(root / "d") + "/") == os.path.join(str(root / "d") + "/", "helm")


def test_empty_entries_are_skipped_not_the_current_folder(tools, monkeypatch):
    root, _ = tools
    make(root / "here" / "deploy")
    monkeypatch.chdir(root / "here")
    for path in ["", os.pathsep, os.pathsep + os.pathsep, os.pathsep + str(root / "a")]:
        assert which("deploy", path) is None, path
    assert which("helm", os.pathsep + str(root / "d") + os.pathsep) == str(root / "d" / "helm")


@pytest.mark.parametrize("entry", [".", "here", "./here", "here/"])
def test_relative_entries_are_skipped(tools, monkeypatch, entry):
    root, _ = tools
    make(root / "here" / "deploy")
    monkeypatch.chdir(root)
    path = os.pathsep.join([entry, str(root / "d")])
    assert which("deploy", path) is None
    assert which("helm", path) == str(root / "d" / "helm")


def test_the_root_folder_joins_with_one_slash(tools, monkeypatch):
    monkeypatch.setattr(os.path, "isfile", lambda p: p == "/kubectl")
    monkeypatch.setattr(os, "access", lambda p, mode: p == "/kubectl")
    assert which("kubectl", "/") == "/kubectl"


def test_reads_path_from_the_environment_when_not_given(tools, monkeypatch):
    root, real = tools
    monkeypatch.setenv("PATH", joined(root / "b", root / "c"))
    assert which("kubectl") == real


def test_no_path_in_the_environment_finds_nothing_and_does_not_fall_back(tools, monkeypatch):
    monkeypatch.delenv("PATH", raising=False)
    monkeypatch.setattr(os, "defpath", str(tools[0] / "d"))
    assert which("helm") is None
    assert which("sh") is None


def test_a_command_with_a_slash_is_checked_as_given(tools, monkeypatch):
    root, real = tools
    assert which(real, joined(root / "d")) == real
    assert which(str(root / "a" / "kubectl"), joined(root / "d")) is None
    assert which(str(root / "b" / "kubectl"), joined(root / "d")) is None
    monkeypatch.chdir(root)
    assert which("c/kubectl", joined(root / "d")) == "c/kubectl"
    assert which("a/kubectl", joined(root / "d")) is None
    assert which("d/nothing", joined(root / "d")) is None


def test_an_empty_command_is_none(tools):
    root, _ = tools
    assert which("", joined(root / "d")) is None


class FakeRun:
    def __init__(self, result="done", error=None):
        self.calls = []
        self.result = result
        self.error = error

    def __call__(self, argv, **kwargs):
        self.calls.append((argv, kwargs))
        if self.error is not None:
            raise self.error
        return self.result


def test_run_tool_runs_the_resolved_path_once_without_a_shell(tools):
    root, real = tools
    run = FakeRun()
    assert run_tool("kubectl", ["get", "pods; rm -rf /"], joined(root / "a", root / "c"), run=run) == "done"
    assert len(run.calls) == 1
    argv, kwargs = run.calls[0]
    assert argv == [real, "get", "pods; rm -rf /"]
    assert kwargs == {"capture_output": True, "text": True, "check": False}


def test_run_tool_lets_the_runner_error_through(tools):
    root, _ = tools
    error = subprocess.TimeoutExpired(["kubectl"], 5)
    with pytest.raises(subprocess.TimeoutExpired) as info:
        run_tool("kubectl", [], joined(root / "c"), run=FakeRun(error=error))
    assert info.value is error


def test_run_tool_really_runs_the_tool(tools):
    root, real = tools
    done = run_tool("kubectl", ["version", "--client"], joined(root / "c"))
    assert done.returncode == 0
    assert done.stdout == "%s version --client\n" % real


def test_not_found_names_the_command_and_every_folder_searched_once_in_order(tools):
    root, _ = tools
    run = FakeRun()
    a, b = str(root / "a"), str(root / "b")
    path = os.pathsep.join(["", a, "bin", b, ".", a, b + "/", ""])
    with pytest.raises(ToolNotFoundError, match="kubectl") as info:
        run_tool("kubectl", [], path, run=run)
    assert run.calls == []
    assert info.value.command == "kubectl"
    assert info.value.searched == [a, b, b + "/"]
    message = str(info.value)
    assert a in message and b in message
    assert message.index(a) < message.index(b)
    assert "bin" not in message.replace(a, "").replace(b, "")
    assert isinstance(info.value, FileNotFoundError)


def test_not_found_with_a_slash_searched_nothing(tools):
    root, _ = tools
    with pytest.raises(ToolNotFoundError) as info:
        run_tool("./missing.sh", [], joined(root / "c"), run=FakeRun())
    assert info.value.searched == []
