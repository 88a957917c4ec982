// Entry point of the untrusted-workspace session (scripts/run-integration.mjs): runs untrusted/*.test.js.
import { runFolder } from './index';

export function run(): Promise<void> {
  return runFolder('untrusted');
}
