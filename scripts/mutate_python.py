"""Mutation testing for the drills' Python versions (no Python mutation tool is reachable here, so a small one).

    python3 scripts/mutate_python.py [--report FILE] [drill-id ...]

For each drill folder with python/solution.py, makes one mutant per change below, runs the drill's
python/test_solution.py on it with the bundled runner (resources/python/drills_harness.py) in a fresh
``python3 -I`` with a time limit, and counts the mutant killed when a test fails or the run times out. Prints a score
per drill and every survivor (``line:col Mutator: original -> replacement``) and writes a report shaped like
questions/mutation-report.json (default questions/python-mutation-report.json), keyed by a hash of solution.py and
test_solution.py. Survivors moved by hand to ``equivalent`` (with a ``reason``) are kept across runs.

Mutators: comparison operators (== !=, < <=, > >=, in / not in, is / is not), boolean operators (and / or),
arithmetic (+ -, * /), a negated condition (if / while / ternary), constants (True / False, numbers +1, strings
emptied, None for a returned value), a statement removed (an expression statement, a raise replaced by pass),
``return x`` -> ``return None``, slices (a bound dropped), and an ``except`` narrowed (BaseException -> Exception,
Exception -> ValueError).
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HARNESS = os.path.join(ROOT, "resources", "python", "drills_harness.py")
TIMEOUT = 20

COMPARE_SWAPS = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
                 ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
BIN_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult, ast.Mod: ast.Mult}


def seg(source: str, node) -> str:
    return (ast.get_source_segment(source, node) or ast.dump(node))[:80].replace("\n", " ")


def mutants(source: str):
    """Yields (line, col, mutator, original, replacement, mutated_source)."""
    tree = ast.parse(source)
    nodes = list(ast.walk(tree))
    for index, node in enumerate(nodes):
        for mutator, change in candidate_changes(node):
            fresh = ast.parse(source)
            target = list(ast.walk(fresh))[index]
            original = "except %s" % ast.unparse(node.type) if isinstance(node, ast.ExceptHandler) else seg(source, node)
            replacement = change(target, fresh)
            if replacement is None:
                continue
            ast.fix_missing_locations(fresh)
            try:
                text = ast.unparse(fresh)
            except Exception:
                continue
            yield node.lineno, node.col_offset + 1, mutator, original, replacement, text


def candidate_changes(node):
    changes = []
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE_SWAPS:
        def swap_compare(t, _tree):
            t.ops = [COMPARE_SWAPS[type(t.ops[0])]()]
            return ast.unparse(t)
        changes.append(("EqualityOperator", swap_compare))
    if isinstance(node, ast.BoolOp):
        def swap_bool(t, _tree):
            t.op = ast.Or() if isinstance(t.op, ast.And) else ast.And()
            return ast.unparse(t)
        changes.append(("LogicalOperator", swap_bool))
    # Not "%s" % x (string formatting).
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_SWAPS and not (isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        def swap_bin(t, _tree):
            t.op = BIN_SWAPS[type(t.op)]()
            return ast.unparse(t)
        changes.append(("ArithmeticOperator", swap_bin))
    if isinstance(node, (ast.If, ast.While, ast.IfExp)):
        def negate(t, _tree):
            t.test = ast.UnaryOp(op=ast.Not(), operand=t.test)
            return "not (%s)" % ast.unparse(t.test.operand)
        changes.append(("ConditionNegated", negate))
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            def flip(t, _tree):
                t.value = not t.value
                return repr(t.value)
            changes.append(("BooleanLiteral", flip))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            def bump(t, _tree):
                t.value = t.value + 1
                return repr(t.value)
            changes.append(("NumberLiteral", bump))
        elif isinstance(value, str) and value:
            def empty(t, tree):
                # Docstrings are not code.
                for parent in ast.walk(tree):
                    body = getattr(parent, "body", None)
                    if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and body[0].value is t:
                        return None
                t.value = ""
                return '""'
            changes.append(("StringLiteral", empty))
    if isinstance(node, ast.Return) and node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
        def none(t, _tree):
            t.value = ast.Constant(value=None)
            return "return None"
        changes.append(("ReturnValue", none))
    if isinstance(node, ast.Expr) and not isinstance(node.value, ast.Constant):
        def remove(t, tree):
            return replace_statement(tree, t, ast.Pass())
        changes.append(("StatementRemoved", remove))
    if isinstance(node, ast.Raise):
        def drop_raise(t, tree):
            return replace_statement(tree, t, ast.Pass())
        changes.append(("RaiseRemoved", drop_raise))
    if isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            if getattr(node, bound) is not None:
                def drop(t, _tree, bound=bound):
                    setattr(t, bound, None)
                    return ast.unparse(t) or ":"
                changes.append(("SliceBound", drop))
    if isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name) and node.type.id in ("BaseException", "Exception"):
        def narrow(t, _tree):
            t.type = ast.Name(id="Exception" if t.type.id == "BaseException" else "ValueError", ctx=ast.Load())
            return "except %s" % t.type.id
        changes.append(("ExceptNarrowed", narrow))
    return changes


def replace_statement(tree, target, replacement):
    for parent in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(parent, field, None)
            if isinstance(body, list) and target in body:
                body[body.index(target)] = ast.copy_location(replacement, target)
                return "pass"
    return None


def run_tests(folder: str, solution_text: str, python: str) -> str:
    """'killed', 'survived' or 'timeout'."""
    with open(os.path.join(folder, "solution.py"), "w", encoding="utf-8") as handle:
        handle.write(solution_text)
    try:
        done = subprocess.run([python, "-I", HARNESS, "--json-fd=1", "test_solution.py"], cwd=folder, capture_output=True,
                              text=True, timeout=TIMEOUT, start_new_session=True)
    except subprocess.TimeoutExpired:
        return "timeout"
    statuses = []
    for line in done.stdout.splitlines():
        try:
            event = json.loads(line)
            statuses.append(event["result"]["status"])
        except (ValueError, KeyError, TypeError):
            continue
    if not statuses or "failed" in statuses:
        return "killed"
    return "survived"


def drill_folders():
    questions = os.path.join(ROOT, "questions")
    for tier in sorted(os.listdir(questions)):
        tier_dir = os.path.join(questions, tier)
        if not os.path.isdir(tier_dir):
            continue
        for drill in sorted(os.listdir(tier_dir)):
            py = os.path.join(tier_dir, drill, "python")
            if os.path.isfile(os.path.join(py, "solution.py")):
                yield drill, py


def main(argv) -> int:
    report_file = os.path.join(ROOT, "questions", "python-mutation-report.json")
    wanted = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--report":
            report_file = args.pop(0)
        else:
            wanted.append(arg)
    try:
        with open(report_file, encoding="utf-8") as handle:
            report = json.load(handle)
    except (OSError, ValueError):
        report = {"drills": {}}
    python = sys.executable
    failed = False
    for drill, folder in drill_folders():
        if wanted and drill not in wanted:
            continue
        with open(os.path.join(folder, "solution.py"), encoding="utf-8") as handle:
            solution = handle.read()
        with open(os.path.join(folder, "test_solution.py"), encoding="utf-8") as handle:
            tests = handle.read()
        digest = hashlib.sha256((solution + "\0" + tests).encode("utf-8")).hexdigest()
        previous = report["drills"].get(drill, {})
        equivalent = previous.get("equivalent", [])
        work = tempfile.mkdtemp(prefix="drills-mutate-py-")
        try:
            shutil.copy(os.path.join(folder, "test_solution.py"), os.path.join(work, "test_solution.py"))
            if run_tests(work, solution, python) != "survived":
                print("%s: the reference does not pass its own tests; skipped" % drill)
                failed = True
                continue
            killed = 0
            survivors = []
            kept_equivalent = []
            all_mutants = list(mutants(solution))
            # An equivalent entry stands for the one mutant with its mutator, original and replacement nearest its line
            # (and, on that line, nearest its column: two mutants of one line must not trade places).
            claimed = {}
            for e in equivalent:
                same = [i for i, m in enumerate(all_mutants) if (m[2], m[3], m[4]) == (e["mutator"], e["original"], e["replacement"]) and i not in claimed]
                if same:
                    nearest = min(same, key=lambda i: (abs(all_mutants[i][0] - e.get("line", 0)), abs(all_mutants[i][1] - e.get("column", 0))))
                    claimed[nearest] = e
            for i, (line, col, mutator, original, replacement, text) in enumerate(all_mutants):
                entry = {"line": line, "column": col, "mutator": mutator, "original": original, "replacement": replacement}
                if i in claimed:
                    kept_equivalent.append(dict(entry, reason=claimed[i].get("reason", "")))
                    continue
                outcome = run_tests(work, text, python)
                if outcome == "survived":
                    survivors.append(entry)
                else:
                    killed += 1
            total = killed + len(survivors)
            score = 100.0 * killed / total if total else 100.0
            report["drills"][drill] = {"hash": digest, "score": round(score, 1), "killed": killed, "survivors": survivors, "equivalent": kept_equivalent}
            print("%s: %.1f%% (%d killed, %d survived, %d equivalent)" % (drill, score, killed, len(survivors), len(kept_equivalent)))
            for s in survivors:
                print("  python/solution.py:%d:%d %s: %s -> %s" % (s["line"], s["column"], s["mutator"], s["original"], s["replacement"]))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    with open(report_file, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2)
        handle.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
