// Title: Handles $$ in a final pass over the rendered output, so "$$" inside a substituted value or default collapses to "$"
// Breaks: "No recursive expansion: a substituted value or default is inserted as it is and never scanned again, so a value such as `hello ${USER}` or a password `pa$$word` comes out exactly like that."
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

// a placeholder not preceded by an odd number of '$' (those are escapes, collapsed afterwards)
const PLACEHOLDER_RE = /(?<=(?:^|[^$])(?:\$\$)*)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\n]*))?\}/g;

function lookup(env: Env, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

function lineAt(template: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (template[i] === '\n') line++;
  return line;
}

export function renderTemplate(template: string, env: Env): string {
  const missing: MissingVariable[] = [];
  const output = template.replace(
    PLACEHOLDER_RE,
    (_match: string, name: string | undefined, fallback: string | undefined, offset: number) => {
      const value = lookup(env, name!);
      if (fallback !== undefined) return value !== undefined && value !== '' ? value : fallback;
      if (value === undefined) {
        missing.push({ name: name!, line: lineAt(template, offset) });
        return '';
      }
      return value;
    },
  );
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return output.replace(/\$\$/g, '$');
}
