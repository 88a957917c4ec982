// Title: Fetches a user's host metrics in parallel instead of one request at a time
// Breaks: "The API, called one request at a time in this order"
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

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isUserDetails(value: unknown): value is { hosts: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const hosts = (value as { hosts?: unknown }).hosts;
  return isStringArray(hosts);
}

function isMetrics(value: unknown): value is { cpu: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof (value as { cpu?: unknown }).cpu === 'number';
}

function shouldRetry(status: number): boolean {
  return status >= 500;
}

async function fetchJson<T>(
  http: HttpClient,
  path: string,
  guard: (value: unknown) => value is T,
  log: (line: string) => void,
  maxAttempts: number,
): Promise<Result<T>> {
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
      return guard(parsed) ? { ok: true, value: parsed } : { ok: false, reason: 'unexpected body' };
    }
    if (status === 404) return { ok: false, reason: 'not found' };
    if (shouldRetry(status)) {
      if (attempt >= maxAttempts) return { ok: false, reason: `HTTP ${status} after ${attempt} attempts` };
      continue;
    }
    return { ok: false, reason: `HTTP ${status}` };
  }
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

  const users = await fetchJson(http, '/users', isStringArray, log, maxAttempts);
  if (!users.ok) throw new Error(`cannot list users: ${users.reason}`);

  for (const user of users.value) {
    const userPath = `/users/${encodeURIComponent(user)}`;
    const details = await fetchJson(http, userPath, isUserDetails, log, maxAttempts);
    if (!details.ok) {
      skip(userPath, details.reason);
      continue;
    }
    const hosts = details.value.hosts;
    const results = await Promise.all(
      hosts.map((host) => fetchJson(http, `/hosts/${encodeURIComponent(host)}/metrics`, isMetrics, log, maxAttempts)),
    );
    for (const [index, host] of hosts.entries()) {
      const metricsPath = `/hosts/${encodeURIComponent(host)}/metrics`;
      const metrics = results[index]!;
      if (!metrics.ok) {
        skip(metricsPath, metrics.reason);
        continue;
      }
      rows.push({ user, host, cpu: metrics.value.cpu });
    }
  }
  return { rows, skipped };
}
