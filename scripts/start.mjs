// `npm start`: runs the compiled bot (dist/main.js) in this node process, after compiling it
// when the build is missing or older than src/ (a fresh checkout, a `git pull`, an edit).
import { ensureBuilt } from './build.mjs';

ensureBuilt();
await import('../dist/main.js');
