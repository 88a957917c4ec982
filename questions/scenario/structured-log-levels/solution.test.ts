import { createLogger, shouldRotate } from './solution';
import type { Level } from './solution';

function setup(level?: Level) {
  const lines: string[] = [];
  const sink = { write: (line: string) => { lines.push(line); } };
  const clock = { now: () => Date.UTC(2024, 4, 17, 9, 30, 0) };
  const logger = createLogger(level === undefined ? { sink, clock } : { sink, clock, level });
  const records = () => lines.map((l) => JSON.parse(l));
  return { lines, logger, records };
}

describe('createLogger', () => {
  it('defaults to WARNING: drops DEBUG and INFO, keeps WARNING and ERROR', () => {
    const { logger, records } = setup();
    logger.debug('cache lookup');
    logger.info('step 1 of 40 done');
    logger.warning('disk at 85%');
    logger.error('deploy failed');
    expect(logger.getLevel()).toBe('WARNING');
    expect(records().map((r) => r.level)).toEqual(['WARNING', 'ERROR']);
  });

  it('ranks levels by severity, not alphabetically', () => {
    const { logger } = setup('WARNING');
    expect(logger.isEnabledFor('ERROR')).toBe(true);
    expect(logger.isEnabledFor('INFO')).toBe(false);
    logger.setLevel('INFO');
    expect(logger.isEnabledFor('DEBUG')).toBe(false);
    expect(logger.isEnabledFor('WARNING')).toBe(true);
    logger.setLevel('ERROR');
    expect(logger.isEnabledFor('WARNING')).toBe(false);
  });

  it('writes one JSON object per line with ts, level, msg and the context fields', () => {
    const { lines, logger } = setup();
    logger.error('rollout halted', { service: 'web', replicas: 3, canary: true });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0])).toEqual({
      ts: '2024-05-17T09:30:00.000Z',
      level: 'ERROR',
      msg: 'rollout halted',
      service: 'web',
      replicas: 3,
      canary: true,
    });
  });

  it('writes ts, level and msg first, then the context fields in their order', () => {
    const { lines, logger } = setup('DEBUG');
    logger.info('scaled', { service: 'api', from: 2, to: 5 });
    expect(lines).toEqual(['{"ts":"2024-05-17T09:30:00.000Z","level":"INFO","msg":"scaled","service":"api","from":2,"to":5}']);
  });

  it('reads the injected clock for every record', () => {
    const lines: string[] = [];
    let t = Date.UTC(2024, 0, 1, 0, 0, 0, 5);
    const logger = createLogger({ sink: { write: (l) => { lines.push(l); } }, clock: { now: () => t } });
    logger.warning('first');
    t += 61_000;
    logger.error('second');
    expect(lines.map((l) => JSON.parse(l).ts)).toEqual(['2024-01-01T00:00:00.005Z', '2024-01-01T00:01:01.005Z']);
  });

  it('converts only real Error objects, not look-alikes', () => {
    const { records, logger } = setup();
    class DeployError extends Error {
      constructor(message: string) {
        super(message);
        this.name = 'DeployError';
      }
    }
    logger.error('failed', { cause: new DeployError('quota exceeded'), plain: { name: 'x', message: 'y' }, count: 0 });
    expect(records()).toEqual([
      {
        ts: '2024-05-17T09:30:00.000Z',
        level: 'ERROR',
        msg: 'failed',
        cause: { type: 'DeployError', message: 'quota exceeded' },
        plain: { name: 'x', message: 'y' },
        count: 0,
      },
    ]);
  });

  it('keeps its own ts, level and msg when the context tries to set them', () => {
    const { records, logger } = setup();
    logger.warning('disk low', { level: 'DEBUG', msg: 'spoofed', ts: 0, host: 'web-1' });
    expect(records()).toEqual([{ ts: '2024-05-17T09:30:00.000Z', level: 'WARNING', msg: 'disk low', host: 'web-1' }]);
  });

  it('writes an Error in the context as its type and message', () => {
    const { records, logger } = setup();
    logger.error('upload failed', { err: new TypeError('bad chunk size') });
    expect(records()[0].err).toEqual({ type: 'TypeError', message: 'bad chunk size' });
  });

  it('never builds a lazy message for a filtered record', () => {
    const { records, logger } = setup('WARNING');
    let built = 0;
    const dump = () => { built++; return 'full state dump'; };
    logger.debug(dump);
    logger.info(dump);
    expect(built).toBe(0);
    logger.error(dump);
    expect(built).toBe(1);
    expect(records()[0].msg).toBe('full state dump');
  });

  it('raises to DEBUG temporarily and restores the previous level', () => {
    const { records, logger } = setup();
    const value = logger.withLevel('DEBUG', () => {
      logger.debug('inside');
      return 42;
    });
    logger.debug('outside');
    expect(value).toBe(42);
    expect(logger.getLevel()).toBe('WARNING');
    expect(records().map((r) => r.msg)).toEqual(['inside']);
  });

  it('restores the level even when the function throws', () => {
    const { logger } = setup('INFO');
    expect(() => logger.withLevel('DEBUG', () => { throw new Error('boom'); })).toThrow('boom');
    expect(logger.getLevel()).toBe('INFO');
  });

  it('restores the level after an async function settles, passing its outcome on', async () => {
    const { records, logger } = setup();
    const pending = logger.withLevel('DEBUG', async () => {
      await Promise.resolve();
      logger.debug('during async work');
      return 'done';
    });
    expect(logger.getLevel()).toBe('DEBUG');
    await expect(pending).resolves.toBe('done');
    expect(logger.getLevel()).toBe('WARNING');
    expect(records().map((r) => r.msg)).toEqual(['during async work']);

    const failing = logger.withLevel('INFO', async () => { throw new Error('async boom'); });
    await expect(failing).rejects.toThrow('async boom');
    expect(logger.getLevel()).toBe('WARNING');
  });

  it.each(['debug', 'toString', 'constructor', 'CRITICAL'])('rejects the unknown level name %p', (name) => {
    const { logger } = setup('INFO');
    expect(() => logger.setLevel(name as Level)).toThrow(RangeError);
    expect(logger.getLevel()).toBe('INFO');
    expect(() => createLogger({ sink: { write: () => {} }, clock: { now: () => 0 }, level: name as Level })).toThrow(RangeError);
  });

  it('writes a record at exactly the threshold, at every level', () => {
    const levels: Level[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];
    for (const level of levels) {
      const { records, logger } = setup(level);
      logger.debug('d');
      logger.info('i');
      logger.warning('w');
      logger.error('e');
      expect(records().map((r) => r.level)).toEqual(levels.slice(levels.indexOf(level)));
      expect(levels.map((l) => logger.isEnabledFor(l))).toEqual(levels.map((l) => levels.indexOf(l) >= levels.indexOf(level)));
    }
  });

  it('restores the outer temporary level when withLevel calls are nested', () => {
    const { records, logger } = setup('ERROR');
    logger.withLevel('INFO', () => {
      logger.withLevel('DEBUG', () => {
        logger.debug('inner');
      });
      expect(logger.getLevel()).toBe('INFO');
      logger.debug('dropped');
      logger.info('outer');
    });
    expect(logger.getLevel()).toBe('ERROR');
    expect(records().map((r) => r.msg)).toEqual(['inner', 'outer']);
  });

  it('passes on the very error thrown, sync or async, after restoring the level', async () => {
    const { logger } = setup('ERROR');
    const boom = new Error('boom');
    let caught: unknown;
    try {
      logger.withLevel('DEBUG', () => { throw boom; });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBe(boom);
    expect(logger.getLevel()).toBe('ERROR');
    const later = { code: 'E_NOT_AN_ERROR' };
    const pending = logger.withLevel('INFO', async () => {
      await Promise.resolve();
      throw later;
    });
    expect(logger.getLevel()).toBe('INFO');
    await expect(pending).rejects.toBe(later);
    expect(logger.getLevel()).toBe('ERROR');
  });

  it('returns a non-promise result of fn unchanged, null and plain objects included', () => {
    const { logger } = setup('ERROR');
    const report = { then: 'not a function', replicas: 3 };
    expect(logger.withLevel('DEBUG', () => report)).toBe(report);
    expect(logger.withLevel('DEBUG', () => null)).toBeNull();
    expect(logger.withLevel('DEBUG', () => undefined)).toBeUndefined();
    expect(logger.getLevel()).toBe('ERROR');
  });

  it('calls a lazy message once when the record is written, also inside withLevel', () => {
    const { records, logger } = setup();
    let built = 0;
    logger.withLevel('DEBUG', () => logger.debug(() => { built++; return `state ${built}`; }));
    expect(built).toBe(1);
    expect(records().map((r) => r.msg)).toEqual(['state 1']);
  });

  it('rejects unknown level names', () => {
    const { logger } = setup();
    expect(() => logger.setLevel('VERBOSE' as Level)).toThrow(RangeError);
    expect(() => createLogger({ sink: { write: () => {} }, clock: { now: () => 0 }, level: 'warn' as Level })).toThrow(RangeError);
    expect(logger.getLevel()).toBe('WARNING');
  });
});

describe('shouldRotate', () => {
  it('rotates when the next line would take the file over the limit', () => {
    expect(shouldRotate(950, 60, 1000)).toBe(true);
    expect(shouldRotate(901, 100, 1000)).toBe(true);
  });

  it('does not rotate when the line fits, including exactly at the limit', () => {
    expect(shouldRotate(100, 60, 1000)).toBe(false);
    expect(shouldRotate(900, 100, 1000)).toBe(false);
  });

  it('never rotates an empty file, even for an oversized line', () => {
    expect(shouldRotate(0, 5000, 1000)).toBe(false);
    expect(shouldRotate(0, 1000, 1000)).toBe(false);
  });

  it('rotates a file holding a single byte when the next line is oversized', () => {
    expect(shouldRotate(1, 5000, 1000)).toBe(true);
    expect(shouldRotate(1, 1000, 1000)).toBe(true);
    expect(shouldRotate(1, 999, 1000)).toBe(false);
  });
});
