import itertools
import json
import logging
import logging.handlers
import re
from datetime import datetime, timezone

import pytest

from solution import FittingRotatingFileHandler, JsonFormatter, SinkHandler, make_logger, should_rotate, with_level

T0 = datetime(2024, 5, 17, 9, 30, tzinfo=timezone.utc).timestamp()
_names = itertools.count()


def fresh_name(prefix="drill.test"):
    """A logger name not used yet in this interpreter (a runner may run several copies of these tests in one)."""
    while True:
        name = "%s.%d" % (prefix, next(_names))
        if name not in logging.Logger.manager.loggerDict:
            return name


def new_logger(level=None):
    lines = []
    name = fresh_name()
    logger = make_logger(name, lines.append) if level is None else make_logger(name, lines.append, level=level)
    return lines, logger


def without_ts(lines):
    records = [json.loads(line) for line in lines]
    for record in records:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record.pop("ts"))
    return records


def record(msg, args=(), level=logging.ERROR, created=T0, **extra):
    rec = logging.LogRecord("app", level, __file__, 1, msg, args, None)
    rec.created = created
    rec.__dict__.update(extra)
    return rec


class Costly:
    def __init__(self):
        self.calls = 0

    def __str__(self):
        self.calls += 1
        return "costly"


# ---- JsonFormatter


def test_formats_one_json_line_ts_level_msg_then_the_context_in_its_order():
    line = JsonFormatter().format(record("scaled %s", ("api",), logging.INFO, context={"service": "api", "from": 2, "to": 5}))
    assert line == '{"ts":"2024-05-17T09:30:00.000Z","level":"INFO","msg":"scaled api","service":"api","from":2,"to":5}'


def test_is_a_logging_formatter():
    assert isinstance(JsonFormatter(), logging.Formatter)
    assert isinstance(SinkHandler(print), logging.Handler)


def test_ts_is_the_records_creation_time_in_utc_with_milliseconds():
    formatter = JsonFormatter()
    first = json.loads(formatter.format(record("first", created=T0 + 0.005)))
    second = json.loads(formatter.format(record("second", created=T0 + 61.25)))
    assert first["ts"] == "2024-05-17T09:30:00.005Z"
    assert second["ts"] == "2024-05-17T09:31:01.250Z"


def test_merges_the_percent_arguments_into_msg():
    line = JsonFormatter().format(record("disk %s is %d%% full", ("/var", 93)))
    assert json.loads(line)["msg"] == "disk /var is 93% full"


def test_keeps_its_own_ts_level_and_msg_when_the_context_tries_to_set_them():
    line = JsonFormatter().format(
        record("disk low", level=logging.WARNING, context={"level": "DEBUG", "msg": "spoofed", "ts": 0, "host": "web-1"})
    )
    assert json.loads(line) == {"ts": "2024-05-17T09:30:00.000Z", "level": "WARNING", "msg": "disk low", "host": "web-1"}


def test_writes_an_exception_in_the_context_as_its_type_and_message():
    class DeployError(Exception):
        pass

    context = {"cause": DeployError("quota exceeded"), "err": TypeError("bad chunk size"), "plain": {"type": "x"}, "count": 0}
    assert json.loads(JsonFormatter().format(record("failed", context=context))) == {
        "ts": "2024-05-17T09:30:00.000Z",
        "level": "ERROR",
        "msg": "failed",
        "cause": {"type": "DeployError", "message": "quota exceeded"},
        "err": {"type": "TypeError", "message": "bad chunk size"},
        "plain": {"type": "x"},
        "count": 0,
    }


def test_a_record_without_context_has_just_the_three_fields():
    assert json.loads(JsonFormatter().format(record("plain"))) == {"ts": "2024-05-17T09:30:00.000Z", "level": "ERROR", "msg": "plain"}


def test_a_message_with_a_newline_stays_on_one_line():
    line = JsonFormatter().format(record("two\nlines"))
    assert "\n" not in line
    assert json.loads(line)["msg"] == "two\nlines"


# ---- make_logger and SinkHandler


def test_defaults_to_warning_and_writes_json_lines_to_the_sink():
    lines, logger = new_logger()
    logger.debug("d")
    logger.info("i")
    logger.warning("w %s", "x", extra={"context": {"host": "web-1"}})
    logger.error("e")
    assert without_ts(lines) == [{"level": "WARNING", "msg": "w x", "host": "web-1"}, {"level": "ERROR", "msg": "e"}]


def test_the_level_is_set_on_the_logger_itself():
    lines, logger = new_logger()
    assert logger.getEffectiveLevel() == logging.WARNING
    assert logger.isEnabledFor(logging.WARNING) is True
    assert logger.isEnabledFor(logging.INFO) is False
    lines, logger = new_logger("DEBUG")
    assert logger.isEnabledFor(logging.DEBUG) is True


@pytest.mark.parametrize("level", ["DEBUG", "INFO", "WARNING", "ERROR"])
def test_writes_a_record_at_exactly_the_threshold(level):
    lines, logger = new_logger(level)
    logger.log(getattr(logging, level), "at threshold")
    logger.log(getattr(logging, level) - 1, "just below")
    assert without_ts(lines) == [{"level": level, "msg": "at threshold"}]


def test_never_formats_a_lazy_argument_for_a_filtered_record():
    lines, logger = new_logger("WARNING")
    costly = Costly()
    logger.debug("rows: %s", costly)
    logger.info("rows: %s", costly)
    assert costly.calls == 0
    logger.warning("rows: %s", costly)
    assert costly.calls >= 1  # formatted now that the record is written
    assert without_ts(lines) == [{"level": "WARNING", "msg": "rows: costly"}]


def test_writes_only_to_its_sink_not_to_the_root_logger(capsys):
    lines, logger = new_logger()
    seen = []
    root_handler = SinkHandler(seen.append)
    logging.getLogger().addHandler(root_handler)
    try:
        logger.error("once")
    finally:
        logging.getLogger().removeHandler(root_handler)
    assert len(lines) == 1
    assert seen == []


def test_making_the_same_logger_again_does_not_duplicate_lines():
    first, second = [], []
    name = fresh_name("drill.twice")
    make_logger(name, first.append)
    logger = make_logger(name, second.append)
    logger.error("once")
    assert first == []
    assert len(second) == 1


def test_unknown_level_names_raise_value_error():
    with pytest.raises(ValueError):
        new_logger("debug")
    lines, logger = new_logger("INFO")
    with pytest.raises(ValueError):
        logger.setLevel("VERBOSE")
    assert logger.level == logging.INFO


def test_a_failing_sink_does_not_raise_into_the_caller(monkeypatch):
    monkeypatch.setattr(logging, "raiseExceptions", False)

    def broken(line):
        raise OSError("disk full")

    logger = make_logger(fresh_name("drill.broken"), broken)
    logger.error("still fine")


# ---- with_level


def test_with_level_lowers_the_threshold_temporarily_and_restores_it():
    lines, logger = new_logger("WARNING")
    with with_level(logger, "DEBUG") as inside:
        assert inside is logger
        logger.debug("detail")
        assert logger.getEffectiveLevel() == logging.DEBUG
    logger.debug("hidden")
    assert logger.getEffectiveLevel() == logging.WARNING
    assert without_ts(lines) == [{"level": "DEBUG", "msg": "detail"}]


def test_with_level_restores_the_level_when_the_block_raises_and_lets_the_error_through():
    lines, logger = new_logger("ERROR")
    boom = RuntimeError("boom")
    with pytest.raises(RuntimeError) as info:
        with with_level(logger, "DEBUG"):
            raise boom
    assert info.value is boom
    assert logger.level == logging.ERROR


def test_nested_with_level_restores_each_outer_level():
    lines, logger = new_logger("ERROR")
    with with_level(logger, "INFO"):
        with with_level(logger, "DEBUG"):
            assert logger.level == logging.DEBUG
        assert logger.level == logging.INFO
    assert logger.level == logging.ERROR


def test_with_level_rejects_an_unknown_level_and_keeps_the_old_one():
    lines, logger = new_logger("INFO")
    with pytest.raises(ValueError):
        with with_level(logger, "verbose"):
            pass
    assert logger.level == logging.INFO


# ---- rotation


@pytest.mark.parametrize(
    "current, line, limit, expected",
    [
        (90, 20, 100, True),
        (90, 11, 100, True),
        (90, 10, 100, False),
        (0, 10, 100, False),
        (50, 9, 100, False),
        (0, 500, 100, False),
        (1, 100, 100, True),
        (1, 99, 100, False),
    ],
)
def test_should_rotate_only_when_the_line_would_take_a_non_empty_file_over_the_limit(current, line, limit, expected):
    assert should_rotate(current, line, limit) is expected


def write_lines(handler, lines):
    handler.setFormatter(logging.Formatter("%(message)s"))
    for text in lines:
        handler.handle(record(text))
    handler.close()


def test_the_fitting_handler_fills_the_file_up_to_exactly_max_bytes(tmp_path):
    path = tmp_path / "app.log"
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=20, backupCount=2), ["a" * 9, "b" * 9, "c" * 9])
    assert (tmp_path / "app.log.1").read_text() == "a" * 9 + "\n" + "b" * 9 + "\n"
    assert path.read_text() == "c" * 9 + "\n"


def test_the_stock_handler_rolls_over_on_reaching_max_bytes(tmp_path):
    path = tmp_path / "stock.log"
    write_lines(logging.handlers.RotatingFileHandler(str(path), maxBytes=20, backupCount=2), ["a" * 9, "b" * 9])
    assert (tmp_path / "stock.log.1").read_text() == "a" * 9 + "\n"


def test_the_fitting_handler_counts_bytes_not_characters(tmp_path):
    path = tmp_path / "utf8.log"
    # 5 characters, 10 bytes in UTF-8, plus the newline: 11 bytes a line.
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=21, backupCount=1, encoding="utf-8"), ["\u00e9" * 5, "\u00e8" * 5])
    assert (tmp_path / "utf8.log.1").read_text(encoding="utf-8") == "\u00e9" * 5 + "\n"
    assert path.read_text(encoding="utf-8") == "\u00e8" * 5 + "\n"


def test_the_fitting_handler_puts_an_oversized_line_into_an_empty_file(tmp_path):
    path = tmp_path / "big.log"
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=5, backupCount=1), ["x" * 30])
    assert path.read_text() == "x" * 30 + "\n"
    assert not (tmp_path / "big.log.1").exists()


def test_max_bytes_0_never_rolls_over(tmp_path):
    path = tmp_path / "none.log"
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=0, backupCount=1), ["x" * 30, "y" * 30])
    assert path.read_text() == "x" * 30 + "\n" + "y" * 30 + "\n"


def test_max_bytes_1_puts_every_line_into_a_fresh_file(tmp_path):
    path = tmp_path / "one.log"
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=1, backupCount=2), ["x", "y"])
    assert (tmp_path / "one.log.1").read_text() == "x\n"
    assert path.read_text() == "y\n"


def test_the_fitting_handler_opens_a_delayed_file_itself(tmp_path):
    path = tmp_path / "delayed.log"
    write_lines(FittingRotatingFileHandler(str(path), maxBytes=20, backupCount=1, delay=True), ["a" * 9, "b" * 9, "c" * 9])
    assert (tmp_path / "delayed.log.1").read_text() == "a" * 9 + "\n" + "b" * 9 + "\n"
    assert path.read_text() == "c" * 9 + "\n"


def test_the_fitting_handler_measures_the_file_as_it_is_now(tmp_path):
    # Another handler appends to the same file: the size is read from the end of the file, not the own position.
    path = tmp_path / "shared.log"
    mine = FittingRotatingFileHandler(str(path), maxBytes=20, backupCount=1)
    other = logging.FileHandler(str(path))
    for handler in (mine, other):
        handler.setFormatter(logging.Formatter("%(message)s"))
    mine.handle(record("a" * 9))
    mine.flush()
    other.handle(record("b" * 9))
    other.close()
    mine.handle(record("c" * 9))
    mine.close()
    assert (tmp_path / "shared.log.1").read_text() == "a" * 9 + "\n" + "b" * 9 + "\n"
    assert path.read_text() == "c" * 9 + "\n"


def test_a_failing_sink_is_reported_by_handle_error(capsys):
    def broken(line):
        raise OSError("disk full")

    make_logger(fresh_name("drill.reported"), broken).error("lost")
    out, err = capsys.readouterr()
    assert "Logging error" in err
    assert "disk full" in err
