import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A root-owned folder every user can pass through (0711) but only root can write: where, when
 * breachbot runs as root from a private folder (a checkout in /root, mode 0700), it keeps what the
 * unprivileged PostgreSQL server must reach: a copy of the server binaries and, when
 * BREACHBOT_DATA_DIR itself is out of reach, the cluster (BREACHBOT_DATA_DIR/pg then links to it).
 * A folder found with another owner or writable by others is never trusted.
 */
const CANDIDATES = ['/var/lib/breachbot', join(tmpdir(), 'breachbot-root')];

export function rootRuntimeDir(): string {
  const problems: string[] = [];
  for (const dir of CANDIDATES) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o711 });
      const st = lstatSync(dir);
      if (!st.isDirectory() || st.uid !== 0) {
        problems.push(`${dir} is not a folder owned by root`);
        continue;
      }
      chmodSync(dir, 0o711);
      return dir;
    } catch (err) {
      problems.push(`${dir}: ${(err as Error).message}`);
    }
  }
  throw new Error(`no folder for the embedded PostgreSQL that its user can reach (${problems.join('; ')})`);
}

/** A sub-folder of the runtime folder, created root-owned with `mode`. */
export function runtimeSubdir(name: string, mode: number): string {
  const dir = join(rootRuntimeDir(), name);
  mkdirSync(dir, { recursive: true, mode });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0) throw new Error(`${dir} is not a folder owned by root`);
  chmodSync(dir, mode);
  return dir;
}
