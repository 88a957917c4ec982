import { collectMetrics, type HttpClient, type HttpResponse } from './solution';

/** A reply: a status with a body (objects are sent as JSON, strings as they are), or a network failure. */
type Reply = { status: number; body?: unknown } | { fail: string };

/**
 * A fake API. Each path has one reply, or a list of replies used in turn (the last one repeats).
 * Unknown paths answer 404. `events` interleaves log lines and calls (`call <path>`).
 */
function fakeApi(routes: Record<string, Reply | Reply[]>) {
  const events: string[] = [];
  const calls: string[] = [];
  const used = new Map<string, number>();
  const load = { inFlight: 0, max: 0 };
  const http: HttpClient = {
    async get(path: string): Promise<HttpResponse> {
      events.push(`call ${path}`);
      calls.push(path);
      load.inFlight++;
      load.max = Math.max(load.max, load.inFlight);
      try {
        return await answer(path);
      } finally {
        load.inFlight--;
      }
    },
  };
  async function answer(path: string): Promise<HttpResponse> {
    const route = routes[path] ?? { status: 404, body: { error: 'no route' } };
    const list = Array.isArray(route) ? route : [route];
    const n = used.get(path) ?? 0;
    used.set(path, n + 1);
    const reply = list[Math.min(n, list.length - 1)];
    for (let i = 0; i < 3; i++) await Promise.resolve();
    if ('fail' in reply) throw new Error(reply.fail);
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
    return { status: reply.status, body };
  }
  const logs: string[] = [];
  const log = (line: string) => {
    events.push(line);
    logs.push(line);
  };
  const count = (path: string) => calls.filter((c) => c === path).length;
  return { http, events, calls, logs, log, count, load };
}

/** What a promise rejects with (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

const ok = (body: unknown): Reply => ({ status: 200, body });

const happyRoutes = (): Record<string, Reply | Reply[]> => ({
  '/users': ok(['alice', 'bob']),
  '/users/alice': ok({ id: 'alice', hosts: ['web-1', 'web-2'] }),
  '/users/bob': ok({ id: 'bob', hosts: ['db-1'] }),
  '/hosts/web-1/metrics': ok({ cpu: 0.25 }),
  '/hosts/web-2/metrics': ok({ cpu: 0.5 }),
  '/hosts/db-1/metrics': ok({ cpu: 0.75 }),
});

describe('collectMetrics', () => {
  it('walks users -> details -> metrics in order and returns one row per host', async () => {
    const api = fakeApi(happyRoutes());
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(outcome).toEqual({
      rows: [
        { user: 'alice', host: 'web-1', cpu: 0.25 },
        { user: 'alice', host: 'web-2', cpu: 0.5 },
        { user: 'bob', host: 'db-1', cpu: 0.75 },
      ],
      skipped: [],
    });
    expect(api.calls).toEqual([
      '/users',
      '/users/alice',
      '/hosts/web-1/metrics',
      '/hosts/web-2/metrics',
      '/users/bob',
      '/hosts/db-1/metrics',
    ]);
    expect(api.load.max).toBe(1);
  });

  it('makes one request at a time, even for the hosts of one user', async () => {
    const api = fakeApi({
      '/users': ok(['alice']),
      '/users/alice': ok({ id: 'alice', hosts: ['web-1', 'web-2', 'web-3'] }),
      '/hosts/web-1/metrics': ok({ cpu: 0.1 }),
      '/hosts/web-2/metrics': [{ status: 503, body: '' }, ok({ cpu: 0.2 })],
      '/hosts/web-3/metrics': ok({ cpu: 0.3 }),
    });
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.load.max).toBe(1);
    expect(api.calls).toEqual([
      '/users',
      '/users/alice',
      '/hosts/web-1/metrics',
      '/hosts/web-2/metrics',
      '/hosts/web-2/metrics',
      '/hosts/web-3/metrics',
    ]);
    expect(outcome.rows.map((r) => r.cpu)).toEqual([0.1, 0.2, 0.3]);
  });

  it('logs each skip when it happens, before the next request', async () => {
    const api = fakeApi({
      '/users': ok(['alice', 'bob']),
      '/users/alice': { status: 404, body: '' },
      '/users/bob': ok({ id: 'bob', hosts: ['db-1'] }),
      '/hosts/db-1/metrics': ok('not json'),
    });
    await collectMetrics(api.http, { log: api.log });
    expect(api.events.filter((e) => e.startsWith('call ') || e.startsWith('skip '))).toEqual([
      'call /users',
      'call /users/alice',
      'skip /users/alice: not found',
      'call /users/bob',
      'call /hosts/db-1/metrics',
      'skip /hosts/db-1/metrics: invalid JSON',
    ]);
  });

  it('skips a user whose details are not found: no retry and no metrics calls for them', async () => {
    const routes = happyRoutes();
    routes['/users/alice'] = { status: 404, body: { error: 'gone' } };
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/users/alice')).toBe(1);
    expect(api.calls).not.toContain('/hosts/web-1/metrics');
    expect(api.calls).not.toContain('/hosts/web-2/metrics');
    expect(outcome.rows).toEqual([{ user: 'bob', host: 'db-1', cpu: 0.75 }]);
    expect(outcome.skipped).toEqual([{ path: '/users/alice', reason: 'not found' }]);
    expect(api.logs).toContain('skip /users/alice: not found');
  });

  it('never requests metrics for a failed user, even right after a successful one', async () => {
    const api = fakeApi({
      '/users': ok(['alice', 'bob', 'carol']),
      '/users/alice': ok({ id: 'alice', hosts: ['web-1'] }),
      '/users/bob': { status: 500, body: 'boom' },
      '/users/carol': ok({ id: 'carol', hosts: ['db-1'] }),
      '/hosts/web-1/metrics': ok({ cpu: 0.25 }),
      '/hosts/db-1/metrics': ok({ cpu: 0.75 }),
    });
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.calls).toEqual([
      '/users',
      '/users/alice',
      '/hosts/web-1/metrics',
      '/users/bob',
      '/users/bob',
      '/users/bob',
      '/users/carol',
      '/hosts/db-1/metrics',
    ]);
    expect(outcome.rows).toEqual([
      { user: 'alice', host: 'web-1', cpu: 0.25 },
      { user: 'carol', host: 'db-1', cpu: 0.75 },
    ]);
    expect(outcome.skipped).toEqual([{ path: '/users/bob', reason: 'HTTP 500 after 3 attempts' }]);
  });

  it('retries a 500 and uses the answer that follows', async () => {
    const routes = happyRoutes();
    routes['/hosts/web-2/metrics'] = [{ status: 500, body: 'oops' }, ok({ cpu: 0.5 })];
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/hosts/web-2/metrics')).toBe(2);
    expect(outcome.rows).toContainEqual({ user: 'alice', host: 'web-2', cpu: 0.5 });
    expect(outcome.skipped).toEqual([]);
    expect(api.logs.filter((l) => l.startsWith('skip '))).toEqual([]);
  });

  it('gives up after maxAttempts server errors and skips everything that depends on that call', async () => {
    const routes = happyRoutes();
    routes['/users/alice'] = { status: 503, body: 'unavailable' };
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/users/alice')).toBe(3);
    expect(api.calls.filter((c) => c.startsWith('/hosts/web'))).toEqual([]);
    expect(outcome.skipped).toEqual([{ path: '/users/alice', reason: 'HTTP 503 after 3 attempts' }]);
    expect(outcome.rows).toEqual([{ user: 'bob', host: 'db-1', cpu: 0.75 }]);
  });

  it('retries a network failure like a server error', async () => {
    const routes = happyRoutes();
    routes['/hosts/db-1/metrics'] = [{ fail: 'ECONNRESET' }, { fail: 'ECONNRESET' }, { fail: 'ECONNRESET' }];
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log, maxAttempts: 3 });
    expect(api.count('/hosts/db-1/metrics')).toBe(3);
    expect(api.logs).toContain('skip /hosts/db-1/metrics: ECONNRESET after 3 attempts');
    expect(outcome.skipped).toEqual([{ path: '/hosts/db-1/metrics', reason: 'ECONNRESET after 3 attempts' }]);
    expect(outcome.rows).toHaveLength(2);
  });

  it('logs and skips a body that is not JSON, without retrying, and keeps the other hosts', async () => {
    const routes = happyRoutes();
    routes['/hosts/web-1/metrics'] = { status: 200, body: '<html>502 Bad Gateway</html>' };
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/hosts/web-1/metrics')).toBe(1);
    expect(outcome.skipped).toEqual([{ path: '/hosts/web-1/metrics', reason: 'invalid JSON' }]);
    expect(api.logs).toContain('skip /hosts/web-1/metrics: invalid JSON');
    expect(outcome.rows.map((r) => r.host)).toEqual(['web-2', 'db-1']);
  });

  it.each([
    ['details without a hosts list', '/users/alice', ok({ id: 'alice' })],
    ['hosts that are not strings', '/users/alice', ok({ id: 'alice', hosts: [1, 2] })],
    ['details that are JSON null', '/users/alice', ok(null)],
    ['hosts given as one string', '/users/alice', ok({ id: 'alice', hosts: 'web-1' })],
    ['details that are an array', '/users/alice', ok([{ id: 'alice', hosts: ['web-1'] }])],
    ['hosts mixing strings and null', '/users/alice', ok({ id: 'alice', hosts: ['web-1', null] })],
    ['a cpu value that is a string', '/hosts/web-1/metrics', ok({ cpu: '25%' })],
    ['a cpu value that is a numeric string', '/hosts/web-1/metrics', ok({ cpu: '0.4' })],
    ['a cpu value that is null', '/hosts/web-1/metrics', ok({ cpu: null })],
    ['metrics that are a bare number', '/hosts/web-1/metrics', ok(0.25)],
    ['metrics that are JSON null', '/hosts/web-1/metrics', ok(null)],
    ['metrics without cpu', '/hosts/web-1/metrics', ok({ load: 0.25 })],
  ])('skips %s as an unexpected body, without retrying', async (_label, path, reply) => {
    const routes = happyRoutes();
    routes[path] = reply;
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count(path)).toBe(1);
    expect(outcome.skipped).toEqual([{ path, reason: 'unexpected body' }]);
  });

  it('logs the skips in order, each after its last attempt', async () => {
    const api = fakeApi({
      '/users': ok(['alice', 'bob']),
      '/users/alice': [{ fail: 'ECONNRESET' }, { status: 502, body: '' }],
      '/users/bob': { status: 403, body: '' },
    });
    const outcome = await collectMetrics(api.http, { log: api.log, maxAttempts: 2 });
    expect(api.events.filter((e) => e.startsWith('call ') || e.startsWith('skip '))).toEqual([
      'call /users',
      'call /users/alice', 'call /users/alice',
      'skip /users/alice: HTTP 502 after 2 attempts',
      'call /users/bob',
      'skip /users/bob: HTTP 403',
    ]);
    expect(outcome).toEqual({
      rows: [],
      skipped: [
        { path: '/users/alice', reason: 'HTTP 502 after 2 attempts' },
        { path: '/users/bob', reason: 'HTTP 403' },
      ],
    });
  });

  it('reports the last failure when the attempts run out', async () => {
    const routes = happyRoutes();
    routes['/hosts/web-1/metrics'] = [{ status: 500, body: '' }, { status: 503, body: '' }, { fail: 'ETIMEDOUT' }];
    routes['/hosts/web-2/metrics'] = [{ fail: 'ECONNRESET' }, { fail: 'EPIPE' }, { status: 504, body: '' }];
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(outcome.skipped).toEqual([
      { path: '/hosts/web-1/metrics', reason: 'ETIMEDOUT after 3 attempts' },
      { path: '/hosts/web-2/metrics', reason: 'HTTP 504 after 3 attempts' },
    ]);
    expect(api.count('/hosts/web-1/metrics')).toBe(3);
    expect(api.count('/hosts/web-2/metrics')).toBe(3);
  });

  it('stops retrying as soon as an answer is not a 5xx', async () => {
    const routes = happyRoutes();
    routes['/users/alice'] = [{ status: 500, body: '' }, { status: 404, body: '' }, ok({ id: 'alice', hosts: [] })];
    routes['/hosts/db-1/metrics'] = [{ fail: 'ECONNRESET' }, { status: 200, body: 'not json' }, ok({ cpu: 1 })];
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/users/alice')).toBe(2);
    expect(api.count('/hosts/db-1/metrics')).toBe(2);
    expect(outcome.skipped).toEqual([
      { path: '/users/alice', reason: 'not found' },
      { path: '/hosts/db-1/metrics', reason: 'invalid JSON' },
    ]);
  });

  it('retries the whole 5xx range and no status below it', async () => {
    for (const [status, calls, reason] of [
      [500, 3, 'HTTP 500 after 3 attempts'],
      [599, 3, 'HTTP 599 after 3 attempts'],
      [499, 1, 'HTTP 499'],
      [429, 1, 'HTTP 429'],
      [408, 1, 'HTTP 408'],
      [400, 1, 'HTTP 400'],
      [302, 1, 'HTTP 302'],
      [600, 1, 'HTTP 600'],
      [300, 1, 'HTTP 300'],
      [199, 1, 'HTTP 199'],
    ] as const) {
      const routes = happyRoutes();
      routes['/hosts/web-1/metrics'] = { status, body: { cpu: 0.25 } };
      const api = fakeApi(routes);
      const outcome = await collectMetrics(api.http, { log: api.log });
      expect(api.count('/hosts/web-1/metrics')).toBe(calls);
      expect(outcome.skipped).toEqual([{ path: '/hosts/web-1/metrics', reason }]);
      expect(api.logs).toContain(`skip /hosts/web-1/metrics: ${reason}`);
    }
  });

  it('reports a rejection that is not an Error by its value as a string', async () => {
    const calls: string[] = [];
    const http: HttpClient = {
      async get(path: string): Promise<HttpResponse> {
        calls.push(path);
        if (path === '/users') return { status: 200, body: '["alice"]' };
        throw 'socket hang up';
      },
    };
    const outcome = await collectMetrics(http, { log: () => {}, maxAttempts: 2 });
    expect(calls).toEqual(['/users', '/users/alice', '/users/alice']);
    expect(outcome).toEqual({ rows: [], skipped: [{ path: '/users/alice', reason: 'socket hang up after 2 attempts' }] });
  });

  it('accepts every 2xx status, and a cpu of 0', async () => {
    const routes = happyRoutes();
    routes['/users/alice'] = { status: 203, body: { id: 'alice', hosts: ['web-1'] } };
    routes['/hosts/web-1/metrics'] = { status: 299, body: { cpu: 0 } };
    routes['/hosts/db-1/metrics'] = { status: 201, body: { cpu: -0.5 } };
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(outcome).toEqual({
      rows: [
        { user: 'alice', host: 'web-1', cpu: 0 },
        { user: 'bob', host: 'db-1', cpu: -0.5 },
      ],
      skipped: [],
    });
  });

  it('skips nothing for users without hosts and returns an empty report for no users', async () => {
    const api = fakeApi({ '/users': ok(['alice']), '/users/alice': ok({ id: 'alice', hosts: [] }) });
    await expect(collectMetrics(api.http, { log: api.log })).resolves.toEqual({ rows: [], skipped: [] });
    expect(api.calls).toEqual(['/users', '/users/alice']);
    const none = fakeApi({ '/users': ok([]) });
    await expect(collectMetrics(none.http, { log: none.log })).resolves.toEqual({ rows: [], skipped: [] });
    expect(none.calls).toEqual(['/users']);
  });

  it('logs to console.info by default', async () => {
    const api = fakeApi({ '/users': ok(['alice']), '/users/alice': { status: 410, body: '' } });
    const original = console.info;
    const lines: unknown[] = [];
    console.info = (...args: unknown[]) => {
      lines.push(args.join(' '));
    };
    try {
      await collectMetrics(api.http);
    } finally {
      console.info = original;
    }
    expect(lines.filter((l) => String(l).startsWith('skip '))).toEqual(['skip /users/alice: HTTP 410']);
  });

  it('does not retry other client errors such as 401', async () => {
    const routes = happyRoutes();
    routes['/users/bob'] = { status: 401, body: { error: 'token expired' } };
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(api.count('/users/bob')).toBe(1);
    expect(api.calls).not.toContain('/hosts/db-1/metrics');
    expect(outcome.skipped).toEqual([{ path: '/users/bob', reason: 'HTTP 401' }]);
  });

  it.each([
    ['a 404', { status: 404, body: {} }, 'cannot list users: not found'],
    ['a body that is not a list of ids', ok({ users: ['alice'] }), 'cannot list users: unexpected body'],
    ['persistent 500s', { status: 500, body: '' }, 'cannot list users: HTTP 500 after 3 attempts'],
    ['ids that are not all strings', ok(['alice', 7]), 'cannot list users: unexpected body'],
    ['a body that is not JSON', { status: 200, body: 'users: alice' }, 'cannot list users: invalid JSON'],
    ['a 429', { status: 429, body: '' }, 'cannot list users: HTTP 429'],
    ['persistent network failures', { fail: 'ECONNREFUSED' }, 'cannot list users: ECONNREFUSED after 3 attempts'],
  ])('rejects when the user list fails (%s) and calls nothing else', async (_label, reply, message) => {
    const routes = happyRoutes();
    routes['/users'] = reply as Reply;
    const api = fakeApi(routes);
    const error = await rejectionOf(collectMetrics(api.http, { log: api.log }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(message);
    expect(api.calls.every((c) => c === '/users')).toBe(true);
  });

  it('encodes ids and host names into the path', async () => {
    const api = fakeApi({
      '/users': ok(['ops team', 'a/b?c#d']),
      '/users/ops%20team': ok({ id: 'ops team', hosts: ['eu/web-1', 'web?x=1&y#2'] }),
      '/hosts/eu%2Fweb-1/metrics': ok({ cpu: 0.3 }),
      '/hosts/web%3Fx%3D1%26y%232/metrics': ok({ cpu: 0.4 }),
      '/users/a%2Fb%3Fc%23d': ok({ id: 'a/b?c#d', hosts: [] }),
    });
    const outcome = await collectMetrics(api.http, { log: api.log });
    expect(outcome.rows).toEqual([
      { user: 'ops team', host: 'eu/web-1', cpu: 0.3 },
      { user: 'ops team', host: 'web?x=1&y#2', cpu: 0.4 },
    ]);
    expect(outcome.skipped).toEqual([]);
    expect(api.calls).toContain('/hosts/eu%2Fweb-1/metrics');
  });

  it('honours maxAttempts (1 means no retry at all)', async () => {
    const routes = happyRoutes();
    routes['/hosts/web-1/metrics'] = [{ status: 502, body: '' }, ok({ cpu: 0.25 })];
    const api = fakeApi(routes);
    const outcome = await collectMetrics(api.http, { log: api.log, maxAttempts: 1 });
    expect(api.count('/hosts/web-1/metrics')).toBe(1);
    expect(outcome.skipped).toEqual([{ path: '/hosts/web-1/metrics', reason: 'HTTP 502 after 1 attempts' }]);
  });

  it('honours maxAttempts above and below the default', async () => {
    for (const maxAttempts of [2, 5]) {
      const routes = happyRoutes();
      routes['/hosts/web-1/metrics'] = { fail: 'EHOSTUNREACH' };
      const api = fakeApi(routes);
      const outcome = await collectMetrics(api.http, { log: api.log, maxAttempts });
      expect(api.count('/hosts/web-1/metrics')).toBe(maxAttempts);
      expect(outcome.skipped).toEqual([
        { path: '/hosts/web-1/metrics', reason: `EHOSTUNREACH after ${maxAttempts} attempts` },
      ]);
    }
  });
});
