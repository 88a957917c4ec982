import subprocess
import sys

import pytest

from solution import CommandFailedError, CommandTimeoutError, RunResult, run_command

PY = sys.executable


def script(code):
    return [PY, "-I", "-c", code]


# ---- real child processes


def test_runs_a_real_command_and_captures_both_streams():
    result = run_command(script("import sys; print('hi'); sys.stderr.write('warn\\n')"), timeout=20, max_output_chars=100)
    assert result == RunResult(0, "hi\n", "warn\n", False)


def test_a_real_hang_is_stopped_at_the_timeout():
    argv = script("import time; time.sleep(8)")
    with pytest.raises(CommandTimeoutError) as info:
        run_command(argv, timeout=0.5, max_output_chars=100)
    assert isinstance(info.value.__cause__, subprocess.TimeoutExpired)
    assert info.value.timeout == 0.5
    assert info.value.command == " ".join(argv)
    assert "0.5" in str(info.value) and " ".join(argv) in str(info.value)


def test_a_real_failure_explains_itself():
    argv = script("import sys; sys.stderr.write('one\\ntwo\\nthree\\nfour\\n'); sys.exit(3)")
    with pytest.raises(CommandFailedError, match="exit code 3") as info:
        run_command(argv, timeout=20, max_output_chars=1000)
    assert info.value.returncode == 3
    assert info.value.stderr_tail == "two\nthree\nfour"
    assert info.value.command == " ".join(argv)
    assert " ".join(argv) in str(info.value) and "two\nthree\nfour" in str(info.value)


def test_a_missing_program_raises_file_not_found():
    with pytest.raises(FileNotFoundError):
        run_command(["/nonexistent/terraform", "plan"], timeout=20, max_output_chars=100)


# ---- an injected runner


class FakeRun:
    def __init__(self, returncode=0, stdout="", stderr="", error=None):
        self.calls = []
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.error = error

    def __call__(self, argv, **kwargs):
        self.calls.append((argv, kwargs))
        if self.error is not None:
            raise self.error
        return subprocess.CompletedProcess(argv, self.returncode, self.stdout, self.stderr)


def test_calls_run_once_with_an_argument_list_a_timeout_and_no_shell():
    run = FakeRun(stdout="ok")
    run_command(["kubectl", "apply", "-f", "x; rm -rf /"], timeout=600, max_output_chars=10, run=run)
    assert len(run.calls) == 1
    argv, kwargs = run.calls[0]
    assert argv == ["kubectl", "apply", "-f", "x; rm -rf /"]
    assert kwargs.get("timeout") == 600
    assert kwargs.get("capture_output") is True and kwargs.get("text") is True
    assert not kwargs.get("shell", False)
    assert not kwargs.get("check", False)


def test_a_timeout_from_the_runner_becomes_command_timeout_error():
    expired = subprocess.TimeoutExpired(["terraform", "apply"], 600000)
    with pytest.raises(CommandTimeoutError, match="600000") as info:
        run_command(["terraform", "apply"], timeout=600000, max_output_chars=10, run=FakeRun(error=expired))
    assert info.value.__cause__ is expired
    assert info.value.command == "terraform apply"


@pytest.mark.parametrize(
    "stdout, stderr, cap, expected",
    [
        ("abcdef", "", 6, RunResult(0, "abcdef", "", False)),
        ("abcdefg", "", 6, RunResult(0, "abcdef", "", True)),
        ("", "123456", 6, RunResult(0, "", "123456", False)),
        ("", "1234567", 6, RunResult(0, "", "234567", True)),
        ("abc", "xyz", 2, RunResult(0, "ab", "yz", True)),
        ("", "", 0, RunResult(0, "", "", False)),
        ("a", "", 0, RunResult(0, "", "", True)),
        ("", "e", 0, RunResult(0, "", "", True)),
        (None, None, 5, RunResult(0, "", "", False)),
    ],
    ids=["stdout-fills-the-cap", "stdout-over", "stderr-fills-the-cap", "stderr-over", "both-over", "empty-zero-cap", "zero-cap", "zero-cap-stderr", "no-output"],
)
def test_caps_stdout_from_the_start_and_stderr_from_the_end(stdout, stderr, cap, expected):
    assert run_command(["tool"], timeout=1, max_output_chars=cap, run=FakeRun(0, stdout, stderr)) == expected


@pytest.mark.parametrize(
    "stderr, tail",
    [
        ("a\n\nb\n   \nc\n\t\n", "a\nb\nc"),
        ("only\n", "only"),
        ("", ""),
        ("\n \n", ""),
        ("  indented  \nlast", "  indented  \nlast"),
    ],
    ids=["skips-blank-lines", "one-line", "no-stderr", "only-blank", "keeps-lines-as-they-are"],
)
def test_the_failure_keeps_the_last_three_non_blank_lines(stderr, tail):
    with pytest.raises(CommandFailedError) as info:
        run_command(["tool", "--flag"], timeout=1, max_output_chars=100, run=FakeRun(1, "", stderr))
    assert info.value.stderr_tail == tail
    assert info.value.returncode == 1
    assert "tool --flag" in str(info.value) and "exit code 1" in str(info.value)


def test_the_tail_comes_from_the_capped_stderr():
    with pytest.raises(CommandFailedError) as info:
        run_command(["tool"], timeout=1, max_output_chars=8, run=FakeRun(2, "", "first\nsecond\nthird\n"))
    assert info.value.stderr_tail == "d\nthird"


def test_check_false_returns_a_failure_like_a_success():
    result = run_command(["tool"], timeout=1, max_output_chars=100, check=False, run=FakeRun(4, "out", "err\n"))
    assert result == RunResult(4, "out", "err\n", False)
