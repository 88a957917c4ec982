import { runSteps, type Step } from './solution';

const tick = () => Promise.resolve();

/** A step that records when it starts and ends, and can fail. */
function step(name: string, events: string[], extra: Partial<Step> & { fail?: unknown } = {}): Step {
  const { fail, ...rest } = extra;
  return {
    name,
    run: async () => {
      events.push(`start ${name}`);
      await tick();
      if (fail !== undefined) throw fail;
      events.push(`end ${name}`);
    },
    ...rest,
  };
}

describe('runSteps', () => {
  it('runs every applicable step in order and reports success', async () => {
    const events: string[] = [];
    const report = await runSteps([step('build', events), step('push', events), step('restart', events)], 'prod');
    expect(report).toEqual({ ran: ['build', 'push', 'restart'], skipped: [], failed: null, notRun: [], ok: true });
  });

  it('finishes each step before starting the next one', async () => {
    const events: string[] = [];
    await runSteps([step('build', events), step('push', events)], 'prod');
    expect(events).toEqual(['start build', 'end build', 'start push', 'end push']);
  });

  it('skips disabled steps and steps for other environments, and keeps going', async () => {
    const events: string[] = [];
    const report = await runSteps(
      [
        step('build', events),
        step('migrate', events, { enabled: false }),
        step('seed-demo-data', events, { onlyIn: ['dev', 'staging'] }),
        step('push', events, { onlyIn: ['prod'] }),
        step('restart', events, { enabled: true }),
      ],
      'prod',
    );
    expect(report).toEqual({
      ran: ['build', 'push', 'restart'],
      skipped: ['migrate', 'seed-demo-data'],
      failed: null,
      notRun: [],
      ok: true,
    });
    expect(events).not.toContain('start migrate');
    expect(events).not.toContain('start seed-demo-data');
  });

  it('treats an empty onlyIn list as "no environment"', async () => {
    const events: string[] = [];
    const report = await runSteps([step('parked', events, { onlyIn: [] }), step('build', events)], 'prod');
    expect(report.skipped).toEqual(['parked']);
    expect(report.ran).toEqual(['build']);
  });

  it('stops at the first failure and lists every later step as not run', async () => {
    const events: string[] = [];
    const report = await runSteps(
      [
        step('build', events),
        step('lint', events, { enabled: false }),
        step('migrate', events, { fail: new Error('lock timeout on table orders') }),
        step('push', events),
        step('notify', events, { enabled: false }),
        step('restart', events, { onlyIn: ['staging'] }),
      ],
      'prod',
    );
    expect(report).toEqual({
      ran: ['build'],
      skipped: ['lint'],
      failed: { step: 'migrate', error: 'lock timeout on table orders' },
      notRun: ['push', 'notify', 'restart'],
      ok: false,
    });
    expect(events).toEqual(['start build', 'end build', 'start migrate']);
  });

  it('treats synchronous throws and non-Error values as failures', async () => {
    const report = await runSteps(
      [
        { name: 'check-disk', run: () => { throw 'disk 97% full'; } },
        { name: 'deploy', run: () => undefined },
      ],
      'prod',
    );
    expect(report.failed).toEqual({ step: 'check-disk', error: 'disk 97% full' });
    expect(report.ran).toEqual([]);
    expect(report.notRun).toEqual(['deploy']);
    expect(report.ok).toBe(false);
  });

  it('reports a non-Error failure as String(value), even when it looks like an error', async () => {
    const cases: [unknown, string][] = [
      [42, '42'],
      [undefined, 'undefined'],
      [null, 'null'],
      [{ message: 'looks like an error' }, '[object Object]'],
      [new Error(''), ''],
      [new RangeError('replicas out of range'), 'replicas out of range'],
    ];
    for (const [value, text] of cases) {
      const report = await runSteps(
        [{ name: 'push', run: () => Promise.reject(value) }, { name: 'restart', run: () => undefined }],
        'prod',
      );
      expect(report.failed).toEqual({ step: 'push', error: text });
      expect(report.notRun).toEqual(['restart']);
      expect(report.ok).toBe(false);
    }
  });

  it('matches onlyIn entries against the environment exactly', async () => {
    const events: string[] = [];
    const report = await runSteps(
      [
        step('prod-only', events, { onlyIn: ['production', 'Prod'] }),
        step('prod-too', events, { onlyIn: ['staging', 'prod'] }),
      ],
      'prod',
    );
    expect(report.skipped).toEqual(['prod-only']);
    expect(report.ran).toEqual(['prod-too']);
  });

  it('runs each step exactly once', async () => {
    let calls = 0;
    const report = await runSteps([{ name: 'migrate', run: () => { calls++; } }], 'dev');
    expect(calls).toBe(1);
    expect(report.ran).toEqual(['migrate']);
  });

  it('reports an empty notRun when the last step fails', async () => {
    const events: string[] = [];
    const report = await runSteps(
      [step('build', events), step('smoke-test', events, { fail: new Error('HTTP 503 from /health') })],
      'prod',
    );
    expect(report.ran).toEqual(['build']);
    expect(report.failed).toEqual({ step: 'smoke-test', error: 'HTTP 503 from /health' });
    expect(report.notRun).toEqual([]);
  });

  it('returns an empty, successful report for no steps', async () => {
    await expect(runSteps([], 'prod')).resolves.toEqual({ ran: [], skipped: [], failed: null, notRun: [], ok: true });
  });

  it('rejects duplicate step names before running anything', async () => {
    const events: string[] = [];
    await expect(
      runSteps([step('build', events), step('push', events), step('build', events)], 'prod'),
    ).rejects.toThrow('build');
    expect(events).toEqual([]);
  });

  it('rejects with an Error even when the duplicates would be skipped, and only for true duplicates', async () => {
    const events: string[] = [];
    const run = runSteps(
      [step('build', events), step('notify', events, { enabled: false }), step('notify', events, { onlyIn: [] })],
      'prod',
    );
    await expect(run).rejects.toBeInstanceOf(Error);
    await expect(run).rejects.toThrow('notify');
    expect(events).toEqual([]);
    const report = await runSteps([step('Build', events), step('build', events)], 'prod');
    expect(report.ran).toEqual(['Build', 'build']);
  });
});
