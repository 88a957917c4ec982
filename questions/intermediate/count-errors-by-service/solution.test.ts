import { countErrors, toJsonReport } from './solution';

const json = (record: Record<string, unknown>) => JSON.stringify(record);

describe('countErrors', () => {
  it('counts plain-text error lines per service and error type', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [payments] DatabaseError: connection refused',
      '2024-05-01T10:00:01Z ERROR [payments] DatabaseError: connection refused',
      '2024-05-01T10:00:02Z ERROR [payments] CardDeclined: insufficient funds',
      '2024-05-01T10:00:03Z ERROR [auth] TokenExpired: token older than 1h',
    ]);
    expect(counts).toEqual({
      payments: { DatabaseError: 2, CardDeclined: 1 },
      auth: { TokenExpired: 1 },
    });
  });

  it('counts JSON error lines per service and error type', () => {
    const counts = countErrors([
      json({ ts: '2024-05-01T10:00:00Z', level: 'error', service: 'api', error_type: 'Timeout', message: 'slow upstream' }),
      json({ ts: '2024-05-01T10:00:01Z', level: 'error', service: 'api', error_type: 'Timeout', message: 'slow upstream' }),
      json({ ts: '2024-05-01T10:00:02Z', level: 'error', service: 'worker', error_type: 'OOMKilled', message: 'killed' }),
    ]);
    expect(counts).toEqual({ api: { Timeout: 2 }, worker: { OOMKilled: 1 } });
  });

  it('merges both formats into one nested count, services in first-seen order', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [api] Timeout: upstream took 31s',
      json({ level: 'error', service: 'api', error_type: 'Timeout', message: 'again' }),
      json({ level: 'error', service: 'billing', error_type: 'DatabaseError', message: 'pool exhausted' }),
      '2024-05-01T10:00:05Z ERROR [api] ValueError: bad page size',
    ]);
    expect(counts).toEqual({ api: { Timeout: 2, ValueError: 1 }, billing: { DatabaseError: 1 } });
    expect(Object.keys(counts)).toEqual(['api', 'billing']);
  });

  it('ignores lines whose level is not error, in both formats', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z INFO [api] Started: listening on :8080',
      '2024-05-01T10:00:01Z WARN [api] SlowQuery: 2.5s',
      '2024-05-01T10:00:02Z ERRORS [api] Timeout: not a real level',
      json({ level: 'warning', service: 'api', error_type: 'Deprecated', message: 'old endpoint' }),
      json({ level: 'info', service: 'api', error_type: 'Timeout', message: 'recovered' }),
      '2024-05-01T10:00:03Z ERROR [api] Timeout: the only real error',
    ]);
    expect(counts).toEqual({ api: { Timeout: 1 } });
  });

  it('matches the error level in any letter case', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z error [api] Timeout: lower case',
      '2024-05-01T10:00:01Z Error [api] Timeout: title case',
      '2024-05-01T10:00:02Z ERROR [api] Timeout: upper case',
      json({ level: 'ERROR', service: 'api', error_type: 'Timeout' }),
      json({ level: 'Error', service: 'api', error_type: 'Timeout' }),
    ]);
    expect(counts).toEqual({ api: { Timeout: 5 } });
  });

  it('is not fooled by brackets and colons inside the message', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [api] KeyError: missing key [user] in payload: {"id": 1}',
      '2024-05-01T10:00:01Z ERROR [billing] DatabaseError: query failed on db-1:5432 [retry 2/3]',
    ]);
    expect(counts).toEqual({ api: { KeyError: 1 }, billing: { DatabaseError: 1 } });
  });

  it('counts a JSON line once, even when its message contains a plain-text log line', () => {
    const counts = countErrors([
      json({
        level: 'error',
        service: 'gateway',
        error_type: 'UpstreamError',
        message: 'upstream said: 2024-05-01T09:59:59Z ERROR [gateway] UpstreamError: pool empty',
      }),
      json({ level: 'info', service: 'gateway', error_type: 'None', message: 'x ERROR [gateway] Timeout: quoted' }),
    ]);
    expect(counts).toEqual({ gateway: { UpstreamError: 1 } });
  });

  it.each([
    ['an empty line', ''],
    ['a line of spaces', '   '],
    ['broken JSON', '{"level":"error","service":"api","error_type":"Timeout"'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON array', '["error","api","Timeout"]'],
    ['a JSON string holding a text line', '"2024-05-01T10:00:00Z ERROR [api] Timeout: quoted"'],
    ['JSON without error_type', '{"level":"error","service":"api"}'],
    ['JSON with an empty service', '{"level":"error","service":"","error_type":"Timeout"}'],
    ['JSON with a numeric service', '{"level":"error","service":7,"error_type":"Timeout"}'],
    ['JSON with a non-string level', '{"level":["error"],"service":"api","error_type":"Timeout"}'],
    ['text without an error type', '2024-05-01T10:00:00Z ERROR [api] something broke'],
    ['text without a timestamp', 'ERROR [api] Timeout: slow'],
    ['text with a space in the service', '2024-05-01T10:00:00Z ERROR [my api] Timeout: slow'],
    ['text with a space before the colon', '2024-05-01T10:00:00Z ERROR [api] Timeout : slow'],
    ['text with words before the timestamp', 'got: 2024-05-01T10:00:00Z ERROR [api] Timeout: slow'],
    ['text with an extra token before the level', 'node-7 2024-05-01T10:00:00Z ERROR [api] Timeout: slow'],
    ['text with a tab between tokens', '2024-05-01T10:00:00Z\tERROR [api] Timeout: slow'],
    ['text with a level glued to a colon', '2024-05-01T10:00:00Z ERROR: [api] Timeout: slow'],
    ['text with an empty service', '2024-05-01T10:00:00Z ERROR [] Timeout: slow'],
    ['text with a slash in the service', '2024-05-01T10:00:00Z ERROR [api/v2] Timeout: slow'],
    ['text with a colon in the service', '2024-05-01T10:00:00Z ERROR [api:8080] Timeout: slow'],
    ['text with an error type starting with a digit', '2024-05-01T10:00:00Z ERROR [api] 5xxError: slow'],
    ['text with a dash in the error type', '2024-05-01T10:00:00Z ERROR [api] Bad-Gateway: slow'],
    ['text with no space between service and type', '2024-05-01T10:00:00Z ERROR [api]Timeout: slow'],
    ['JSON with a numeric error_type', '{"level":"error","service":"api","error_type":504}'],
    ['JSON with an empty error_type', '{"level":"error","service":"api","error_type":""}'],
    ['JSON without a level', '{"service":"api","error_type":"Timeout"}'],
    ['JSON with a padded level', '{"level":" error ","service":"api","error_type":"Timeout"}'],
    ['JSON true', 'true'],
  ])('skips %s without throwing', (_label, line) => {
    expect(() => countErrors([line])).not.toThrow();
    expect(countErrors([line, '2024-05-01T10:00:00Z ERROR [api] Timeout: real'])).toEqual({ api: { Timeout: 1 } });
  });

  it('accepts dotted error types, service names with . _ - and Windows line endings', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [kube-proxy.v2] requests.exceptions.ReadTimeout: read timed out\r',
      '  2024-05-01T10:00:01Z   ERROR   [log_shipper]   _InternalError: queue full  ',
    ]);
    expect(counts).toEqual({
      'kube-proxy.v2': { 'requests.exceptions.ReadTimeout': 1 },
      log_shipper: { _InternalError: 1 },
    });
  });

  it('takes any single token as the timestamp, and trims JSON lines too', () => {
    const counts = countErrors([
      '1714557600 ERROR [api] Timeout: epoch seconds',
      '[10:00:00] ERROR [api] Timeout: bracketed clock',
      '  {"level":"error","service":"db","error_type":"Deadlock"}\r',
      '\t2024-05-01T10:00:00Z ERROR [api] Timeout: leading tab\t',
    ]);
    expect(counts).toEqual({ api: { Timeout: 3 }, db: { Deadlock: 1 } });
  });

  it('counts inherited-looking error types such as constructor and __proto__ exactly', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [api] constructor: one',
      '2024-05-01T10:00:01Z ERROR [api] constructor: two',
      json({ level: 'error', service: 'api', error_type: '__proto__' }),
      json({ level: 'error', service: 'api', error_type: '__proto__' }),
      json({ level: 'error', service: 'api', error_type: 'hasOwnProperty' }),
    ]);
    expect(Object.keys(counts.api)).toEqual(['constructor', '__proto__', 'hasOwnProperty']);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(
      JSON.parse('{"api":{"constructor":2,"__proto__":2,"hasOwnProperty":1}}'),
    );
  });

  it('treats service and type names such as constructor and __proto__ as plain data', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [constructor] toString: odd but valid',
      json({ level: 'error', service: '__proto__', error_type: 'PollutionAttempt' }),
    ]);
    expect(Object.keys(counts)).toEqual(['constructor', '__proto__']);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(
      JSON.parse('{"constructor":{"toString":1},"__proto__":{"PollutionAttempt":1}}'),
    );
    expect(({} as Record<string, unknown>).PollutionAttempt).toBeUndefined();
  });

  it('returns an empty object for no lines, and reads any iterable', () => {
    expect(countErrors([])).toEqual({});
    function* stream() {
      yield '2024-05-01T10:00:00Z ERROR [api] Timeout: one';
      yield '2024-05-01T10:00:01Z ERROR [api] Timeout: two';
    }
    expect(countErrors(stream())).toEqual({ api: { Timeout: 2 } });
  });

  it('returns plain objects that survive JSON.stringify', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [api] Timeout: slow',
      json({ level: 'error', service: 'db', error_type: 'Deadlock' }),
    ]);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(counts.api)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(counts))).toEqual({ api: { Timeout: 1 }, db: { Deadlock: 1 } });
  });
});

describe('toJsonReport', () => {
  it('prints indented JSON with services and error types sorted by name', () => {
    const report = toJsonReport({ worker: { Timeout: 1 }, api: { ValueError: 2, KeyError: 1 } });
    expect(report).toBe(
      [
        '{',
        '  "api": {',
        '    "KeyError": 1,',
        '    "ValueError": 2',
        '  },',
        '  "worker": {',
        '    "Timeout": 1',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('round-trips the counts of a real log', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [b] Y: 1',
      '2024-05-01T10:00:00Z ERROR [a] Z: 1',
      '2024-05-01T10:00:00Z ERROR [a] X: 1',
    ]);
    expect(JSON.parse(toJsonReport(counts))).toEqual({ a: { X: 1, Z: 1 }, b: { Y: 1 } });
    expect(Object.keys(JSON.parse(toJsonReport(counts)))).toEqual(['a', 'b']);
    expect(toJsonReport({})).toBe('{}');
  });

  it('sorts by plain < order: upper case before _, _ before lower case, - before . before _', () => {
    const counts = countErrors([
      '2024-05-01T10:00:00Z ERROR [billing] b: 1',
      '2024-05-01T10:00:00Z ERROR [api] a: 1',
      '2024-05-01T10:00:00Z ERROR [Billing] Zeta: 1',
      '2024-05-01T10:00:00Z ERROR [_internal] x: 1',
      '2024-05-01T10:00:00Z ERROR [Api] alpha: 1',
      '2024-05-01T10:00:00Z ERROR [Api] Zeta: 1',
      '2024-05-01T10:00:00Z ERROR [Api] _private: 1',
      '2024-05-01T10:00:00Z ERROR [Api] Alpha: 1',
      '2024-05-01T10:00:00Z ERROR [z_1] t: 1',
      '2024-05-01T10:00:00Z ERROR [z.1] t: 1',
      '2024-05-01T10:00:00Z ERROR [z-1] t: 1',
    ]);
    const report = JSON.parse(toJsonReport(counts)) as Record<string, Record<string, number>>;
    expect(Object.keys(report)).toEqual(['Api', 'Billing', '_internal', 'api', 'billing', 'z-1', 'z.1', 'z_1']);
    expect(Object.keys(report.Api)).toEqual(['Alpha', 'Zeta', '_private', 'alpha']);
  });

  it('sorts a report with many services and error types', () => {
    const names = Array.from({ length: 60 }, (_, i) => `svc-${String.fromCharCode(97 + ((i * 17) % 26))}${(i * 31) % 60}`);
    const counts: Record<string, Record<string, number>> = {};
    for (const name of names) counts[name] = Object.fromEntries(names.map((type, j) => [`E${type}`, j]));
    const report = JSON.parse(toJsonReport(counts)) as Record<string, Record<string, number>>;
    const byPlainOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(Object.keys(report)).toEqual([...names].sort(byPlainOrder));
    expect(Object.keys(report[names[0]])).toEqual(names.map((n) => `E${n}`).sort(byPlainOrder));
  });

  it('prints a report with several error types per service exactly', () => {
    const report = toJsonReport({ db: { b: 2, B: 1, a: 3 }, Db: { x: 1 } });
    expect(report).toBe('{\n  "Db": {\n    "x": 1\n  },\n  "db": {\n    "B": 1,\n    "a": 3,\n    "b": 2\n  }\n}');
  });
});
