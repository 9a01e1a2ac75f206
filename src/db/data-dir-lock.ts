import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One bot per embedded data folder: two postgres servers on one data directory would corrupt it,
 * and two bots would each believe they own the server. The lock file holds the owner's pid; a lock
 * whose process is gone (the bot was killed) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `BREACHBOT_DATA_DIR ${dir} is in use by another breachbot (pid ${pid}); stop it or choose another BREACHBOT_DATA_DIR`,
    );
    this.name = 'DataDirLockedError';
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else, which still counts as alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  /** True when the previous owner died without releasing the lock (crash or SIGKILL). */
  readonly tookOverStale: boolean;
  release(): void;
}

/** Folders this process holds, so a second start in the same process is refused too. */
const heldHere = new Set<string>();

export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, 'breachbot.lock');
  if (heldHere.has(file)) throw new DataDirLockedError(dir, process.pid);
  let tookOverStale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      heldHere.add(file);
      return {
        tookOverStale,
        release: () => {
          heldHere.delete(file);
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      // Our own pid in the file, but not held here: a previous incarnation with the same pid
      // (a container's pid 1 after a restart), so it is stale.
      if (pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      rmSync(file, { force: true });
      tookOverStale = true;
    }
  }
  throw new Error(`could not lock ${file}`);
}
