// Finding Python: the setting first (never silently replaced), then the Python extension's interpreter, then python3,
// python and (Windows) py -3 on PATH; 3.9 or newer; a clear message otherwise. The prober and PATH are injected, and
// one test runs the real prober against a PATH of our own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultProber, findPython, type ProbeResult, type Prober } from '../../src/core/python/discovery';

/** A prober that answers from a table keyed by "command args..." and records what it was asked. */
function fakeProber(table: Record<string, ProbeResult>): Prober & { asked: string[] } {
  const asked: string[] = [];
  const probe = (async (command: string, args: readonly string[]) => {
    const key = [command, ...args].join(' ');
    asked.push(key);
    return table[key] ?? { error: 'not found' };
  }) as unknown as Prober & { asked: string[] };
  probe.asked = asked;
  return probe;
}

const ok = (minor: number, exe = `/usr/bin/python3.${minor}`): ProbeResult => ({ version: [3, minor, 0], executable: exe });

describe('finding Python', () => {
  it('takes python3 from PATH when nothing is set', async () => {
    const probe = fakeProber({ python3: ok(11) });
    const r = await findPython({ probe, platform: 'linux' });
    assert.ok(r.ok);
    assert.deepEqual([r.python.command, r.python.source, r.python.version], ['python3', 'path', [3, 11, 0]]);
    assert.deepEqual(probe.asked, ['python3']);
  });

  it('falls back to python, then (Windows only) py -3', async () => {
    const linux = fakeProber({});
    assert.equal((await findPython({ probe: linux, platform: 'linux' })).ok, false);
    assert.deepEqual(linux.asked, ['python3', 'python']);
    const windows = fakeProber({ 'py -3': ok(12, 'C:\\Python312\\python.exe') });
    const r = await findPython({ probe: windows, platform: 'win32' });
    assert.ok(r.ok);
    assert.deepEqual([r.python.command, r.python.args], ['py', ['-3']]);
    assert.deepEqual(windows.asked, ['python3', 'python', 'py -3']);
  });

  it('skips an interpreter older than 3.9 and says so when none is new enough', async () => {
    const probe = fakeProber({ python3: ok(8), python: { version: [2, 7, 18], executable: '/usr/bin/python2' } });
    const r = await findPython({ probe, platform: 'linux' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /needs Python 3\.9 or newer, but python3 is Python 3\.8\.0 and python is Python 2\.7\.18/);
    const newer = await findPython({ probe: fakeProber({ python3: ok(8), python: ok(9) }), platform: 'linux' });
    assert.ok(newer.ok && newer.python.command === 'python');
  });

  it('prefers the Python extension\'s interpreter to PATH', async () => {
    const probe = fakeProber({ '/venv/bin/python': ok(10, '/venv/bin/python'), python3: ok(11) });
    const r = await findPython({ probe, extensionInterpreter: '/venv/bin/python', platform: 'linux' });
    assert.ok(r.ok && r.python.source === 'python-extension' && r.python.command === '/venv/bin/python');
  });

  it('uses the setting alone: a broken setting is reported, not replaced by PATH', async () => {
    const probe = fakeProber({ python3: ok(11) });
    const r = await findPython({ probe, setting: '/opt/nope/python3', extensionInterpreter: '/venv/bin/python', platform: 'linux' });
    assert.equal(r.ok, false);
    assert.deepEqual(probe.asked, ['/opt/nope/python3']);
    assert.match(r.ok ? '' : r.message, /interviewDrills\.python\.path \(\/opt\/nope\/python3\) is not found\. Point the setting at a python3/);
    const good = await findPython({ probe: fakeProber({ '/opt/py/bin/python3': ok(12) }), setting: ' /opt/py/bin/python3 ', platform: 'linux' });
    assert.ok(good.ok && good.python.source === 'setting');
  });

  it('says what to install when nothing is found', async () => {
    const r = await findPython({ probe: fakeProber({}), platform: 'linux' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /none was found \(tried python3, python on PATH\)\. Install Python 3/);
  });

  it('the real prober searches the PATH it is given and reads the version the interpreter reports', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-path-'));
    try {
      const none = await findPython({ env: { PATH: empty }, platform: 'linux' });
      assert.equal(none.ok, false);
      // A fake "python3" that is really a shell script printing an old version.
      fs.writeFileSync(path.join(empty, 'python3'), '#!/bin/sh\necho \'[[3, 7, 1], "/fake/python3"]\'\n', { mode: 0o755 });
      const old = await findPython({ env: { PATH: empty }, platform: 'linux' });
      assert.equal(old.ok, false);
      assert.match(old.ok ? '' : old.message, /python3 is Python 3\.7\.1/);
      const real = await defaultProber('python3', [], process.env);
      assert.ok('version' in real && real.version[0] === 3 && real.version[1] >= 9, JSON.stringify(real));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
