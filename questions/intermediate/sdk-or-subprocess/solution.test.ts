import { scaleDeployment, type AppsClient, type CommandResult, type RunCommand } from './solution';

/** A fake command runner that records every argv and answers with `result` (or rejects with `failure.value`). */
function fakeRunner(result: Partial<CommandResult> | { failure: unknown }) {
  const calls: string[][] = [];
  const run: RunCommand = async (argv) => {
    calls.push([...argv]);
    await Promise.resolve();
    if ('failure' in result) throw result.failure;
    return { exitCode: 0, stdout: '', stderr: '', ...result };
  };
  return { run, calls };
}

const deploymentJson = (replicas: unknown) =>
  JSON.stringify({ kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { replicas } });

const patchArgv = (name: string, namespace: string, replicas: number) => [
  'kubectl', 'patch', `deployment/${name}`, `--namespace=${namespace}`, '--type=merge',
  `--patch={"spec":{"replicas":${replicas}}}`, '--output=json',
];

/**
 * An SDK client class whose method needs `this`, like real generated clients. It answers with the count the
 * "server" settled on (`answer`), which is not necessarily the count requested.
 */
class FakeAppsApi implements AppsClient {
  calls: Array<[string, string, number]> = [];
  constructor(private readonly answer: (requested: number) => number = (n) => n, private readonly failure?: { value: unknown }) {}
  async scaleDeployment(namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
    this.calls.push([namespace, name, replicas]);
    await Promise.resolve();
    if (this.failure) throw this.failure.value;
    return { replicas: this.answer(replicas) };
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('scaleDeployment', () => {
  it('uses the SDK when the client has the operation, and runs no command', async () => {
    const sdk = new FakeAppsApi();
    const runner = fakeRunner({ stdout: deploymentJson(5) });
    const result = await scaleDeployment({ name: 'web', namespace: 'prod', replicas: 5 }, { sdk, run: runner.run });
    expect(result).toEqual({ via: 'sdk', replicas: 5 });
    expect(sdk.calls).toEqual([['prod', 'web', 5]]);
    expect(runner.calls).toEqual([]);
  });

  it('resolves with the count the SDK answered, not the count requested', async () => {
    const sdk = new FakeAppsApi(() => 10);
    const result = await scaleDeployment({ name: 'api', namespace: 'shop', replicas: 12 }, { sdk, run: fakeRunner({}).run });
    expect(result).toEqual({ via: 'sdk', replicas: 10 });
    expect(sdk.calls).toEqual([['shop', 'api', 12]]);
  });

  it('runs kubectl patch with an argument array when there is no SDK, and reads spec.replicas', async () => {
    const runner = fakeRunner({ stdout: deploymentJson(3) });
    const result = await scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run });
    expect(result).toEqual({ via: 'cli', replicas: 3 });
    expect(runner.calls).toEqual([patchArgv('web', 'prod', 3)]);
  });

  it('resolves with the count kubectl printed, not the count requested', async () => {
    const runner = fakeRunner({ stdout: `${deploymentJson(7)}\n` });
    const result = await scaleDeployment({ name: 'web', namespace: 'prod', replicas: 9 }, { run: runner.run });
    expect(result).toEqual({ via: 'cli', replicas: 7 });
    expect(runner.calls).toEqual([patchArgv('web', 'prod', 9)]);
  });

  it('falls back to kubectl when the SDK client is too old to have the operation', async () => {
    for (const oldClient of [{}, { scaleDeployment: undefined }] as AppsClient[]) {
      const runner = fakeRunner({ stdout: deploymentJson(2) });
      const result = await scaleDeployment({ name: 'api', namespace: 'staging', replicas: 2 }, { sdk: oldClient, run: runner.run });
      expect(result).toEqual({ via: 'cli', replicas: 2 });
      expect(runner.calls).toEqual([patchArgv('api', 'staging', 2)]);
    }
  });

  it('accepts scaling to zero, through either path', async () => {
    const sdk = new FakeAppsApi();
    await expect(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 0 }, { sdk, run: fakeRunner({}).run }))
      .resolves.toEqual({ via: 'sdk', replicas: 0 });
    expect(sdk.calls).toEqual([['prod', 'web', 0]]);
    const runner = fakeRunner({ stdout: deploymentJson(0) });
    await expect(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 0 }, { run: runner.run }))
      .resolves.toEqual({ via: 'cli', replicas: 0 });
    expect(runner.calls).toEqual([patchArgv('web', 'prod', 0)]);
  });

  it('reports a failed kubectl run with the command, its exit code and trimmed stderr', async () => {
    const runner = fakeRunner({
      exitCode: 1,
      stdout: '',
      stderr: '  \nError from server (NotFound): deployments.apps "web" not found\n',
    });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'kubectl patch deployment/web --namespace=prod --type=merge --patch={"spec":{"replicas":3}} --output=json ' +
        'exited with code 1: Error from server (NotFound): deployments.apps "web" not found',
    );
  });

  it('rejects on a non-zero exit code even when stdout looks like a good answer', async () => {
    const runner = fakeRunner({ exitCode: 2, stdout: deploymentJson(4), stderr: 'warning: partial failure' });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 4 }, { run: runner.run }));
    expect(error.message).toMatch(/ exited with code 2: warning: partial failure$/);
    expect(runner.calls).toHaveLength(1);
  });

  it.each([
    ['text instead of JSON', 'deployment.apps/web patched'],
    ['empty output', ''],
    ['JSON without spec.replicas', JSON.stringify({ kind: 'Deployment', spec: {} })],
    ['JSON without spec', JSON.stringify({ kind: 'Deployment' })],
    ['JSON with spec null', JSON.stringify({ kind: 'Deployment', spec: null })],
    ['spec.replicas as a string', deploymentJson('3')],
    ['spec.replicas null', deploymentJson(null)],
    ['JSON null', 'null'],
    ['a JSON number', '3'],
  ])('rejects unexpected kubectl output: %s', async (_label, stdout) => {
    const runner = fakeRunner({ stdout });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^unexpected kubectl output/);
  });

  it('says kubectl could not be run when the runner fails to start it, keeping the cause', async () => {
    const enoent = Object.assign(new Error('spawn kubectl ENOENT'), { code: 'ENOENT' });
    const runner = fakeRunner({ failure: enoent });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('could not run kubectl: spawn kubectl ENOENT');
    expect(error.cause).toBe(enoent);
    expect(runner.calls).toHaveLength(1);
  });

  it('wraps a runner rejection that is not an Error, keeping the value as the cause', async () => {
    const runner = fakeRunner({ failure: 'spawn EACCES' });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('could not run kubectl: spawn EACCES');
    expect(error.cause).toBe('spawn EACCES');
  });

  it('surfaces an SDK failure with context and cause, without falling back to kubectl', async () => {
    const forbidden = new Error('deployments.apps "web" is forbidden: User "ci" cannot patch');
    const sdk = new FakeAppsApi(undefined, { value: forbidden });
    const runner = fakeRunner({ stdout: deploymentJson(4) });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 4 }, { sdk, run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'scaling prod/web through the SDK failed: deployments.apps "web" is forbidden: User "ci" cannot patch',
    );
    expect(error.cause).toBe(forbidden);
    expect(sdk.calls).toEqual([['prod', 'web', 4]]);
    expect(runner.calls).toEqual([]);
  });

  it('wraps an SDK rejection that is not an Error, keeping the value as the cause', async () => {
    const sdk = new FakeAppsApi(undefined, { value: 'throttled' });
    const runner = fakeRunner({ stdout: deploymentJson(4) });
    const error = await rejection(scaleDeployment({ name: 'api', namespace: 'shop', replicas: 4 }, { sdk, run: runner.run }));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('scaling shop/api through the SDK failed: throttled');
    expect(error.cause).toBe('throttled');
    expect(runner.calls).toEqual([]);
  });

  it.each([
    ['a name that looks like an option', 'name', { name: '--all', namespace: 'prod', replicas: 1 }],
    ['a name with shell syntax', 'name', { name: 'web;reboot', namespace: 'prod', replicas: 1 }],
    ['an upper-case name', 'name', { name: 'Web', namespace: 'prod', replicas: 1 }],
    ['a name with an underscore', 'name', { name: 'web_app', namespace: 'prod', replicas: 1 }],
    ['a name with a dot', 'name', { name: 'web.app', namespace: 'prod', replicas: 1 }],
    ['a name with a trailing newline', 'name', { name: 'web\n', namespace: 'prod', replicas: 1 }],
    ['an empty name', 'name', { name: '', namespace: 'prod', replicas: 1 }],
    ['a 64-character name', 'name', { name: 'a'.repeat(64), namespace: 'prod', replicas: 1 }],
    ['a name starting with a dash', 'name', { name: '-web', namespace: 'prod', replicas: 1 }],
    ['a name ending in a dash', 'name', { name: 'web-', namespace: 'prod', replicas: 1 }],
    ['a namespace with a space', 'namespace', { name: 'web', namespace: 'prod ns', replicas: 1 }],
    ['an empty namespace', 'namespace', { name: 'web', namespace: '', replicas: 1 }],
    ['an upper-case namespace', 'namespace', { name: 'web', namespace: 'Prod', replicas: 1 }],
    ['a 64-character namespace', 'namespace', { name: 'web', namespace: 'n'.repeat(64), replicas: 1 }],
    ['a namespace starting with a dash', 'namespace', { name: 'web', namespace: '-n', replicas: 1 }],
    ['a namespace ending in a dash', 'namespace', { name: 'web', namespace: 'prod-', replicas: 1 }],
    ['negative replicas', 'replicas', { name: 'web', namespace: 'prod', replicas: -1 }],
    ['fractional replicas', 'replicas', { name: 'web', namespace: 'prod', replicas: 1.5 }],
    ['NaN replicas', 'replicas', { name: 'web', namespace: 'prod', replicas: Number.NaN }],
    ['infinite replicas', 'replicas', { name: 'web', namespace: 'prod', replicas: Number.POSITIVE_INFINITY }],
    ['replicas as a string', 'replicas', { name: 'web', namespace: 'prod', replicas: '3' as unknown as number }],
  ])('rejects %s with a RangeError naming the field, before calling anything', async (_label, field, request) => {
    const sdk = new FakeAppsApi();
    const runner = fakeRunner({ stdout: deploymentJson(1) });
    const alone = await rejection(scaleDeployment(request, { run: runner.run }));
    expect(alone).toBeInstanceOf(RangeError);
    expect(alone.message).toMatch(new RegExp(`\\b${field}\\b`, 'i'));
    await expect(scaleDeployment(request, { sdk, run: runner.run })).rejects.toThrow(RangeError);
    expect(runner.calls).toEqual([]);
    expect(sdk.calls).toEqual([]);
  });

  it('accepts a 63-character name, one-character names and digits at both ends', async () => {
    const name = `1${'a-'.repeat(30)}a9`;
    expect(name).toHaveLength(63);
    for (const [n, ns] of [[name, 'n1'], ['a', '9'], ['0', `z${'-'.repeat(61)}z`]]) {
      const runner = fakeRunner({ stdout: deploymentJson(1) });
      await expect(scaleDeployment({ name: n, namespace: ns, replicas: 1 }, { run: runner.run }))
        .resolves.toEqual({ via: 'cli', replicas: 1 });
      expect(runner.calls).toEqual([patchArgv(n, ns, 1)]);
    }
  });
});
