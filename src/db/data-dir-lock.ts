import { spawn, type ChildProcess } from 'node:child_process';
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
 * compiler at install time. So the lock is held by util-linux's `flock` command (or, where there is
 * none, perl's flock(), the same system call) in a child process whose stdin is a pipe from the bot:
 * when the bot exits or is killed, the pipe closes, the child exits and the kernel releases the lock.
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
  let child = spawnLocker(FLOCK, file);
  let outcome = await lockOutcome(child, file);
  if (outcome === 'missing') {
    // No util-linux (macOS, slim images): perl's flock() is the same kernel call.
    child = spawnLocker(PERL_FLOCK, file);
    outcome = await lockOutcome(child, file);
  }
  if (outcome === 'missing') {
    outcome = new Error('the `flock` command (util-linux) or perl is needed to lock the data folder; install util-linux or set DATABASE_URL');
  }
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
  for (const stream of [child.stdout, child.stderr, child.stdin]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  return {
    release: async () => {
      if (!heldHere.delete(file)) return;
      child.ref(); // keep the process alive until the helper has gone and the lock is free
      child.stdin!.end();
      await exited;
    },
  };
}

/** A command that takes the lock on its last argument, prints "locked", and holds it until stdin closes. */
const FLOCK = ['flock', '--exclusive', '--nonblock', '{file}', 'sh', '-c', 'echo locked; exec cat >/dev/null'];
const PERL_FLOCK = [
  'perl',
  '-e',
  'use Fcntl qw(:flock); open(my $f, ">>", $ARGV[0]) or die "$ARGV[0]: $!\\n"; flock($f, LOCK_EX | LOCK_NB) or exit 1; $| = 1; print "locked\\n"; 1 while <STDIN>;',
  '{file}',
];

function spawnLocker(command: string[], file: string): ChildProcess {
  const [cmd, ...args] = command.map((a) => (a === '{file}' ? file : a));
  return spawn(cmd!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
}

function lockOutcome(child: ChildProcess, file: string): Promise<'locked' | 'busy' | 'missing' | Error> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('locked')) resolve('locked');
    });
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? 'missing' : new Error(`could not lock ${file}: ${e.message}`)));
    // Both exit 1, silently, when another process holds the lock.
    child.once('exit', (code) => resolve(code === 1 && err.trim() === '' ? 'busy' : new Error(`could not lock ${file}: ${err.trim() || `exit ${code}`}`)));
  });
}

function describeHolder(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim() || 'holder unknown';
  } catch {
    return 'holder unknown';
  }
}
