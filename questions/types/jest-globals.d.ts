// The test API a drill's solution.test.ts may use: what the sandbox's harness provides (src/sandbox/check.ts),
// as globals or imported from '@jest/globals'. Only test files see these when the bank is type-checked
// (test/unit/bankTypes.test.ts); `tsc -p questions` puts them beside every file.

type JestDone = (error?: unknown) => void;
type JestTestFn = (() => unknown) | ((done: JestDone) => void);
interface JestEach<Fn> {
  /** Rows that are tuples: each row's items are the callback's arguments. */
  <T extends readonly [unknown, ...unknown[]]>(table: readonly T[]): (name: string, fn: (...args: T) => unknown, timeout?: number) => void;
  <T extends readonly unknown[]>(table: readonly T[]): (name: string, fn: (...args: T) => unknown, timeout?: number) => void;
  /** Rows that are single values or objects: the row is the argument. */
  <T>(table: readonly T[]): (name: string, fn: (row: T) => unknown, timeout?: number) => void;
  (strings: TemplateStringsArray, ...values: unknown[]): (name: string, fn: (row: any) => unknown, timeout?: number) => void;
  /** Unused: keeps `Fn` in the type. */
  readonly __of?: Fn;
}

interface JestIt {
  (name: string, fn?: JestTestFn, timeout?: number): void;
  only: JestIt;
  skip: JestIt;
  todo(name: string): void;
  each: JestEach<JestIt>;
}

interface JestDescribe {
  (name: string, fn: () => void): void;
  only: JestDescribe;
  skip: JestDescribe;
  each: JestEach<JestDescribe>;
}

type JestHook = (fn: JestTestFn, timeout?: number) => void;

interface JestMatchers<R> {
  toBe(expected: unknown): R;
  toEqual(expected: unknown): R;
  toStrictEqual(expected: unknown): R;
  toMatchObject(expected: object | readonly object[]): R;
  toContain(expected: unknown): R;
  toContainEqual(expected: unknown): R;
  toHaveLength(length: number): R;
  toHaveProperty(path: string | readonly (string | number)[], value?: unknown): R;
  toBeInstanceOf(expected: unknown): R;
  toMatch(expected: string | RegExp): R;
  toBeNull(): R;
  toBeUndefined(): R;
  toBeDefined(): R;
  toBeTruthy(): R;
  toBeFalsy(): R;
  toBeNaN(): R;
  toBeCloseTo(expected: number, digits?: number): R;
  toBeGreaterThan(expected: number | bigint): R;
  toBeGreaterThanOrEqual(expected: number | bigint): R;
  toBeLessThan(expected: number | bigint): R;
  toBeLessThanOrEqual(expected: number | bigint): R;
  toThrow(expected?: unknown): R;
  toThrowError(expected?: unknown): R;
  toHaveBeenCalled(): R;
  toHaveBeenCalledTimes(times: number): R;
  toHaveBeenCalledWith(...args: unknown[]): R;
  toHaveBeenLastCalledWith(...args: unknown[]): R;
  toHaveBeenNthCalledWith(n: number, ...args: unknown[]): R;
  toHaveReturned(): R;
  toHaveReturnedTimes(times: number): R;
  toHaveReturnedWith(value: unknown): R;
}

interface JestExpectation extends JestMatchers<void> {
  not: JestMatchers<void>;
  resolves: JestMatchers<Promise<void>> & { not: JestMatchers<Promise<void>> };
  rejects: JestMatchers<Promise<void>> & { not: JestMatchers<Promise<void>> };
}

/** Asymmetric matchers stand in for any value, as in Jest's own types. */
interface JestAsymmetric {
  any(constructor: unknown): any;
  anything(): any;
  stringContaining(text: string): any;
  stringMatching(pattern: string | RegExp): any;
  objectContaining(object: object): any;
  arrayContaining(array: readonly unknown[]): any;
  closeTo(value: number, digits?: number): any;
}

interface JestExpect extends JestAsymmetric {
  (actual: unknown): JestExpectation;
  not: JestAsymmetric;
  assertions(count: number): void;
  hasAssertions(): void;
  extend(matchers: Record<string, (this: unknown, received: unknown, ...args: any[]) => { pass: boolean; message(): string }>): void;
}

type JestAnyFunction = (...args: any[]) => any;
interface JestMockState<T extends JestAnyFunction> {
  calls: Parameters<T>[];
  results: { type: 'return' | 'throw' | 'incomplete'; value: unknown }[];
}
type JestMock<T extends JestAnyFunction = JestAnyFunction> = T & {
  mock: JestMockState<T>;
  mockImplementation(fn: T): JestMock<T>;
  mockImplementationOnce(fn: T): JestMock<T>;
  mockReturnValue(value: ReturnType<T>): JestMock<T>;
  mockReturnValueOnce(value: ReturnType<T>): JestMock<T>;
  mockResolvedValue(value: Awaited<ReturnType<T>>): JestMock<T>;
  mockRejectedValue(value: unknown): JestMock<T>;
  mockClear(): JestMock<T>;
  mockReset(): JestMock<T>;
  mockRestore(): void;
};

interface JestObject {
  fn<T extends JestAnyFunction = JestAnyFunction>(implementation?: T): JestMock<T>;
  spyOn<O extends object, K extends keyof O>(object: O, method: K): O[K] extends JestAnyFunction ? JestMock<O[K]> : never;
  isMockFunction(fn: unknown): boolean;
  mocked<T>(source: T): T;
  clearAllMocks(): JestObject;
  resetAllMocks(): JestObject;
  restoreAllMocks(): JestObject;
  setTimeout(ms: number): JestObject;
}

declare var describe: JestDescribe;
declare var fdescribe: JestDescribe;
declare var xdescribe: JestDescribe;
declare var it: JestIt;
declare var test: JestIt;
declare var fit: JestIt;
declare var xit: JestIt;
declare var xtest: JestIt;
declare var beforeAll: JestHook;
declare var afterAll: JestHook;
declare var beforeEach: JestHook;
declare var afterEach: JestHook;
declare var expect: JestExpect;
declare var jest: JestObject;

declare module '@jest/globals' {
  export const describe: JestDescribe;
  export const fdescribe: JestDescribe;
  export const xdescribe: JestDescribe;
  export const it: JestIt;
  export const test: JestIt;
  export const fit: JestIt;
  export const xit: JestIt;
  export const xtest: JestIt;
  export const beforeAll: JestHook;
  export const afterAll: JestHook;
  export const beforeEach: JestHook;
  export const afterEach: JestHook;
  export const expect: JestExpect;
  export const jest: JestObject;
}
