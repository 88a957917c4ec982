// Whether the sandbox is still fit for the next check once a check is over: what the check left running (handles
// beyond those of the idle sandbox), and whether the checker's own objects (its built-ins, its result channel,
// `expect` and the matchers) are exactly the ones captured before any user code ran, compared by identity.
import { expect as realExpect } from 'expect';
import { checkerIntrinsics } from './membrane';

const IGNORED_RESOURCES = new Set(['WriteWrap', 'ShutdownWrap']);
let baseline: Map<string, number> | undefined;

function countResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** Records what the idle sandbox has open (its IPC pipe, stdio), to spot what a check leaves behind. */
export function recordBaseline(): void {
  baseline = countResources();
  snapshot = takeSnapshot();
}

/** What the check left open beyond the idle sandbox's handles, e.g. "1 Timeout, 2 FSReqCallback". */
export function leftoverResources(): string | undefined {
  if (!baseline) return undefined;
  const extra: string[] = [];
  for (const [type, n] of countResources()) {
    if (IGNORED_RESOURCES.has(type)) continue;
    const more = n - (baseline.get(type) ?? 0);
    if (more > 0) extra.push(`${more} ${type}`);
  }
  return extra.length > 0 ? extra.join(', ') : undefined;
}

// ---------------------------------------------------------------- identity of the checker's own objects

type Slot = readonly [value: unknown, get: unknown, set: unknown];

interface Target {
  label: string;
  object: object;
  /** Only these keys (for objects that legitimately change, like `process`). */
  keys?: readonly PropertyKey[];
  /** New keys are expected (expect.extend from a test file adds matchers): they only make the sandbox dirty. */
  growable?: boolean;
}

interface Snapshot {
  targets: Target[];
  slots: Array<Map<PropertyKey, Slot>>;
}

let snapshot: Snapshot | undefined;

const MATCHERS_KEY = Symbol.for('$$jest-matchers-object');
/** The parts of `process` the sandbox relies on. */
const PROCESS_KEYS = ['emit', 'on', 'kill', 'exit', 'reallyExit', 'stdin', 'nextTick'];
/** The result channel's socket (see main.ts). */
let channel: object | undefined;

/** Names the socket results are written to: what it writes through is checked like the rest. */
export function watchChannel(socket: object): void {
  channel = socket;
}

/** The built-ins the harness, expect and the result channel rely on. */
const WATCHED_INTRINSICS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Promise', 'Map', 'Set', 'WeakMap', 'Reflect',
  'JSON', 'Math', 'Error', 'TypeError', 'RegExp', 'Date', 'Uint8Array', 'AsyncFunction', 'GeneratorFunction',
];

function targets(): Target[] {
  const list: Target[] = [{ label: 'globalThis', object: globalThis }];
  const intrinsics = checkerIntrinsics();
  for (const name of WATCHED_INTRINSICS) {
    const value = intrinsics[name];
    if (!value) continue;
    list.push({ label: name, object: value });
    const proto = (value as { prototype?: unknown }).prototype;
    if (typeof proto === 'object' && proto !== null) list.push({ label: `${name}.prototype`, object: proto });
  }
  list.push({ label: 'process', object: process, keys: PROCESS_KEYS });
  if (channel) {
    list.push({ label: 'the result channel', object: channel, keys: ['write', '_write', '_writev', '_handle'] });
    for (let p = Object.getPrototypeOf(channel) as object | null, i = 0; p && p !== Object.prototype && i < 6; p = Object.getPrototypeOf(p) as object | null, i++) {
      list.push({ label: 'the result channel', object: p });
    }
    const handle = (channel as { _handle?: object })._handle;
    const handleProto = handle ? (Object.getPrototypeOf(handle) as object | null) : null;
    if (handleProto) list.push({ label: 'the result channel', object: handleProto });
  }
  list.push({ label: 'expect', object: realExpect, growable: true });
  const registry = (globalThis as Record<symbol, { matchers?: object; customEqualityTesters?: object }>)[MATCHERS_KEY];
  if (registry) {
    list.push({ label: 'the matcher registry', object: registry, keys: ['matchers', 'customEqualityTesters'] });
    if (registry.matchers) list.push({ label: 'the matcher', object: registry.matchers, growable: true });
  }
  return list;
}

function slotsOf(t: Target): Map<PropertyKey, Slot> {
  const slots = new Map<PropertyKey, Slot>();
  for (const key of t.keys ?? Reflect.ownKeys(t.object)) {
    const d = Reflect.getOwnPropertyDescriptor(t.object, key);
    slots.set(key, d ? [d.value, d.get, d.set] : [undefined, undefined, undefined]);
  }
  return slots;
}

function takeSnapshot(): Snapshot {
  const list = targets();
  return { targets: list, slots: list.map(slotsOf) };
}

export interface Tampering {
  /** Changes that make the check not count (a replaced matcher, a patched channel or built-in). */
  refused: string[];
  /** Changes that only make the sandbox unfit for another check (matchers added by the drill's tests). */
  dirty: string[];
}

/** Compares the checker's objects with the snapshot taken when the sandbox became ready. */
export function checkIntegrity(): Tampering {
  const result: Tampering = { refused: [], dirty: [] };
  if (!snapshot) return result;
  const name = (label: string, key: PropertyKey) => `${label} ${typeof key === 'symbol' ? key.toString() : `"${String(key)}"`}`;
  snapshot.targets.forEach((t, i) => {
    const before = snapshot!.slots[i];
    const now = slotsOf(t);
    for (const [key, slot] of before) {
      const current = now.get(key);
      if (!current || !Object.is(current[0], slot[0]) || current[1] !== slot[1] || current[2] !== slot[2]) {
        result.refused.push(`${name(t.label, key)} was replaced`);
      }
    }
    if (t.keys) return;
    for (const key of now.keys()) {
      if (before.has(key)) continue;
      (t.growable ? result.dirty : result.refused).push(`${name(t.label, key)} was added`);
    }
  });
  // A long list helps nobody: the first few say what happened.
  if (result.refused.length > 5) result.refused.splice(5, result.refused.length - 5, `and ${result.refused.length - 5} more changes`);
  return result;
}
