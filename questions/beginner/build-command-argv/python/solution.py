import shlex


def git_clone_argv(url, dest, branch=None, depth=None):
    """The argument list for `git clone` (no shell): each value one element, `--` before url and dest."""
    if url == "":
        raise ValueError("url must not be empty")
    if dest == "":
        raise ValueError("dest must not be empty")
    argv = ["git", "clone"]
    if branch is not None:
        if branch == "" or branch.startswith("-"):
            raise ValueError("invalid branch name %r" % branch)
        argv += ["--branch", branch]
    if depth is not None:
        if isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
            raise ValueError("depth must be a whole number >= 1, got %r" % (depth,))
        argv += ["--depth", str(depth)]
    argv += ["--", url, dest]
    return argv


def shell_join(argv):
    """One line to log or paste into a shell: every argument quoted as shlex.quote does."""
    return shlex.join(argv)
