// Title: Retries 408 and 429 answers as if they were 5xx
// Breaks: "Any other 4xx (or other non-2xx below 500): reason `HTTP <status>`, no retry."
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

async function getJson<T>(
  http: HttpClient,
  path: string,
  log: (line: string) => void,
  maxAttempts: number,
  check: (value: unknown) => value is T,
): Promise<Fetched<T>> {
  for (let attempt = 1; ; attempt++) {
    log(`GET ${path}`);
    let response: HttpResponse;
    try {
      response = await http.get(path);
    } catch (error) {
      const message = messageOf(error);
      log(`GET ${path} failed: ${message}`);
      if (attempt >= maxAttempts) return { ok: false, reason: `${message} after ${attempt} attempts` };
      continue;
    }
    const { status } = response;
    log(`GET ${path} -> ${status}`);
    if (status >= 200 && status < 300) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(response.body);
      } catch {
        return { ok: false, reason: 'invalid JSON' };
      }
      if (!check(parsed)) return { ok: false, reason: 'unexpected body' };
      return { ok: true, value: parsed };
    }
    if (status === 404) return { ok: false, reason: 'not found' };
    if (status >= 500 || status === 408 || status === 429) {
      if (attempt >= maxAttempts) return { ok: false, reason: `HTTP ${status} after ${attempt} attempts` };
      continue;
    }
    return { ok: false, reason: `HTTP ${status}` };
  }
}

interface UserDetails {
  hosts: string[];
}

function isUserDetails(value: unknown): value is UserDetails {
  return isRecord(value) && isStringArray(value.hosts);
}

function isMetrics(value: unknown): value is { cpu: number } {
  return isRecord(value) && typeof value.cpu === 'number';
}

export async function collectMetrics(http: HttpClient, options: ChainOptions = {}): Promise<Outcome> {
  const log = options.log ?? ((line: string) => console.info(line));
  const maxAttempts = options.maxAttempts ?? 3;
  const rows: Row[] = [];
  const skipped: Skip[] = [];

  const skip = (path: string, reason: string): void => {
    log(`skip ${path}: ${reason}`);
    skipped.push({ path, reason });
  };

  const users = await getJson(http, '/users', log, maxAttempts, isStringArray);
  if (!users.ok) throw new Error(`cannot list users: ${users.reason}`);

  for (const user of users.value) {
    const userPath = `/users/${encodeURIComponent(user)}`;
    const details = await getJson(http, userPath, log, maxAttempts, isUserDetails);
    if (!details.ok) {
      skip(userPath, details.reason);
      continue;
    }
    for (const host of details.value.hosts) {
      const metricsPath = `/hosts/${encodeURIComponent(host)}/metrics`;
      const metrics = await getJson(http, metricsPath, log, maxAttempts, isMetrics);
      if (!metrics.ok) {
        skip(metricsPath, metrics.reason);
        continue;
      }
      rows.push({ user, host, cpu: metrics.value.cpu });
    }
  }
  return { rows, skipped };
}
