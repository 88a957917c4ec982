import { scaleDeployment, type AppsClient, type CommandResult, type RunCommand } from './solution';

/** A fake command runner that records every argv and answers with `result` (or throws `failure`). */
function fakeRunner(result: Partial<CommandResult> | Error) {
  const calls: string[][] = [];
  const run: RunCommand = async (argv) => {
    calls.push([...argv]);
    await Promise.resolve();
    if (result instanceof Error) throw result;
    return { exitCode: 0, stdout: '', stderr: '', ...result };
  };
  return { run, calls };
}

const deploymentJson = (replicas: number) =>
  JSON.stringify({ kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { replicas } });

/** An SDK client class whose method needs `this`, like real generated clients. */
class FakeAppsApi implements AppsClient {
  calls: Array<[string, string, number]> = [];
  constructor(private readonly failure?: Error) {}
  async scaleDeployment(namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
    this.calls.push([namespace, name, replicas]);
    await Promise.resolve();
    if (this.failure) throw this.failure;
    return { replicas };
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

  it('runs kubectl with an argument array when there is no SDK, and reads spec.replicas', async () => {
    const runner = fakeRunner({ stdout: deploymentJson(3) });
    const result = await scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run });
    expect(result).toEqual({ via: 'cli', replicas: 3 });
    expect(runner.calls).toEqual([
      ['kubectl', 'scale', 'deployment/web', '--namespace=prod', '--replicas=3', '--output=json'],
    ]);
  });

  it('falls back to kubectl when the SDK client is too old to have the operation', async () => {
    const oldClient: AppsClient = {};
    const runner = fakeRunner({ stdout: deploymentJson(2) });
    const result = await scaleDeployment({ name: 'api', namespace: 'staging', replicas: 2 }, { sdk: oldClient, run: runner.run });
    expect(result).toEqual({ via: 'cli', replicas: 2 });
    expect(runner.calls[0]).toEqual(['kubectl', 'scale', 'deployment/api', '--namespace=staging', '--replicas=2', '--output=json']);
  });

  it('accepts scaling to zero, through either path', async () => {
    const sdk = new FakeAppsApi();
    await expect(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 0 }, { sdk, run: fakeRunner({}).run }))
      .resolves.toEqual({ via: 'sdk', replicas: 0 });
    const runner = fakeRunner({ stdout: deploymentJson(0) });
    await expect(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 0 }, { run: runner.run }))
      .resolves.toEqual({ via: 'cli', replicas: 0 });
    expect(runner.calls[0]).toContain('--replicas=0');
  });

  it('reports a failed kubectl run with the command, its exit code and stderr', async () => {
    const runner = fakeRunner({
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "web" not found\n',
    });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error.message).toBe(
      'kubectl scale deployment/web --namespace=prod --replicas=3 --output=json exited with code 1: ' +
        'Error from server (NotFound): deployments.apps "web" not found',
    );
  });

  it.each([
    ['text instead of JSON', 'deployment.apps/web scaled'],
    ['JSON without spec.replicas', JSON.stringify({ kind: 'Deployment', spec: {} })],
    ['JSON null', 'null'],
  ])('rejects unexpected kubectl output: %s', async (_label, stdout) => {
    const runner = fakeRunner({ stdout });
    await expect(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }))
      .rejects.toThrow(/^unexpected kubectl output/);
  });

  it('says kubectl could not be run when the runner fails to start it, keeping the cause', async () => {
    const enoent = Object.assign(new Error('spawn kubectl ENOENT'), { code: 'ENOENT' });
    const runner = fakeRunner(enoent);
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 3 }, { run: runner.run }));
    expect(error.message).toBe('could not run kubectl: spawn kubectl ENOENT');
    expect(error.cause).toBe(enoent);
  });

  it('surfaces an SDK failure with context and cause, without falling back to kubectl', async () => {
    const forbidden = new Error('deployments.apps "web" is forbidden: User "ci" cannot patch');
    const sdk = new FakeAppsApi(forbidden);
    const runner = fakeRunner({ stdout: deploymentJson(4) });
    const error = await rejection(scaleDeployment({ name: 'web', namespace: 'prod', replicas: 4 }, { sdk, run: runner.run }));
    expect(error.message).toBe(
      'scaling prod/web through the SDK failed: deployments.apps "web" is forbidden: User "ci" cannot patch',
    );
    expect(error.cause).toBe(forbidden);
    expect(runner.calls).toEqual([]);
  });

  it.each([
    ['a name that looks like an option', { name: '--all', namespace: 'prod', replicas: 1 }],
    ['a name with shell syntax', { name: 'web;reboot', namespace: 'prod', replicas: 1 }],
    ['an upper-case name', { name: 'Web', namespace: 'prod', replicas: 1 }],
    ['a name with an underscore', { name: 'web_app', namespace: 'prod', replicas: 1 }],
    ['an empty name', { name: '', namespace: 'prod', replicas: 1 }],
    ['a 64-character name', { name: 'a'.repeat(64), namespace: 'prod', replicas: 1 }],
    ['a name ending in a dash', { name: 'web-', namespace: 'prod', replicas: 1 }],
    ['a namespace with a space', { name: 'web', namespace: 'prod ns', replicas: 1 }],
    ['negative replicas', { name: 'web', namespace: 'prod', replicas: -1 }],
    ['fractional replicas', { name: 'web', namespace: 'prod', replicas: 1.5 }],
    ['NaN replicas', { name: 'web', namespace: 'prod', replicas: Number.NaN }],
  ])('rejects %s with a RangeError before calling anything', async (_label, request) => {
    const sdk = new FakeAppsApi();
    const runner = fakeRunner({ stdout: deploymentJson(1) });
    await expect(scaleDeployment(request, { run: runner.run })).rejects.toThrow(RangeError);
    await expect(scaleDeployment(request, { sdk, run: runner.run })).rejects.toThrow(RangeError);
    expect(runner.calls).toEqual([]);
    expect(sdk.calls).toEqual([]);
  });

  it('accepts a 63-character name and digits at both ends', async () => {
    const runner = fakeRunner({ stdout: deploymentJson(1) });
    const name = `1${'a-'.repeat(30)}a9`;
    expect(name).toHaveLength(63);
    await expect(scaleDeployment({ name, namespace: 'n1', replicas: 1 }, { run: runner.run }))
      .resolves.toEqual({ via: 'cli', replicas: 1 });
  });
});
