// Provisions what the integration tests, `npm start` and the screenshot script need on a machine that cannot
// download VS Code: code-server (VS Code served over HTTP, from npm) in a cache folder, and Debian's Chromium.
// Every step is skipped when its result is already there, so only the first run on a machine pays for it.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  const base = process.env.INTERVIEW_DRILLS_CACHE
    ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'interview-drills');
  fs.mkdirSync(base, { recursive: true });
  return base;
}

function log(msg) {
  process.stderr.write(`[vscode-env] ${msg}\n`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!isRoot()) {
    throw new Error(`Missing Debian packages (${packages.join(', ')}); install them with: sudo apt-get install -y ${packages.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function hasDebPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Path of a Chromium binary, installing Debian's package when it is missing and we are root. */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  aptInstall(['chromium']);
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('chromium was installed but /usr/bin/chromium is missing');
  return '/usr/bin/chromium';
}

/** Path of the code-server launcher script, installing code-server from npm into the cache when missing. */
export function ensureCodeServer() {
  const dir = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(bin)) return bin;

  const missing = ['libkrb5-dev', 'ripgrep', 'python3', 'make', 'g++'].filter((p) => !hasDebPackage(p));
  if (missing.length) aptInstall(missing);

  // @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the tarball:
  // give it Debian's rg instead.
  const rgCache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(rgCache, RIPGREP_TARBALL);
  if (!fs.existsSync(tarball)) {
    const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => fs.existsSync(p));
    if (!rg) throw new Error('ripgrep (rg) is required to install code-server offline: apt-get install -y ripgrep');
    fs.mkdirSync(rgCache, { recursive: true });
    execFileSync('tar', ['czf', tarball, '-C', path.dirname(rg), path.basename(rg)]);
  }

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about 2 minutes, once per machine)`);
  const env = {
    ...process.env,
    // npm 11 skips dependency install scripts unless allowed; code-server's (and its native modules') are needed.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(bin)) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status})`);
  fs.writeFileSync(marker, new Date().toISOString());
  return bin;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cs = ensureCodeServer();
  const ch = ensureChromium();
  console.log(JSON.stringify({ codeServer: cs, chromium: ch }));
}
