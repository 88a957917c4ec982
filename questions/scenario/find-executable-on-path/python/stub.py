import os
import subprocess


class ToolNotFoundError(FileNotFoundError):
    """The command was not found; says what was looked for and where."""

    def __init__(self, command, searched):
        super().__init__("command not found: %s" % command)
        self.command = command
        self.searched = list(searched)


def which(cmd, path=None):
    """The file to run for cmd, or None. Like shutil.which, but only absolute PATH entries are searched."""
    raise NotImplementedError("which")


def run_tool(cmd, args, path=None, run=subprocess.run):
    """Resolves cmd with which() and runs it once with args, without a shell; returns what run returns."""
    raise NotImplementedError("run_tool")
