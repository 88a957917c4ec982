// What the Python tests share: the bundled harness folder and the interpreter they run (DRILLS_TEST_PYTHON, else
// python3 on PATH), and the interpreter that has Debian's pytest (python3-pytest) for the comparison with real pytest.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../fixtures/runner/support';

export const harnessDir = path.join(repoRoot, 'resources', 'python');

export function pythonForTests(): { command: string; args: string[] } {
  return { command: process.env.DRILLS_TEST_PYTHON || 'python3', args: [] };
}

let pytestPython: string | undefined | null = null;

/**
 * An interpreter that can `import pytest`: DRILLS_TEST_PYTEST_PYTHON, else Debian's /usr/bin/python3 (python3-pytest,
 * the version CI compares with), else python3 on PATH.
 */
export function pythonWithPytest(): string | undefined {
  if (pytestPython !== null) return pytestPython;
  pytestPython = undefined;
  for (const candidate of [process.env.DRILLS_TEST_PYTEST_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['-c', 'import pytest'], { stdio: 'ignore' });
      pytestPython = candidate;
      break;
    } catch {
      // Next.
    }
  }
  return pytestPython;
}
