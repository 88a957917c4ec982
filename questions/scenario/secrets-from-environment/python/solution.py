import logging
import os
import re
from typing import NamedTuple
from urllib.parse import quote


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
    if env is None:
        env = os.environ
    value = env.get(name)
    if value is None or not value.strip():
        raise MissingSecretError(
            name, "Required environment variable %s is not set or is empty. Provide it through the environment or a secret store." % name
        )
    if validate is not None:
        try:
            valid = validate(value)
        except ValueError:
            valid = False  # raised outside the except, so the error (which may quote the value) is not chained
        if not valid:
            raise InvalidSecretError(name, "Environment variable %s is set but does not have the expected format." % name)
    return value


MASK = "[REDACTED]"


class RedactingFormatter(logging.Formatter):
    """A logging.Formatter whose output never holds a secret, raw or URL-encoded, traceback included."""

    def __init__(self, fmt=None, datefmt=None, secrets=()):
        super().__init__(fmt, datefmt)
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""))}
        self._forms = sorted(forms, key=len, reverse=True)

    def format(self, record):
        line = super().format(record)
        for form in self._forms:
            line = line.replace(form, MASK)
        return line


class Finding(NamedTuple):
    line: int  # 1-based
    rule: str  # "aws-access-key" or "hardcoded-secret"


AWS_ACCESS_KEY = re.compile(r"\bAKIA[0-9A-Z]{16}\b")
HARDCODED_SECRET = re.compile(r"(?:key|secret|token|password)\w*['\"]?\s*[:=]\s*(['\"])[^'\"]{8,}\1", re.IGNORECASE)


def scan_for_secrets(source):
    """Findings (line, rule) for AWS access key ids and string literals assigned to secret-looking names."""
    findings = []
    for number, text in enumerate(source.split("\n"), start=1):
        if AWS_ACCESS_KEY.search(text):
            findings.append(Finding(number, "aws-access-key"))
        if HARDCODED_SECRET.search(text):
            findings.append(Finding(number, "hardcoded-secret"))
    return findings
