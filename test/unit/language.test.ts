// The language a drill is answered in (the window's, else TypeScript), what the tree and status bar count per
// language, and reading the Python extension's selected interpreter from its exports.
import * as assert from 'node:assert/strict';
import {
  hasLanguage, languageFor, languageOfFileName, languageSetting, languageStatusLine, missingLanguageNotice, solvedCount, type StatusIn,
} from '../../src/core/language';
import type { Drill, DrillStatus, Language } from '../../src/core/model';
import { selectedInterpreter } from '../../src/core/python/extensionApi';

const withPython = { id: 'guaranteed-cleanup', title: 'Guaranteed cleanup', python: { stub: '', solution: '', tests: '', mistakes: [] } } as unknown as Drill;
const tsOnly = { id: 'retry-flaky-call', title: 'Retry a flaky call' } as unknown as Drill;

function statuses(table: Record<string, DrillStatus>): StatusIn {
  return (id: string, language: Language) => table[`${id}:${language}`] ?? 'untried';
}

describe('language choice', () => {
  it('reads the setting as TypeScript unless it says python', () => {
    assert.equal(languageSetting('python'), 'python');
    assert.equal(languageSetting('typescript'), 'typescript');
    assert.equal(languageSetting(undefined), 'typescript');
    assert.equal(languageSetting('Python'), 'typescript');
    assert.equal(languageSetting(3), 'typescript');
  });

  it('opens a drill in the asked language when it has it, else in TypeScript, saying so', () => {
    assert.equal(hasLanguage(withPython, 'python'), true);
    assert.equal(hasLanguage(tsOnly, 'python'), false);
    assert.equal(hasLanguage(tsOnly, 'typescript'), true);
    assert.deepEqual(languageFor(withPython, 'python'), { language: 'python', fallback: false });
    assert.deepEqual(languageFor(tsOnly, 'python'), { language: 'typescript', fallback: true });
    assert.deepEqual(languageFor(withPython, 'typescript'), { language: 'typescript', fallback: false });
    assert.equal(missingLanguageNotice(tsOnly, 'python'), 'Interview Drills: "Retry a flaky call" has no Python version yet, so it opens in TypeScript.');
  });

  it('keeps each language\'s status apart: solved in the language checked only', () => {
    const status = statuses({ 'guaranteed-cleanup:python': 'passed', 'retry-flaky-call:typescript': 'failed' });
    assert.equal(languageStatusLine(withPython, status), 'TypeScript: not tried yet · Python: solved');
    assert.equal(languageStatusLine(tsOnly, status), 'TypeScript: not solved yet');
    assert.deepEqual(solvedCount([withPython, tsOnly], 'python', status), { passed: 1, total: 1 });
    assert.deepEqual(solvedCount([withPython, tsOnly], 'typescript', status), { passed: 0, total: 2 });
  });

  it('tells a scratch file\'s language by its extension', () => {
    assert.equal(languageOfFileName('guaranteed-cleanup.py'), 'python');
    assert.equal(languageOfFileName('guaranteed-cleanup.ts'), 'typescript');
    assert.equal(languageOfFileName('notes.md'), undefined);
  });
});

describe('the Python extension\'s selected interpreter', () => {
  it('reads the environments API, then the older execution details, and ignores anything else', async () => {
    assert.equal(await selectedInterpreter({ environments: { getActiveEnvironmentPath: () => ({ id: 'x', path: '/opt/py/bin/python3' }) } }), '/opt/py/bin/python3');
    assert.equal(await selectedInterpreter({ settings: { getExecutionDetails: () => ({ execCommand: ['/usr/bin/python3.11'] }) } }), '/usr/bin/python3.11');
    // A bare "python" is the extension's placeholder when nothing is selected: PATH discovery does better.
    assert.equal(await selectedInterpreter({ environments: { getActiveEnvironmentPath: () => ({ path: 'python' }) } }), undefined);
    // A command with arguments (conda run ...) is not an interpreter path.
    assert.equal(await selectedInterpreter({ settings: { getExecutionDetails: () => ({ execCommand: ['conda', 'run', 'python'] }) } }), undefined);
    assert.equal(await selectedInterpreter(undefined), undefined);
    assert.equal(await selectedInterpreter({ environments: { getActiveEnvironmentPath: () => { throw new Error('not ready'); } } }), undefined);
    assert.equal(await selectedInterpreter({ environments: { getActiveEnvironmentPath: () => Promise.resolve({ path: '/p/python3' }) } }), '/p/python3');
  });
});
