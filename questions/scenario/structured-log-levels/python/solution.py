import json
import logging
from contextlib import contextmanager
from datetime import datetime, timezone
from logging.handlers import RotatingFileHandler

RESERVED = ("ts", "level", "msg")


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts, level, msg, then the fields of extra={"context": {...}}."""

    def format(self, record):
        ts = datetime.fromtimestamp(record.created, tz=timezone.utc)
        line: dict = {
            "ts": ts.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "msg": record.getMessage(),  # merges the lazy %s arguments, only now that the record is written
        }
        for key, value in (getattr(record, "context", None) or {}).items():
            if key in RESERVED:
                continue
            if isinstance(value, BaseException):
                value = {"type": type(value).__name__, "message": str(value)}
            line[key] = value
        return json.dumps(line, separators=(",", ":"))  # compact, as JSON.stringify writes it


class SinkHandler(logging.Handler):
    """Passes each formatted record to sink(line)."""

    def __init__(self, sink, level=logging.NOTSET):
        super().__init__(level)
        self.sink = sink

    def emit(self, record):
        try:
            self.sink(self.format(record))
        except Exception:
            self.handleError(record)  # logging never raises into the code that logs


def make_logger(name, sink, level="WARNING"):
    """A logger writing JSON lines to sink, at `level` and above, and nowhere else."""
    logger = logging.getLogger(name)
    logger.setLevel(level)  # the level is on the logger, so a filtered call builds no record at all
    for old in list(logger.handlers):
        logger.removeHandler(old)
    handler = SinkHandler(sink)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    logger.propagate = False
    return logger


@contextmanager
def with_level(logger, level):
    """Sets logger's level for the with block, restoring the previous one afterwards, also on an exception."""
    previous = logger.level
    logger.setLevel(level)
    try:
        yield logger
    finally:
        logger.setLevel(previous)


def should_rotate(current_bytes, next_line_bytes, max_bytes):
    """True when the next line would take a non-empty file over max_bytes."""
    return current_bytes > 0 and current_bytes + next_line_bytes > max_bytes


class FittingRotatingFileHandler(RotatingFileHandler):
    """RotatingFileHandler that lets a line fill the file up to exactly maxBytes, counting bytes."""

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        line = (self.format(record) + self.terminator).encode(self.stream.encoding)
        self.stream.seek(0, 2)
        return should_rotate(self.stream.tell(), len(line), self.maxBytes)
