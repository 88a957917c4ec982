// Globals available to drill solutions (beyond the ES2022 library). Written by Interview Drills.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): unknown;
declare function clearInterval(handle: unknown): void;
// node:util's parseArgs (Node 18.3+), the platform's argument parser: TypeScript's argparse.
declare module 'node:util' {
  export interface ParseArgsOptionConfig {
    type: 'string' | 'boolean';
    short?: string;
    multiple?: boolean;
    default?: string | boolean | string[] | boolean[];
  }
  export interface ParseArgsConfig {
    args?: readonly string[];
    options?: Record<string, ParseArgsOptionConfig>;
    strict?: boolean;
    allowPositionals?: boolean;
    tokens?: boolean;
  }
  type ParseArgsValue<O> = O extends { type: 'string' }
    ? O extends { multiple: true } ? string[] : string
    : O extends { multiple: true } ? boolean[] : boolean;
  export type ParseArgsToken =
    | { kind: 'option'; index: number; name: string; rawName: string; value: string | undefined; inlineValue: boolean | undefined }
    | { kind: 'positional'; index: number; value: string }
    | { kind: 'option-terminator'; index: number };
  export function parseArgs<T extends ParseArgsConfig>(config?: T): {
    values: { [K in keyof T['options']]?: ParseArgsValue<T['options'][K]> };
    positionals: string[];
    tokens?: ParseArgsToken[];
  };
}
