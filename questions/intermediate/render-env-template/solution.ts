export type Env = Readonly<Record<string, string | undefined>>;

export interface MissingVariable {
  name: string;
  /** 1-based line of the placeholder in the template. */
  line: number;
}

export class MissingVariablesError extends Error {
  constructor(readonly missing: readonly MissingVariable[]) {
    super(`Missing environment variables: ${missing.map((m) => `${m.name} (line ${m.line})`).join(', ')}`);
    this.name = 'MissingVariablesError';
  }
}

/** `$$`, or `${NAME}` / `${NAME:-default}`, tried at the same position so they can never overlap. */
const PLACEHOLDER = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\n]*))?\})/g;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') line++;
  }
  return line;
}

export function renderTemplate(template: string, env: Env): string {
  const missing: MissingVariable[] = [];
  const output = template.replace(
    PLACEHOLDER,
    (
      match: string,
      dollar: string | undefined,
      name: string | undefined,
      fallback: string | undefined,
      offset: number,
    ): string => {
      if (dollar !== undefined) return '$';
      const key = name as string;
      // Only the environment's own entries: `${constructor}` must not find Object.prototype.constructor.
      const value = Object.hasOwn(env, key) ? env[key] : undefined;
      if (fallback !== undefined) {
        return value === undefined || value === '' ? fallback : value;
      }
      if (value !== undefined) return value;
      missing.push({ name: key, line: lineAt(template, offset) });
      return match;
    },
  );
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return output;
}
