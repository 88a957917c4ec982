import shlex


def git_clone_argv(url, dest, branch=None, depth=None):
    """The argument list for `git clone` (no shell): each value one element, `--` before url and dest."""
    raise NotImplementedError("git_clone_argv")


def shell_join(argv):
    """One line to log or paste into a shell: every argument quoted as shlex.quote does."""
    raise NotImplementedError("shell_join")
