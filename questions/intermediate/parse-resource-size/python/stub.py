import re
from decimal import Decimal


def parse_quantity(text):
    """The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores), as a Decimal."""
    raise NotImplementedError("parse_quantity")


def to_bytes(text):
    """Whole bytes, rounded up, as an int; exact where float arithmetic is not."""
    raise NotImplementedError("to_bytes")


def to_millicores(text):
    """Whole millicores (1 core = 1000m), rounded up, as an int; exact where float arithmetic is not."""
    raise NotImplementedError("to_millicores")
