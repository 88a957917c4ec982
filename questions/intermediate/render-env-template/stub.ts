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

export function renderTemplate(template: string, env: Env): string {
  throw new Error('Not implemented: renderTemplate');
}
