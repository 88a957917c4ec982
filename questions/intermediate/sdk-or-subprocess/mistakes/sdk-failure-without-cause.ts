// Title: The SDK failure error has the right message but no cause
// Breaks: "reject with `new Error('scaling <namespace>/<name> through the SDK failed: <message>', { cause })`"
// Adapted: the kubectl argv follows the prompt's `kubectl patch` form (the rest is as written blind).
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

const K8S_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function checkName(field: 'name' | 'namespace', value: unknown): void {
  if (typeof value !== 'string' || !K8S_NAME.test(value)) {
    throw new RangeError(`${field} must be a Kubernetes name (1-63 chars of a-z, 0-9, -), got ${JSON.stringify(value)}`);
  }
}

function validate(request: ScaleRequest): void {
  checkName('name', request.name);
  checkName('namespace', request.namespace);
  const { replicas } = request;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new RangeError(`replicas must be an integer >= 0, got ${String(replicas)}`);
  }
}

function replicasFromOutput(stdout: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new Error('unexpected kubectl output: not JSON');
  }
  const spec = typeof parsed === 'object' && parsed !== null ? (parsed as { spec?: unknown }).spec : undefined;
  const replicas = typeof spec === 'object' && spec !== null ? (spec as { replicas?: unknown }).replicas : undefined;
  if (typeof replicas !== 'number') throw new Error('unexpected kubectl output: no spec.replicas');
  return replicas;
}

export async function scaleDeployment(request: ScaleRequest, tools: Tools): Promise<ScaleResult> {
  validate(request);
  const { name, namespace, replicas } = request;

  const sdk = tools.sdk;
  if (sdk && typeof sdk.scaleDeployment === 'function') {
    let answer: { replicas: number };
    try {
      answer = await sdk.scaleDeployment(namespace, name, replicas);
    } catch (cause) {
      throw new Error(`scaling ${namespace}/${name} through the SDK failed: ${messageOf(cause)}`);
    }
    return { via: 'sdk', replicas: answer.replicas };
  }

  const argv = [
    'kubectl',
    'patch',
    `deployment/${name}`,
    `--namespace=${namespace}`,
    '--type=merge',
    `--patch={"spec":{"replicas":${replicas}}}`,
    '--output=json',
  ];
  let result: CommandResult;
  try {
    result = await tools.run(argv);
  } catch (cause) {
    throw new Error(`could not run kubectl: ${messageOf(cause)}`, { cause });
  }
  if (result.exitCode !== 0) {
    throw new Error(`${argv.join(' ')} exited with code ${result.exitCode}: ${result.stderr.trim()}`);
  }
  return { via: 'cli', replicas: replicasFromOutput(result.stdout) };
}
