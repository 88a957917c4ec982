// Starting code-server on loopback and a headless Chromium, shared by the integration runner, `npm start` and the
// screenshot script.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

/**
 * Starts code-server bound to 127.0.0.1 with a throwaway profile under `dataDir`.
 * Resolves once it listens; `stop()` ends its whole process group.
 * `workspaceTrust: true` keeps VS Code's workspace trust on (a folder not yet trusted opens in Restricted Mode, with
 * no startup prompt); by default it is off and every folder is trusted. `home` sets HOME for code-server and its
 * extension host (where scratch files go when no trusted folder is open: ~/.interview-drills), so a throwaway session
 * never writes into the real home folder.
 */
export async function startCodeServer({ codeServer, dataDir, port = 0, extensionsDir, userSettings = {}, keepSettings = false, quiet = true, workspaceTrust = false, home }) {
  const userData = path.join(dataDir, 'user-data');
  const extensions = extensionsDir ?? path.join(dataDir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  if (home) fs.mkdirSync(home, { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!keepSettings || !fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'security.workspace.trust.enabled': workspaceTrust,
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
    'chat.disableAIFeatures': true,
    ...userSettings,
  }, null, 2));
  const config = path.join(dataDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [
    codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--config', config,
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...(home ? { HOME: home } : {}) },
  });
  const listeners = [];
  const lines = [];
  let url;
  const ready = new Promise((resolve, reject) => {
    const onLine = (line) => {
      lines.push(line);
      if (lines.length > 500) lines.shift();
      for (const l of listeners) l(line);
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m && !url) {
        url = m[1];
        resolve();
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('exit', (code, signal) => {
      if (!url) reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}):\n${lines.join('\n')}`));
    });
    setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${lines.join('\n')}`)), 60_000).unref();
  });
  await ready;
  if (!quiet) console.error(`[code-server] listening on ${url}`);
  let authority;
  return {
    url,
    child,
    onOutput: (fn) => listeners.push(fn),
    output: () => lines.join('\n'),
    /** The workbench's remote authority, read from the page's configuration meta tag. */
    async remoteAuthority() {
      if (authority) return authority;
      const html = await (await fetch(url + '/')).text();
      const m = /<meta id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
      if (m) {
        const json = m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
        authority = JSON.parse(json).remoteAuthority;
      }
      authority ??= new URL(url).host;
      return authority;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Installs a packaged .vsix into an extensions folder, as a user would with "Install from VSIX". */
export function installVsix({ codeServer, vsix, extensionsDir, userDataDir }) {
  const r = spawnSync(process.execPath, [codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const list = spawnSync(process.execPath, [codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
  return list.stdout.split('\n').filter(Boolean);
}

export async function launchBrowser(executablePath) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Runs a command from the palette (F1), as a person would. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
}

/** The content frame of the visible webview panel. */
export function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
