import { makeRestartJobs } from './solution';

/** A fake restart: records each call and answers with a token the job must pass back. */
function restarter() {
  const calls: [string, string][] = [];
  const restart = (service: string, step: string): string => {
    calls.push([service, step]);
    return `token-${calls.length}`;
  };
  return { calls, restart };
}

describe('makeRestartJobs', () => {
  it('makes one job per service, named after it, in order', () => {
    const r = restarter();
    const jobs = makeRestartJobs(['web', 'worker', 'cron'], r.restart);
    expect(jobs.map((job) => job.name)).toEqual(['web', 'worker', 'cron']);
  });

  it('each job restarts its own service with its position and the count, and returns what restart returns', () => {
    const r = restarter();
    const jobs = makeRestartJobs(['web', 'worker', 'cron'], r.restart);
    expect(jobs[0]!.run()).toBe('token-1');
    expect(jobs[1]!.run()).toBe('token-2');
    expect(jobs[2]!.run()).toBe('token-3');
    expect(r.calls).toEqual([
      ['web', '1/3'],
      ['worker', '2/3'],
      ['cron', '3/3'],
    ]);
  });

  it('does not call restart while making the jobs', () => {
    const r = restarter();
    makeRestartJobs(['web', 'worker'], r.restart);
    expect(r.calls).toEqual([]);
  });

  it('restarts the right service whatever order the jobs run in', () => {
    const r = restarter();
    const jobs = makeRestartJobs(['a', 'b', 'c', 'd'], r.restart);
    jobs[3]!.run();
    jobs[0]!.run();
    jobs[2]!.run();
    jobs[1]!.run();
    expect(r.calls).toEqual([
      ['d', '4/4'],
      ['a', '1/4'],
      ['c', '3/4'],
      ['b', '2/4'],
    ]);
  });

  it('calls restart once on every run, also when a job runs again', () => {
    const r = restarter();
    const [web, worker] = makeRestartJobs(['web', 'worker'], r.restart);
    expect(web!.run()).toBe('token-1');
    expect(web!.run()).toBe('token-2');
    expect(worker!.run()).toBe('token-3');
    expect(web!.run()).toBe('token-4');
    expect(r.calls).toEqual([
      ['web', '1/2'],
      ['web', '1/2'],
      ['worker', '2/2'],
      ['web', '1/2'],
    ]);
  });

  it('keeps the services and steps of the call when the caller empties the array afterwards', () => {
    const r = restarter();
    const services = ['api', 'billing', 'search'];
    const jobs = makeRestartJobs(services, r.restart);
    services.length = 0;
    expect(jobs.map((job) => job.name)).toEqual(['api', 'billing', 'search']);
    for (const job of jobs) job.run();
    expect(r.calls).toEqual([
      ['api', '1/3'],
      ['billing', '2/3'],
      ['search', '3/3'],
    ]);
  });

  it('keeps the services and steps of the call when the caller changes or grows the array afterwards', () => {
    const r = restarter();
    const services = ['api', 'billing'];
    const jobs = makeRestartJobs(services, r.restart);
    services[0] = 'changed';
    services.push('added', 'more');
    services.reverse();
    expect(jobs).toHaveLength(2);
    jobs[0]!.run();
    jobs[1]!.run();
    expect(r.calls).toEqual([
      ['api', '1/2'],
      ['billing', '2/2'],
    ]);
  });

  it('leaves the services array as it was', () => {
    const services = ['api', 'billing', 'search'];
    const jobs = makeRestartJobs(services, restarter().restart);
    expect(services).toEqual(['api', 'billing', 'search']);
    for (const job of jobs) job.run();
    expect(services).toEqual(['api', 'billing', 'search']);
  });

  it('gives each of two identical service names its own job and step', () => {
    const r = restarter();
    const jobs = makeRestartJobs(['web', 'web'], r.restart);
    jobs[1]!.run();
    jobs[0]!.run();
    expect(r.calls).toEqual([
      ['web', '2/2'],
      ['web', '1/2'],
    ]);
  });

  it('handles one service and no services', () => {
    const r = restarter();
    const jobs = makeRestartJobs(['solo'], r.restart);
    expect(jobs.map((job) => job.name)).toEqual(['solo']);
    expect(jobs[0]!.run()).toBe('token-1');
    expect(r.calls).toEqual([['solo', '1/1']]);
    expect(makeRestartJobs([], r.restart)).toEqual([]);
  });

  it('numbers a long list with two-digit positions', () => {
    const r = restarter();
    const services = Array.from({ length: 12 }, (_, i) => `svc-${i + 1}`);
    const jobs = makeRestartJobs(services, r.restart);
    jobs[11]!.run();
    jobs[9]!.run();
    expect(r.calls).toEqual([
      ['svc-12', '12/12'],
      ['svc-10', '10/12'],
    ]);
  });

  it('each job uses the restart function it was made with', () => {
    const first = restarter();
    const second = restarter();
    const a = makeRestartJobs(['x'], first.restart);
    const b = makeRestartJobs(['y', 'z'], second.restart);
    a[0]!.run();
    b[1]!.run();
    expect(first.calls).toEqual([['x', '1/1']]);
    expect(second.calls).toEqual([['z', '2/2']]);
  });
});
