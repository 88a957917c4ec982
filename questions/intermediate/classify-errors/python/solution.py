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
    # isinstance, like except, also matches subclasses (ConnectionResetError, BrokenPipeError ...).
    if isinstance(error, (TimeoutError, ConnectionError)):
        return "retry"
    if isinstance(error, FileNotFoundError):
        return "skip"
    return "raise"  # PermissionError, a bare OSError, bugs, KeyboardInterrupt, SystemExit, non-exceptions


def run_all(tasks, max_attempts=3, log=_warn):
    """Runs (name, fn) pairs one after another: retries transient errors, skips missing files, raises the rest."""
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        raise ValueError("max_attempts must be an integer >= 1, got %r" % (max_attempts,))
    report = RunReport()
    for name, fn in tasks:
        attempt = 1
        while True:
            report.attempts[name] = attempt
            try:
                fn()
            except (TimeoutError, ConnectionError) as error:
                if attempt >= max_attempts:
                    raise  # the caller gets the very same exception, traceback included
                log("retrying %s after attempt %d/%d: %s" % (name, attempt, max_attempts, error))
                attempt += 1
            except FileNotFoundError as error:
                log("skipping %s: %s" % (name, error))
                report.skipped.append(name)
                break
            else:
                report.completed.append(name)
                break
            # Anything else (PermissionError, a bug, KeyboardInterrupt) is not caught: it propagates at once.
    return report
