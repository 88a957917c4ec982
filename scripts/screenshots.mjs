// `npm run screenshots`: regenerates the README's images by driving the packaged extension (the .vsix, installed
// into code-server as `npm start` does) through headless Chromium, as a user would: the first view of a drill
// (Start Here above the tree), the drill tree with a checked drill, and, in a dark and a light theme, a mock
// interview's report and the self-assessment panel's chart after a few drills were solved in TypeScript and Python
// (each typed into its scratch file and checked with Ctrl+Alt+Enter) and one mock interview was taken.
// `npm run screenshots -- tree` or `-- panel` takes one set (`-- panel dark`: the dark theme only).
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

let bank;
const drillById = (id) => {
  bank ??= JSON.parse(fs.readFileSync(path.join(root, 'dist', 'questions.json'), 'utf8')).drills;
  const d = bank.find((x) => x.id === id);
  if (!d) throw new Error(`no drill "${id}" in the bank`);
  return d;
};

async function session(theme, fn, viewport = { width: 1400, height: 860 }) {
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
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Interview Drills"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await sleep(1500);
    try {
      await fn(page);
    } catch (e) {
      const shot = path.join(os.tmpdir(), 'drills-screenshots-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`the screenshot session failed; the page as it was: ${shot}`);
      throw e;
    }
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

/** Replaces the active editor's text by pasting `text` (as a user pastes a solution), then checks it. */
async function typeAndCheck(page, text, verdict) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.evaluate((t) => globalThis.navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await sleep(500);
  await page.keyboard.press('Control+Alt+Enter');
  const toast = verdict === 'passed' ? /All \d+ tests? passed/ : /\d+ of \d+ tests? passed/;
  await page.locator('.notification-toast').filter({ hasText: toast }).first().waitFor({ timeout: 90_000 });
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/** Opens a drill through the palette's command and its quick pick, in TypeScript or Python. */
async function openDrill(page, id, language) {
  const d = drillById(id);
  await runCommand(page, language === 'python' ? 'Interview Drills: Open in Python' : 'Interview Drills: Open in TypeScript');
  await page.locator(`.quick-input-widget input[placeholder="Open which drill in ${language === 'python' ? 'Python' : 'TypeScript'}?"]`).waitFor({ timeout: 20_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(d.title);
  await sleep(400);
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label^="${id}.${language === 'python' ? 'py' : 'ts'}"]`).first().waitFor({ timeout: 30_000 });
  await sleep(800);
  return d;
}

/** A few drills solved, some in TypeScript, some in Python, one failed check. */
async function practise(page) {
  // The drill commands are offered once the extension has loaded its drills (the tree shows them).
  await page.locator('.activitybar [aria-label^="Interview Drills"]').first().click();
  await page.locator('.monaco-list-row[aria-label*="Retry a flaky"]').first().waitFor({ timeout: 60_000 });
  for (const id of ['first-healthy-host', 'disk-usage-level', 'semver-tag-fullmatch', 'tail-log-lines']) {
    const d = await openDrill(page, id, 'typescript');
    await typeAndCheck(page, d.solution, 'passed');
  }
  for (const id of ['guaranteed-cleanup', 'count-errors-by-service', 'run-command-with-timeout']) {
    const d = await openDrill(page, id, 'python');
    await typeAndCheck(page, d.python.solution, 'passed');
  }
  const d = await openDrill(page, 'retry-after-status', 'typescript');
  await typeAndCheck(page, d.stub, 'failed');
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tab').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** One mock interview: the spoken answer, two of its key points ticked, the first coding drill solved; the report. */
async function mockInterview(page, file) {
  await runCommand(page, 'Interview Drills: Start Mock Interview');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await sleep(400);
  await page.keyboard.press('Enter'); // 30 minutes
  await sleep(600);
  await page.keyboard.press('Enter'); // the tiers offered by default
  let frame = webviewFrame(page);
  await frame.locator('#done').click({ timeout: 30_000 });
  frame = webviewFrame(page);
  const points = frame.locator('#checklist input[type=checkbox]');
  await points.first().waitFor({ timeout: 30_000 });
  const n = await points.count();
  for (let i = 0; i < n; i++) if (i !== 1) await points.nth(i).check();
  await frame.locator('#checklist button[type=submit]').click();
  // The coding phase opens the interview's drills, the first one in front.
  await page.locator('.statusbar-item', { hasText: 'Interview (coding)' }).first().waitFor({ timeout: 30_000 });
  await sleep(2500);
  const tab = page.locator('.editor-group-container.active .tab.active').first();
  await tab.waitFor({ timeout: 30_000 });
  const id = (await tab.getAttribute('aria-label')).replace(/\.ts.*$/, '');
  await sleep(1000);
  await typeAndCheck(page, drillById(id).solution, 'passed');
  await runCommand(page, 'Interview Drills: Finish Mock Interview');
  await webviewFrame(page).locator('h1').first().waitFor({ timeout: 30_000 });
  if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
  await page.mouse.move(1300, 800);
  await sleep(1200);
  await page.screenshot({ path: path.join(outDir, file) });
  await runCommand(page, 'View: Close All Editors');
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
  if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
  await sleep(800);
  // The chart at the top, the focus ring on one topic (reached with Tab and the arrow keys).
  await frame.locator('#chart-topic-python-basics').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await frame.locator('section.results').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(1300, 1000);
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
    const themes = [['Default Dark Modern', 'dark'], ['Default Light Modern', 'light']].filter(([, n]) => !only.includes(n === 'dark' ? 'light' : 'dark'));
    for (const [theme, name] of themes) {
      await session(theme, async (p) => {
        await practise(p);
        await mockInterview(p, `interview-report-${name}.png`);
        await panelShot(p, `assessment-${name}.png`);
      }, { width: 1400, height: 1000 });
    }
  }
  console.log(`screenshots written to ${path.relative(root, outDir)}/`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
