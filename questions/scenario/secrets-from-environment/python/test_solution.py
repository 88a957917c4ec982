import io
import logging
import traceback
from urllib.parse import quote

import pytest

from solution import Finding, InvalidSecretError, MissingSecretError, RedactingFormatter, require_secret, scan_for_secrets

SECRET = "tok/9f8e+7d6c5b4a"


def everything_shown_for(error):
    """What a traceback of the error would print, chained errors included."""
    return "".join(traceback.format_exception(type(error), error, None)) + repr(error) + str(error.args)


# require_secret

def test_returns_the_value_from_the_given_environment():
    assert require_secret("API_KEY", env={"API_KEY": SECRET}) == SECRET


def test_reads_os_environ_by_default(monkeypatch):
    monkeypatch.setenv("DRILL_API_KEY", SECRET)
    assert require_secret("DRILL_API_KEY") == SECRET
    monkeypatch.delenv("DRILL_API_KEY")
    with pytest.raises(MissingSecretError, match="DRILL_API_KEY"):
        require_secret("DRILL_API_KEY")


def test_a_missing_variable_raises_missing_secret_error_naming_it():
    with pytest.raises(MissingSecretError, match="API_KEY") as info:
        require_secret("API_KEY", env={"OTHER": "x"})
    assert info.value.variable == "API_KEY"


@pytest.mark.parametrize("value", ["", "   ", "\t\n"], ids=["empty", "spaces", "tab-newline"])
def test_empty_or_whitespace_counts_as_missing(value):
    with pytest.raises(MissingSecretError, match="API_KEY"):
        require_secret("API_KEY", env={"API_KEY": value})


def test_a_missing_variable_is_missing_even_with_a_validator_which_is_not_called():
    calls = []

    def validate(value):
        calls.append(value)
        return False

    for env in [{}, {"API_KEY": "  "}, {"API_KEY": ""}]:
        with pytest.raises(MissingSecretError) as info:
            require_secret("API_KEY", validate, env=env)
        assert info.value.variable == "API_KEY"
    assert calls == []


def test_a_value_that_fails_validation_raises_without_revealing_it():
    with pytest.raises(InvalidSecretError, match="DB_PASSWORD") as info:
        require_secret("DB_PASSWORD", lambda value: False, env={"DB_PASSWORD": "hunter2-prod"})
    assert info.value.variable == "DB_PASSWORD"
    assert not isinstance(info.value, MissingSecretError)
    assert "hunter2" not in everything_shown_for(info.value)


def test_a_validator_that_raises_value_error_means_invalid_and_its_message_is_not_chained():
    with pytest.raises(InvalidSecretError, match="PORT_TOKEN") as info:
        require_secret("PORT_TOKEN", int, env={"PORT_TOKEN": "hunter2-prod"})
    shown = everything_shown_for(info.value)
    assert "hunter2" not in shown
    assert "invalid literal" not in shown


def test_returns_and_validates_the_value_exactly_as_set():
    seen = []
    value = "  sk_live_1234567 \n"
    assert require_secret("API_KEY", lambda v: seen.append(v) is None, env={"API_KEY": value}) == value
    assert seen == [value]


def test_accepts_a_value_that_passes_validation():
    assert require_secret("API_KEY", lambda v: v.startswith("sk_"), env={"API_KEY": "sk_abc12345"}) == "sk_abc12345"


# RedactingFormatter

@pytest.fixture
def capture():
    """A logger whose one handler writes through a RedactingFormatter into a StringIO; returns a function to set it up."""
    stream = io.StringIO()
    logger = logging.getLogger("drills.secrets.test")
    logger.handlers[:] = []
    logger.propagate = False
    logger.setLevel(logging.INFO)

    def setup(secrets, fmt="%(levelname)s %(message)s"):
        handler = logging.StreamHandler(stream)
        handler.setFormatter(RedactingFormatter(fmt, secrets=secrets))
        logger.handlers[:] = [handler]
        return logger, lambda: stream.getvalue().splitlines()

    yield setup
    logger.handlers[:] = []


def test_writes_plain_lines_unchanged(capture):
    log, lines = capture([SECRET])
    log.info("deploying %s to %s", "web", "prod")
    log.error("health check failed: %s", "timeout after 5s")
    assert lines() == ["INFO deploying web to prod", "ERROR health check failed: timeout after 5s"]


def test_redacts_a_secret_passed_as_an_argument(capture):
    log, lines = capture([SECRET])
    log.info("calling the API with token=%s", SECRET)
    assert lines() == ["INFO calling the API with token=[REDACTED]"]


def test_redacts_every_occurrence(capture):
    log, lines = capture([SECRET])
    log.info("old=%s new=%s", SECRET, SECRET)
    assert lines() == ["INFO old=[REDACTED] new=[REDACTED]"]


def test_redacts_the_traceback_too(capture):
    log, lines = capture([SECRET])
    try:
        raise RuntimeError("401 for token " + SECRET)
    except RuntimeError:
        log.exception("auth failed")
    out = lines()
    assert out[0] == "ERROR auth failed"
    assert out[-1] == "RuntimeError: 401 for token [REDACTED]"
    assert not any(SECRET in line for line in out)


def test_redacts_the_url_encoded_form(capture):
    log, lines = capture([SECRET])
    log.info("GET %s", "https://api.example.com/v1/pods?token=%s&ns=web" % quote(SECRET, safe=""))
    assert lines() == ["INFO GET https://api.example.com/v1/pods?token=[REDACTED]&ns=web"]


def test_redacts_the_longer_form_before_a_shorter_secret_it_contains(capture):
    log, lines = capture(["cd12", "ab/cd12"])
    log.info("GET /x?k=%s and cd12", "ab%2Fcd12")
    assert lines() == ["INFO GET /x?k=[REDACTED] and [REDACTED]"]


def test_redacts_a_longer_secret_whole_when_a_shorter_one_is_part_of_it(capture):
    log, lines = capture(["hunter22", "hunter22-admin"])
    log.info("password hunter22-admin")
    assert lines() == ["INFO password [REDACTED]"]


def test_ignores_empty_strings_in_the_secrets(capture):
    log, lines = capture(["", SECRET])
    log.info("nothing to hide")
    assert lines() == ["INFO nothing to hide"]


def test_redacts_the_whole_formatted_line_and_leaves_the_record_alone(capture):
    log, lines = capture(["web-7"], fmt="%(levelname)s [%(name)s] %(message)s")
    record = logging.LogRecord("drills", logging.INFO, __file__, 1, "host %s", ("web-7",), None)
    formatter = RedactingFormatter("%(message)s on web-7", secrets=["web-7"])
    assert formatter.format(record) == "host [REDACTED] on [REDACTED]"
    assert (record.msg, record.args) == ("host %s", ("web-7",))


# scan_for_secrets

def test_flags_a_string_literal_assigned_to_a_secret_looking_name():
    source = "\n".join(["import os", "", 'API_KEY = "sk_live_abcdef123456"', "db_password: 'correct-horse-battery'"])
    assert scan_for_secrets(source) == [(3, "hardcoded-secret"), (4, "hardcoded-secret")]
    assert scan_for_secrets(source)[0] == Finding(line=3, rule="hardcoded-secret")


def test_does_not_flag_reading_the_secret_from_the_environment():
    assert scan_for_secrets('API_KEY = os.getenv("API_KEY")\ntoken = os.environ["GITHUB_TOKEN"]\nkey = os.environ.get("SOME_LONG_NAME")') == []


def test_does_not_flag_short_placeholders():
    assert scan_for_secrets('password = ""\nsecret = "TODO"\ntoken = "1234567"') == []


def test_flags_a_literal_of_exactly_8_characters_with_or_without_spaces():
    source = "\n".join(['token = "12345678"', "apiKey='abcdefgh'", 'Secret:"s3cr3t!!"', 'PASSWORD = "1234567"'])
    assert scan_for_secrets(source) == [(1, "hardcoded-secret"), (2, "hardcoded-secret"), (3, "hardcoded-secret")]


def test_matches_the_name_words_in_any_case_also_as_a_quoted_key():
    source = "\n".join([
        '"GITHUB_TOKEN": "ghp_abcdefghijkl"',
        'username = "deploy-bot-01"',
        "config.Password = 'correct horse'",
        'region: "eu-west-1-long"',
        'MySecretValue = "abcdefghij"',
    ])
    assert scan_for_secrets(source) == [(1, "hardcoded-secret"), (3, "hardcoded-secret"), (5, "hardcoded-secret")]


def test_needs_akia_plus_16_upper_case_letters_or_digits():
    source = "\n".join(["id = AKIAIOSFODNN7EXAMP", "id = AKIAiosfodnn7example", "id = AKIA1234567890ABCDEF", "id = akiaIOSFODNN7EXAMPLE", "id = AKIA1234567890ABCDEFG"])
    assert scan_for_secrets(source) == [(3, "aws-access-key")]


def test_returns_no_findings_for_an_empty_file():
    assert scan_for_secrets("") == []


def test_flags_an_aws_key_anywhere_on_a_line_before_the_assignment_rule():
    source = 'region = "eu-west-1"\r\naws_access_key_id = "AKIAIOSFODNN7EXAMPLE"\r\nprint("AKIAIOSFODNN7EXAMPLE")'
    assert scan_for_secrets(source) == [(2, "aws-access-key"), (2, "hardcoded-secret"), (3, "aws-access-key")]


def test_counts_lines_by_newline_only():
    source = 'import os\n\x0c\nsection = "x"\x0b\nAPI_KEY = "sk_live_abcdef123456"\n\u2028 AKIAIOSFODNN7EXAMPLE'
    assert scan_for_secrets(source) == [(4, "hardcoded-secret"), (5, "aws-access-key")]
