"""The Python sandbox: a warm process that runs each check in a child of its own (Python 3.9 or newer).

Started by the extension as ``python3 -I drills_server.py`` with a minimal environment. It reads one JSON request a
line on stdin and writes JSON events a line on file descriptor 3 (never parsed from text output):

    -> {"type": "check", "id": N, "files": {"solution.py": ..., "test_solution.py": ...}, "entry": "test_solution.py",
        "timeoutMs": 5000, "memoryMb": 256, "outputLimitBytes": 1048576}
    <- {"type": "ready", "pid": P, "version": [3, 11, 2]}
    <- {"type": "test", "id": N, "result": {...}, "output": "..."}            one per test, as it ends
    <- {"type": "done", "id": N, "outcome": "completed" | "timeout" | "output-limit" | "out-of-memory" | "crashed",
        "reason": ..., "compileErrors": [...], "output": "...", "outputTruncated": false, "refused": ...}

Each check runs in a forked child (POSIX; elsewhere a fresh ``python -I`` process) that leads its own process
group, with an address-space cap (RLIMIT_AS), its stdout/stderr counted and capped, and its files in a temporary
folder removed afterwards. When the check ends, the child's group and every process that carries the sandbox's
marker in its environment are killed, so nothing it started outlives it. The warm process never runs user code
itself, so nothing a check changes (builtins, the harness, modules) reaches the next check.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.append(HERE)

import builtins  # noqa: E402
import json.encoder  # noqa: E402
import traceback  # noqa: E402

import drills_harness  # noqa: E402
import pytest_subset  # noqa: E402

MARKER_VARIABLE = "INTERVIEW_DRILLS_SANDBOX"
EVENTS_FD = 3
CHUNK = 65536
CAN_FORK = hasattr(os, "fork")


# ---------------------------------------------------------------- inside the child

def watched_namespaces() -> list:
    """What a check must leave as it found it: built-ins, the harness, ``pytest``, and what writes the results."""
    spaces = [("builtins", vars(builtins)), ("the test harness", vars(drills_harness)), ("pytest", vars(pytest_subset)),
              ("json", vars(json)), ("json.encoder", vars(json.encoder)), ("os", vars(os))]
    for module_name, module in (("the test harness", drills_harness), ("pytest", pytest_subset), ("json.encoder", json.encoder)):
        for name, value in list(vars(module).items()):
            if isinstance(value, type) and value.__module__ == module.__name__:
                spaces.append(("%s (%s)" % (module_name, name), vars(value)))
    return spaces


def functions_of(spaces: list) -> list:
    found = []
    for _, space in spaces:
        for value in space.values():
            code = getattr(value, "__code__", None)
            if code is not None:
                found.append((value, code, getattr(value, "__defaults__", None)))
    return found


def take_snapshot():
    spaces = watched_namespaces()
    return [(label, space, dict(space)) for label, space in spaces], functions_of(spaces), sys.modules.get("pytest")


def tampered(snapshot):
    """What the check changed among the watched objects, or None."""
    spaces, functions, pytest_module = snapshot
    for label, space, saved in spaces:
        if space.keys() != saved.keys():
            added = sorted(set(space) - set(saved))
            removed = sorted(set(saved) - set(space))
            return "%s was changed (%s)" % (label, ", ".join(["added " + n for n in added[:3]] + ["removed " + n for n in removed[:3]]))
        for key, value in saved.items():
            if space.get(key) is not value:
                return "%s.%s was replaced" % (label, key)
    for function, code, defaults in functions:
        if function.__code__ is not code or getattr(function, "__defaults__", None) is not defaults:
            return "the code of %s was replaced" % getattr(function, "__qualname__", "a harness function")
    if sys.modules.get("pytest") is not pytest_module:
        return "sys.modules['pytest'] was replaced"
    return None


def address_space_limit(memory_mb: int):
    """Current virtual size plus the budget, so the interpreter itself is not counted against the check."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        current = pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 512 * 1024 * 1024
    return current + memory_mb * 1024 * 1024


def run_child(request: dict, work: str, result_fd: int, nonce: str) -> None:
    """The check itself, in the child: never returns (os._exit)."""
    write = os.write
    dumps = json.dumps
    state = {"oom": False, "refused": None}

    def send(event: dict) -> None:
        event["nonce"] = nonce
        data = (dumps(event) + "\n").encode("utf-8")
        while data:
            data = data[write(result_fd, data):]

    try:
        src = os.path.join(work, "src")
        tmp_root = os.path.join(work, "tmp")
        os.chdir(src)
        sys.path[:] = [src] + [p for p in sys.path if p not in ("", HERE)]
        sys.dont_write_bytecode = True
        os.environ[MARKER_VARIABLE] = request.get("marker", os.environ.get(MARKER_VARIABLE, ""))
        try:
            import resource

            limit = address_space_limit(int(request.get("memoryMb", 256)))
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
        sys.modules["pytest"] = pytest_subset
        compile_errors = []
        for name in sorted(request["files"]):
            if name.endswith(".py") and name != request["entry"]:
                try:
                    compile(request["files"][name], os.path.join(src, name), "exec", dont_inherit=True)
                except SyntaxError as error:
                    compile_errors.append({"file": name, "line": error.lineno or 1, "column": error.offset or 1, "message": "%s: %s" % (type(error).__name__, error.msg)})
        if compile_errors:
            send({"type": "done", "outcome": "completed", "compileErrors": compile_errors})
            os._exit(0)
        snapshot = take_snapshot()
        user_files = [n for n in request["files"] if n != request["entry"]]

        def emit(event: dict) -> None:
            message = event["result"].get("message", "")
            if message.startswith("MemoryError"):
                state["oom"] = True
            send(event)

        def after_each() -> bool:
            why = tampered(snapshot)
            if why:
                state["refused"] = why
                return True
            return False

        run = drills_harness.TestRun(os.path.join(src, request["entry"]), tmp_root, emit, user_files=user_files)
        run.run(after_each)
        why = state["refused"] or tampered(snapshot)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        done = {"type": "done", "outcome": "out-of-memory" if state["oom"] else "completed", "compileErrors": []}
        if why:
            done["refused"] = "the check changed %s, so its results cannot be trusted" % why
        send(done)
    except MemoryError:
        try:
            send({"type": "done", "outcome": "out-of-memory", "compileErrors": []})
        except BaseException:
            pass
    except BaseException:
        try:
            send({"type": "done", "outcome": "crashed", "reason": "The harness failed: %s" % traceback.format_exc(limit=3)[-2000:], "compileErrors": []})
        except BaseException:
            pass
    os._exit(0)


def child_main(argv: list) -> int:
    """``--child WORK RESULT_FD``: the spawned form of run_child (systems without fork), request on stdin."""
    work, fd = argv[0], int(argv[1])
    if os.name == "nt":
        import msvcrt

        fd = msvcrt.open_osfhandle(fd, os.O_WRONLY)
    request = json.loads(sys.stdin.readline())
    run_child(request, work, fd, request["nonce"])
    return 0


# ---------------------------------------------------------------- in the warm process

def processes():
    """(pid, ppid, pgrp, session) of every live process (Linux /proc; empty elsewhere)."""
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as handle:
                stat = handle.read().decode("latin-1")
            fields = stat[stat.rindex(")") + 2:].split(" ")
            if fields[0] == "Z":
                continue
            found.append((int(entry), int(fields[1]), int(fields[2]), int(fields[3])))
        except (OSError, ValueError):
            continue
    return found


def carries(pid: int, needle: bytes) -> bool:
    try:
        with open("/proc/%d/environ" % pid, "rb") as handle:
            return needle in handle.read().split(b"\0")
    except OSError:
        return False


def become_subreaper() -> bool:
    """Linux: orphans of the checks become this process's children (not init's), so every leftover can be found."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def own_children() -> list:
    pids = []
    try:
        for tid in os.listdir("/proc/self/task"):
            with open("/proc/self/task/%s/children" % tid) as handle:
                pids.extend(int(p) for p in handle.read().split())
    except (OSError, ValueError):
        return pids
    return pids


SUBREAPER = False


def kill_leftovers(child_pid: int, markers: list) -> None:
    """SIGKILLs the check's process group and every process the check started, wherever it went.

    As a subreaper (Linux) this process inherits every orphan of a check, so killing its own children until none are
    left ends them all, however they detached (setsid, double fork, a cleared environment). Elsewhere: the process
    group, then (with /proc) whatever descends from the child or carries a marker.
    """
    if hasattr(os, "killpg"):
        try:
            os.killpg(child_pid, signal.SIGKILL)
        except OSError:
            pass
    if SUBREAPER:
        for _ in range(100):
            children = own_children()
            if not children:
                return
            for pid in children:
                for kill in (os.killpg, os.kill):
                    try:
                        kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
            for pid in children:
                try:
                    _, status = os.waitpid(pid, 0)
                    if pid == child_pid:
                        _statuses[pid] = status
                except ChildProcessError:
                    pass
        return
    me = os.getpid()
    needles = [("%s=%s" % (MARKER_VARIABLE, m)).encode() for m in markers if m]
    for round_number in range(3):
        listing = processes()
        found = set()
        for pid, ppid, pgrp, session in listing:
            if pid == me:
                continue
            if pid == child_pid or pgrp == child_pid or session == child_pid or any(carries(pid, n) for n in needles):
                found.add(pid)
        grew = True
        while grew:
            grew = False
            for pid, ppid, pgrp, session in listing:
                if pid != me and pid not in found and (ppid in found or pgrp in found or session in found):
                    found.add(pid)
                    grew = True
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if not found and round_number > 0:
            return


class Check:
    def __init__(self, request: dict, send_event) -> None:
        self.request = request
        self.id = request["id"]
        self.send_event = send_event
        self.output = bytearray()
        self.output_total = 0
        self.output_limit = int(request.get("outputLimitBytes", 1024 * 1024))
        self.truncated = False
        self.pending = b""
        self.nonce = os.urandom(16).hex()
        self.done = None

    def take_output(self) -> str:
        text = self.output.decode("utf-8", "replace")
        self.output = bytearray()
        return text

    def receive_output(self, data: bytes) -> bool:
        room = self.output_limit - self.output_total
        self.output_total += len(data)
        if len(data) > room:
            self.output += data[:max(room, 0)]
            self.truncated = True
            return False
        self.output += data
        return True

    def receive_results(self, data: bytes) -> None:
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            try:
                event = json.loads(line.decode("utf-8"))
            except ValueError:
                continue
            if not isinstance(event, dict) or event.get("nonce") != self.nonce or self.done is not None:
                continue
            del event["nonce"]
            event["id"] = self.id
            if event.get("type") == "test" and isinstance(event.get("result"), dict):
                event["output"] = self.take_output()
                self.send_event({"type": "test", "id": self.id, "result": event["result"], "output": event["output"]})
            elif event.get("type") == "done":
                self.done = event

    def run(self) -> None:
        work = tempfile.mkdtemp(prefix="drills-py-")
        child = None
        done_sent = False
        try:
            os.makedirs(os.path.join(work, "src"))
            os.makedirs(os.path.join(work, "tmp"))
            for name, text in self.request["files"].items():
                if "/" in name or "\\" in name or name.startswith("."):
                    raise ValueError("bad file name %r" % name)
                with open(os.path.join(work, "src", name), "w", encoding="utf-8") as handle:
                    handle.write(text)
            result_r, result_w = os.pipe()
            out_r, out_w = os.pipe()
            started = time.monotonic()
            deadline = started + int(self.request.get("timeoutMs", 5000)) / 1000.0
            use_fork = CAN_FORK and self.request.get("isolation", "fork") == "fork"
            if use_fork:
                pid = os.fork()
                if pid == 0:
                    try:
                        os.setpgid(0, 0)
                        os.close(result_r)
                        os.close(out_r)
                        devnull = os.open(os.devnull, os.O_RDONLY)
                        os.dup2(devnull, 0)
                        os.dup2(out_w, 1)
                        os.dup2(out_w, 2)
                        for fd in (devnull, out_w, EVENTS_FD):
                            try:
                                os.close(fd)
                            except OSError:
                                pass
                        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                        run_child(self.request, work, result_w, self.nonce)
                    finally:
                        os._exit(70)
                child_pid = pid
            else:
                request = dict(self.request, nonce=self.nonce)
                kwargs = {}
                handle_arg = result_w
                if os.name == "nt":
                    import msvcrt

                    handle = msvcrt.get_osfhandle(result_w)
                    os.set_handle_inheritable(handle, True)
                    handle_arg = handle
                    kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
                    kwargs["close_fds"] = False
                else:
                    kwargs["pass_fds"] = (result_w,)
                    kwargs["start_new_session"] = True
                child = subprocess.Popen([sys.executable, "-I", os.path.abspath(__file__), "--child", work, str(handle_arg)],
                                         stdin=subprocess.PIPE, stdout=out_w, stderr=out_w, **kwargs)
                child.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
                child.stdin.close()
                child_pid = child.pid
            os.close(result_w)
            os.close(out_w)
            outcome, reason = self.watch(child_pid, child, result_r, out_r, deadline)
            if child is not None:
                kill_tree_windows(child)
            kill_leftovers(child_pid, [self.request.get("marker"), os.environ.get(MARKER_VARIABLE)])
            status = reap(child_pid, child)
            os.close(result_r)
            os.close(out_r)
            if outcome is None:
                if self.done is not None:
                    outcome = self.done.get("outcome", "completed")
                    reason = self.done.get("reason")
                elif status is not None and status.get("signal") in (getattr(signal, "SIGSEGV", -1), getattr(signal, "SIGKILL", -1)) and memory_capped():
                    outcome, reason = "out-of-memory", None
                else:
                    outcome, reason = "crashed", "The check ended before reporting its results (%s)" % describe(status)
            done = {"type": "done", "id": self.id, "outcome": outcome, "compileErrors": (self.done or {}).get("compileErrors", []),
                    "output": self.take_output(), "outputTruncated": self.truncated}
            if reason:
                done["reason"] = reason
            if self.done is not None and self.done.get("refused"):
                done["refused"] = self.done["refused"]
            self.send_event(done)
            done_sent = True
        except Exception as error:
            if not done_sent:
                self.send_event({"type": "done", "id": self.id, "outcome": "crashed", "reason": "The sandbox failed: %s" % error,
                                 "compileErrors": [], "output": self.take_output(), "outputTruncated": self.truncated})
        finally:
            # After the result is out (the next request is read only once this is done): removing files is slow.
            shutil.rmtree(work, ignore_errors=True)

    def watch(self, pid: int, child, result_r: int, out_r: int, deadline: float):
        """Reads results and output until the child reports done, exits, runs out of time or prints too much."""
        open_fds = [result_r, out_r]
        while True:
            if self.done is not None:
                # Drain what the child printed before it reported.
                while out_r in open_fds:
                    ready, _, _ = select.select([out_r], [], [], 0)
                    if not ready:
                        break
                    data = os.read(out_r, CHUNK)
                    if not data:
                        break
                    if not self.receive_output(data):
                        return "output-limit", None
                return None, None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "timeout", None
            if not open_fds or exited(pid, child):
                # Collect what is already in the pipes, then stop.
                for fd in list(open_fds):
                    while True:
                        ready, _, _ = select.select([fd], [], [], 0)
                        if not ready:
                            break
                        data = os.read(fd, CHUNK)
                        if not data:
                            break
                        if fd == result_r:
                            self.receive_results(data)
                        elif not self.receive_output(data):
                            return "output-limit", None
                return None, None
            ready, _, _ = select.select(open_fds, [], [], min(remaining, 0.05))
            for fd in ready:
                data = os.read(fd, CHUNK)
                if not data:
                    open_fds.remove(fd)
                elif fd == result_r:
                    self.receive_results(data)
                elif not self.receive_output(data):
                    return "output-limit", None


_statuses = {}


def exited(pid: int, child) -> bool:
    if child is not None:
        return child.poll() is not None
    if pid in _statuses:
        return True
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    if done == pid:
        _statuses[pid] = status
        return True
    return False


def reap(pid: int, child):
    if child is not None:
        try:
            code = child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None
        return {"code": code} if code >= 0 else {"signal": -code}
    status = _statuses.pop(pid, None)
    if status is None:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return None
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}
    return {"code": os.WEXITSTATUS(status)}


def memory_capped() -> bool:
    try:
        import resource  # noqa: F401
        return True
    except ImportError:
        return False


def describe(status) -> str:
    if status is None:
        return "it could not be waited for"
    if "signal" in status:
        try:
            name = signal.Signals(status["signal"]).name
        except ValueError:
            name = str(status["signal"])
        return "killed by %s" % name
    return "exit code %d: os._exit() or a crash?" % status["code"]


def kill_tree_windows(child) -> None:
    if os.name == "nt":
        subprocess.call(["taskkill", "/pid", str(child.pid), "/T", "/F"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except OSError:
            pass


def main() -> int:
    global SUBREAPER
    events = os.fdopen(EVENTS_FD, "wb", buffering=0)
    SUBREAPER = become_subreaper()

    def send_event(event: dict) -> None:
        events.write((json.dumps(event) + "\n").encode("utf-8"))

    # Warm up what every check needs, so the child starts with it loaded.
    import ast  # noqa: F401
    import difflib  # noqa: F401
    import inspect  # noqa: F401
    import pathlib  # noqa: F401
    import re  # noqa: F401

    drills_harness.compile_tests("def test_x():\n    assert 1 == 1\n", "warmup.py")
    send_event({"type": "ready", "pid": os.getpid(), "version": list(sys.version_info[:3])})
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            return 0
        try:
            request = json.loads(line.decode("utf-8"))
        except ValueError:
            continue
        if isinstance(request, dict) and request.get("type") == "check":
            Check(request, send_event).run()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.exit(child_main(sys.argv[2:]))
    sys.exit(main())
