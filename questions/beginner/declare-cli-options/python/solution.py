import argparse
import re

USAGE = "usage: rotate-logs [-h] [-n] [-v] [-k N] DIR"


def keep_count(text):
    """argparse type for --keep: a whole number of at least 1, written in ASCII digits."""
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1, got %r" % text)
    return int(text)


def main(argv, rotate):
    """Parses argv (what follows the program name) with argparse and calls rotate(args) once; returns 0."""
    parser = argparse.ArgumentParser(prog="rotate-logs", allow_abbrev=False)
    parser.add_argument("-n", "--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-k", "--keep", type=keep_count, default=7, metavar="N")
    parser.add_argument("dir", metavar="DIR")
    args = parser.parse_args(argv)
    rotate(args)
    return 0
