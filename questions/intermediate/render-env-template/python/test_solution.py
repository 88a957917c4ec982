import pytest

from solution import MissingVariablesError, render_template


def missing_in(template, env):
    with pytest.raises(MissingVariablesError) as info:
        render_template(template, env)
    return info.value.missing


def test_replaces_each_placeholder_with_its_value_everywhere_it_appears():
    env = {"DB_HOST": "db.internal", "DB_PORT": "5432", "app_name": "billing"}
    template = "host=${DB_HOST}\nport=${DB_PORT}\nurl=postgres://${DB_HOST}:${DB_PORT}/${app_name}\n"
    assert render_template(template, env) == "host=db.internal\nport=5432\nurl=postgres://db.internal:5432/billing\n"
    assert render_template("no placeholders here\n", env) == "no placeholders here\n"


def test_a_default_is_used_when_the_variable_is_unset_or_empty():
    env = {"REPLICAS": "5", "REGION": ""}
    template = "replicas=${REPLICAS:-1}\nregion=${REGION:-eu-west-1}\ntier=${TIER:-standard}\nsuffix=[${SUFFIX:-}]"
    assert render_template(template, env) == "replicas=5\nregion=eu-west-1\ntier=standard\nsuffix=[]"


def test_a_variable_set_to_the_empty_string_renders_as_nothing():
    assert render_template("prefix=[${PREFIX}]", {"PREFIX": ""}) == "prefix=[]"


def test_a_double_dollar_is_one_literal_dollar_and_never_expands_what_follows():
    env = {"HOME": "/home/alice", "USER": "alice"}
    assert render_template("literal=$${HOME}", env) == "literal=${HOME}"
    assert render_template("price=$$5", env) == "price=$5"
    assert render_template("both=$$${USER}", env) == "both=$alice"
    assert render_template("four=$$$$", env) == "four=$$"
    assert render_template("escaped=$${NOT_SET}", env) == "escaped=${NOT_SET}"


def test_copies_every_other_dollar_unchanged():
    template = "cost=5$ home=$HOME empty=${} digit=${1X} spaced=${ HOME } open=${HOME"
    assert render_template(template, {"HOME": "/root"}) == template
    others = "a=${HOME-x} b=${HOME:=x} c=${HOME:?x} d=${HO-ME} e=${HOME }x} f=${-} g=$\n{HOME} h=$ {HOME} i=${HOME.x}"
    assert render_template(others, {"HOME": "/root"}) == others
    assert render_template("", {}) == ""
    assert render_template("$", {}) == "$"


def test_names_are_a_letter_or_underscore_then_letters_digits_or_underscores():
    env = {"_": "u", "_x1": "x", "a": "A", "Z9_": "z", "log_level": "info", "9a": "no", "A-B": "no", "caf\u00e9": "no"}
    assert render_template("${_}${_x1}${a}${Z9_}${log_level}", env) == "uxAzinfo"
    assert render_template("${9a}${A-B}${_-x}${caf\u00e9}", env) == "${9a}${A-B}${_-x}${caf\u00e9}"


def test_looks_names_up_exactly_as_written():
    assert render_template("${Region:-none} ${region}", {"region": "eu", "REGION": "us"}) == "none eu"


def test_a_placeholder_never_spans_lines():
    template = "a=${DB_HOST:-db\n.internal}\nb=${HOME\n}"
    assert render_template(template, {"HOME": "/root"}) == template
    assert render_template("x=${MISSING:-}\n}", {}) == "x=\n}"


def test_a_default_ends_at_the_first_brace_and_is_used_literally():
    env = {"B": "b"}
    assert render_template("${A:-${B}}", env) == "${B}"
    assert render_template("${A:-x:-y}|${A:-$$}|${A:-{}", env) == "x:-y|$$|{"


def test_inserts_values_and_defaults_literally_without_expanding_them_again():
    env = {"GREETING": "hello ${USER}", "USER": "bob", "PASSWORD": "pa$$word", "PATH_WIN": "C:\\new\\table", "REF": "\\1\\g<0>"}
    template = "greeting=${GREETING}\npassword=${PASSWORD}\nfallback=${NOPE:-a$$b\\n}\nwin=${PATH_WIN}\nref=${REF}"
    assert render_template(template, env) == "greeting=hello ${USER}\npassword=pa$$word\nfallback=a$$b\\n\nwin=C:\\new\\table\nref=\\1\\g<0>"
    assert render_template("${MISSING:-${USER}} ${EMPTY:-$USER}", {"USER": "bob", "EMPTY": ""}) == "${USER} $USER"


def test_reads_os_environ_when_no_env_is_given(monkeypatch):
    monkeypatch.setenv("DRILL_DB_HOST", "db.internal")
    monkeypatch.delenv("DRILL_NOT_SET", raising=False)
    assert render_template("host=${DRILL_DB_HOST} tier=${DRILL_NOT_SET:-standard}") == "host=db.internal tier=standard"
    monkeypatch.setenv("DRILL_DB_HOST", "db2.internal")
    assert render_template("host=${DRILL_DB_HOST}") == "host=db2.internal"
    assert missing_in("a\nb=${DRILL_NOT_SET}", None) == [("DRILL_NOT_SET", 2)]


def test_raises_instead_of_returning_partial_output():
    assert missing_in("ok=${SET}\nmissing=${UNSET}", {"SET": "yes"}) == [("UNSET", 2)]


def test_the_error_is_a_key_error_like_string_template_substitute_raises():
    with pytest.raises(KeyError):
        render_template("${NOPE}", {})


def test_reports_every_missing_variable_at_once_in_order_with_1_based_lines():
    template = "name: ${APP_NAME}\nimage: ${IMAGE}:${TAG}\nreplicas: ${REPLICAS:-2}\nsecret: ${API_KEY}\n"
    with pytest.raises(MissingVariablesError) as info:
        render_template(template, {"APP_NAME": "api"})
    assert info.value.missing == [("IMAGE", 2), ("TAG", 2), ("API_KEY", 4)]
    assert str(info.value) == "Missing environment variables: IMAGE (line 2), TAG (line 2), API_KEY (line 4)"


def test_lists_a_variable_missing_on_several_lines_once_per_line():
    template = "# database\nprimary=${DB_URL}\n\nreplica=${DB_URL}\ncache=${CACHE_URL:-redis://localhost}\n"
    assert missing_in(template, {}) == [("DB_URL", 2), ("DB_URL", 4)]


def test_counts_lines_by_newline_only_after_escapes_and_long_lines():
    template = "${FIRST}$$\n\n$${SKIP} ${A:-a}\n" + "x" * 200 + "${FOURTH}${FOURTH}\n"
    assert missing_in(template, {}) == [("FIRST", 1), ("FOURTH", 4), ("FOURTH", 4)]
    assert missing_in("\n\n${THIRD}", {}) == [("THIRD", 3)]


def test_escaped_or_defaulted_placeholders_are_not_missing():
    assert missing_in("a=$${NOT_SET}\nb=${NOT_SET:-x}\nc=${REALLY_MISSING}", {}) == [("REALLY_MISSING", 3)]


def test_each_call_reports_only_its_own_missing_variables():
    missing_in("${A}", {})
    assert missing_in("${B}", {}) == [("B", 1)]
