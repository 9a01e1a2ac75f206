// `npm run backup|restore|verify-audit|db:roles`: runs a compiled command (dist/cli/<name>.js) in
// this node process, compiling first when the build is missing or older than src/, as `npm start`
// does. The command's own arguments follow its name: `node scripts/run.mjs backup --out FILE`.
import { ensureBuilt } from './build.mjs';

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('breachbot: usage: node scripts/run.mjs <command> [arguments]\n');
  process.exit(2);
}
await ensureBuilt();
// The command reads process.argv.slice(2) as its arguments, as when run directly.
process.argv = [process.argv[0], `dist/cli/${name}.js`, ...args];
await import(`../dist/cli/${name}.js`);
