// Freezes the checker's own built-ins once the sandbox is warm. The membrane (membrane.ts) hands user code no object
// of the checker's realm, but V8 itself can: when checker code calls a user function that is a Proxy, the trap's
// argument list is an array of the caller's realm, and its prototype chain leads to the checker's Array.prototype,
// Object.prototype and Object (where `Object.is` decides `toBe`). Frozen, those can be read but not changed, so a
// self-restoring patch of them cannot fake a pass. cleanliness.ts still compares them after every check.
//
// Freezing makes an inherited read-only property shadow assignments (`err.name = ...`, `obj.toString = ...` throw in
// strict code): the properties code commonly assigns on instances become accessors whose setter defines the
// property on the instance instead, as SES does.
import { checkerIntrinsics } from './membrane';

/** Properties that code assigns on instances, shadowing the prototype's. */
const OVERRIDABLE = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'toJSON', 'name', 'message', 'then', 'catch', 'finally'];

/** Constructors whose own statics change at run time (Error.stackTraceLimit): their prototypes are frozen, not they. */
const OPEN_CONSTRUCTORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

function allowOverride(proto: object, key: string): void {
  const d = Reflect.getOwnPropertyDescriptor(proto, key);
  if (!d || !('value' in d) || !d.configurable) return;
  const value: unknown = d.value;
  Reflect.defineProperty(proto, key, {
    configurable: false,
    enumerable: d.enumerable,
    get() {
      return value;
    },
    set(this: unknown, next: unknown) {
      if (this === proto || (typeof this !== 'object' && typeof this !== 'function') || this === null) {
        throw new TypeError(`Cannot assign to read only property '${key}' of a built-in of the checker`);
      }
      Reflect.defineProperty(this as object, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
  });
}

function hiddenPrototypes(): object[] {
  const list: object[] = [];
  const add = (o: unknown) => {
    if (typeof o === 'object' && o !== null) list.push(o);
  };
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  add(arrayIterator);
  add(Object.getPrototypeOf(arrayIterator));
  add(Object.getPrototypeOf(new Map()[Symbol.iterator]()));
  add(Object.getPrototypeOf(new Set()[Symbol.iterator]()));
  add(Object.getPrototypeOf(''[Symbol.iterator]()));
  add(Object.getPrototypeOf(/x/[Symbol.matchAll]('')));
  const generator = Object.getPrototypeOf(function* () {}) as { prototype: object };
  add(generator.prototype);
  const asyncGenerator = Object.getPrototypeOf(async function* () {}) as { prototype: object };
  add(asyncGenerator.prototype);
  add(Object.getPrototypeOf(asyncGenerator.prototype));
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  add(typedArray);
  add(typedArray.prototype);
  return list;
}

let done = false;

/** Freezes the checker's intrinsics (once; call after warm-up, before the integrity snapshot). */
export function lockDown(): void {
  if (done) return;
  done = true;
  const targets: object[] = [];
  for (const [name, value] of Object.entries(checkerIntrinsics())) {
    const proto = (value as { prototype?: unknown }).prototype;
    if (typeof proto === 'object' && proto !== null) targets.push(proto);
    if (!OPEN_CONSTRUCTORS.has(name)) targets.push(value);
  }
  targets.push(...hiddenPrototypes());
  // Error stays open for Node's own Error.stackTraceLimit writes; what the checker relies on is fixed.
  const captureStackTrace = Error.captureStackTrace;
  Object.defineProperty(Error, 'captureStackTrace', { value: captureStackTrace, writable: false, configurable: false });
  for (const target of targets) {
    for (const key of OVERRIDABLE) allowOverride(target, key);
    Object.freeze(target);
  }
}
