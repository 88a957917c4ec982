import re
from decimal import Decimal

_FACTORS = {
    "": 1,
    "k": 1000,
    "M": 1000 ** 2,
    "G": 1000 ** 3,
    "T": 1000 ** 4,
    "P": 1000 ** 5,
    "E": 1000 ** 6,
    "Ki": 1024,
    "Mi": 1024 ** 2,
    "Gi": 1024 ** 3,
    "Ti": 1024 ** 4,
    "Pi": 1024 ** 5,
    "Ei": 1024 ** 6,
}

# [0-9], not \d: in Python \d also matches other scripts' digits, and int() accepts them.
_QUANTITY = re.compile(r"(?P<whole>[0-9]+)(?:\.(?P<fraction>[0-9]+))?(?P<unit>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?")


def _exact(text):
    """The quantity as an exact fraction (numerator, denominator) of base units, both ints."""
    match = _QUANTITY.fullmatch(text.strip())
    if match is None:
        raise ValueError('invalid quantity "%s": expected a number with an optional unit, such as 512Mi, 1.5G or 250m' % text)
    fraction = match.group("fraction") or ""
    unit = match.group("unit") or ""
    numerator = int(match.group("whole") + fraction)
    denominator = 10 ** len(fraction)
    if unit == "m":
        denominator *= 1000
    else:
        numerator *= _FACTORS[unit]
    return numerator, denominator


def parse_quantity(text):
    """The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores), as a Decimal."""
    numerator, denominator = _exact(text)
    return Decimal(numerator) / Decimal(denominator)


def to_bytes(text):
    """Whole bytes, rounded up, as an int; exact where float arithmetic is not."""
    numerator, denominator = _exact(text)
    return -(-numerator // denominator)


def to_millicores(text):
    """Whole millicores (1 core = 1000m), rounded up, as an int; exact where float arithmetic is not."""
    numerator, denominator = _exact(text)
    return -(-numerator * 1000 // denominator)
