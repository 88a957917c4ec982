import os
import subprocess


class ToolNotFoundError(FileNotFoundError):
    """The command was not found; says what was looked for and where."""

    def __init__(self, command, searched):
        super().__init__("command not found: %s (searched: %s)" % (command, ", ".join(searched)))
        self.command = command
        self.searched = list(searched)


def _runnable(candidate):
    return os.path.isfile(candidate) and os.access(candidate, os.X_OK)


def search_dirs(path=None):
    """The absolute entries of PATH (the given string, else the environment's), in order, each once."""
    if path is None:
        path = os.environ.get("PATH")
    if not path:
        return []
    found = []
    for entry in path.split(os.pathsep):
        if os.path.isabs(entry) and entry not in found:
            found.append(entry)
    return found


def which(cmd, path=None):
    """The file to run for cmd, or None. Like shutil.which, but only absolute PATH entries are searched."""
    if not cmd:
        return None
    if os.sep in cmd or (os.altsep and os.altsep in cmd):
        return cmd if _runnable(cmd) else None
    for directory in search_dirs(path):
        candidate = os.path.join(directory, cmd)
        if _runnable(candidate):
            return candidate
    return None


def run_tool(cmd, args, path=None, run=subprocess.run):
    """Resolves cmd with which() and runs it once with args, without a shell; returns what run returns."""
    resolved = which(cmd, path)
    if resolved is None:
        searched = [] if (os.sep in cmd or (os.altsep and os.altsep in cmd)) else search_dirs(path)
        raise ToolNotFoundError(cmd, searched)
    return run([resolved, *args], capture_output=True, text=True, check=False)
