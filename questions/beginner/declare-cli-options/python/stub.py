import argparse
import re

USAGE = "usage: rotate-logs [-h] [-n] [-v] [-k N] DIR"


def main(argv, rotate):
    """Parses argv (what follows the program name) with argparse and calls rotate(args) once; returns 0."""
    raise NotImplementedError("main")
