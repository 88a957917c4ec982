// `npm start`: packages the extension, installs the .vsix into a local code-server bound to 127.0.0.1 and prints
// the URL to open in a browser. Profile, scores and scratch files persist between runs in the cache folder.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, CODE_SERVER_VERSION, ensureCodeServer } from './vscode-env.mjs';
import { installVsix, startCodeServer } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

async function main() {
  console.log('Packaging the extension…');
  run('npm', ['run', '--silent', 'package']);
  const vsix = path.join(root, 'interview-drills.vsix');
  const codeServer = ensureCodeServer();
  const home = process.env.INTERVIEW_DRILLS_START_HOME ?? path.join(cacheRoot(), 'start');
  const extensions = path.join(home, 'extensions');
  const workspace = process.env.INTERVIEW_DRILLS_WORKSPACE ?? path.join(home, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  installVsix({ codeServer, vsix, extensionsDir: extensions, userDataDir: path.join(home, 'user-data') });
  const server = await startCodeServer({ codeServer, dataDir: home, port, extensionsDir: extensions, keepSettings: true });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nInterview Drills is running in VS Code (code-server ${CODE_SERVER_VERSION}).`);
  console.log(`Open ${url}\nin a browser on this machine. Press Ctrl+C to stop.\n`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited (code ${code}).`);
    process.exit(code ?? 1);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
