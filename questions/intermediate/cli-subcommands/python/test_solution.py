import pytest

from solution import USAGE, main

FIELDS = {"deploy": ("env", "image", "dry_run"), "rollback": ("env", "to"), "status": ("env", "json")}


class Handlers(dict):
    """handlers["deploy"](args) records (name, the fields of args) and returns its exit code."""

    def __init__(self, codes=None, fail=None):
        super().__init__()
        self.calls = []
        for name in FIELDS:
            self[name] = self._handler(name, (codes or {}).get(name, 0), fail)

    def _handler(self, name, code, fail):
        def handle(args):
            self.calls.append((name, {field: getattr(args, field) for field in FIELDS[name]}))
            if fail is not None:
                raise fail
            return code

        return handle


def run(argv, codes=None):
    handlers = Handlers(codes)
    return main(argv, handlers), handlers.calls


def test_keeps_the_usage_lines_of_the_stub():
    assert USAGE == {
        "fleet": "usage: fleet [-h] {deploy,rollback,status} ...",
        "deploy": "usage: fleet deploy [-h] -e ENV -i IMAGE [-n]",
        "rollback": "usage: fleet rollback [-h] -e ENV [--to REVISION]",
        "status": "usage: fleet status [-h] [-e ENV] [--json]",
    }


def test_calls_deploy_with_its_options_and_returns_its_code_printing_nothing(capsys):
    code, calls = run(["deploy", "--env", "prod", "--image", "registry.local/web:1.4.2", "--dry-run"])
    assert calls == [("deploy", {"env": "prod", "image": "registry.local/web:1.4.2", "dry_run": True})]
    assert code == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["deploy", "-e", "dev", "-i", "web:2"], ("deploy", {"env": "dev", "image": "web:2", "dry_run": False})),
        (["deploy", "--image=web:3", "--env=staging", "-n"], ("deploy", {"env": "staging", "image": "web:3", "dry_run": True})),
        (["deploy", "-edev", "-iweb:4"], ("deploy", {"env": "dev", "image": "web:4", "dry_run": False})),
        (["rollback", "--env", "prod", "--to", "41"], ("rollback", {"env": "prod", "to": 41})),
        (["rollback", "--to=1", "-e", "prod"], ("rollback", {"env": "prod", "to": 1})),
        (["rollback", "-e", "prod"], ("rollback", {"env": "prod", "to": None})),
        (["rollback", "-e", "prod", "--to", "007"], ("rollback", {"env": "prod", "to": 7})),
        (["status"], ("status", {"env": None, "json": False})),
        (["status", "--json", "-e", "prod"], ("status", {"env": "prod", "json": True})),
        (["status", "--env=dev"], ("status", {"env": "dev", "json": False})),
    ],
    ids=["deploy-short", "deploy-equals", "deploy-attached", "rollback-to", "rollback-to-equals", "rollback-no-to",
         "rollback-leading-zeros", "status-defaults", "status-json", "status-env"],
)
def test_calls_the_one_handler_with_its_options(argv, expected):
    code, calls = run(argv)
    assert calls == [expected]
    assert code == 0


@pytest.mark.parametrize(
    "argv, name, code",
    [(["deploy", "-e", "p", "-i", "w"], "deploy", 3), (["rollback", "-e", "p"], "rollback", 1), (["status"], "status", 4)],
    ids=["deploy", "rollback", "status"],
)
def test_returns_whatever_the_handler_returns(argv, name, code):
    got, calls = run(argv, {name: code})
    assert got == code
    assert [call[0] for call in calls] == [name]


def test_an_error_raised_by_a_handler_propagates_unchanged():
    failure = ConnectionError("cluster unreachable")
    with pytest.raises(ConnectionError) as info:
        main(["deploy", "-e", "p", "-i", "w"], Handlers(fail=failure))
    assert info.value is failure


@pytest.mark.parametrize(
    "argv, usage",
    [
        (["-h"], USAGE["fleet"]),
        (["--help"], USAGE["fleet"]),
        (["deploy", "-h"], USAGE["deploy"]),
        (["deploy", "--env", "prod", "--help"], USAGE["deploy"]),
        (["rollback", "--help"], USAGE["rollback"]),
        (["rollback", "-e", "prod", "-h"], USAGE["rollback"]),
        (["status", "-h"], USAGE["status"]),
        (["status", "--json", "--help"], USAGE["status"]),
    ],
    ids=["fleet-h", "fleet-help", "deploy-h", "deploy-help-without-image", "rollback-help", "rollback-h",
         "status-h", "status-help"],
)
def test_help_prints_that_usage_to_stdout_and_exits_0(argv, usage, capsys):
    handlers = Handlers()
    with pytest.raises(SystemExit) as info:
        main(argv, handlers)
    assert info.value.code == 0
    out, err = capsys.readouterr()
    assert out.startswith(usage + "\n")
    assert err == ""
    assert handlers.calls == []


def expect_usage_error(argv, prog, usage, capsys):
    handlers = Handlers()
    with pytest.raises(SystemExit) as info:
        main(argv, handlers)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[0] == usage
    assert len(lines) == 2
    assert lines[1].startswith(prog + ": error: ") and len(lines[1]) > len(prog + ": error: ")
    assert out == ""
    assert handlers.calls == []
    return lines[1]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["restart"],
        ["Deploy", "-e", "p", "-i", "w"],
        ["DEPLOY", "-e", "p", "-i", "w"],
        ["--env", "prod", "deploy"],
        ["-e", "prod", "status"],
        ["--json", "status"],
        ["", "status"],
    ],
    ids=["no-subcommand", "unknown", "capitalised", "upper-case", "option-first", "short-option-first",
         "json-first", "empty-first"],
)
def test_top_level_usage_errors(argv, capsys):
    expect_usage_error(argv, "fleet", USAGE["fleet"], capsys)


def test_an_abbreviated_help_is_not_help(capsys):
    expect_usage_error(["--he"], "fleet", USAGE["fleet"], capsys)


def test_no_subcommand_names_the_command_dest(capsys):
    assert "command" in expect_usage_error([], "fleet", USAGE["fleet"], capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["deploy", "-e", "prod"],
        ["deploy", "-i", "web:1"],
        ["deploy"],
        ["deploy", "--env=", "-i", "web:1"],
        ["deploy", "-e", "prod", "--image", ""],
        ["deploy", "status"],
        ["deploy", "-e", "prod", "-i", "w", "--dry-run=yes"],
        ["deploy", "-i", "w", "--env"],
        ["rollback", "--to", "3"],
        ["rollback", "--env", ""],
        ["rollback", "-e", "prod", "--to", "0"],
        ["rollback", "-e", "prod", "--to", "1.5"],
        ["rollback", "-e", "prod", "--to", "2x"],
        ["rollback", "-e", "prod", "--to=-1"],
        ["rollback", "-e", "prod", "--to="],
        ["rollback", "-e", "prod", "--to", "1e3"],
        ["rollback", "-e", "prod", "--to", "0x10"],
        ["rollback", "-e", "prod", "--to", " 4"],
        ["rollback", "-e", "prod", "--to", "+4"],
        ["rollback", "-e", "prod", "--to", "1_0"],
        ["rollback", "-e", "prod", "--to", "\u0664"],
        ["status", "--env="],
        ["status", "--json=true"],
        ["deploy", "--im", "w", "-e", "prod"],
    ],
    ids=["deploy-no-image", "deploy-no-env", "deploy-nothing", "deploy-empty-env", "deploy-empty-image",
         "deploy-then-status", "deploy-dry-run-value", "deploy-env-no-value", "rollback-no-env", "rollback-empty-env",
         "to-0", "to-fraction", "to-suffix", "to-negative", "to-empty", "to-exponent", "to-hex", "to-space", "to-plus",
         "to-underscore", "to-arabic-indic", "status-empty-env", "status-json-value",
         "deploy-abbreviated-image-is-missing"],
)
def test_errors_found_by_the_subcommand_use_its_prog_and_usage(argv, capsys):
    name = argv[0]
    expect_usage_error(argv, "fleet " + name, USAGE[name], capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["deploy", "-e", "prod", "-i", "w", "--json"],
        ["deploy", "-e", "prod", "-i", "w", "--to", "3"],
        ["deploy", "-e", "prod", "-i", "w", "now"],
        ["deploy", "-e", "prod", "-i", "w", "--force"],
        ["rollback", "-e", "prod", "-i", "w"],
        ["rollback", "-e", "prod", "-n"],
        ["status", "prod"],
        ["status", "--dry-run"],
        ["status", "--js"],
        ["status", "-e", "prod", "--jso"],
        ["deploy", "-e", "prod", "-i", "w", "--dry"],
        ["rollback", "-e", "prod", "--t", "3"],
    ],
    ids=["deploy-json", "deploy-to", "deploy-positional", "deploy-unknown", "rollback-image", "rollback-dry-run",
         "status-positional", "status-dry-run", "status-abbreviated", "status-abbreviated-after-env",
         "deploy-abbreviated-dry-run", "rollback-abbreviated-to"],
)
def test_words_left_over_after_a_subcommand_are_unrecognized_at_the_top_level(argv, capsys):
    message = expect_usage_error(argv, "fleet", USAGE["fleet"], capsys)
    assert message.startswith("fleet: error: unrecognized arguments: ")


def test_each_subcommand_reaches_its_own_handler():
    handlers = Handlers({"deploy": 10, "rollback": 11, "status": 12})
    assert main(["status"], handlers) == 12
    assert main(["deploy", "-e", "p", "-i", "w"], handlers) == 10
    assert main(["rollback", "-e", "p"], handlers) == 11
    assert [call[0] for call in handlers.calls] == ["status", "deploy", "rollback"]
