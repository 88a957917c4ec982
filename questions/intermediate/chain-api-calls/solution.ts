export interface HttpResponse {
  status: number;
  body: string;
}

export interface HttpClient {
  /** Resolves with any status; rejects only when the request could not be made (network failure). */
  get(path: string): Promise<HttpResponse>;
}

export interface Row {
  user: string;
  host: string;
  cpu: number;
}

export interface Skip {
  path: string;
  reason: string;
}

export interface Outcome {
  rows: Row[];
  skipped: Skip[];
}

export interface ChainOptions {
  /** Default console.info. */
  log?: (line: string) => void;
  /** Calls per path at most, for 5xx answers and network failures (default 3). */
  maxAttempts?: number;
}

type Fetched<T> = { ok: true; value: T } | { ok: false; reason: string };

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isDetails = (v: unknown): v is { hosts: string[] } =>
  typeof v === 'object' && v !== null && isStringArray((v as { hosts?: unknown }).hosts);
const isMetrics = (v: unknown): v is { cpu: number } =>
  typeof v === 'object' && v !== null && typeof (v as { cpu?: unknown }).cpu === 'number';

export async function collectMetrics(http: HttpClient, options: ChainOptions = {}): Promise<Outcome> {
  const { log = (line: string) => console.info(line), maxAttempts = 3 } = options;
  const outcome: Outcome = { rows: [], skipped: [] };

  /** One request with the retry and parsing rules: a value, or the reason there is none. */
  async function fetchJson<T>(path: string, isValid: (v: unknown) => v is T): Promise<Fetched<T>> {
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await http.get(path);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt < maxAttempts) continue;
        return { ok: false, reason: `${message} after ${attempt} attempts` };
      }
      const { status } = response;
      if (status >= 500 && status <= 599) {
        if (attempt < maxAttempts) continue;
        return { ok: false, reason: `HTTP ${status} after ${attempt} attempts` };
      }
      if (status === 404) return { ok: false, reason: 'not found' };
      if (status < 200 || status > 299) return { ok: false, reason: `HTTP ${status}` };
      let value: unknown;
      try {
        value = JSON.parse(response.body);
      } catch {
        return { ok: false, reason: 'invalid JSON' };
      }
      return isValid(value) ? { ok: true, value } : { ok: false, reason: 'unexpected body' };
    }
  }

  const skip = (path: string, reason: string): void => {
    log(`skip ${path}: ${reason}`);
    outcome.skipped.push({ path, reason });
  };

  const users = await fetchJson('/users', isStringArray);
  if (!users.ok) throw new Error(`cannot list users: ${users.reason}`);

  for (const user of users.value) {
    const detailsPath = `/users/${encodeURIComponent(user)}`;
    const details = await fetchJson(detailsPath, isDetails);
    if (!details.ok) {
      skip(detailsPath, details.reason);
      continue; // no details, so no hosts to ask about
    }
    for (const host of details.value.hosts) {
      const metricsPath = `/hosts/${encodeURIComponent(host)}/metrics`;
      const metrics = await fetchJson(metricsPath, isMetrics);
      if (!metrics.ok) {
        skip(metricsPath, metrics.reason);
        continue;
      }
      outcome.rows.push({ user, host, cpu: metrics.value.cpu });
    }
  }
  return outcome;
}
