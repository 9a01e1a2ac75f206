import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One bot per embedded data folder: two PostgreSQL servers on one cluster would corrupt it.
 *
 * The lock is a kernel file lock (flock(2)) on `breachbot.lock`, held for the bot's whole life.
 * Process ids cannot do this job: two containers sharing a volume are both pid 1, and a process in
 * another PID namespace is invisible to kill(pid, 0). A kernel lock lives on the file itself, so it
 * holds across PID namespaces and containers on one host, and the kernel drops it the moment its
 * holder dies, however it dies (no stale lock to guess about).
 *
 * Node has no flock in its core, and the npm packages that add it are native add-ons needing a
 * compiler at install time. So the lock is held by util-linux's `flock` command (present wherever
 * util-linux or busybox is) in a child process whose stdin is a pipe from the bot: when the bot exits
 * or is killed, the pipe closes, the child exits and the kernel releases the lock.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: string,
  ) {
    super(
      `BREACHBOT_DATA_DIR ${dir} is in use by another breachbot (${holder}); stop it or choose another BREACHBOT_DATA_DIR`,
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
  release(): Promise<void>;
}

/** Folders this process holds, so a second start in the same process is refused with the same message. */
const heldHere = new Set<string>();

export const LOCK_FILE = 'breachbot.lock';

/** Takes the folder's lock or throws DataDirLockedError naming the holder. Never waits. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = join(dir, LOCK_FILE);
  if (heldHere.has(file)) throw new DataDirLockedError(dir, describeHolder(file));
  const child = spawn('flock', ['--exclusive', '--nonblock', file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const outcome = await new Promise<'locked' | 'busy' | Error>((resolve) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('locked')) resolve('locked');
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', (e: NodeJS.ErrnoException) =>
      resolve(
        new Error(
          e.code === 'ENOENT'
            ? 'the `flock` command (util-linux) is needed to lock the data folder; install util-linux or set DATABASE_URL'
            : `could not lock ${file}: ${e.message}`,
        ),
      ),
    );
    // flock --nonblock exits 1, silently, when another process holds the lock.
    child.once('exit', (code) => resolve(code === 1 && err.trim() === '' ? 'busy' : new Error(`could not lock ${file}: ${err.trim() || `flock exited with ${code}`}`)));
  });
  if (outcome !== 'locked') {
    child.kill();
    if (outcome === 'busy') throw new DataDirLockedError(dir, describeHolder(file));
    throw outcome;
  }
  // The holder's own description, for the message a second bot prints. The lock is on the inode, so
  // rewriting the content is safe.
  writeFileSync(file, `pid ${process.pid} on ${hostname()}\n`);
  heldHere.add(file);
  // The helper must not keep the bot's event loop alive, and must die with the bot.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  return {
    release: async () => {
      if (!heldHere.delete(file)) return;
      child.ref(); // keep the process alive until the helper has gone and the lock is free
      child.stdin.end();
      await exited;
    },
  };
}

function describeHolder(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim() || 'holder unknown';
  } catch {
    return 'holder unknown';
  }
}
