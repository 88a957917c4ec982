// One build script for everything: the extension host bundle, the sandbox that runs user code, the `drills` CLI,
// the self-assessment webview script, and (with --tests) an unbundled compile of src + test for mocha.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** Reports build errors in the `file:line:col: message` form that VS Code's problem matchers read. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/**
 * The sandbox's `expect` honours only asymmetric matchers of the checker's own realm (expect.any, objectContaining,
 * matchers from expect.extend): an object of the code under test with an `asymmetricMatch` method must not be able to
 * declare itself equal to anything. The hook is set by src/sandbox/check.ts.
 */
const foreignMatchers = {
  name: 'foreign-asymmetric-matchers',
  setup(build) {
    build.onLoad({ filter: /@jest[\\/]expect-utils[\\/]build[\\/]index\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const marker = 'function isAsymmetric(obj) {';
      if (!text.includes(marker)) throw new Error(`${args.path}: isAsymmetric not found; update the foreign-asymmetric-matchers plugin`);
      const gate = "\n  const isUserValue = globalThis[Symbol.for('interview-drills.isUserValue')];\n  if (typeof isUserValue === 'function' && isUserValue(obj)) return false;";
      return { contents: text.replace(marker, marker + gate), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemReporter],
};

const bundles = [
  // jsonc-parser's main build is UMD, whose inner require() calls esbuild cannot follow: bundle its ESM build.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } },
  { ...common, entryPoints: ['src/sandbox/main.ts'], outfile: 'dist/sandbox.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [problemReporter, foreignMatchers] },
  { ...common, entryPoints: ['src/cli/drills.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/webview/panel.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((b) => b.entryPoints.every((e) => fs.existsSync(e)));

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => path.join(d.parentPath ?? d.path, d.name));
}

/**
 * Compiles the bundled questions/ to dist/questions.json (see src/core/compiledPack.ts), so activation needs no
 * YAML parsing. A bundled question with an error fails the build with file:line:col messages.
 */
async function compileQuestions() {
  const result = await esbuild.build({ entryPoints: ['src/core/compiledPack.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'warning' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-build-'));
  try {
    const file = path.join(tmp, 'compiledPack.cjs');
    fs.writeFileSync(file, result.outputFiles[0].text);
    const { compilePack } = createRequire(import.meta.url)(file);
    const { json, drills, errors } = compilePack(path.resolve('questions'));
    if (!json) {
      for (const e of errors) console.error(`✘ [ERROR] ${e.file}:${e.line}:${Math.max(1, e.column)}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
      throw new Error(`questions/ has ${errors.length} problem(s); not compiled`);
    }
    fs.mkdirSync('dist', { recursive: true });
    fs.writeFileSync(path.join('dist', 'questions.json'), json);
    return drills;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  // Outputs are overwritten in place (several builds may run at once while developing); --clean starts afresh.
  if (args.has('--clean')) {
    fs.rmSync('dist', { recursive: true, force: true });
    fs.rmSync('out', { recursive: true, force: true });
  }
  const configs = [...bundles];
  if (tests) {
    // Tests and the code they import, compiled file by file (no bundling) so mocha can load them.
    configs.push({
      entryPoints: [...listTs('src'), ...listTs('test')],
      outdir: 'out',
      outbase: '.',
      bundle: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      plugins: [problemReporter],
    });
  }
  if (watch) {
    const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] build started');
  } else {
    await Promise.all(configs.map((c) => esbuild.build(c)));
  }
  await compileQuestions();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
