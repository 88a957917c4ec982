// `npm run test:package`: builds the .vsix the way `npm run package` does and checks what users get: its size
// (under 1.5 MB), that it ships only the bundle, media, questions and the docs, and that a code-server on
// 127.0.0.1 (what `npm start` runs) installs it and serves the workbench.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './vscode-env.mjs';
import { installVsix, startCodeServer } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 1.5 * 1024 * 1024;
const ALLOWED = [
  /^extension\/package\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/dist\/(extension|sandbox|cli|webview)\.js$/, /^extension\/media\/[^/]+\.(svg|png|css)$/,
  /^extension\/questions\/schema\.json$/, /^extension\/questions\/(beginner|intermediate|scenario)\/[a-z0-9-]+\.yaml$/,
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

function check(ok, message) {
  if (!ok) throw new Error(message);
  console.log(`  ✓ ${message}`);
}

async function main() {
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run package failed');
  const vsix = path.join(root, 'interview-drills.vsix');
  const size = fs.statSync(vsix).size;
  console.log('package:');
  check(size < LIMIT, `interview-drills.vsix is ${(size / 1024).toFixed(0)} KB, under 1.5 MB`);
  const entries = zipEntries(vsix);
  const stray = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  check(stray.length === 0, `it ships only the bundle, media, questions and docs${stray.length ? ` (also: ${stray.join(', ')})` : ''}`);
  for (const needed of ['extension/dist/extension.js', 'extension/dist/sandbox.js', 'extension/dist/cli.js', 'extension/questions/schema.json']) {
    check(entries.includes(needed), `it contains ${needed}`);
  }
  check(entries.filter((e) => e.endsWith('.yaml')).length >= 3, `it contains the question files (${entries.filter((e) => e.endsWith('.yaml')).length})`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-pkg-'));
  const codeServer = ensureCodeServer();
  try {
    const installed = installVsix({ codeServer, vsix, extensionsDir: path.join(tmp, 'extensions'), userDataDir: path.join(tmp, 'user-data') });
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    check(installed.includes(`interview-drills.interview-drills@${version}`), `code-server installs it (${installed.join(', ')})`);
    const server = await startCodeServer({ codeServer, dataDir: tmp, extensionsDir: path.join(tmp, 'extensions') });
    try {
      check(/^http:\/\/127\.0\.0\.1:\d+$/.test(server.url), `code-server serves it on loopback (${server.url})`);
      const res = await fetch(`${server.url}/?folder=${encodeURIComponent(tmp)}`);
      const html = await res.text();
      check(res.status === 200 && html.includes('vscode-workbench-web-configuration'), 'the workbench page loads');
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('package: 1 passed, 0 failed');
}

main().catch((e) => {
  console.error(`package check failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
