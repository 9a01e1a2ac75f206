// Compiles src/ to dist/ with the project's own TypeScript (tsconfig.build.json), so that
// `npm start` runs plain node on JavaScript instead of transpiling at every start (about 0.8 s and
// 50 MB more per start; docs/benchmarks.md). Plain JavaScript: it runs before anything is built.
//
//   node scripts/build.mjs           build now (`npm run build`; `prepare` runs it on `npm ci`)
//   import { ensureBuilt } …         build only when dist/ is missing or older than the sources
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(root, 'dist');
/** Written last into a finished build; its mtime is when that build started reading the sources. */
const stampFile = join(distDir, '.built');
/** What the build reads: a change to any of these makes dist/ stale. */
const inputs = [
  join(root, 'src'),
  join(root, 'tsconfig.json'),
  join(root, 'tsconfig.build.json'),
  // How the bundle is made and loaded: a dist/ from before a change to them is stale too.
  join(root, 'scripts', 'build.mjs'),
  join(root, 'scripts', 'code-cache.mjs'),
];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  // A directory's own mtime moves when a file in it is added, renamed or deleted.
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** 'missing', 'stale' (a source is newer than the build) or 'fresh'. */
export function buildState() {
  const stamp = statSync(stampFile, { throwIfNoEntry: false });
  if (!stamp) return 'missing';
  return Math.max(...inputs.map(newestMtime)) > stamp.mtimeMs ? 'stale' : 'fresh';
}

function tscPath() {
  try {
    const pkg = createRequire(import.meta.url).resolve('typescript/package.json');
    return join(pkg, '..', 'bin', 'tsc');
  } catch {
    return null;
  }
}

/**
 * Compiles into a private folder and swaps it in whole, so a running or concurrently starting bot
 * never sees half a build. Returns an error message, or null on success.
 */
export async function build() {
  const tsc = tscPath();
  if (!tsc) return 'TypeScript is not installed (it is a development dependency: run `npm ci` without --omit=dev)';
  const started = new Date();
  const tmp = join(root, `.build-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return `tsc failed:\n${run.stdout}${run.stderr}${run.error ? run.error.message : ''}`;
  }
  const bundled = await bundle(tmp);
  if (bundled) {
    rmSync(tmp, { recursive: true, force: true });
    return bundled;
  }
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, '.built'), `built by scripts/build.mjs from src/ at ${started.toISOString()}\n`);
  utimesSync(join(tmp, '.built'), started, started);
  const old = join(root, `.build-old-${process.pid}`);
  try {
    if (existsSync(distDir)) renameSync(distDir, old);
  } catch {
    // Another process is swapping in its build right now.
  }
  try {
    renameSync(tmp, distDir);
  } catch {
    // Another process swapped in its build of the same sources first: keep that one.
  }
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  return null;
}

/**
 * `npm start` runs the bot bundled (dist/bundle/main.cjs, made by esbuild from the compiled
 * dist/main.js): loading about 900 modules one by one (Bolt alone is over 500 CommonJS files) took
 * half the start; the bundle, loaded through V8's code cache (code-cache.mjs), takes a fraction
 * (docs/benchmarks.md, start to /healthz). The bot's modules behind main.ts's `import('./bot.js')`
 * run only when it is reached, so the database starts first. dist/ keeps the plain compiled
 * modules for the commands (scripts/run.mjs). Returns an error message, or null.
 */
async function bundle(outDir) {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    return 'esbuild is not installed (it is a development dependency: run `npm ci` without --omit=dev)';
  }
  try {
    await esbuild.build({
      entryPoints: [join(outDir, 'main.js')],
      outfile: join(outDir, 'bundle', 'main.cjs'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      // CommonJS, so that it loads through V8's code cache (code-cache.mjs). main.ts's
      // `import('./bot.js')` stays lazy: the bot's modules run only when main.ts asks for them,
      // after the embedded server has been launched.
      format: 'cjs',
      define: { 'import.meta.url': '__breachbotModuleUrl' },
      // "use strict" first: after any other statement it would no longer make the file strict
      // (the sources are ES modules, strict everywhere, as under the tests).
      banner: { js: "\"use strict\";const __breachbotModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
      // Less to read and parse at every start (about 30 ms of 300 for the bot); names are kept (no
      // minifyIdentifiers), so a stack trace still names its functions.
      minifyWhitespace: true,
      minifySyntax: true,
      // ASCII only, so code-cache.mjs reads it as one-byte text (faster than UTF-8, twice over): esbuild
      // escapes strings, not regular expressions or tagged templates, so those in src/ write other
      // characters as \u escapes; the licences' comments go to main.cjs.LEGAL.txt.
      charset: 'ascii',
      legalComments: 'linked',
      logLevel: 'silent',
      plugins: [lazyBoltReceivers],
    });
    return null;
  } catch (err) {
    return `esbuild failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    // The async API starts esbuild's service process: a bot that built at start must not keep it.
    await esbuild.stop();
  }
}

/**
 * Bolt's index and App load every receiver when they load: Socket Mode's (with its WebSocket and
 * HTTP client libraries), Express's (express, body-parser) and AWS Lambda's, about 50 ms of every
 * start (docs/benchmarks.md, start to /healthz), though an HTTP bot uses only HTTPReceiver. In the
 * bundle each of the three is a stand-in that loads the real module the first time it is used:
 * `new`, `instanceof`, or any other property. Same code, same single copy of Bolt, loaded later.
 */
const LAZY_RECEIVER = /^\.\/receivers\/(SocketModeReceiver|ExpressReceiver|AwsLambdaReceiver)$/;
const lazyBoltReceivers = {
  name: 'lazy-bolt-receivers',
  setup(build) {
    build.onResolve({ filter: LAZY_RECEIVER }, (args) => {
      if (args.namespace === 'lazy-receiver' || !/[\\/]@slack[\\/]bolt[\\/]dist$/.test(args.resolveDir)) return undefined;
      return { path: join(args.resolveDir, `${args.path}.js`), namespace: 'lazy-receiver' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-receiver' }, (args) => ({
      resolveDir: dirname(args.path),
      loader: 'js',
      contents: `
        let real;
        const load = () => (real ??= require(${JSON.stringify(args.path)}));
        // Bolt's index reads \`.default\` as it loads: a class stand-in that loads the real one when used.
        const Receiver = new Proxy(function () {}, {
          construct: (_, args, newTarget) => Reflect.construct(load().default, args, newTarget === Receiver ? load().default : newTarget),
          apply: (_, self, args) => Reflect.apply(load().default, self, args),
          get: (_, key) => (key === Symbol.hasInstance ? (value) => value instanceof load().default : Reflect.get(load().default, key)),
        });
        module.exports = new Proxy({}, {
          get: (_, key) => (key === '__esModule' ? true : key === 'default' ? Receiver : load()[key]),
          has: (_, key) => key in load(),
          ownKeys: () => Reflect.ownKeys(load()),
          getOwnPropertyDescriptor: (_, key) => {
            const d = Object.getOwnPropertyDescriptor(load(), key);
            return d && { ...d, configurable: true };
          },
        });`,
    }));
  },
};

/** Builds when dist/ is missing or older than the sources, saying so in one line on stderr. */
export async function ensureBuilt() {
  const state = buildState();
  if (state === 'fresh') return;
  process.stderr.write(
    `breachbot: compiling src/ to dist/ (${state === 'missing' ? 'no build yet' : 'the sources are newer than the build'})\n`,
  );
  const error = await build();
  if (error) {
    process.stderr.write(`breachbot: cannot build: ${error}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `prepare` passes --prepare: an install without development dependencies (a deployment that
  // ships a dist/ built elsewhere) must not fail for want of TypeScript.
  if (process.argv.includes('--prepare') && !tscPath()) {
    process.stderr.write('breachbot: TypeScript is not installed, so dist/ was not built; `npm start` needs it\n');
    process.exit(0);
  }
  const error = await build();
  if (error) {
    process.stderr.write(`breachbot: build failed: ${error}\n`);
    process.exit(1);
  }
}
