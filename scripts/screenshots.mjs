// `npm run screenshots`: regenerates the README's images by driving the packaged extension (the .vsix, installed
// into code-server as `npm start` does) through headless Chromium, as a user would: the first view of a drill
// (Start Here above the tree), the drill tree with a checked drill, and the self-assessment panel in a dark and a
// light theme.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureCodeServer } from './vscode-env.mjs';
import { installVsix, launchBrowser, runCommand, startCodeServer, webviewFrame } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'media', 'screenshots');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function session(theme, fn) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-shots-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const codeServer = ensureCodeServer();
  const extensionsDir = path.join(tmp, 'extensions');
  installVsix({ codeServer, vsix: path.join(root, 'interview-drills.vsix'), extensionsDir, userDataDir: path.join(tmp, 'user-data') });
  const server = await startCodeServer({
    codeServer,
    dataDir: tmp,
    extensionsDir,
    home: path.join(tmp, 'home'),
    userSettings: { 'workbench.colorTheme': theme, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false },
  });
  const browser = await launchBrowser(ensureChromium());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Interview Drills"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await sleep(1500);
    await fn(page);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function treeShot(page) {
  await page.locator('.activitybar [aria-label^="Interview Drills"]').first().click();
  await page.locator('.monaco-list-row[aria-label*="Retry a flaky"]').first().waitFor({ timeout: 30_000 });
  await page.locator('.monaco-list-row[aria-label*="Retry a flaky"]').first().click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await sleep(2500);
  // Before the first check: the Start Here view above the tree, the fresh scratch file with its short header.
  await page.mouse.move(900, 700);
  await page.screenshot({ path: path.join(outDir, 'start.png') });
  await page.keyboard.press('Control+Alt+Enter');
  // After the check: the tree marks the drill and Start Here has made way for it.
  await page.locator('.monaco-list-row[aria-label*="Retry a flaky"][aria-label*="not solved yet"]').first().waitFor({ timeout: 60_000 });
  await sleep(1500);
  await page.keyboard.press('Escape');
  await page.mouse.move(900, 700);
  await page.screenshot({ path: path.join(outDir, 'tree.png') });
}

async function panelShot(page, file) {
  await runCommand(page, 'Interview Drills: Open Self-Assessment');
  const frame = webviewFrame(page);
  await frame.locator('fieldset').first().waitFor({ timeout: 30_000 });
  const radios = frame.locator('input[type=radio]');
  const ratings = [4, 2, 5, 3, 1, 4, 3, 2, 4, 5, 3, 2];
  for (let i = 0; i < ratings.length; i++) {
    const r = radios.nth(i * 5 + ratings[i] - 1);
    if (await r.count()) await r.check({ force: true });
  }
  await frame.locator('html').evaluate((el) => el.ownerDocument.defaultView?.scrollTo(0, 0));
  await runCommand(page, 'View: Close Primary Side Bar');
  await sleep(1200);
  await page.screenshot({ path: path.join(outDir, file) });
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const build = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run package failed');
  const only = process.argv.slice(2);
  if (!only.length || only.includes('tree')) await session('Default Dark Modern', treeShot);
  if (!only.length || only.includes('panel')) {
    await session('Default Dark Modern', (p) => panelShot(p, 'assessment-dark.png'));
    await session('Default Light Modern', (p) => panelShot(p, 'assessment-light.png'));
  }
  console.log(`screenshots written to ${path.relative(root, outDir)}/`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
