from typing import Callable, NamedTuple, Optional, Sequence


class Step(NamedTuple):
    name: str
    run: Callable[[], object]  # raises on failure, e.g. lambda: subprocess.run(argv, check=True)
    enabled: bool = True
    only_in: Optional[Sequence[str]] = None  # environments the step applies to; None = all


def run_steps(steps, env):
    """Runs the steps that apply to env one at a time and stops at the first failure; returns the report."""
    seen = set()
    for step in steps:
        if step.name in seen:
            raise ValueError("duplicate step name: %s" % step.name)
        seen.add(step.name)

    report = {"ran": [], "skipped": [], "failed": None, "not_run": [], "ok": True}
    for index, step in enumerate(steps):
        if not step.enabled or (step.only_in is not None and env not in step.only_in):
            report["skipped"].append(step.name)
            continue
        try:
            step.run()
        except Exception as error:
            report["failed"] = {"step": step.name, "error": str(error)}
            report["not_run"] = [later.name for later in steps[index + 1:]]
            report["ok"] = False
            break
        report["ran"].append(step.name)
    return report
