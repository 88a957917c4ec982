// Runs the mocha suite in test/integration inside a real VS Code extension host: code-server (VS Code 1.100.3
// served over HTTP, installed from npm into a cache on first use) driven by Debian's Chromium through
// playwright-core. Fails when the extension host exits abnormally, when a test fails, or when no test ran.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { ensureChromium, ensureCodeServer } from './vscode-env.mjs';
import { startCodeServer, launchBrowser } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The workbench's own chatter, which arrives through the same log channel as mocha's reporter.
const WORKBENCH_NOISE = /^(Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin|Started local extension host|Extension host .* started|\[Extension Host\] Activating)/;
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);

function build() {
  if (process.argv.includes('--no-build')) return;
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--tests'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

async function main() {
  build();
  const codeServer = ensureCodeServer();
  const chromium = ensureChromium();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-it-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');

  const server = await startCodeServer({ codeServer, dataDir: tmp });
  let browser;
  let hostExit;
  server.onOutput((line) => {
    const m = /Extension Host Process exited with code: (-?\w+), signal: (\w+)/.exec(line);
    if (m && (m[1] !== '0' || m[2] !== 'null')) hostExit = `extension host exited abnormally (code ${m[1]}, signal ${m[2]})`;
    if (process.env.DRILLS_IT_VERBOSE) process.stderr.write(`[code-server] ${line}\n`);
  });

  let passing = -1;
  let failing = 0;
  try {
    browser = await launchBrowser(chromium);
    const page = await browser.newPage();
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        if (!process.env.DRILLS_IT_VERBOSE && WORKBENCH_NOISE.test(text)) return;
        for (const line of text.split('\n')) {
          const p = /^\s*(\d+) passing/.exec(line);
          if (p) passing = Number(p[1]);
          const f = /^\s*(\d+) failing/.exec(line);
          if (f) failing = Number(f[1]);
        }
        (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const authority = await server.remoteAuthority();
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(path.join(root, 'out', 'test', 'integration', 'index.js'))],
      ['enableProposedApi', ''],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); });
    const hostDied = new Promise((resolve) => {
      const poll = setInterval(() => { if (hostExit) { clearInterval(poll); resolve('host-exit'); } }, 250);
    });
    const outcome = await Promise.race([done, timeout, hostDied]);
    clearTimeout(timer);
    if (outcome === 'timeout') throw new Error(`integration tests did not finish within ${TIMEOUT_MS / 1000} s`);
    if (hostExit) throw new Error(hostExit);
    if (outcome !== 0) throw new Error(`integration tests failed (exit ${outcome}, ${failing} failing)`);
    if (passing <= 0) throw new Error('no integration test ran (no "N passing" line from mocha)');
    if (failing > 0) throw new Error(`${failing} integration tests failed`);
    console.log(`integration: ${passing} passed, ${failing} failed`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`\nintegration tests: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
