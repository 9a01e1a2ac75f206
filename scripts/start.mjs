// `npm start`: runs the compiled bot (dist/main.js) in this node process, after compiling it
// when the build is missing or older than src/ (a fresh checkout, a `git pull`, an edit).
import { ensureBuilt } from './build.mjs';
import { loadCommonJs } from './code-cache.mjs';

await ensureBuilt();

// npm does not pass a SIGTERM it receives on to the script it runs (a supervisor or `docker stop`
// that signals only npm's pid): npm exits and this process is left running, holding the data folder
// and its PostgreSQL. When the process that started us is gone, stop as if told to (main.ts shuts
// down cleanly on SIGTERM).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

// The bundle of dist/main.js (build.mjs): the same code, read from one file instead of ~900,
// through V8's code cache (code-cache.mjs).
loadCommonJs(new URL('../dist/bundle/main.cjs', import.meta.url));
