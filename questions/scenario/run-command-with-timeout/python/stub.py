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
    raise NotImplementedError("run_command")
