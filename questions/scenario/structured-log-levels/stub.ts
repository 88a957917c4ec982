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

export function createLogger(options: LoggerOptions): Logger {
  throw new Error('Not implemented: createLogger');
}

export function shouldRotate(currentBytes: number, nextLineBytes: number, maxBytes: number): boolean {
  throw new Error('Not implemented: shouldRotate');
}
