// Title: withLevel restores the threshold as soon as fn returns, even for a pending promise
// Breaks: "if `fn` returns a promise, the level is restored when that promise settles"
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

const SEVERITY: Record<Level, number> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 };
const RESERVED = new Set(['ts', 'level', 'msg']);

function checkLevel(level: unknown): Level {
  if (typeof level !== 'string' || !Object.prototype.hasOwnProperty.call(SEVERITY, level)) {
    throw new RangeError(`unknown log level: ${String(level)}`);
  }
  return level as Level;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function createLogger(options: LoggerOptions): Logger {
  const { sink, clock } = options;
  let threshold: Level = options.level === undefined ? 'WARNING' : checkLevel(options.level);

  const enabled = (level: Level): boolean => SEVERITY[level] >= SEVERITY[threshold];

  const log = (level: Level, message: Message, context?: Context): void => {
    if (!enabled(level)) {
      return;
    }
    const msg = typeof message === 'function' ? message() : message;
    const record: Record<string, unknown> = {
      ts: new Date(clock.now()).toISOString(),
      level,
      msg,
    };
    if (context !== undefined) {
      for (const [key, value] of Object.entries(context)) {
        if (RESERVED.has(key)) continue;
        record[key] = value instanceof Error ? { type: value.name, message: value.message } : value;
      }
    }
    sink.write(JSON.stringify(record));
  };

  return {
    getLevel: () => threshold,
    setLevel(level: Level): void {
      threshold = checkLevel(level);
    },
    isEnabledFor(level: Level): boolean {
      return enabled(checkLevel(level));
    },
    debug: (message, context) => log('DEBUG', message, context),
    info: (message, context) => log('INFO', message, context),
    warning: (message, context) => log('WARNING', message, context),
    error: (message, context) => log('ERROR', message, context),
    withLevel<T>(level: Level, fn: () => T): T {
      const next = checkLevel(level);
      const previous = threshold;
      threshold = next;
      let result: T;
      try {
        result = fn();
      } catch (error) {
        threshold = previous;
        throw error;
      }
      threshold = previous;
      return result;
    },
  };
}

export function shouldRotate(currentBytes: number, nextLineBytes: number, maxBytes: number): boolean {
  if (currentBytes <= 0) {
    return false;
  }
  return currentBytes + nextLineBytes > maxBytes;
}
