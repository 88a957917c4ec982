import json  # noqa: F401
import logging
from contextlib import contextmanager
from datetime import datetime, timezone  # noqa: F401
from logging.handlers import RotatingFileHandler

RESERVED = ("ts", "level", "msg")


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts, level, msg, then the fields of extra={"context": {...}}."""

    def format(self, record):
        raise NotImplementedError("JsonFormatter.format")


class SinkHandler(logging.Handler):
    """Passes each formatted record to sink(line)."""

    def __init__(self, sink, level=logging.NOTSET):
        super().__init__(level)
        self.sink = sink

    def emit(self, record):
        raise NotImplementedError("SinkHandler.emit")


def make_logger(name, sink, level="WARNING"):
    """A logger writing JSON lines to sink, at `level` and above, and nowhere else."""
    raise NotImplementedError("make_logger")


@contextmanager
def with_level(logger, level):
    """Sets logger's level for the with block, restoring the previous one afterwards, also on an exception."""
    raise NotImplementedError("with_level")
    yield logger


def should_rotate(current_bytes, next_line_bytes, max_bytes):
    """True when the next line would take a non-empty file over max_bytes."""
    raise NotImplementedError("should_rotate")


class FittingRotatingFileHandler(RotatingFileHandler):
    """RotatingFileHandler that lets a line fill the file up to exactly maxBytes, counting bytes."""

    def shouldRollover(self, record):
        raise NotImplementedError("FittingRotatingFileHandler.shouldRollover")
