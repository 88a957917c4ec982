import logging
import os  # noqa: F401
import re  # noqa: F401
from typing import NamedTuple
from urllib.parse import quote  # noqa: F401


class MissingSecretError(LookupError):
    """The variable is unset, empty or only whitespace."""

    def __init__(self, variable, message):
        super().__init__(message)
        self.variable = variable


class InvalidSecretError(ValueError):
    """The variable is set but its value fails validation (the message never holds the value)."""

    def __init__(self, variable, message):
        super().__init__(message)
        self.variable = variable


def require_secret(name, validate=None, env=None):
    """The value of env[name] (env defaults to os.environ), exactly as set; raises when missing or invalid."""
    raise NotImplementedError("require_secret")


MASK = "[REDACTED]"


class RedactingFormatter(logging.Formatter):
    """A logging.Formatter whose output never holds a secret, raw or URL-encoded, traceback included."""

    def __init__(self, fmt=None, datefmt=None, secrets=()):
        super().__init__(fmt, datefmt)
        raise NotImplementedError("RedactingFormatter")

    def format(self, record):
        raise NotImplementedError("RedactingFormatter.format")


class Finding(NamedTuple):
    line: int  # 1-based
    rule: str  # "aws-access-key" or "hardcoded-secret"


def scan_for_secrets(source):
    """Findings (line, rule) for AWS access key ids and string literals assigned to secret-looking names."""
    raise NotImplementedError("scan_for_secrets")
