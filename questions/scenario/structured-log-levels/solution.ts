export type Level = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Sink {
  write(line: string): void;
}

/** A message, or a function that builds it (called only when the record is written). */
export type Message = string | (() => string);
export type Context = Record<string, unknown>;

export interface Logger {
  getLevel(): Level;
  setLevel(level: Level): void;
  isEnabledFor(level: Level): boolean;
  debug(message: Message, context?: Context): void;
  info(message: Message, context?: Context): void;
  warning(message: Message, context?: Context): void;
  error(message: Message, context?: Context): void;
  withLevel<T>(level: Level, fn: () => T): T;
}

export interface LoggerOptions {
  sink: Sink;
  clock: Clock;
  /** Threshold; defaults to WARNING. */
  level?: Level;
}

const RANK: Record<Level, number> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 };
const RESERVED = new Set(['ts', 'level', 'msg']);

function checkLevel(level: string): Level {
  if (!Object.hasOwn(RANK, level)) throw new RangeError(`unknown log level "${level}"`);
  return level as Level;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function toJsonValue(value: unknown): unknown {
  return value instanceof Error ? { type: value.name, message: value.message } : value;
}

export function createLogger(options: LoggerOptions): Logger {
  const { sink, clock } = options;
  let threshold = checkLevel(options.level ?? 'WARNING');

  const isEnabledFor = (level: Level): boolean => RANK[level] >= RANK[threshold];

  const log = (level: Level, message: Message, context?: Context): void => {
    if (!isEnabledFor(level)) return;
    const record: Record<string, unknown> = {
      ts: new Date(clock.now()).toISOString(),
      level,
      msg: typeof message === 'function' ? message() : message,
    };
    for (const [key, value] of Object.entries(context ?? {})) {
      if (!RESERVED.has(key)) record[key] = toJsonValue(value);
    }
    sink.write(JSON.stringify(record));
  };

  return {
    getLevel: () => threshold,
    setLevel(level) {
      threshold = checkLevel(level);
    },
    isEnabledFor,
    debug: (message, context) => log('DEBUG', message, context),
    info: (message, context) => log('INFO', message, context),
    warning: (message, context) => log('WARNING', message, context),
    error: (message, context) => log('ERROR', message, context),
    withLevel<T>(level: Level, fn: () => T): T {
      const previous = threshold;
      threshold = checkLevel(level);
      let restoreLater = false;
      try {
        const result = fn();
        if (isThenable(result)) {
          restoreLater = true;
          return Promise.resolve(result).finally(() => {
            threshold = previous;
          }) as T;
        }
        return result;
      } finally {
        if (!restoreLater) threshold = previous;
      }
    },
  };
}

export function shouldRotate(currentBytes: number, nextLineBytes: number, maxBytes: number): boolean {
  return currentBytes > 0 && currentBytes + nextLineBytes > maxBytes;
}
