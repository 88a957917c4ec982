import errno
import json

import pytest

from solution import ConfigError, load_config


class Reader:
    """A fake read_file: records the paths it is asked for; returns `text` or raises `error`."""

    def __init__(self, text=None, error=None):
        self.text = text
        self.error = error
        self.paths = []

    def __call__(self, path):
        self.paths.append(path)
        if self.error is not None:
            raise self.error
        return self.text


def missing(path="deploy.json"):
    # OSError with errno ENOENT is created as a FileNotFoundError, as open() raises it.
    return OSError(errno.ENOENT, "No such file or directory", path)


def test_reads_the_file_once_and_returns_the_parsed_dict():
    reader = Reader('{"replicas": 3, "image": {"tag": "1.4.2"}, "regions": ["eu", "us"]}')
    assert load_config("deploy.json", reader) == {"replicas": 3, "image": {"tag": "1.4.2"}, "regions": ["eu", "us"]}
    assert reader.paths == ["deploy.json"]


def test_returns_an_empty_dict_and_json_with_surrounding_whitespace():
    assert load_config("a.json", Reader("{}")) == {}
    assert load_config("a.json", Reader('\n  {"debug": false}\n')) == {"debug": False}


def test_a_missing_file_becomes_a_configerror_whose_cause_is_that_very_error():
    error = missing()
    assert type(error) is FileNotFoundError
    reader = Reader(error=error)
    with pytest.raises(ConfigError) as info:
        load_config("deploy.json", reader)
    assert str(info.value) == "deploy.json: file not found"
    assert info.value.__cause__ is error
    assert info.value.__suppress_context__
    assert reader.paths == ["deploy.json"]


def test_puts_the_path_it_was_given_in_the_message():
    with pytest.raises(ConfigError) as info:
        load_config("conf/prod/app.json", Reader(error=FileNotFoundError("gone")))
    assert str(info.value) == "conf/prod/app.json: file not found"


@pytest.mark.parametrize(
    "error",
    [
        PermissionError(errno.EACCES, "Permission denied", "deploy.json"),
        IsADirectoryError(errno.EISDIR, "Is a directory", "deploy.json"),
        OSError(errno.EMFILE, "Too many open files"),
        OSError("disk on fire"),
    ],
    ids=["PermissionError", "IsADirectoryError", "EMFILE", "OSError"],
)
def test_rethrows_any_other_os_error_unchanged(error):
    with pytest.raises(OSError) as info:
        load_config("deploy.json", Reader(error=error))
    assert info.value is error
    assert info.value.__cause__ is None


@pytest.mark.parametrize(
    "error",
    [
        RuntimeError("disk on fire"),
        TypeError("read_file is broken"),
        UnicodeDecodeError("utf-8", b"\xff{}", 0, 1, "invalid start byte"),
        json.JSONDecodeError("somebody else's JSON", "{", 1),
        ConfigError("deploy.json: somebody else wrapped this"),
    ],
    ids=["RuntimeError", "TypeError", "UnicodeDecodeError", "JSONDecodeError", "ConfigError"],
)
def test_rethrows_an_error_that_is_not_about_a_missing_file_unchanged(error):
    with pytest.raises(type(error)) as info:
        load_config("deploy.json", Reader(error=error))
    assert info.value is error
    assert info.value.__cause__ is None


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(2)], ids=["KeyboardInterrupt", "SystemExit"])
def test_lets_keyboardinterrupt_and_systemexit_through_unchanged(error):
    with pytest.raises(type(error)) as info:
        load_config("deploy.json", Reader(error=error))
    assert info.value is error


@pytest.mark.parametrize("text", ["{", "", "replicas: 3", "{'replicas': 3}", '{"replicas": 3,}', '{"a": 1} trailing'])
def test_text_that_is_not_json_becomes_a_configerror_caused_by_the_parse_error(text):
    with pytest.raises(ConfigError) as info:
        load_config("deploy.json", Reader(text))
    assert str(info.value) == "deploy.json: not valid JSON"
    cause = info.value.__cause__
    assert type(cause) is json.JSONDecodeError
    assert cause.doc == text


@pytest.mark.parametrize("text", ["null", "[]", '[{"replicas": 3}]', "42", '"replicas"', "true", "false", "0", "1.5"])
def test_json_that_is_not_an_object_becomes_a_configerror_without_a_cause(text):
    with pytest.raises(ConfigError) as info:
        load_config("ci/values.json", Reader(text))
    assert str(info.value) == "ci/values.json: expected a JSON object"
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
