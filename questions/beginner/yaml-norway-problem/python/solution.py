import re

# One pattern per form; each is matched against the whole value with fullmatch.
NULL = re.compile(r"~|null|Null|NULL|")
BOOL = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")
DECIMAL = re.compile(r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?")
PREFIXED = re.compile(r"[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)")
BASE_60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
SPECIAL = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")

FORMS = (NULL, BOOL, DECIMAL, PREFIXED, BASE_60, SPECIAL)


def must_quote(value):
    """True when value, written unquoted, might load as a bool, None or a number under YAML 1.1 or 1.2."""
    return any(form.fullmatch(value) for form in FORMS)
