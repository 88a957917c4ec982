// Entry point VS Code loads as `extensionTestsPath`: runs every suite/*.test.js with mocha inside the extension host.
// untrusted.ts is the entry of the second session (a workspace that is not trusted).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs every *.test.js of `folder` (next to this file), in name order. */
export function runFolder(folder: string): Promise<void> {
  // DRILLS_IT_GREP (in the environment of `npm run test:integration`) runs only the tests whose names match it.
  const grep = process.env.DRILLS_IT_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const suite = path.join(__dirname, folder);
  for (const f of fs.readdirSync(suite).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(suite, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}

export function run(): Promise<void> {
  return runFolder('suite');
}
