from typing import Callable, NamedTuple, Optional, Sequence


class Step(NamedTuple):
    name: str
    run: Callable[[], object]  # raises on failure, e.g. lambda: subprocess.run(argv, check=True)
    enabled: bool = True
    only_in: Optional[Sequence[str]] = None  # environments the step applies to; None = all


def run_steps(steps, env):
    """Runs the steps that apply to env one at a time and stops at the first failure; returns the report."""
    raise NotImplementedError("run_steps")
