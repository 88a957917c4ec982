import re


def parse_release_tag(tag):
    """'v1.4.2' -> (1, 4, 2); any string that is not exactly a release tag -> None."""
    raise NotImplementedError("parse_release_tag")
