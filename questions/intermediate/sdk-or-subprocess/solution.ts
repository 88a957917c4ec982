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

/** A Kubernetes object name (RFC 1123 label): 1-63 chars, a-z 0-9 and '-', alphanumeric at both ends. */
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function scaleDeployment(request: ScaleRequest, tools: Tools): Promise<ScaleResult> {
  const { name, namespace, replicas } = request;
  if (!K8S_NAME.test(name)) throw new RangeError(`invalid deployment name: ${JSON.stringify(name)}`);
  if (!K8S_NAME.test(namespace)) throw new RangeError(`invalid namespace: ${JSON.stringify(namespace)}`);
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new RangeError(`replicas must be an integer >= 0, got ${replicas}`);
  }

  // 1. The SDK, when this client version has the operation. Called as a method so `this` stays bound.
  const sdk = tools.sdk;
  if (sdk && typeof sdk.scaleDeployment === 'function') {
    try {
      const answer = await sdk.scaleDeployment(namespace, name, replicas);
      return { via: 'sdk', replicas: answer.replicas };
    } catch (cause) {
      // No silent fallback: the CLI would hit the same problem, or scale a second time.
      throw new Error(`scaling ${namespace}/${name} through the SDK failed: ${messageOf(cause)}`, { cause });
    }
  }

  // 2. The CLI: an argument array (no shell), machine-readable output. `kubectl patch -o json` prints the
  // server's answer; `kubectl scale -o json` printed the object read before scaling until 2026.
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

  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`unexpected kubectl output (not JSON): ${result.stdout.slice(0, 200)}`);
  }
  const count = (parsed as { spec?: { replicas?: unknown } } | null)?.spec?.replicas;
  if (typeof count !== 'number') {
    throw new Error('unexpected kubectl output: no spec.replicas number');
  }
  return { via: 'cli', replicas: count };
}
