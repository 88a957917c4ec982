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
    await expect(run).rejects.toMatchObject({ command: 'terraform apply -auto-approve', timeoutMs: 600_000 });
    await expect(run).rejects.toThrow(/terraform apply -auto-approve.*600000/);
    expect(procs.kills).toEqual(['SIGTERM']);
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
    const procs = fakeProcesses(new Error('spawn helm ENOENT'));
    const timers = fakeTimers();
    let run: Promise<unknown> | undefined;
    expect(() => { run = runCommand(procs.api, timers, 'helm', ['list'], opts); }).not.toThrow();
    await expect(run).rejects.toThrow(/ENOENT/);
    expect(timers.pending.size).toBe(0);
  });
});
