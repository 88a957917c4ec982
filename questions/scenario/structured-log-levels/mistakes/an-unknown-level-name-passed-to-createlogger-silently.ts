// Title: An unknown level name passed to createLogger silently falls back to WARNING instead of throwing
// Breaks: "an unknown level name (in `createLogger` or `setLevel`) throws a `RangeError`"
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

const SEVERITY: Readonly<Record<Level, number>> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 };
const RESERVED = new Set(['ts', 'level', 'msg']);

function checkLevel(level: unknown): Level {
  if (typeof level !== 'string' || !Object.prototype.hasOwnProperty.call(SEVERITY, level)) {
    throw new RangeError(`unknown log level: ${String(level)}`);
  }
  return level as Level;
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    return { type: value.name, message: value.message };
  }
  return value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function createLogger(options: LoggerOptions): Logger {
  const { sink, clock } = options;
  let threshold: Level = options.level !== undefined && options.level in SEVERITY ? options.level : 'WARNING';

  const isEnabledFor = (level: Level): boolean => SEVERITY[checkLevel(level)] >= SEVERITY[threshold];

  const log = (level: Level, message: Message, context?: Context): void => {
    if (!isEnabledFor(level)) return;
    const msg = typeof message === 'function' ? message() : message;
    const record: Record<string, unknown> = {
      ts: new Date(clock.now()).toISOString(),
      level,
      msg,
    };
    if (context !== undefined) {
      for (const [key, value] of Object.entries(context)) {
        if (RESERVED.has(key)) continue;
        record[key] = serialize(value);
      }
    }
    sink.write(JSON.stringify(record));
  };

  const logger: Logger = {
    getLevel: () => threshold,
    setLevel(level: Level): void {
      threshold = checkLevel(level);
    },
    isEnabledFor,
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
      if (isThenable(result)) {
        return Promise.resolve(result).finally(() => {
          threshold = previous;
        }) as T;
      }
      threshold = previous;
      return result;
    },
  };
  return logger;
}

export function shouldRotate(currentBytes: number, nextLineBytes: number, maxBytes: number): boolean {
  if (currentBytes <= 0) return false;
  return currentBytes + nextLineBytes > maxBytes;
}
