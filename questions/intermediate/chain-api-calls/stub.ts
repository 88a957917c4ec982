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

export async function collectMetrics(http: HttpClient, options: ChainOptions = {}): Promise<Outcome> {
  throw new Error('Not implemented: collectMetrics');
}
