"""A small pytest-compatible test runner, standard library only (Python 3.9 or newer).

It runs the subset of pytest the drills use (see pytest_subset.py): test functions and ``Test*`` classes,
``mark.parametrize`` with pytest's ids, ``skip``/``skipif``/``xfail``, fixtures written with ``@pytest.fixture``
(plain or ``yield``), and the built-in fixtures ``tmp_path``, ``monkeypatch`` and ``capsys``. ``assert`` statements
of the test file are rewritten (through ``ast``) so that a failing ``assert a == b`` reports both values and a diff.

Results are dictionaries handed to ``emit`` (one per test, as soon as it ends), never text to be parsed. Run alone
it writes one JSON object per line to the file descriptor given by ``--json-fd`` (default: stdout)::

    python3 -I drills_harness.py [--json-fd N] [--pytest-subset] test_solution.py
"""
from __future__ import annotations

import ast
import difflib
import inspect
import io
import itertools
import json
import os
import sys
import time
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE_FAILURE_TITLE = "Test suite failed to run"
REPR_LIMIT = 240
VALUE_LIMIT = 64 * 1024
MAX_TESTS = 5000
FAIL_HELPER = "@drills_assert_failed"
TEMP_PREFIX = "@drills_assert_"


def pytest_module():
    """The ``pytest`` the tests import: the real one when it is already loaded (running under pytest), else the subset."""
    module = sys.modules.get("pytest")
    if module is not None:
        return module
    if HERE not in sys.path:
        sys.path.append(HERE)
    import pytest_subset

    sys.modules["pytest"] = pytest_subset
    return pytest_subset


# ---------------------------------------------------------------- printing values

def short_repr(value, limit: int = REPR_LIMIT) -> str:
    try:
        text = repr(value)
    except BaseException as error:  # a broken __repr__ must not hide the failure
        text = "<[%s raised in repr()] %s object at 0x%x>" % (type(error).__name__, type(value).__name__, id(value))
    if len(text) > limit:
        keep = (limit - 3) // 2
        text = text[:keep] + "..." + text[-keep:]
    return text


def _is_text(v) -> bool:
    return isinstance(v, str)


def _is_sequence(v) -> bool:
    return isinstance(v, (list, tuple))


def explain_equal(left, right) -> list:
    """pytest's short explanation of why ``left == right`` is false."""
    lines = []
    try:
        if _is_text(left) and _is_text(right):
            if "\n" in left or "\n" in right:
                for line in difflib.ndiff(right.splitlines(True), left.splitlines(True)):
                    if line[:1] in "+-":
                        lines.append(line.rstrip("\n"))
            else:
                lines.append("- " + right)
                lines.append("+ " + left)
        elif _is_sequence(left) and _is_sequence(right) and type(left) is type(right):
            for i, (a, b) in enumerate(zip(left, right)):
                if a != b:
                    lines.append("At index %d diff: %s != %s" % (i, short_repr(a), short_repr(b)))
                    break
            extra = len(left) - len(right)
            if extra > 0:
                lines.append("Left contains %d more item%s, first extra item: %s" % (extra, "" if extra == 1 else "s", short_repr(left[len(right)])))
            elif extra < 0:
                lines.append("Right contains %d more item%s, first extra item: %s" % (-extra, "" if extra == -1 else "s", short_repr(right[len(left)])))
        elif isinstance(left, dict) and isinstance(right, dict):
            common = [k for k in left if k in right]
            differing = {k: left[k] for k in common if left[k] != right[k]}
            if differing:
                lines.append("Differing items:")
                for k in differing:
                    lines.append("%s != %s" % (short_repr({k: left[k]}), short_repr({k: right[k]})))
            only_left = [k for k in left if k not in right]
            only_right = [k for k in right if k not in left]
            if only_left:
                lines.append("Left contains %d more item%s:" % (len(only_left), "" if len(only_left) == 1 else "s"))
                lines.append(short_repr({k: left[k] for k in only_left}))
            if only_right:
                lines.append("Right contains %d more item%s:" % (len(only_right), "" if len(only_right) == 1 else "s"))
                lines.append(short_repr({k: right[k] for k in only_right}))
        elif isinstance(left, (set, frozenset)) and isinstance(right, (set, frozenset)):
            extra_left = left - right
            extra_right = right - left
            if extra_left:
                lines.append("Extra items in the left set:")
                lines.extend(short_repr(v) for v in extra_left)
            if extra_right:
                lines.append("Extra items in the right set:")
                lines.extend(short_repr(v) for v in extra_right)
    except BaseException:
        return lines
    return lines


class AssertionFailed(AssertionError):
    """A rewritten ``assert`` that failed; carries the values the report shows as expected and actual."""

    def __init__(self, message: str, expected=None, actual=None) -> None:
        super().__init__(message)
        self.drills_expected = expected
        self.drills_actual = actual


OPERATORS = {
    "Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=",
    "Is": "is", "IsNot": "is not", "In": "in", "NotIn": "not in",
}


def assert_failed(op, left, right, message, source):
    """Builds the error of a failed rewritten assert (called from the rewritten test code)."""
    head = [] if message is None else [str(message)]
    if op is None:
        detail = "assert %s" % short_repr(left)
        if source and source != short_repr(left):
            detail += "\n +  where %s = %s" % (short_repr(left), source)
        return AssertionFailed("\n".join(head + [detail]))
    lines = ["assert %s %s %s" % (short_repr(left), op, short_repr(right))]
    if op == "==":
        lines.extend("  " + line for line in explain_equal(left, right))
        return AssertionFailed("\n".join(head + lines), short_repr(right, VALUE_LIMIT), short_repr(left, VALUE_LIMIT))
    return AssertionFailed("\n".join(head + lines))


class AssertRewriter(ast.NodeTransformer):
    """``assert left <op> right, msg`` -> evaluate both sides once, then raise with both values when false."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.count = 0

    def _name(self, kind: str, ctx):
        return ast.Name(id="%s%s_%d" % (TEMP_PREFIX, kind, self.count), ctx=ctx)

    def visit_Assert(self, node: ast.Assert):
        self.count += 1
        test = node.test
        text = ast.get_source_segment(self.source, test) or ""
        msg = node.msg if node.msg is not None else ast.Constant(value=None)
        fail = ast.Name(id=FAIL_HELPER, ctx=ast.Load())
        body = []
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op = OPERATORS.get(type(test.ops[0]).__name__)
            left, right = self._name("left", ast.Store()), self._name("right", ast.Store())
            body.append(ast.Assign(targets=[left], value=test.left))
            body.append(ast.Assign(targets=[right], value=test.comparators[0]))
            condition = ast.Compare(left=self._name("left", ast.Load()), ops=test.ops, comparators=[self._name("right", ast.Load())])
            call = ast.Call(func=fail, args=[ast.Constant(value=op), self._name("left", ast.Load()), self._name("right", ast.Load()), msg, ast.Constant(value=text)], keywords=[])
        else:
            value = self._name("value", ast.Store())
            body.append(ast.Assign(targets=[value], value=test))
            condition = self._name("value", ast.Load())
            call = ast.Call(func=fail, args=[ast.Constant(value=None), self._name("value", ast.Load()), ast.Constant(value=None), msg, ast.Constant(value=text)], keywords=[])
        body.append(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=condition), body=[ast.Raise(exc=call, cause=None)], orelse=[]))
        for statement in body:
            ast.copy_location(statement, node)
            ast.fix_missing_locations(statement)
        return body


def compile_tests(source: str, filename: str):
    tree = ast.parse(source, filename)
    tree = AssertRewriter(source).visit(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec", dont_inherit=True)


# ---------------------------------------------------------------- collecting

def ascii_escaped(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii")


def id_of_value(value, argname: str, index: int) -> str:
    """pytest's id for one parameter value."""
    if isinstance(value, str):
        return ascii_escaped(value)
    if isinstance(value, bytes):
        return ascii_escaped(value.decode("ascii", "backslashreplace"))
    if value is None or isinstance(value, (bool, int, float, complex)):
        return str(value)
    if isinstance(value, type(__import__("re").compile(""))):
        return ascii_escaped(value.pattern)
    if isinstance(value, __import__("enum").Enum):
        return str(value)
    if isinstance(getattr(value, "__name__", None), str):
        return value.__name__
    return "%s%d" % (argname, index)


class Case:
    def __init__(self, name: str, title_path: list, function, params: dict, marks: list, cls=None) -> None:
        self.name = name
        self.title_path = title_path
        self.function = function
        self.params = params
        self.marks = marks
        self.cls = cls


def marks_of(obj) -> list:
    return list(getattr(obj, "pytestmark", []) or [])


def parametrize_sets(marks: list):
    """The combinations of every parametrize mark: [(params, ids, marks)], nearest decorator first as pytest does."""
    combos = [({}, [], [])]
    for m in marks:
        if m.name != "parametrize":
            continue
        argnames = m.args[0] if m.args else m.kwargs["argnames"]
        argvalues = m.args[1] if len(m.args) > 1 else m.kwargs["argvalues"]
        ids = m.kwargs.get("ids", m.args[2] if len(m.args) > 2 else None)
        names = [n.strip() for n in argnames.split(",") if n.strip()] if isinstance(argnames, str) else list(argnames)
        rows = []
        for index, raw in enumerate(argvalues):
            row_id = None
            row_marks = []
            values = raw
            if type(raw).__name__ == "ParameterSet":
                values, row_marks, row_id = raw.values, list(raw.marks), raw.id
            elif len(names) == 1:
                values = (raw,)
            if len(names) == 1 and type(raw).__name__ == "ParameterSet":
                values = tuple(values)
            values = tuple(values)
            if len(values) != len(names):
                raise ValueError("parametrize: %d names %r but %d values in row %d" % (len(names), names, len(values), index + 1))
            if row_id is None and ids is not None:
                if callable(ids):
                    parts = []
                    for name, v in zip(names, values):
                        given = ids(v)
                        parts.append(id_of_value(v, name, index) if given is None else str(given))
                    row_id = "-".join(parts)
                else:
                    given = list(ids)[index]
                    row_id = None if given is None else str(given)
            if row_id is None:
                row_id = "-".join(id_of_value(v, name, index) for name, v in zip(names, values))
            rows.append((dict(zip(names, values)), row_id, [getattr(x, "mark", x) for x in row_marks]))
        if not rows:
            rows = [(dict((n, None) for n in names), "NOTSET", [Mark_skip("got empty parameter set")])]
        combos = [(dict(p, **rp), ids_so_far + [rid], ms + rms) for (p, ids_so_far, ms) in combos for (rp, rid, rms) in rows]
    return combos


class _SkipMark:
    def __init__(self, reason: str) -> None:
        self.name = "skip"
        self.args = ()
        self.kwargs = {"reason": reason}


def Mark_skip(reason: str):
    return _SkipMark(reason)


def unique_ids(ids: list) -> list:
    """pytest's rule for ids that occur more than once: each gets its index among them as a suffix."""
    counts = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    seen = {}
    out = []
    for i in ids:
        if counts[i] > 1:
            n = seen.get(i, 0)
            seen[i] = n + 1
            out.append("%s%d" % (i, n))
        else:
            out.append(i)
    return out


def collect(module) -> list:
    cases = []

    def add(function, prefix: list, cls=None) -> None:
        marks = marks_of(function) + (marks_of(cls) if cls is not None else [])
        combos = parametrize_sets(marks)
        if len(combos) == 1 and not combos[0][1]:
            cases.append(Case(function.__name__, prefix + [function.__name__], function, {}, marks, cls))
            return
        ids = unique_ids(["-".join(c[1]) for c in combos])
        for (params, _, extra), case_id in zip(combos, ids):
            name = "%s[%s]" % (function.__name__, case_id)
            cases.append(Case(name, prefix + [name], function, params, marks + extra, cls))

    for name, value in list(vars(module).items()):
        if getattr(value, "_pytestfixturefunction", None) is not None:
            continue
        if name.startswith("test") and inspect.isfunction(value):
            add(value, [])
        elif name.startswith("Test") and inspect.isclass(value) and "__init__" not in vars(value):
            for attr, member in list(vars(value).items()):
                if attr.startswith("test") and inspect.isfunction(member) and getattr(member, "_pytestfixturefunction", None) is None:
                    add(member, [name], value)
    return cases


# ---------------------------------------------------------------- running

class CaptureResult(tuple):
    def __new__(cls, out: str, err: str):
        return tuple.__new__(cls, (out, err))

    @property
    def out(self) -> str:
        return self[0]

    @property
    def err(self) -> str:
        return self[1]


class CaptureFixture:
    def __init__(self) -> None:
        self._old = (sys.stdout, sys.stderr)
        self._out = io.StringIO()
        self._err = io.StringIO()
        sys.stdout, sys.stderr = self._out, self._err

    def readouterr(self) -> CaptureResult:
        out, err = self._out.getvalue(), self._err.getvalue()
        self._out.seek(0)
        self._out.truncate()
        self._err.seek(0)
        self._err.truncate()
        return CaptureResult(out, err)

    def close(self) -> None:
        sys.stdout, sys.stderr = self._old


class TestRun:
    def __init__(self, test_file: str, tmp_root: str, emit, user_files=("solution.py",), display=None) -> None:
        self.test_file = os.path.abspath(test_file)
        self.tmp_root = tmp_root
        self.emit = emit
        self.user_files = set(os.path.abspath(os.path.join(os.path.dirname(self.test_file), f)) for f in user_files)
        self.display = display or (lambda path: os.path.basename(path))
        self.counter = itertools.count()
        self.pytest = pytest_module()

    # -- reporting

    def location(self, tb):
        frames = traceback.extract_tb(tb)
        for wanted in (self.user_files, {self.test_file}):
            for frame in reversed(frames):
                if os.path.abspath(frame.filename) in wanted:
                    return {"file": self.display(frame.filename), "line": frame.lineno or 1, "column": 1}
        return None

    def describe_error(self, error: BaseException) -> str:
        if isinstance(error, AssertionFailed):
            return str(error)
        if isinstance(error, self.pytest.Failed if hasattr(self.pytest, "Failed") else ()):
            return str(error)
        text = "".join(traceback.format_exception_only(type(error), error)).rstrip("\n")
        wanted = self.user_files | {self.test_file}
        frames = [f for f in traceback.extract_tb(error.__traceback__) if os.path.abspath(f.filename) in wanted]
        if frames:
            text += "\n\n" + "\n".join("  %s:%d in %s\n    %s" % (self.display(f.filename), f.lineno or 0, f.name, (f.line or "").strip()) for f in frames[-6:])
        return text

    def report(self, title_path: list, status: str, started: float, error=None, message=None) -> None:
        result = {
            "fullName": " \u203a ".join(title_path),
            "titlePath": title_path,
            "status": status,
            "durationMs": round((time.perf_counter() - started) * 1000, 3),
        }
        if error is not None:
            result["message"] = self.describe_error(error)[:VALUE_LIMIT]
            if isinstance(error, AssertionFailed) and error.drills_expected is not None:
                result["expected"] = error.drills_expected
                result["actual"] = error.drills_actual
            where = self.location(error.__traceback__)
            if where:
                result["location"] = where
        elif message is not None:
            result["message"] = message[:VALUE_LIMIT]
        self.emit({"type": "test", "result": result})

    # -- loading

    def load(self):
        with open(self.test_file, encoding="utf-8") as handle:
            source = handle.read()
        code = compile_tests(source, self.test_file)
        name = os.path.splitext(os.path.basename(self.test_file))[0]
        module = types.ModuleType(name)
        module.__file__ = self.test_file
        module.__dict__[FAIL_HELPER] = assert_failed
        sys.modules[name] = module
        exec(code, module.__dict__)
        return module

    # -- fixtures

    def fixture_table(self, module) -> dict:
        table = {}
        for value in list(vars(module).values()):
            marker = getattr(value, "_pytestfixturefunction", None)
            if marker is not None and callable(value):
                table[marker.name or value.__name__] = (value, marker)
        return table

    def run_case(self, case: Case, fixtures: dict) -> None:
        started = time.perf_counter()
        for m in case.marks:
            if m.name == "skip":
                return self.report(case.title_path, "skipped", started, message=m.kwargs.get("reason", m.args[0] if m.args else "skipped"))
            if m.name == "skipif":
                condition = m.args[0] if m.args else m.kwargs.get("condition")
                if condition:
                    return self.report(case.title_path, "skipped", started, message=m.kwargs.get("reason", "skipped"))
        xfail = next((m for m in case.marks if m.name == "xfail"), None)
        teardowns = []
        values = {}
        capture = [None]

        def request_value(name: str, chain: tuple):
            if name in case.params:
                return case.params[name]
            if name in values:
                return values[name]
            if name in chain:
                raise RuntimeError("recursive dependency involving fixture %r" % name)
            if name == "tmp_path":
                import pathlib

                path = os.path.join(self.tmp_root, "t%d" % next(self.counter))
                os.makedirs(path)
                value = pathlib.Path(path)
            elif name == "monkeypatch":
                value = self.pytest.MonkeyPatch()
                teardowns.append(value.undo)
            elif name == "capsys":
                value = CaptureFixture()
                capture[0] = value
                teardowns.append(value.close)
            elif name in fixtures:
                function, _ = fixtures[name]
                kwargs = {arg: request_value(arg, chain + (name,)) for arg in inspect.signature(function).parameters}
                produced = function(**kwargs)
                if inspect.isgenerator(produced):
                    value = next(produced)

                    def finish(gen=produced):
                        try:
                            next(gen)
                        except StopIteration:
                            return
                        raise RuntimeError("fixture %r yielded more than once" % name)

                    teardowns.append(finish)
                else:
                    value = produced
            else:
                raise LookupError("fixture %r not found (available: tmp_path, monkeypatch, capsys%s)" % (name, "".join(", " + n for n in sorted(fixtures))))
            values[name] = value
            return value

        error = None
        try:
            for name, (function, marker) in fixtures.items():
                if marker.autouse:
                    request_value(name, ())
            target = case.function
            instance = None
            if case.cls is not None:
                instance = case.cls()
                target = getattr(instance, case.function.__name__)
            wanted = list(inspect.signature(target).parameters)
            kwargs = {name: request_value(name, ()) for name in wanted}
            target(**kwargs)
        except BaseException as caught:  # SystemExit and the code under test's own BaseExceptions fail the test
            if isinstance(caught, KeyboardInterrupt):
                raise
            error = caught
        for teardown in reversed(teardowns):
            try:
                teardown()
            except BaseException as caught:
                if isinstance(caught, KeyboardInterrupt):
                    raise
                if error is None:
                    error = caught
        skipped = getattr(self.pytest, "Skipped", None)
        if error is not None and skipped is not None and isinstance(error, skipped):
            return self.report(case.title_path, "skipped", started, message=str(error) or "skipped")
        if xfail is not None:
            if error is not None:
                return self.report(case.title_path, "skipped", started, message="xfail: " + str(xfail.kwargs.get("reason", "")))
            if xfail.kwargs.get("strict"):
                return self.report(case.title_path, "failed", started, message="[XPASS(strict)] " + str(xfail.kwargs.get("reason", "")))
        if error is not None:
            return self.report(case.title_path, "failed", started, error=error)
        return self.report(case.title_path, "passed", started)

    def run(self, after_each=None) -> int:
        """Loads and runs the test file; returns the number of tests reported. ``after_each`` may stop the run."""
        started = time.perf_counter()
        try:
            module = self.load()
            cases = collect(module)
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            self.report([SUITE_FAILURE_TITLE], "failed", started, error=error)
            return 1
        if len(cases) > MAX_TESTS:
            self.report([SUITE_FAILURE_TITLE], "failed", started, message="Too many tests: %d (at most %d)" % (len(cases), MAX_TESTS))
            return 1
        fixtures = self.fixture_table(module)
        count = 0
        for case in cases:
            self.run_case(case, fixtures)
            count += 1
            if after_each is not None and after_each():
                break
        return count


def main(argv: list) -> int:
    fd = None
    files = []
    for arg in argv:
        if arg.startswith("--json-fd="):
            fd = int(arg.split("=", 1)[1])
        else:
            files.append(arg)
    if len(files) != 1:
        sys.stderr.write("usage: drills_harness.py [--json-fd=N] test_file.py\n")
        return 2
    out = os.fdopen(fd, "w", encoding="utf-8", closefd=False) if fd is not None else sys.stdout
    test_file = os.path.abspath(files[0])
    sys.path.insert(0, os.path.dirname(test_file))
    sys.dont_write_bytecode = True
    pytest_module()
    import tempfile
    import shutil

    tmp_root = tempfile.mkdtemp(prefix="drills-tmp-")
    statuses = []

    def emit(event: dict) -> None:
        statuses.append(event["result"]["status"])
        out.write(json.dumps(event) + "\n")
        out.flush()

    try:
        folder = os.path.dirname(test_file)
        user_files = [f for f in os.listdir(folder) if f.endswith(".py") and os.path.join(folder, f) != test_file]
        TestRun(test_file, tmp_root, emit, user_files=user_files, display=lambda p: os.path.relpath(p, folder)).run()
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    return 1 if "failed" in statuses or not statuses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
