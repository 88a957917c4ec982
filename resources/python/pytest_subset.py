"""The part of pytest's API that the drills' test files use, in the standard library only.

Inside a check this module is installed as ``pytest``, so a drill's ``test_solution.py`` runs unchanged here and
under the real pytest: ``raises`` (with ``match``), ``approx``, ``mark.parametrize``/``skip``/``skipif``/``xfail``,
``param``, ``fixture``, ``fail``, ``skip``, and the fixtures ``tmp_path``, ``monkeypatch`` and ``capsys`` (provided by
the harness, drills_harness.py). Python 3.9 or newer.
"""
from __future__ import annotations

import collections
import math
import os
import re
import sys
from typing import Any, Callable, overload

__all__ = [
    "approx", "fail", "fixture", "mark", "param", "raises", "skip", "ExceptionInfo", "MonkeyPatch", "Failed", "Skipped",
]

__version__ = "subset"


class OutcomeException(BaseException):
    """Ends a test with an outcome; a BaseException so that ``except Exception`` in the code under test keeps out."""

    def __init__(self, msg: str = "") -> None:
        super().__init__(msg)
        self.msg = msg


class Failed(OutcomeException):
    pass


class Skipped(OutcomeException):
    pass


def fail(reason: str = "", pytrace: bool = True) -> None:
    raise Failed(reason)


def skip(reason: str = "", allow_module_level: bool = False) -> None:
    raise Skipped(reason)


# ---------------------------------------------------------------- raises

class ExceptionInfo:
    def __init__(self) -> None:
        self._excinfo = None

    def _fill(self, exc_type, value, tb) -> None:
        self._excinfo = (exc_type, value, tb)

    @property
    def type(self):
        return self._excinfo[0]

    @property
    def value(self):
        return self._excinfo[1]

    @property
    def tb(self):
        return self._excinfo[2]

    @property
    def typename(self) -> str:
        return self._excinfo[0].__name__

    def match(self, regexp) -> bool:
        text = str(self.value)
        if not re.search(regexp, text):
            raise Failed("Regex pattern did not match.\n Regex: %r\n Input: %r" % (regexp, text))
        return True

    def errisinstance(self, exc) -> bool:
        return isinstance(self.value, exc)

    def __repr__(self) -> str:
        if self._excinfo is None:
            return "<ExceptionInfo for raises contextmanager>"
        return "<ExceptionInfo %r>" % (self.value,)


def _type_names(expected) -> str:
    return str(expected)


class RaisesContext:
    def __init__(self, expected, match) -> None:
        self.expected = expected
        self.match_expr = match
        self.excinfo = ExceptionInfo()

    def __enter__(self) -> ExceptionInfo:
        return self.excinfo

    def __exit__(self, exc_type, exc, tb) -> bool:
        __tracebackhide__ = True
        if exc_type is None:
            raise Failed("DID NOT RAISE %s" % _type_names(self.expected))
        if not issubclass(exc_type, self.expected):
            return False
        self.excinfo._fill(exc_type, exc, tb)
        if self.match_expr is not None:
            self.excinfo.match(self.match_expr)
        return True


@overload
def raises(expected_exception, *, match=None) -> RaisesContext: ...


@overload
def raises(expected_exception, func: Callable[..., Any], *args: Any, **kwargs: Any) -> ExceptionInfo: ...


def raises(expected_exception, *args, match=None, **kwargs):
    """``with raises(ValueError, match="text"):`` or ``raises(ValueError, func, *args)``."""
    excs = expected_exception if isinstance(expected_exception, tuple) else (expected_exception,)
    for exc in excs:
        if not (isinstance(exc, type) and issubclass(exc, BaseException)):
            raise TypeError("expected exception must be a BaseException type, not %r" % (exc,))
    if not args:
        return RaisesContext(expected_exception, match)
    func = args[0]
    if not callable(func):
        raise TypeError("%r object (type: %s) must be callable" % (func, type(func)))
    context = RaisesContext(expected_exception, match)
    with context:
        func(*args[1:], **kwargs)
    return context.excinfo


# ---------------------------------------------------------------- approx

class ApproxBase:
    def __init__(self, expected, rel=None, abs=None, nan_ok=False) -> None:
        self.expected = expected
        self.rel = rel
        self.abs = abs
        self.nan_ok = nan_ok

    def __ne__(self, actual) -> bool:
        return not self == actual

    __hash__ = None  # type: ignore[assignment]


class ApproxScalar(ApproxBase):
    def tolerance(self) -> float:
        absolute = 1e-12 if self.abs is None else self.abs
        relative = 1e-6 if self.rel is None else self.rel
        if self.rel is None and self.abs is not None:
            return absolute
        return max(relative * math.fabs(self.expected), absolute)

    def __eq__(self, actual) -> bool:
        if isinstance(actual, bool) or isinstance(self.expected, bool):
            return actual == self.expected
        if not isinstance(actual, (int, float)) or not isinstance(self.expected, (int, float)):
            return actual == self.expected
        if actual == self.expected:
            return True
        if math.isnan(self.expected) or math.isnan(actual):
            return self.nan_ok and math.isnan(self.expected) and math.isnan(actual)
        if math.isinf(self.expected) or math.isinf(actual):
            return False
        return math.fabs(self.expected - actual) <= self.tolerance()

    def __repr__(self) -> str:
        if not isinstance(self.expected, (int, float)) or isinstance(self.expected, bool) or math.isinf(self.expected):
            return repr(self.expected)
        return "%r \u00b1 %.1e" % (self.expected, self.tolerance())


class ApproxSequence(ApproxBase):
    def __eq__(self, actual) -> bool:
        if not isinstance(actual, (list, tuple)) or len(actual) != len(self.expected):
            return False
        return all(ApproxScalar(e, self.rel, self.abs, self.nan_ok) == a for e, a in zip(self.expected, actual))

    def __repr__(self) -> str:
        return "approx(%r)" % ([ApproxScalar(e, self.rel, self.abs, self.nan_ok) for e in self.expected],)


class ApproxMapping(ApproxBase):
    def __eq__(self, actual) -> bool:
        if not isinstance(actual, dict) or set(actual) != set(self.expected):
            return False
        return all(ApproxScalar(v, self.rel, self.abs, self.nan_ok) == actual[k] for k, v in self.expected.items())

    def __repr__(self) -> str:
        return "approx(%r)" % ({k: ApproxScalar(v, self.rel, self.abs, self.nan_ok) for k, v in self.expected.items()},)


def approx(expected, rel=None, abs=None, nan_ok=False):
    if isinstance(expected, dict):
        return ApproxMapping(expected, rel, abs, nan_ok)
    if isinstance(expected, (list, tuple)):
        return ApproxSequence(expected, rel, abs, nan_ok)
    return ApproxScalar(expected, rel, abs, nan_ok)


# ---------------------------------------------------------------- marks, params, fixtures

class Mark:
    def __init__(self, name: str, args: tuple, kwargs: dict) -> None:
        self.name = name
        self.args = args
        self.kwargs = kwargs

    def __repr__(self) -> str:
        return "Mark(name=%r, args=%r, kwargs=%r)" % (self.name, self.args, self.kwargs)


class MarkDecorator:
    def __init__(self, mark: Mark) -> None:
        self.mark = mark

    @property
    def name(self) -> str:
        return self.mark.name

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and (callable(args[0]) and getattr(args[0], "__name__", "<lambda>") != "<lambda>"):
            target = args[0]
            marks = list(getattr(target, "pytestmark", []))
            marks.append(self.mark)
            target.pytestmark = marks
            return target
        return MarkDecorator(Mark(self.mark.name, self.mark.args + args, dict(self.mark.kwargs, **kwargs)))


class MarkGenerator:
    def __getattr__(self, name: str) -> MarkDecorator:
        if name.startswith("_"):
            raise AttributeError(name)
        return MarkDecorator(Mark(name, (), {}))


mark = MarkGenerator()

ParameterSet = collections.namedtuple("ParameterSet", ["values", "marks", "id"])


def param(*values, marks=(), id=None) -> ParameterSet:
    if isinstance(marks, MarkDecorator):
        marks = (marks,)
    return ParameterSet(values, tuple(marks), id)


class FixtureFunctionMarker:
    def __init__(self, scope: str = "function", autouse: bool = False, name=None, params=None) -> None:
        self.scope = scope
        self.autouse = autouse
        self.name = name
        self.params = params

    def __call__(self, function):
        function._pytestfixturefunction = self
        return function


def fixture(fixture_function=None, *, scope="function", params=None, autouse=False, ids=None, name=None):
    """``@fixture`` or ``@fixture(autouse=..., name=...)``. Every fixture is function-scoped here."""
    marker = FixtureFunctionMarker(scope, autouse, name, params)
    if fixture_function is not None and callable(fixture_function):
        return marker(fixture_function)
    return marker


# ---------------------------------------------------------------- monkeypatch

_notset = object()


def _resolve(name: str):
    parts = name.split(".")
    used = parts.pop(0)
    found = __import__(used)
    for part in parts:
        used += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(used)
            found = getattr(found, part)
    return found


class MonkeyPatch:
    """The changes are undone after the test (``undo``), in reverse order."""

    def __init__(self) -> None:
        self._setattr = []
        self._setitem = []
        self._cwd = None
        self._savesyspath = None

    @classmethod
    def context(cls):
        import contextlib

        @contextlib.contextmanager
        def manager():
            patch = cls()
            try:
                yield patch
            finally:
                patch.undo()

        return manager()

    def setattr(self, target, name=_notset, value=_notset, raising: bool = True) -> None:
        if isinstance(target, str):
            if value is not _notset:
                raise TypeError("use setattr(target, name, value) or setattr('module.name', value)")
            value = name
            module_path, _, attr = target.rpartition(".")
            if not module_path:
                raise TypeError("must be absolute import path string, not %r" % (target,))
            target = _resolve(module_path)
            name = attr
        elif value is _notset:
            raise TypeError("use setattr(target, name, value) or setattr('module.name', value)")
        old = getattr(target, name, _notset)
        if raising and old is _notset:
            raise AttributeError("%r has no attribute %r" % (target, name))
        if isinstance(target, type):
            old = target.__dict__.get(name, _notset)
        self._setattr.append((target, name, old))
        setattr(target, name, value)

    def delattr(self, target, name=_notset, raising: bool = True) -> None:
        if isinstance(target, str) and name is _notset:
            module_path, _, name = target.rpartition(".")
            target = _resolve(module_path)
        if not hasattr(target, name):
            if raising:
                raise AttributeError(name)
            return
        old = getattr(target, name, _notset)
        if isinstance(target, type):
            old = target.__dict__.get(name, _notset)
        self._setattr.append((target, name, old))
        delattr(target, name)

    def setitem(self, dic, name, value) -> None:
        self._setitem.append((dic, name, dic.get(name, _notset)))
        dic[name] = value

    def delitem(self, dic, name, raising: bool = True) -> None:
        if name not in dic:
            if raising:
                raise KeyError(name)
            return
        self._setitem.append((dic, name, dic.get(name, _notset)))
        del dic[name]

    def setenv(self, name: str, value, prepend=None) -> None:
        value = str(value)
        if prepend and name in os.environ:
            value = value + prepend + os.environ[name]
        self.setitem(os.environ, name, value)

    def delenv(self, name: str, raising: bool = True) -> None:
        self.delitem(os.environ, name, raising=raising)

    def syspath_prepend(self, path) -> None:
        if self._savesyspath is None:
            self._savesyspath = sys.path[:]
        sys.path.insert(0, str(path))

    def chdir(self, path) -> None:
        if self._cwd is None:
            self._cwd = os.getcwd()
        os.chdir(path)

    def undo(self) -> None:
        for target, name, value in reversed(self._setattr):
            if value is not _notset:
                setattr(target, name, value)
            else:
                try:
                    delattr(target, name)
                except AttributeError:
                    pass
        self._setattr[:] = []
        for dic, name, value in reversed(self._setitem):
            if value is _notset:
                dic.pop(name, None)
            else:
                dic[name] = value
        self._setitem[:] = []
        if self._savesyspath is not None:
            sys.path[:] = self._savesyspath
            self._savesyspath = None
        if self._cwd is not None:
            os.chdir(self._cwd)
            self._cwd = None
