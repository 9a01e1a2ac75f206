// Loads a CommonJS bundle through V8's code cache: the compiled code of the last start is kept
// next to the bundle (`<file>.cache`) and handed back to V8, which then skips most of parsing and
// compiling the bot at every start (about 100 ms of a restart; docs/benchmarks.md). Node 20 has
// no code cache for ES modules (module.enableCompileCache came in Node 22), hence CommonJS here.
//
// V8 checks a cache only against the source's length and its own version and flags, so the cache
// also names the bundle it was made from (size, modification time, inode): a bundle changed in
// any way, even to the same length, gets a new cache instead of old compiled code. A cache that
// does not match, or that V8 rejects, is ignored and written afresh. Writing is best effort: a
// read-only install simply starts without one.
import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The cache is written this long after loading (or at a clean exit), so it holds the start's code too. */
const SAVE_AFTER_MS = 5_000;

export function loadCommonJs(url) {
  const file = fileURLToPath(url);
  const cacheFile = `${file}.cache`;
  const bytes = readFileSync(file);
  const st = statSync(file);
  const header = Buffer.from(`breachbot code cache for ${st.size} ${st.mtimeMs} ${st.ino}\n`);
  // esbuild writes ASCII (build.mjs): read as such, much faster than UTF-8.
  const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
  let cachedData;
  try {
    const stored = readFileSync(cacheFile);
    if (stored.subarray(0, header.length).equals(header)) cachedData = stored.subarray(header.length);
  } catch {
    cachedData = undefined;
  }
  // No importModuleDynamically: esbuild turns the bundle's import() calls into require().
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    // Once, a few seconds in or at a clean exit (a quick restart), whichever is first; not after a
    // failed start, whose cache would hold little of the bot and be kept.
    let saved = false;
    const saveOnce = () => {
      if (!saved) save(script, header, cacheFile);
      saved = true;
    };
    setTimeout(saveOnce, SAVE_AFTER_MS).unref();
    process.once('exit', (code) => code === 0 && saveOnce());
  }
  return mod.exports;
}

function save(script, header, cacheFile) {
  // Random, not the pid: two containers sharing the folder can both be pid 1.
  const tmp = `${cacheFile}.${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
}
