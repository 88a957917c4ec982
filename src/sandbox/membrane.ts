// The boundary between the checker's own realm (the sandbox process's globals, the harness, `expect`) and the vm
// context the code under test runs in. vm contexts are not a boundary by themselves: any object of the checker's
// realm handed to user code leads back to the checker's `Function` (`expect.constructor('return process')()`), and
// from there to the real `process`, the result channel and the matchers. So nothing of the checker's realm is
// handed over as it is:
// - a checker object becomes a read-only proxy whose target is an object of the user's realm; everything read
//   through it (values, getters, prototypes, thrown errors, results of calls) is wrapped the same way, and the
//   checker's intrinsics (Object, Function, AsyncFunction, Error, ...) read through it are the user's own;
// - a user function handed to checker code becomes a proxy that hands its arguments over the same way;
// - after the check the membrane is revoked: no checker code calls into that check's user code any more, so nothing
//   it left behind runs during a later check.
// Limits: this guards the objects the checker hands over. Node's built-in modules (fs, child_process, ...) are
// handed over through the membrane too, so code under test can still act with the user's rights on the machine.
import * as vm from 'node:vm';
import { types } from 'node:util';

/** What the membrane needs from the user's realm; made there, before any user code runs (see realmParts). */
export interface RealmParts {
  /** name -> intrinsic of the user's realm (constructors, namespaces, the hidden function constructors). */
  intrinsics: Record<string, object>;
  objectProto: object;
  functionProto: object;
  shadowFunction(): object;
  shadowObject(): object;
  shadowArray(): object;
  /** A TypeError of the user's realm. */
  typeError(message: string): unknown;
  /** Made up front: thrown when turning an error into the user's realm fails (e.g. at the stack limit). */
  fallbackError: unknown;
  /** An ordinary `instanceof` against a user class, as a user-realm function. */
  hasInstance(C: unknown): unknown;
  /**
   * Calls (constructs) a user function from the user's realm: a Proxy's trap then gets an argument list of that
   * realm, not one of the checker's.
   */
  call(fn: unknown, thisArg: unknown, args: unknown[]): unknown;
  construct(fn: unknown, args: unknown[], newTarget: unknown): object;
  /** The user's realm's Promise.resolve and Promise.prototype.then, taken before user code could patch them. */
  promiseResolve(value: unknown): object;
  promiseThen(promise: unknown, onFulfilled: unknown, onRejected: unknown): unknown;
  promiseProto: object;
  promiseThenOriginal: unknown;
  jsonParse(text: string): unknown;
  newObject(): Record<string, unknown>;
  newArray(): unknown[];
}

const REALM_PARTS_SOURCE = `(() => {
  'use strict';
  const g = globalThis;
  const intrinsics = {};
  for (const name of NAMES) if (g[name] !== undefined && g[name] !== null) intrinsics[name] = g[name];
  intrinsics.AsyncFunction = (async function () {}).constructor;
  intrinsics.GeneratorFunction = (function* () {}).constructor;
  intrinsics.AsyncGeneratorFunction = (async function* () {}).constructor;
  const apply = Reflect.apply;
  const ordinary = Function.prototype[Symbol.hasInstance];
  const resolve = Promise.resolve;
  const then = Promise.prototype.then;
  const parse = JSON.parse;
  const fallbackError = new RangeError('Maximum call stack size exceeded');
  return {
    intrinsics,
    objectProto: Object.prototype,
    functionProto: Function.prototype,
    shadowFunction: () => apply(Function.prototype.bind, function () {}, []),
    shadowObject: () => ({}),
    shadowArray: () => [],
    typeError: (message) => new TypeError(message),
    fallbackError,
    hasInstance: (C) => function (v) { return apply(ordinary, C, [v]); },
    call: (fn, thisArg, args) => apply(fn, thisArg, args),
    construct: (fn, args, newTarget) => Reflect.construct(fn, args, newTarget),
    promiseResolve: (value) => apply(resolve, Promise, [value]),
    promiseThen: (promise, onFulfilled, onRejected) => apply(then, promise, [onFulfilled, onRejected]),
    promiseProto: Promise.prototype,
    promiseThenOriginal: then,
    jsonParse: (text) => parse(text),
    newObject: () => ({}),
    newArray: () => [],
  };
})()`;

const INTRINSIC_NAMES = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Promise', 'Map',
  'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'Proxy', 'Reflect', 'JSON', 'Math', 'Atomics', 'Intl', 'Error', 'TypeError',
  'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'ArrayBuffer',
  'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

/** Constructors that `expect.any()` compares by identity: the user's are read as the checker's. */
const IMPORTED_AS_HOST = ['String', 'Number', 'Boolean', 'BigInt', 'Symbol'];

/** The checker's own intrinsics by name (the hidden function constructors included). */
export function checkerIntrinsics(): Readonly<Record<string, object>> {
  return HOST_INTRINSICS;
}

/** Compiled once; run in each check's context. */
const realmPartsScript = new vm.Script(REALM_PARTS_SOURCE.replace('NAMES', JSON.stringify(INTRINSIC_NAMES)), { filename: 'drills:realm' });

export function realmParts(context: vm.Context): RealmParts {
  return realmPartsScript.runInContext(context) as RealmParts;
}

/** Taken when this module loads, before main.ts disarms the checker's function constructors. */
const HOST_INTRINSICS = hostIntrinsics();

function hostIntrinsics(): Record<string, object> {
  const g = globalThis as unknown as Record<string, object>;
  const out: Record<string, object> = {};
  for (const name of INTRINSIC_NAMES) if (g[name]) out[name] = g[name];
  out.AsyncFunction = (async function () {}).constructor;
  out.GeneratorFunction = function* () {}.constructor;
  out.AsyncGeneratorFunction = async function* () {}.constructor;
  return out;
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

// Plain Maps rather than WeakMaps: a membrane lives for one check and is dropped with it, and ephemeron tables make
// every garbage collection of the sandbox slower.
export class Membrane {
  /** checker object -> the proxy user code sees */
  private readonly outbound = new Map<object, object>();
  /** proxy -> checker object */
  private readonly inbound = new Map<object, object>();
  private readonly shadowToHost = new Map<object, object>();
  /** user function -> the proxy checker code calls */
  private readonly wrappers = new Map<object, object>();
  private readonly wrapperToUser = new Map<object, object>();
  private readonly hostToUser = new Map<object, object>();
  private readonly userToHost = new Map<object, object>();
  private readonly denied = new Set<object>();
  private readonly hasInstanceOf = new Map<object, unknown>();
  private revoked = false;
  private readonly handler: ProxyHandler<object>;
  private readonly wrapperHandler: ProxyHandler<object>;

  constructor(
    readonly parts: RealmParts,
    deny: Iterable<object>,
  ) {
    for (const d of deny) this.denied.add(d);
    const host = HOST_INTRINSICS;
    for (const [name, h] of Object.entries(host)) {
      const u = parts.intrinsics[name];
      if (!u) continue;
      this.hostToUser.set(h, u);
      if (IMPORTED_AS_HOST.includes(name)) this.userToHost.set(u, h);
      const hp = (h as { prototype?: object }).prototype;
      const up = (u as { prototype?: object }).prototype;
      if (hp && up && typeof hp === 'object' && typeof up === 'object') this.hostToUser.set(hp, up);
    }
    this.handler = this.makeHandler();
    this.wrapperHandler = this.makeWrapperHandler();
  }

  get isRevoked(): boolean {
    return this.revoked;
  }

  /** After this, no proxy answers and no user function is called by checker code. */
  revoke(): void {
    this.revoked = true;
  }

  /** True for the proxies this membrane hands to user code. */
  isProxyOfHost(v: unknown): boolean {
    return !isPrimitive(v) && this.inbound.has(v as object);
  }

  /** A value of the checker's realm as user code may see it. */
  exportValue(v: unknown): unknown {
    if (isPrimitive(v)) return v;
    const o = v as object;
    if (this.inbound.has(o)) return o;
    const intrinsic = this.hostToUser.get(o);
    if (intrinsic) return intrinsic;
    if (this.denied.has(o)) return undefined;
    const known = this.outbound.get(o);
    if (known) return known;
    const user = this.wrapperToUser.get(o);
    if (user) return user;
    if (this.isUserValue(o)) return o;
    return this.makeProxy(o);
  }

  /** A value of the user's realm as checker code may use it. */
  importValue(v: unknown): unknown {
    if (isPrimitive(v)) return v;
    const o = v as object;
    const host = this.inbound.get(o);
    if (host) return host;
    const intrinsic = this.userToHost.get(o);
    if (intrinsic) return intrinsic;
    if (typeof o === 'function') return this.wrapUserFunction(o);
    return o;
  }

  /** Calls a user function from checker code: `this` and the arguments are handed over first. */
  callUser(fn: unknown, thisArg: unknown, args: unknown[]): unknown {
    if (this.revoked) return undefined;
    return this.parts.call(fn, this.exportValue(thisArg), this.exportArgs(args));
  }

  /** The arguments, handed over; the array itself only goes to the user realm's own Reflect.apply (parts.call). */
  private exportArgs(args: unknown[]): unknown[] {
    const out: unknown[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = this.exportValue(args[i]);
    return out;
  }

  /**
   * Waits for a value returned by user code (a promise, any thenable) without handing it a checker function: it is
   * adopted by the user's realm's own Promise.resolve/then, taken before user code ran.
   */
  settle(value: unknown, onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void): void {
    const p = this.parts.promiseResolve(value);
    this.parts.promiseThen(p, this.exportValue(onFulfilled), this.exportValue(onRejected));
  }

  /** A checker promise for a user thenable, adopted as `settle` does. */
  adopt(value: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => this.settle(value, resolve, reject));
  }

  /** True when `v` belongs to the user's realm (its prototype chain reaches the user's Object.prototype). */
  isUserValue(v: object): boolean {
    let o: object | null = v;
    for (let i = 0; i < 64 && o !== null; i++) {
      if (types.isProxy(o)) return !this.inbound.has(o) && !this.wrapperToUser.has(o);
      if (o === this.parts.objectProto || o === this.parts.functionProto) return true;
      if (o === Object.prototype || o === Function.prototype) return false;
      o = Reflect.getPrototypeOf(o);
    }
    return false;
  }

  private makeProxy(host: object): object {
    const shadow = typeof host === 'function' ? this.parts.shadowFunction() : Array.isArray(host) ? this.parts.shadowArray() : this.parts.shadowObject();
    this.shadowToHost.set(shadow, host);
    const proxy = new Proxy(shadow, this.handler);
    this.outbound.set(host, proxy);
    this.inbound.set(proxy, host);
    return proxy;
  }

  private wrapUserFunction(fn: object): object {
    const known = this.wrappers.get(fn);
    if (known) return known;
    const wrapper = new Proxy(fn, this.wrapperHandler);
    this.wrappers.set(fn, wrapper);
    this.wrapperToUser.set(wrapper, fn);
    return wrapper;
  }

  /** What a user function returned, for checker code: a thenable other than a plain promise is adopted first. */
  importResult(value: unknown): unknown {
    if (isPrimitive(value)) return value;
    const o = value as object;
    if (this.inbound.has(o)) return this.importValue(o);
    let then: unknown;
    try {
      then = (o as { then?: unknown }).then;
    } catch {
      return o;
    }
    if (typeof then !== 'function') return this.importValue(o);
    const plain = types.isPromise(o) && Reflect.getPrototypeOf(o) === this.parts.promiseProto && then === this.parts.promiseThenOriginal;
    return plain ? o : this.adopt(o);
  }

  /** An error thrown in checker code, for user code; a prepared one if even that fails (at the stack limit). */
  private errorOut(error: unknown): unknown {
    try {
      return this.exportValue(error);
    } catch {
      return this.parts.fallbackError;
    }
  }

  private makeHandler(): ProxyHandler<object> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const hostOf = (shadow: object): object => self.shadowToHost.get(shadow) as object;
    function guard<T>(fn: () => T): T {
      if (self.revoked) throw self.parts.typeError('This object belongs to a check that is over');
      try {
        return fn();
      } catch (error) {
        throw self.errorOut(error);
      }
    }
    const refuse = () => {
      if (self.revoked) throw self.parts.typeError('This object belongs to a check that is over');
      return false;
    };
    return {
      // get and apply are the hot paths: written out, without guard's closure.
      get: (shadow, key) => {
        if (self.revoked) throw self.parts.typeError('This object belongs to a check that is over');
        try {
          return self.exportValue(Reflect.get(hostOf(shadow), key));
        } catch (error) {
          throw self.errorOut(error);
        }
      },
      has: (shadow, key) => guard(() => Reflect.has(hostOf(shadow), key)),
      ownKeys: (shadow) => guard(() => Reflect.ownKeys(hostOf(shadow))),
      getOwnPropertyDescriptor: (shadow, key) =>
        guard(() => {
          const d = Reflect.getOwnPropertyDescriptor(hostOf(shadow), key);
          if (!d) return undefined;
          const own = Reflect.getOwnPropertyDescriptor(shadow, key);
          const out: PropertyDescriptor = { enumerable: d.enumerable, configurable: own ? own.configurable : true };
          if ('value' in d) {
            out.value = self.exportValue(d.value);
            out.writable = own && !own.configurable ? own.writable : d.writable;
          } else {
            out.get = self.exportValue(d.get) as PropertyDescriptor['get'];
            out.set = self.exportValue(d.set) as PropertyDescriptor['set'];
          }
          return out;
        }),
      getPrototypeOf: (shadow) => guard(() => (self.exportValue(Reflect.getPrototypeOf(hostOf(shadow))) ?? null) as object | null),
      isExtensible: (shadow) => Reflect.isExtensible(shadow),
      preventExtensions: refuse,
      set: refuse,
      defineProperty: refuse,
      deleteProperty: refuse,
      setPrototypeOf: refuse,
      apply: (shadow, thisArg, args: unknown[]) => {
        if (self.revoked) throw self.parts.typeError('This object belongs to a check that is over');
        try {
          const host = hostOf(shadow) as (...a: unknown[]) => unknown;
          const hostArgs: unknown[] = new Array(args.length);
          for (let i = 0; i < args.length; i++) hostArgs[i] = self.importValue(args[i]);
          return self.exportValue(Reflect.apply(host, self.importValue(thisArg), hostArgs));
        } catch (error) {
          throw self.errorOut(error);
        }
      },
      construct: (shadow, args: unknown[], newTarget) =>
        guard(() => {
          const host = hostOf(shadow) as new (...a: unknown[]) => object;
          const target = self.inbound.get(newTarget) ?? self.importValue(newTarget);
          return self.exportValue(Reflect.construct(host, args.map((a) => self.importValue(a)), target as new (...a: unknown[]) => object)) as object;
        }),
    };
  }

  private makeWrapperHandler(): ProxyHandler<object> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      get(fn, key) {
        if (key === Symbol.hasInstance) {
          let h = self.hasInstanceOf.get(fn);
          if (!h) {
            h = self.parts.hasInstance(fn);
            self.hasInstanceOf.set(fn, h);
          }
          return h;
        }
        return Reflect.get(fn, key);
      },
      apply(fn, thisArg, args: unknown[]) {
        if (self.revoked) return undefined;
        return self.importResult(self.parts.call(fn, self.exportValue(thisArg), self.exportArgs(args)));
      },
      construct(fn, args: unknown[], newTarget) {
        if (self.revoked) throw new Error('This check is over');
        const target = newTarget === self.wrappers.get(fn) ? fn : self.exportValue(newTarget);
        return self.importValue(self.parts.construct(fn, self.exportArgs(args), target)) as object;
      },
    };
  }
}
