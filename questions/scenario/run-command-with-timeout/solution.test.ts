import { runCommand, CommandFailedError, CommandTimeoutError } from './solution';

function fakeTimers() {
  let nextId = 1;
  const pending = new Map<number, { callback: () => void; ms: number }>();
  return {
    pending,
    setTimeout(callback: () => void, ms: number): number {
      const id = nextId++;
      pending.set(id, { callback, ms });
      return id;
    },
    clearTimeout(id: number): void {
      pending.delete(id);
    },
    fireAll(): void {
      for (const [id, entry] of [...pending]) {
        pending.delete(id);
        entry.callback();
      }
    },
  };
}

function fakeProcesses(spawnError?: Error) {
  const spawned: { command: string; args: readonly string[] }[] = [];
  const kills: string[] = [];
  const outs: ((chunk: string) => void)[] = [];
  const errs: ((chunk: string) => void)[] = [];
  const exits: ((code: number) => void)[] = [];
  const api = {
    spawn(command: string, args: readonly string[]) {
      if (spawnError) throw spawnError;
      spawned.push({ command, args });
      return {
        onStdout: (l: (chunk: string) => void) => { outs.push(l); },
        onStderr: (l: (chunk: string) => void) => { errs.push(l); },
        onExit: (l: (code: number) => void) => { exits.push(l); },
        kill: (signal: string) => { kills.push(signal); },
      };
    },
  };
  return {
    api,
    spawned,
    kills,
    stdout: (chunk: string) => outs.forEach((l) => l(chunk)),
    stderr: (chunk: string) => errs.forEach((l) => l(chunk)),
    exit: (code: number) => exits.forEach((l) => l(code)),
  };
}

const opts = { timeoutMs: 30_000, maxOutputChars: 1_000 };

describe('runCommand', () => {
  it('resolves with the exit code and the captured output of a successful command', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'kubectl', ['get', 'pods', '-o', 'name'], opts);
    procs.stdout('pod/web-1\n');
    procs.stdout('pod/web-2\n');
    procs.stderr('warning: context is prod\n');
    procs.exit(0);
    await expect(run).resolves.toEqual({
      code: 0,
      stdout: 'pod/web-1\npod/web-2\n',
      stderr: 'warning: context is prod\n',
      truncated: false,
    });
    expect(procs.spawned).toEqual([{ command: 'kubectl', args: ['get', 'pods', '-o', 'name'] }]);
  });

  it('starts the deadline with timeoutMs and clears it when the command exits', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'terraform', ['plan'], { ...opts, timeoutMs: 12_345 });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([12_345]);
    procs.exit(0);
    await run;
    expect(timers.pending.size).toBe(0);
    timers.fireAll();
    expect(procs.kills).toEqual([]);
  });

  it('kills the process with SIGTERM and rejects with CommandTimeoutError when the deadline passes', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'terraform', ['apply', '-auto-approve'], { ...opts, timeoutMs: 600_000 });
    procs.stdout('Still creating... [10m0s elapsed]\n');
    timers.fireAll();
    procs.exit(143);
    await expect(run).rejects.toBeInstanceOf(CommandTimeoutError);
    await expect(run).rejects.toMatchObject({ name: 'CommandTimeoutError', command: 'terraform apply -auto-approve', timeoutMs: 600_000 });
    await expect(run).rejects.toThrow(/terraform apply -auto-approve/);
    await expect(run).rejects.toThrow(/600000/);
    expect(procs.kills).toEqual(['SIGTERM']);
  });

  it('ignores everything the child does after the deadline fired, even a clean exit', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'kubectl', ['rollout', 'status', 'deploy/web'], { ...opts, timeoutMs: 90_000 });
    timers.fireAll();
    expect(procs.kills).toEqual(['SIGTERM']);
    procs.stdout('deployment "web" successfully rolled out\n');
    procs.stderr('late\n');
    procs.exit(0);
    await expect(run).rejects.toBeInstanceOf(CommandTimeoutError);
    await expect(run).rejects.toMatchObject({ command: 'kubectl rollout status deploy/web', timeoutMs: 90_000 });
    expect(procs.kills).toEqual(['SIGTERM']);
  });

  it('does not kill or time out once the command has exited, even with check false and a failing code', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'diff', ['a.yaml', 'b.yaml'], { ...opts, check: false });
    procs.stdout('< replicas: 2\n');
    procs.exit(1);
    expect(timers.pending.size).toBe(0);
    timers.fireAll();
    await expect(run).resolves.toEqual({ code: 1, stdout: '< replicas: 2\n', stderr: '', truncated: false });
    expect(procs.kills).toEqual([]);
  });

  it('rejects a failing command with check: true given explicitly', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'helm', ['lint'], { ...opts, check: true });
    procs.stderr('Error: 1 chart(s) linted, 1 chart(s) failed\n');
    procs.exit(1);
    await expect(run).rejects.toMatchObject({ command: 'helm lint', code: 1, stderrTail: 'Error: 1 chart(s) linted, 1 chart(s) failed' });
  });

  it('names a command without arguments without a trailing space, and gives an empty tail when stderr is empty', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'make', [], opts);
    procs.stdout('building\n');
    procs.exit(2);
    await expect(run).rejects.toBeInstanceOf(CommandFailedError);
    await expect(run).rejects.toMatchObject({ command: 'make', code: 2, stderrTail: '' });
    await expect(run).rejects.toThrow(/exit code 2/);
  });

  it('keeps fewer than three lines as they are and skips blank and whitespace-only lines', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'terraform', ['validate'], opts);
    procs.stderr('  Error: Missing required argument\n   \n\t\n\n  on main.tf line 3:\n \n');
    procs.exit(1);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderrTail: '  Error: Missing required argument\n  on main.tf line 3:',
    });
  });

  it('takes the tail from the capped stderr', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'ansible-playbook', ['site.yml'], { ...opts, maxOutputChars: 16 });
    procs.stderr('first line\nsecond line\nthird\nfourth\n');
    procs.exit(4);
    await expect(run).rejects.toMatchObject({ code: 4, stderrTail: 'ne\nthird\nfourth' });
  });

  it('does not report truncation when a stream exactly fills the cap', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'cat', ['small.txt'], { ...opts, maxOutputChars: 10 });
    procs.stdout('abcde');
    procs.stdout('fghij');
    procs.stdout('');
    procs.stderr('0123456789');
    procs.exit(0);
    await expect(run).resolves.toEqual({ code: 0, stdout: 'abcdefghij', stderr: '0123456789', truncated: false });
  });

  it('reports truncation when only stderr went over the cap, keeping its last characters', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'npm', ['ci'], { ...opts, maxOutputChars: 10 });
    procs.stdout('ok\n');
    procs.stderr('0123456');
    procs.stderr('789X');
    procs.exit(0);
    await expect(run).resolves.toEqual({ code: 0, stdout: 'ok\n', stderr: '123456789X', truncated: true });
  });

  it('reports truncation when only stdout went over the cap by one character', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'cat', ['big.txt'], { ...opts, maxOutputChars: 10 });
    procs.stdout('abcdefghijk');
    procs.stderr('warn');
    procs.exit(0);
    await expect(run).resolves.toEqual({ code: 0, stdout: 'abcdefghij', stderr: 'warn', truncated: true });
  });

  it('keeps nothing of either stream when maxOutputChars is 0', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'yes', [], { ...opts, maxOutputChars: 0 });
    procs.stdout('y\n');
    procs.stderr('noise\n');
    procs.exit(0);
    await expect(run).resolves.toEqual({ code: 0, stdout: '', stderr: '', truncated: true });
  });

  it('rejects a non-zero exit with the command, the code and the last three stderr lines', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'git', ['push', 'origin', 'main'], opts);
    procs.stderr('To github.com:acme/infra.git\n');
    procs.stderr(' ! [rejected]        main -> main (fetch first)\n\n');
    procs.stderr('error: failed to push some refs\nhint: Updates were rejected\n');
    procs.exit(1);
    await expect(run).rejects.toBeInstanceOf(CommandFailedError);
    await expect(run).rejects.toMatchObject({
      name: 'CommandFailedError',
      command: 'git push origin main',
      code: 1,
      stderrTail: ' ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs\nhint: Updates were rejected',
    });
    await expect(run).rejects.toThrow(/git push origin main/);
    await expect(run).rejects.toThrow(/exit code 1/);
    await expect(run).rejects.toThrow(/failed to push some refs/);
    expect(timers.pending.size).toBe(0);
  });

  it('resolves a non-zero exit when check is false', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'grep', ['-q', 'ERROR', 'app.log'], { ...opts, check: false });
    procs.exit(1);
    await expect(run).resolves.toEqual({ code: 1, stdout: '', stderr: '', truncated: false });
  });

  it('keeps only the first maxOutputChars of stdout and reports truncation', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'journalctl', ['-u', 'web'], { ...opts, maxOutputChars: 10 });
    procs.stdout('abcdef');
    procs.stdout('ghijkl');
    procs.stdout('mnop');
    procs.exit(0);
    const result = await run;
    expect(result.stdout).toBe('abcdefghij');
    expect(result.truncated).toBe(true);
  });

  it('keeps the last maxOutputChars of stderr, so the real error survives the cap', async () => {
    const procs = fakeProcesses();
    const timers = fakeTimers();
    const run = runCommand(procs.api, timers, 'make', ['deploy'], { ...opts, maxOutputChars: 40 });
    procs.stderr('noise '.repeat(50));
    procs.stderr('\nFATAL: cluster unreachable\n');
    procs.exit(2);
    await expect(run).rejects.toMatchObject({ code: 2 });
    await expect(run).rejects.toThrow(/FATAL: cluster unreachable/);
  });

  it('rejects (without throwing synchronously) when the command cannot be started', async () => {
    const spawnError = new Error('spawn helm ENOENT');
    const procs = fakeProcesses(spawnError);
    const timers = fakeTimers();
    let run: Promise<unknown> | undefined;
    expect(() => { run = runCommand(procs.api, timers, 'helm', ['list'], opts); }).not.toThrow();
    await expect(run).rejects.toBe(spawnError);
    expect(timers.pending.size).toBe(0);
  });
});
