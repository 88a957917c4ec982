import os
import tempfile


def update_config(target, edit):
    """Replaces the file at target with edit(its text, or None), so readers only ever see the old or the new text."""
    target = os.fspath(target)
    # 1. Read the original exactly as it is (newline="" translates nothing). Nothing is written yet.
    try:
        with open(target, encoding="utf-8", newline="") as f:
            current = f.read()
    except FileNotFoundError:
        current = None
    text = edit(current)

    # 2. A new temp file beside the target: same file system, so the rename below is atomic.
    directory, base = os.path.split(target)
    fd, temp = tempfile.mkstemp(prefix="." + base + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()  # Python's buffer -> the OS
            os.fsync(f.fileno())  # the OS -> the disk
        # 3. Swap it in: one atomic rename, over the old file.
        os.replace(temp, target)
    except BaseException:
        # 4. Any failure (Ctrl-C too): remove our temp file, and report the original error, not a cleanup one.
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return text
