import subprocess
from typing import NamedTuple


class RunResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str
    truncated: bool


class CommandFailedError(Exception):
    def __init__(self, command, returncode, stderr_tail):
        super().__init__("%s failed with exit code %d\n%s" % (command, returncode, stderr_tail))
        self.command = command
        self.returncode = returncode
        self.stderr_tail = stderr_tail


class CommandTimeoutError(Exception):
    def __init__(self, command, timeout):
        super().__init__("%s did not finish within %s seconds" % (command, timeout))
        self.command = command
        self.timeout = timeout


def run_command(argv, timeout, max_output_chars, check=True, run=subprocess.run):
    """Runs argv once (no shell) with a time limit; caps the output; explains a failure."""
    command = " ".join(argv)
    try:
        done = run(list(argv), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise CommandTimeoutError(command, timeout) from error
    stdout = done.stdout or ""
    stderr = done.stderr or ""
    truncated = len(stdout) > max_output_chars or len(stderr) > max_output_chars
    stdout = stdout[:max_output_chars]
    stderr = stderr[len(stderr) - max_output_chars:] if len(stderr) > max_output_chars else stderr
    if done.returncode != 0 and check:
        tail = [line for line in stderr.splitlines() if line.strip()][-3:]
        raise CommandFailedError(command, done.returncode, "\n".join(tail))
    return RunResult(done.returncode, stdout, stderr, truncated)
