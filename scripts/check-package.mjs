// `npm run test:package`: runs `npm start` (which packages the .vsix, installs it into code-server and serves it on
// 127.0.0.1) and checks what users get: the workbench answers on loopback with the extension installed; a user
// (headless Chromium) opens a drill from the tree, checks it from the keyboard, rates a topic in the
// self-assessment panel, reloads the window and finds the panel and the rating back; and the .vsix is under
// 1.5 MB and ships only the bundle, media, questions and the docs.
import { spawn } from 'node:child_process';
import * as readline from 'node:readline';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, runCommand, webviewFrame } from './code-server.mjs';
import { ensureChromium } from './vscode-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 1.5 * 1024 * 1024;
const ALLOWED = [
  /^extension\/package\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/dist\/(extension|sandbox|cli|webview)\.js$/, /^extension\/dist\/questions\.json$/, /^extension\/media\/[^/]+\.(svg|png|css)$/, /^extension\/media\/interview\.js$/, /^extension\/media\/walkthrough\/[a-z]+\.md$/,
  /^extension\/questions\/(drill\.)?schema\.json$/,
  /^extension\/resources\/python\/(drills_server|drills_harness|pytest_subset)\.py$/,
  /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
];

/** Names of the entries of a zip file, read from its central directory. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

let passed = 0;
function check(ok, message) {
  if (!ok) throw new Error(message);
  passed++;
  console.log(`  ✓ ${message}`);
}

/** Runs `npm start` with a throwaway profile and port 0; resolves with the URL it prints, and a stop function. */
async function npmStart(home) {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', INTERVIEW_DRILLS_START_HOME: home, INTERVIEW_DRILLS_WORKSPACE: path.join(home, 'workspace') },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(t);
  };
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm start printed no URL within 4 minutes')), 240_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^Open (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (code ${code}) before printing its URL`)));
  });
  return { url, stop };
}

/**
 * The tree rows whose label (the drill's title, not its topic) does not fit: scrolls the drills view from top to
 * bottom (the list renders only the rows in view) and measures each rendered label.
 */
async function cutLabels(page) {
  const tree = page.locator('.pane:has(.pane-header[aria-label="Drills Section"]) .pane-body').first();
  const box = await tree.boundingBox();
  const cut = new Set();
  const seen = new Set();
  for (let i = 0; i < 20; i++) {
    const rows = await tree.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => {
      // The label's container clips the title and the topic after it with one ellipsis where the clip starts:
      // the title is cut when it reaches into the room that ellipsis takes.
      const name = e.querySelector('.label-name');
      const box = name?.closest('.monaco-icon-label-container');
      if (!name || !box) return { label: e.getAttribute('aria-label'), cut: false };
      const probe = e.ownerDocument.createElement('span');
      probe.textContent = '…';
      box.appendChild(probe);
      const ellipsis = probe.getBoundingClientRect().width;
      probe.remove();
      const overflowing = box.scrollWidth > box.clientWidth;
      // (Measured: a title whose last glyph ends within half an ellipsis of the edge still shows whole.)
      const room = box.getBoundingClientRect().right - (overflowing ? ellipsis / 2 : 0);
      return { label: e.getAttribute('aria-label'), cut: name.getBoundingClientRect().right > room + 0.5 };
    }));
    const before = seen.size;
    for (const r of rows) {
      seen.add(r.label);
      if (r.cut) cut.add(r.label);
    }
    if (i > 0 && seen.size === before) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(300);
  }
  if (seen.size < 20) throw new Error(`only ${seen.size} rows of the drills view were measured`);
  // Back to the top, as the keyboard does it (Home in the focused tree), and the pointer away from the tree.
  await tree.locator('.monaco-list').first().focus();
  await page.keyboard.press('Home');
  await page.mouse.move(900, 700);
  await page.waitForTimeout(500);
  return [...cut];
}

/** Drives the served workbench as a person would, through the keyboard and the mouse. */
async function asAUser(url) {
  const browser = await launchBrowser(ensureChromium());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const container = page.locator('.activitybar [aria-label^="Interview Drills"]').first();
    await container.waitFor({ state: 'visible', timeout: 90_000 });
    await container.click();
    const drillRow = page.locator('.monaco-list-row[aria-label*="Retry a flaky"]').first();
    await drillRow.waitFor({ timeout: 30_000 });
    check(true, 'the activity bar shows the drills view with its tree');
    const cut = await cutLabels(page);
    check(cut.length === 0, `every drill title fits the default sidebar width${cut.length ? ` (cut: ${cut.join(', ')})` : ''}`);
    await drillRow.click();
    await page.locator('.tab[aria-label*="retry-flaky-call.ts"]').first().waitFor({ timeout: 30_000 });
    check(true, 'clicking a drill opens its scratch file');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Alt+Enter');
    await page.locator('.monaco-list-row[aria-label*="Retry a flaky"][aria-label*="not solved yet"]').first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item[aria-label*="0 of"][aria-label*="drills solved"]').first().waitFor({ timeout: 10_000 });
    check(true, 'Ctrl+Alt+Enter checks the stub: the tree marks the drill not solved, the status bar counts drills');

    await runCommand(page, 'Interview Drills: Open Self-Assessment');
    const panel = () => webviewFrame(page);
    await panel().locator('fieldset').first().waitFor({ timeout: 30_000 });
    await panel().locator('fieldset').first().locator('input[type=radio]').nth(1).check();
    await page.waitForTimeout(1000);
    check(true, 'the self-assessment panel opens and takes a rating from its radio group');

    // The workbench keeps its layout in browser storage and flushes it every few seconds: let it, then reload.
    await page.waitForTimeout(8000);
    await page.reload();
    try {
      await panel().locator('fieldset').first().waitFor({ timeout: 60_000 });
    } catch (e) {
      await page.screenshot({ path: path.join(os.tmpdir(), 'drills-reload-failure.png') });
      throw e;
    }
    const restored = await panel().locator('fieldset').first().locator('input[type=radio]').nth(1).isChecked();
    check(restored, 'after a window reload the panel comes back with the rating');
  } finally {
    await browser.close();
  }
}

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-start-'));
  console.log('npm start:');
  const started = await npmStart(home);
  try {
    check(/^http:\/\/127\.0\.0\.1:\d+\/\?folder=/.test(started.url), `it serves VS Code on loopback (${started.url})`);
    const res = await fetch(started.url);
    const html = await res.text();
    check(res.status === 200 && html.includes('vscode-workbench-web-configuration'), 'the workbench page loads');
    const installed = fs.readdirSync(path.join(home, 'extensions')).filter((n) => n.startsWith('interview-drills.interview-drills-'));
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    check(installed.includes(`interview-drills.interview-drills-${version}`), `the packaged extension is installed (${installed.join(', ')})`);
    await asAUser(started.url);
  } finally {
    await started.stop();
  }

  const vsix = path.join(root, 'interview-drills.vsix');
  const size = fs.statSync(vsix).size;
  console.log('package:');
  check(size < LIMIT, `interview-drills.vsix is ${(size / 1024).toFixed(0)} KB, under 1.5 MB`);
  const entries = zipEntries(vsix);
  const stray = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  check(stray.length === 0, `it ships only the bundle, media, questions and docs${stray.length ? ` (also: ${stray.join(', ')})` : ''}`);
  for (const needed of ['extension/dist/extension.js', 'extension/dist/sandbox.js', 'extension/dist/cli.js', 'extension/dist/webview.js', 'extension/dist/questions.json', 'extension/media/panel.css', 'extension/questions/schema.json', 'extension/questions/drill.schema.json', 'extension/resources/python/drills_server.py', 'extension/resources/python/drills_harness.py', 'extension/resources/python/pytest_subset.py']) {
    check(entries.includes(needed), `it contains ${needed}`);
  }
  // The drills ship compiled: dist/questions.json holds every drill of the bank with its Python version, the drill
  // folders stay out (the served extension above showed the drills from the JSON alone).
  check(!entries.some((e) => /^extension\/questions\/(beginner|intermediate|scenario)\//.test(e)), 'it ships the drills compiled, without the drill folders');
  const installedDir = path.join(home, 'extensions', `interview-drills.interview-drills-${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}`);
  const compiled = JSON.parse(fs.readFileSync(path.join(installedDir, 'dist', 'questions.json'), 'utf8'));
  const folders = ['beginner', 'intermediate', 'scenario'].flatMap((tier) => fs.readdirSync(path.join(root, 'questions', tier))
    .map((id) => path.join(root, 'questions', tier, id)).filter((dir) => fs.existsSync(path.join(dir, 'drill.yaml'))));
  const pythonFolders = folders.filter((dir) => fs.existsSync(path.join(dir, 'python', 'test_solution.py')));
  check(compiled.drills.length === folders.length, `its compiled pack holds the ${folders.length} drills of the bank (${compiled.drills.length})`);
  check(compiled.drills.filter((d) => d.python).length === pythonFolders.length, `with the ${pythonFolders.length} Python versions`);
  fs.rmSync(home, { recursive: true, force: true });
  console.log(`package: ${passed} passed, 0 failed`);
}

main().catch((e) => {
  console.error(`package check failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
