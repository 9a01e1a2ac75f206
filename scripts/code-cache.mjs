// Loads a CommonJS bundle through V8's code cache: the compiled code of the last start is kept
// next to the bundle (`<file>.cache`) and handed back to V8, which then skips most of parsing and
// compiling the bot at every start (about 100 ms of a restart; docs/benchmarks.md). Node 20 has
// no code cache for ES modules (module.enableCompileCache came in Node 22), hence CommonJS here.
//
// V8 checks the cache against the source and its own version and flags; a cache it rejects (a new
// Node, a new build) is ignored and written afresh. Writing is best effort: a read-only install
// simply starts without one.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The cache is written this long after loading (or at exit), so it also holds the code the start ran. */
const SAVE_AFTER_MS = 5_000;

export function loadCommonJs(url) {
  const file = fileURLToPath(url);
  const cacheFile = `${file}.cache`;
  const bytes = readFileSync(file);
  // esbuild writes ASCII (non-ASCII text as escapes): read as such, much faster than UTF-8.
  const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
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
    // Once, a few seconds in or at exit (a stop sooner, as in a quick restart), whichever is first.
    let saved = false;
    const saveOnce = () => {
      if (!saved) save(script, cacheFile);
      saved = true;
    };
    setTimeout(saveOnce, SAVE_AFTER_MS).unref();
    process.once('exit', saveOnce);
  }
  return mod.exports;
}

function save(script, cacheFile) {
  const tmp = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
}
