// The solution checker: run Jest-style TypeScript tests against user code in a sandbox process.
import type { Drill } from '../model';
import type { CheckRequest } from './types';

export * from './types';
export { SandboxRunner } from './runner';
export { buildResult, countTests, formatBytes, formatSeconds } from './verdict';
export { formatCheckReport } from './report';
export { SUITE_FAILURE_TITLE } from './protocol';

/** The files of a drill check: the user's code as 'solution.ts' beside the drill's tests. */
export function drillCheckRequest(drill: Pick<Drill, 'tests'>, code: string): CheckRequest {
  return { files: { 'solution.ts': code, 'solution.test.ts': drill.tests }, entry: 'solution.test.ts' };
}
