// Title: Treats a variable set to the empty string as missing
// Breaks: "A variable set to the empty string is a value (it renders as nothing); a variable that is `undefined` or absent is **missing**."
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

const PLACEHOLDER = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\n]*))?\}/g;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}

export function renderTemplate(template: string, env: Env): string {
  const missing: MissingVariable[] = [];
  const lookup = (name: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
  const output = template.replace(
    PLACEHOLDER,
    (match: string, name: string | undefined, fallback: string | undefined, offset: number): string => {
      if (name === undefined) return '$';
      const value = lookup(name);
      if (fallback !== undefined) return value !== undefined && value !== '' ? value : fallback;
      if (!value) {
        missing.push({ name, line: lineAt(template, offset) });
        return match;
      }
      return value;
    },
  );
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return output;
}
