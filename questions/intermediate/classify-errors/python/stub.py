import sys
from dataclasses import dataclass, field


@dataclass
class RunReport:
    completed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    attempts: dict = field(default_factory=dict)


def _warn(line):
    print(line, file=sys.stderr)


def classify(error):
    """'retry', 'skip' or 'raise' for an exception, decided by its class."""
    raise NotImplementedError("classify")


def run_all(tasks, max_attempts=3, log=_warn):
    """Runs (name, fn) pairs one after another: retries transient errors, skips missing files, raises the rest."""
    raise NotImplementedError("run_all")
