// The interpreter the Python extension (ms-python.python) has selected, read from the API object it exports. Typed
// from what that API documents (@vscode/python-extension), checked at run time: the extension may be absent, old,
// or answer oddly, and any of that means "no interpreter from the Python extension", never a failure.

/** The selected interpreter's path from the Python extension's exports, or undefined. */
export async function selectedInterpreter(exports: unknown, resource?: unknown): Promise<string | undefined> {
  if (typeof exports !== 'object' || exports === null) return undefined;
  const api = exports as {
    environments?: { getActiveEnvironmentPath?: (r?: unknown) => unknown };
    settings?: { getExecutionDetails?: (r?: unknown) => unknown };
  };
  try {
    const active = api.environments?.getActiveEnvironmentPath?.(resource);
    const path = (await Promise.resolve(active)) as { path?: unknown } | undefined;
    if (typeof path?.path === 'string' && path.path.trim() !== '' && path.path !== 'python') return path.path;
  } catch {
    // Fall back to the older API.
  }
  try {
    const details = (await Promise.resolve(api.settings?.getExecutionDetails?.(resource))) as { execCommand?: unknown } | undefined;
    const command = details?.execCommand;
    if (Array.isArray(command) && command.length === 1 && typeof command[0] === 'string' && command[0] !== '') return command[0];
  } catch {
    // No interpreter from the Python extension.
  }
  return undefined;
}
