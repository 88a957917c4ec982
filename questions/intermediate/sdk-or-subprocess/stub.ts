export interface ScaleRequest {
  name: string;
  namespace: string;
  replicas: number;
}

/** The slice of an SDK client we need. Older client versions lack the operation. */
export interface AppsClient {
  scaleDeployment?(namespace: string, name: string, replicas: number): Promise<{ replicas: number }>;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with exactly these arguments (no shell). Rejects when it cannot be started. */
export type RunCommand = (argv: readonly string[]) => Promise<CommandResult>;

export interface Tools {
  sdk?: AppsClient;
  run: RunCommand;
}

export interface ScaleResult {
  via: 'sdk' | 'cli';
  replicas: number;
}

export async function scaleDeployment(request: ScaleRequest, tools: Tools): Promise<ScaleResult> {
  throw new Error('Not implemented: scaleDeployment');
}
