// Runs the mocha suites in test/integration inside a real VS Code extension host: code-server (VS Code 1.100.3
// served over HTTP, installed from npm into a cache on first use) driven by Debian's Chromium through
// playwright-core. Two sessions: test/integration/suite in a trusted workspace, then test/integration/untrusted in
// a workspace that is not trusted (workspace trust on). DRILLS_IT_SESSION=trusted|untrusted runs one of them.
// Fails when the extension host exits abnormally, when a test fails, or when no test ran.
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

/**
 * One code-server session: a throwaway profile, a workspace made by `prepare(dir)`, the mocha entry `entry` (under
 * out/test/integration) run in its extension host. Resolves to the number of passing tests; throws on any failure.
 */
async function runSession({ name, entry, prepare, workspaceTrust = false }, codeServer, chromium) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-it-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');
  prepare?.(workspace);

  process.env.DRILLS_WEBVIEW_PROBE = '1';
  const server = await startCodeServer({ codeServer, dataDir: tmp, workspaceTrust, home: path.join(tmp, 'home') });
  let browser;
  let hostExit;
  server.onOutput((line) => {
    // The line ends "signal: null." in some versions: take the words only.
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
          if (line.includes('DRILLS_GRANT_TRUST')) void grantTrust(page);
          const probe = /DRILLS_WEBVIEW_PROBE (\{.*\})\s*$/.exec(line);
          if (probe) void webviewProbe(page, probe[1]);
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
      ['extensionTestsPath', remote(path.join(root, 'out', 'test', 'integration', entry))],
      ['enableProposedApi', ''],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer;
    let poll;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); });
    const hostDied = new Promise((resolve) => {
      poll = setInterval(() => { if (hostExit) resolve('host-exit'); }, 250);
    });
    const outcome = await Promise.race([done, timeout, hostDied]);
    // Both must end here whatever won the race: a live interval would keep this script from ever exiting.
    clearTimeout(timer);
    clearInterval(poll);
    if (outcome === 'timeout') throw new Error(`${name}: integration tests did not finish within ${TIMEOUT_MS / 1000} s`);
    if (hostExit) throw new Error(`${name}: ${hostExit}`);
    if (outcome !== 0) throw new Error(`${name}: integration tests failed (exit ${outcome}, ${failing} failing)`);
    if (passing <= 0) throw new Error(`${name}: no integration test ran (no "N passing" line from mocha)`);
    if (failing > 0) throw new Error(`${name}: ${failing} integration tests failed`);
    console.log(`integration (${name}): ${passing} passed, ${failing} failed`);
    return passing;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Clicks "Trust" in the Workspace Trust editor a test opened, as a user would (no API grants trust). */
async function grantTrust(page) {
  try {
    const button = page.locator('.workspace-trust-editor').getByRole('button', { name: /^Trust$/ }).first();
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
  } catch (e) {
    const shot = path.join(os.tmpdir(), 'drills-grant-trust.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`could not click "Trust" in the Workspace Trust editor (${e.message}); screenshot: ${shot}`);
  }
}

/**
 * Acts in the visible webview as a user would, for a test in the extension host (which cannot reach a webview's
 * page): the test logs `DRILLS_WEBVIEW_PROBE {"reply": file, "steps": [...]}`, this runs the steps with Playwright
 * in the webview's frame (real focus, real key presses) and writes `{ results }` or `{ error }` to the reply file.
 * Steps: {count: sel}, {attrs: sel, name}, {focus: sel}, {click: sel}, {press: key}, {active: attrName},
 * {visible: sel}, {style: sel, prop}, {text: sel}.
 */
async function webviewProbe(page, json) {
  let reply;
  try {
    const req = JSON.parse(json);
    reply = req.reply;
    if (typeof reply !== 'string' || !path.isAbsolute(reply)) throw new Error('a probe needs an absolute "reply" path');
    const frame = page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
    const results = [];
    for (const step of req.steps) {
      if ('count' in step) results.push(await frame.locator(step.count).count());
      else if ('attrs' in step) results.push(await frame.locator(step.attrs).evaluateAll((els, name) => els.map((e) => e.getAttribute(name)), step.name));
      else if ('focus' in step) results.push(await frame.locator(step.focus).first().focus().then(() => true));
      else if ('click' in step) results.push(await frame.locator(step.click).first().click().then(() => true));
      else if ('press' in step) results.push(await page.keyboard.press(step.press).then(() => true));
      else if ('active' in step) results.push(await frame.locator('html').evaluate((html, name) => html.ownerDocument.activeElement?.getAttribute(name) ?? null, step.active));
      else if ('visible' in step) results.push(await frame.locator(step.visible).first().isVisible());
      else if ('style' in step) results.push(await frame.locator(step.style).first().evaluate((e, prop) => e.ownerDocument.defaultView.getComputedStyle(e).getPropertyValue(prop), step.prop));
      else if ('text' in step) results.push(await frame.locator(step.text).allTextContents());
      else throw new Error(`unknown probe step ${JSON.stringify(step)}`);
    }
    fs.writeFileSync(`${reply}.part`, JSON.stringify({ results }));
    fs.renameSync(`${reply}.part`, reply);
  } catch (e) {
    if (reply) {
      fs.writeFileSync(`${reply}.part`, JSON.stringify({ error: String(e?.message ?? e) }));
      fs.renameSync(`${reply}.part`, reply);
    } else {
      console.error(`webview probe: ${e?.message ?? e}`);
    }
  }
}

// The second session: workspace trust on, a folder never trusted (Restricted Mode), whose own settings ask for a
// question pack of its own and a scratch folder outside itself. test/integration/untrusted checks neither is used.
function prepareUntrusted(workspace) {
  const pack = path.join(workspace, 'workspace-pack');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.mkdirSync(pack);
  fs.writeFileSync(path.join(pack, 'workspace-drill.yaml'), `id: workspace-only-drill
tier: beginner
topic: regex
title: A drill only this workspace's settings load
order: 99
prompt: |
  Return true.
answer: |
  Return true.
hints:
  - Return it.
stub: |
  export function yes(): boolean {
    throw new Error('Not implemented');
  }
solution: |
  export function yes(): boolean {
    return true;
  }
tests: |
  import { yes } from './solution';
  it('says yes', () => expect(yes()).toBe(true));
`);
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `{
  // Both are restricted settings: ignored until the workspace is trusted.
  "interviewDrills.extraQuestionFolders": ["workspace-pack"],
  "interviewDrills.scratchFolder": "../outside-the-workspace",
}
`);
}

const SESSIONS = [
  { name: 'trusted workspace', entry: 'index.js' },
  { name: 'untrusted workspace', entry: 'untrusted.js', prepare: prepareUntrusted, workspaceTrust: true },
];

async function main() {
  build();
  const codeServer = ensureCodeServer();
  const chromium = ensureChromium();
  const only = process.env.DRILLS_IT_SESSION;
  let total = 0;
  for (const session of SESSIONS) {
    if (only && !session.name.startsWith(only)) continue;
    total += await runSession(session, codeServer, chromium);
  }
  console.log(`integration: ${total} passed in ${only ? 1 : SESSIONS.length} session(s)`);
}

main().catch((e) => {
  console.error(`\nintegration tests: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
