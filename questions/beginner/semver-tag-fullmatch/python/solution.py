import re

# One number: 0, or digits that do not start with 0. [0-9] rather than \d, which also matches digits such as '٣'.
NUMBER = r"(0|[1-9][0-9]*)"
RELEASE_TAG = re.compile(r"v" + NUMBER + r"\." + NUMBER + r"\." + NUMBER)


def parse_release_tag(tag):
    """'v1.4.2' -> (1, 4, 2); any string that is not exactly a release tag -> None."""
    match = RELEASE_TAG.fullmatch(tag)
    if match is None:
        return None
    return tuple(int(part) for part in match.groups())
