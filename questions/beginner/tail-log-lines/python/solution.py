from collections import deque


def tail_lines(path, n):
    """The last n lines of the file at path, in file order, without their line breaks."""
    if not isinstance(n, int) or n < 0:
        raise ValueError("n must be an int >= 0, got %r" % (n,))
    # newline="\n": only \n ends a line and nothing is translated, so a lone \r stays where it is.
    with open(path, encoding="utf-8", newline="\n") as f:
        last = deque(f, maxlen=n)  # iterates the file: at most n lines in memory
    lines = []
    for line in last:
        if line.endswith("\n"):
            line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
        lines.append(line)
    return lines
