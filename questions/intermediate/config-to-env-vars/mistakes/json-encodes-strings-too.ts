// Title: JSON-encodes every value, strings too (so they gain quotes)
// Breaks: "Strings are kept as they are; other values are JSON-encoded"
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

function envName(prefix: string, path: string): string {
  const raw = prefix === '' ? path : `${prefix}_${path}`;
  return raw.toUpperCase()/*NAME*/.replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [path, value] of Object.entries(flat)) {
    const name = envName(prefix, path);
    const seen = owner.get(name);
    /*CLASH*/if (seen !== undefined) throw new Error(`"${seen}" and "${path}" both become ${name}`);
    owner.set(name, path);
    out[name] = /*VALUE*/JSON.stringify(value);
  }
  return out;
}

type Seg = { key: string } | { index: number };
const SEG = /*SEGRE*/ /^(?:\.([^.[\]]+)|\[(0|[1-9][0-9]*)\])/;

function parsePath(path: string): Seg[] {
  const head = /^[^.[\]]+/.exec(path);
  if (!head) throw new Error(`malformed path "${path}"`);
  const segs: Seg[] = [{ key: head[0] }];
  let rest = path.slice(head[0].length);
  while (rest !== '') {
    const m = SEG.exec(rest);
    if (!m) throw new Error(`malformed path "${path}"`);
    segs.push(m[1] !== undefined ? { key: m[1] } : { index: Number(m[2]) });
    rest = rest.slice(m[0].length);
  }
  return segs;
}

function render(segs: readonly Seg[]): string {
  return segs.map((s, i) => ('key' in s ? (i === 0 ? s.key : `.${s.key}`) : `[${s.index}]`)).join('');
}

type Node = { kind: 'leaf'; value: FlatValue; path: string } | { kind: 'obj'; children: Map<string, Node> } | { kind: 'arr'; children: Map<number, Node> };

function copyLeaf(v: FlatValue): JsonValue {
  /*COPY*/if (Array.isArray(v)) return [];
  if (v !== null && typeof v === 'object') return {};
  return v;
}

export function unflatten(flat: FlatConfig): JsonObject {
  const root: Node = { kind: 'obj', children: new Map() };
  /*ORDER*/const entries = Object.entries(flat).sort((a, b) => a[0].length - b[0].length);
  for (const [path, value] of entries) {
    const segs = parsePath(path);
    let node: Node = root;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      const last = i === segs.length - 1;
      if (node.kind === 'leaf') throw new Error(`"${path}" is below the value "${node.path}"`);
      let child: Node | undefined;
      if ('key' in seg) {
        if (node.kind !== 'obj') throw new Error(`"${render(segs.slice(0, i))}" is used as an array and an object (at "${path}")`);
        child = node.children.get(seg.key);
        if (last) {
          if (child !== undefined) throw new Error(`"${path}" has a value and children`);
          node.children.set(seg.key, { kind: 'leaf', value, path });
          break;
        }
        if (child === undefined) {
          child = 'key' in segs[i + 1] ? { kind: 'obj', children: new Map() } : { kind: 'arr', children: new Map() };
          node.children.set(seg.key, child);
        }
      } else {
        if (node.kind !== 'arr') throw new Error(`"${render(segs.slice(0, i))}" is used as an array and an object (at "${path}")`);
        child = node.children.get(seg.index);
        if (last) {
          if (child !== undefined) throw new Error(`"${path}" has a value and children`);
          node.children.set(seg.index, { kind: 'leaf', value, path });
          break;
        }
        if (child === undefined) {
          child = 'key' in segs[i + 1] ? { kind: 'obj', children: new Map() } : { kind: 'arr', children: new Map() };
          node.children.set(seg.index, child);
        }
      }
      node = child;
    }
  }
  const build = (node: Node, here: string): JsonValue => {
    if (node.kind === 'leaf') return copyLeaf(node.value);
    if (node.kind === 'obj') {
      const o: JsonObject = {};
      for (const [k, c] of node.children) o[k] = build(c, here === '' ? k : `${here}.${k}`);
      return o;
    }
    const n = /*GAP*/Math.max(...node.children.keys()) + 1;
    const arr: JsonValue[] = [];
    for (let i = 0; i < n; i++) {
      const c = node.children.get(i);
      if (c === undefined) throw new Error(`missing element "${here}[${i}]"`);
      arr.push(build(c, `${here}[${i}]`));
    }
    return arr;
  };
  return build(root, '') as JsonObject;
}
